import { SERVICES } from './private/services-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';
import { CelForm, CelTarget, celStrings } from '../../private/cel-form';

const EXPOSED_TYPES = ['NodePort', 'LoadBalancer'];

/** The CEL form: the Service is not of type NodePort or LoadBalancer. */
export const SERVICE_NOT_EXPOSED_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: SERVICES,
  compliant: `!has(object.spec.type) || !(object.spec.type in ${celStrings(EXPOSED_TYPES)})`,
  problem: 'is of type NodePort or LoadBalancer, which exposes the selected pods outside the cluster',
};

/**
 * A Service is not of type NodePort or LoadBalancer: both open the selected pods to traffic from outside the
 * cluster (every node's address, or a cloud load balancer), around any Ingress or gateway.
 */
export class ServiceNotExposed implements IRuleCheck {
  public readonly celForm = SERVICE_NOT_EXPOSED_CEL;

  public check(object: ManifestObject, _context: RuleContext): RuleViolation[] {
    if (object.kind !== 'Service' || object.apiGroup !== '') return [];
    const type = object.manifest?.spec?.type;
    if (typeof type !== 'string' || !EXPOSED_TYPES.includes(type)) return [];
    const reach = type === 'NodePort' ? 'on a port of every node' : 'through an external load balancer';
    return [{
      message: `spec.type is ${type}, which exposes the selected pods outside the cluster ${reach}: use ClusterIP behind an Ingress or Gateway`,
      path: 'spec.type',
    }];
  }
}
