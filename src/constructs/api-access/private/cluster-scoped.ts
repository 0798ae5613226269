import { DANGEROUS_PERMISSIONS } from '../../../rules/rbac/private/permissions';
import { Permission } from '../../../rules/rbac/private/policy-rules';

/**
 * Well-known cluster-scoped resources of the built-in API groups, as `<group>/<resource>` (`/nodes` for the core
 * group). A Role grants nothing on them, so a rule naming them is a mistake. `namespaces` is not listed: a Role
 * does grant access to its own Namespace object.
 */
const WELL_KNOWN = [
  '/nodes', '/persistentvolumes', '/componentstatuses',
  'rbac.authorization.k8s.io/clusterroles', 'rbac.authorization.k8s.io/clusterrolebindings',
  'storage.k8s.io/storageclasses', 'storage.k8s.io/csidrivers', 'storage.k8s.io/csinodes', 'storage.k8s.io/volumeattachments',
  'apiextensions.k8s.io/customresourcedefinitions', 'apiregistration.k8s.io/apiservices',
  'admissionregistration.k8s.io/validatingwebhookconfigurations', 'admissionregistration.k8s.io/mutatingwebhookconfigurations',
  'admissionregistration.k8s.io/validatingadmissionpolicies', 'admissionregistration.k8s.io/validatingadmissionpolicybindings',
  'certificates.k8s.io/certificatesigningrequests', 'scheduling.k8s.io/priorityclasses', 'node.k8s.io/runtimeclasses',
  'networking.k8s.io/ingressclasses', 'flowcontrol.apiserver.k8s.io/flowschemas',
  'flowcontrol.apiserver.k8s.io/prioritylevelconfigurations',
];

/** A cluster-scoped resource, with the dangerous permission of the rbac table it belongs to, if any. */
export interface ClusterScopedResource {
  readonly permission?: Permission;
}

/**
 * Whether a resource (or subresource) is cluster-scoped: one of the rbac table's cluster-scoped requests (nodes/proxy,
 * webhook configurations, CSR approval, impersonating users and groups...) or a well-known cluster-scoped kind.
 */
export function clusterScoped(group: string, resource: string): ClusterScopedResource | undefined {
  for (const permission of DANGEROUS_PERMISSIONS) {
    for (const request of permission.requests) {
      if (request.clusterScoped && request.groups.includes(group) && request.resources.includes(resource)) return { permission };
    }
  }
  const kind = resource.split('/')[0];
  return WELL_KNOWN.includes(`${group}/${kind}`) ? {} : undefined;
}
