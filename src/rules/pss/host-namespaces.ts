import { pssPodOf } from './private/pod';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'];

/** PSA `hostNamespaces` (baseline, 1.0+): the pod must not share the host's network, PID or IPC namespace. */
export class HostNamespacesCheck implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    const pod = pssPodOf(object);
    if (!pod) return [];
    return HOST_NAMESPACE_FIELDS
      .filter(field => pod.template.spec[field] === true)
      .map(field => ({
        message: `pod sets ${field} to true (must be unset or false)`,
        path: `${pod.template.specPath}.${field}`,
      }));
  }
}
