import { SERVICES } from './private/services-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { CelForm, CelTarget } from '../../private/cel-form';

/** The CEL form: the Service sets no externalIPs. */
export const SERVICE_NO_EXTERNAL_IPS_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: SERVICES,
  compliant: '!has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0',
  problem: 'sets spec.externalIPs',
};

/**
 * A Service sets no `externalIPs`: whoever may create such a Service can intercept traffic for any address
 * (CVE-2020-8554), and the addresses bypass the cluster's load-balancer controls.
 */
export class ServiceNoExternalIps implements IRuleCheck {
  public readonly celForm = SERVICE_NO_EXTERNAL_IPS_CEL;

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
