/**
 * A dangerous permission that an `ApiAccess` grants only when an override accepts it with a reason.
 *
 * Each value is one of the rbac pack's dangerous permissions that a Role can grant in its namespace. The override
 * is written as a suppression on the Role (for the rbac rule of that permission) and on the workload (for
 * `rbac-workload-service-account-permissions`), so the guardrail report lists it with its reason.
 */
export enum ApiAccessCheck {
  /** Allows get, list or watch on Secrets without resourceNames. Suppresses `rbac-secrets-read`. */
  READ_SECRETS = 'READ_SECRETS',
  /**
   * Allows create on pods, replicationcontrollers or a workload kind, or update or patch on one (a Job's excepted).
   * Suppresses `rbac-create-workloads`.
   */
  CREATE_WORKLOADS = 'CREATE_WORKLOADS',
  /** Allows pods/exec, pods/attach or pods/portforward (create or get). Suppresses `rbac-pod-exec`. */
  POD_EXEC = 'POD_EXEC',
  /** Allows escalate on roles. Suppresses `rbac-escalate`. */
  ESCALATE = 'ESCALATE',
  /** Allows bind on roles. Suppresses `rbac-bind`. */
  BIND = 'BIND',
  /** Allows impersonate on serviceaccounts. Suppresses `rbac-impersonate`. */
  IMPERSONATE = 'IMPERSONATE',
}

/**
 * A deliberate grant of one dangerous permission, with the reason on record.
 *
 * @example
 * const override: ApiAccessOverride = { check: ApiAccessCheck.CREATE_WORKLOADS, reason: 'the job runner creates one Job per build; PLAT-12' };
 */
export interface ApiAccessOverride {
  /** The dangerous permission being granted. */
  readonly check: ApiAccessCheck;
  /** Why this is acceptable: at least 10 characters, shown in every guardrail report as the suppression reason. */
  readonly reason: string;
  /**
   * Last day (`YYYY-MM-DD`, inclusive) on which the exception holds; after it the guardrails report the finding again.
   * @default - never expires
   */
  readonly expires?: string;
}
