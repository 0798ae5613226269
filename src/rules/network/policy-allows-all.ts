import { openRules } from './private/open-rules';
import { isNetworkPolicy, policyTypesOf } from './private/policies';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/**
 * No NetworkPolicy rule allows every peer on every port: an ingress rule without `from` (or with an empty peer
 * `{}`, or an ipBlock of `0.0.0.0/0` / `::/0` without exceptions) and without `ports`, or the egress equivalent.
 * Such a rule undoes the isolation of every pod the policy selects.
 */
export class PolicyAllowsAll implements IRuleCheck {
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
