import * as kplus from 'cdk8s-plus-28';

/**
 * Verbs on resources that a workload may use through its `ApiAccess`: one rule of its Role.
 *
 * @example
 * // Read one ConfigMap by name, and watch it for changes.
 * const rule: ApiAccessRule = { verbs: ['get', 'watch'], resources: [kplus.ApiResource.CONFIG_MAPS], resourceNames: ['shop-settings'] };
 */
export interface ApiAccessRule {
  /**
   * The verbs allowed: `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, `deletecollection`, or the
   * RBAC verbs `escalate`, `bind` and `impersonate` (which need an override). `*` is refused.
   */
  readonly verbs: string[];

  /**
   * The resources the verbs apply to: `kplus.ApiResource.CONFIG_MAPS`, `kplus.ApiResource.custom({ apiGroup:
   * 'coordination.k8s.io', resourceType: 'leases' })`, or a cdk8s-plus object such as a `kplus.ConfigMap`, which
   * limits the rule to that object. A subresource is written `pods/log`. Wildcards are refused.
   */
  readonly resources: kplus.IApiResource[];

  /**
   * Limits the rule to the objects with these names. `create` and `deletecollection` cannot be limited by name (the
   * authorizer does not know the name of an object before it exists), so they are refused here; `list` and `watch`
   * then only work with a `metadata.name` field selector.
   * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources
   * @default - every object of the resources in the namespace
   */
  readonly resourceNames?: string[];
}
