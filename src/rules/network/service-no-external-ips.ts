import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/**
 * A Service sets no `externalIPs`: whoever may create such a Service can intercept traffic for any address
 * (CVE-2020-8554), and the addresses bypass the cluster's load-balancer controls.
 */
export class ServiceNoExternalIps implements IRuleCheck {
  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (object.kind !== 'Service' || object.apiGroup !== '') return [];
    const ips = object.manifest?.spec?.externalIPs;
    if (!Array.isArray(ips) || ips.length === 0) return [];
    return [{
      message: `spec.externalIPs is set (${ips.map(ip => String(ip)).join(', ')}): remove it and expose the Service through an Ingress, Gateway or managed load balancer`,
      path: 'spec.externalIPs',
    }];
  }
}
