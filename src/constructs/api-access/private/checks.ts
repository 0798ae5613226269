import { BIND, CREATE_WORKLOADS, ESCALATE, IMPERSONATE, POD_EXEC, READ_SECRETS } from '../../../rules/rbac/private/permissions';
import { Permission } from '../../../rules/rbac/private/policy-rules';
import { ApiAccessCheck } from '../api-access-check';

/** What an ApiAccessCheck stands for: the rbac pack's permission (the same table the rules read) and its rule. */
export interface ApiAccessCheckInfo {
  readonly permission: Permission;
  /** The rbac rule that reports this permission on the Role. */
  readonly rule: string;
  /** How to do without it, for the refusal message. */
  readonly fix: string;
}

/** The rule that reports a dangerous permission on the workload whose ServiceAccount holds it. */
export const WORKLOAD_RULE = 'rbac-workload-service-account-permissions';

// The permissions come from the rbac pack, so the construct refuses exactly what the rules report; the rule IDs are
// held equal to the pack's by the tests (each override must suppress the finding the pack raises).
export const API_ACCESS_CHECKS: { [check in ApiAccessCheck]: ApiAccessCheckInfo } = {
  [ApiAccessCheck.READ_SECRETS]: {
    permission: READ_SECRETS,
    rule: 'rbac-secrets-read',
    fix: 'name the Secrets it reads in resourceNames (get only), or give the values to the container as files with SecretBackedEnv',
  },
  [ApiAccessCheck.CREATE_WORKLOADS]: {
    permission: CREATE_WORKLOADS,
    rule: 'rbac-create-workloads',
    fix: 'remove create, update and patch on these resources: whoever creates or changes a pod chooses its image and ServiceAccount; let a reviewed manifest or a controller create and change them',
  },
  [ApiAccessCheck.POD_EXEC]: {
    permission: POD_EXEC,
    rule: 'rbac-pod-exec',
    fix: 'remove these subresources; debug with ephemeral containers or logs granted to people, not to workloads',
  },
  [ApiAccessCheck.ESCALATE]: {
    permission: ESCALATE,
    rule: 'rbac-escalate',
    fix: 'remove escalate: roles are changed through reviewed manifests, not by workloads',
  },
  [ApiAccessCheck.BIND]: {
    permission: BIND,
    rule: 'rbac-bind',
    fix: 'remove bind: bindings are created through reviewed manifests, not by workloads',
  },
  [ApiAccessCheck.IMPERSONATE]: {
    permission: IMPERSONATE,
    rule: 'rbac-impersonate',
    fix: 'remove impersonate and grant the workload\'s own ServiceAccount the access it needs',
  },
};

/** The check that accepts a permission of the rbac table, if a Role can grant it. */
export function checkOf(permission: Permission): ApiAccessCheck | undefined {
  return (Object.keys(API_ACCESS_CHECKS) as ApiAccessCheck[]).find(c => API_ACCESS_CHECKS[c].permission === permission);
}
