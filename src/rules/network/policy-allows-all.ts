import { openRules } from './private/open-rules';
import { celNoOpenRule, NETWORK_POLICIES } from './private/open-rules-cel';
import { isNetworkPolicy, policyTypesOf } from './private/policies';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { CelForm, CelTarget } from '../../private/cel-form';

/** The CEL form: no rule of an isolated direction without ports lets every peer through. */
export const POLICY_ALLOWS_ALL_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: NETWORK_POLICIES,
  compliant: celNoOpenRule(false),
  problem: 'has a rule in spec.ingress or spec.egress that allows every peer on every port; name the peers and the ports it needs',
};

/**
 * No NetworkPolicy rule allows every peer on every port: an ingress rule without `from` (or with an empty peer
 * `{}`, or an ipBlock of `0.0.0.0/0` / `::/0` without exceptions) and without `ports`, or the egress equivalent.
 * Such a rule undoes the isolation of every pod the policy selects.
 */
export class PolicyAllowsAll implements IRuleCheck {
  public readonly celForm = POLICY_ALLOWS_ALL_CEL;

  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (!isNetworkPolicy(object)) return [];
    const types = policyTypesOf(object.manifest?.spec);
    return openRules(object.manifest?.spec, types)
      .filter(r => !r.hasPorts)
      .map(r => ({
        message: `${r.path} allows ${r.direction === 'Ingress' ? 'ingress from every source' : 'egress to every destination'} `
          + `on every port (${r.reason}): name the peers (podSelector, namespaceSelector or a narrow ipBlock) and the ports it needs`,
        path: r.peerPath ?? r.path,
      }));
  }
}
