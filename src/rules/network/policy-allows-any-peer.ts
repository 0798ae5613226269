import { describePorts, openRules } from './private/open-rules';
import { celNoOpenRule, NETWORK_POLICIES } from './private/open-rules-cel';
import { isNetworkPolicy, policyTypesOf } from './private/policies';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { CelForm, CelTarget } from '../../private/cel-form';

/** The CEL form: no rule of an isolated direction with ports lets every peer through. */
export const POLICY_ALLOWS_ANY_PEER_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: NETWORK_POLICIES,
  compliant: celNoOpenRule(true),
  problem: 'has a rule in spec.ingress or spec.egress that allows every peer on some ports; name the peers it needs',
};

/**
 * No NetworkPolicy rule allows every peer, even on a few ports: an ingress rule without `from` (or with an empty
 * peer, or an all-addresses ipBlock) that lists ports, or the egress equivalent. Rules open on every port are
 * the error-level `network-policy-allows-all`.
 */
export class PolicyAllowsAnyPeer implements IRuleCheck {
  public readonly celForm = POLICY_ALLOWS_ANY_PEER_CEL;

  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (!isNetworkPolicy(object)) return [];
    const types = policyTypesOf(object.manifest?.spec);
    return openRules(object.manifest?.spec, types)
      .filter(r => r.hasPorts)
      .map(r => ({
        message: `${r.path} allows ${r.direction === 'Ingress' ? 'ingress from every source' : 'egress to every destination'} `
          + `on ${describePorts(r.rule.ports)} (${r.reason}): name the peers it needs with podSelector, namespaceSelector or a narrow ipBlock`,
        path: r.peerPath ?? r.path,
      }));
  }
}
