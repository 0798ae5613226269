/**
 * A field `HardenWorkloads` may set on a pod it did not write. Each fix only fills in a field the manifest leaves
 * unset: a value the author wrote, secure or not, is kept (and the guardrails report it if it breaks a rule).
 */
export enum HardeningFix {
  /**
   * `runAsNonRoot: true` in the pod's securityContext (rule pss-run-as-non-root). Not set when the pod or a
   * container runs as uid 0 explicitly, or the pod sets `runAsNonRoot: false`: the kubelet would refuse to start
   * those containers. Without `RUN_AS_USER` the image must name a numeric non-root USER.
   */
  RUN_AS_NON_ROOT = 'RUN_AS_NON_ROOT',
  /**
   * `runAsUser` and `runAsGroup` in the pod's securityContext (rules workload-explicit-user, workload-high-uid,
   * workload-high-gid), when a container has none of its own, and `fsGroup` when `fsGroup` is given. A user the
   * pod or a container names is kept, and such a pod or container gets no group it did not ask for.
   */
  RUN_AS_USER = 'RUN_AS_USER',
  /** `seccompProfile: { type: RuntimeDefault }` in the pod's securityContext (rule pss-seccomp-restricted). */
  SECCOMP = 'SECCOMP',
  /**
   * `capabilities.drop: [ALL]` on every container that does not drop ALL (rule pss-capabilities-restricted). The
   * capabilities a container adds (such as NET_BIND_SERVICE) are kept.
   */
  DROP_CAPABILITIES = 'DROP_CAPABILITIES',
  /**
   * `allowPrivilegeEscalation: false` on every container that leaves it unset (rule pss-allow-privilege-escalation).
   * Not set on a privileged container or one that adds SYS_ADMIN: the API server refuses that combination.
   */
  NO_PRIVILEGE_ESCALATION = 'NO_PRIVILEGE_ESCALATION',
  /**
   * `readOnlyRootFilesystem: true` on every container that leaves it unset (rule
   * workload-read-only-root-filesystem), with the `writableDirectories` mounted into those containers.
   */
  READ_ONLY_ROOT_FILESYSTEM = 'READ_ONLY_ROOT_FILESYSTEM',
  /**
   * `automountServiceAccountToken: false` on the pod (rule workload-automount-service-account-token). Not set when
   * a RoleBinding or ClusterRoleBinding of the app grants the pod's ServiceAccount anything: that pod talks to
   * the API server and needs its token.
   */
  AUTOMOUNT_TOKEN = 'AUTOMOUNT_TOKEN',
  /**
   * The requests and limits given in `resources`, for each one a container leaves unset (rules
   * workload-cpu-request, workload-memory-limit, workload-ephemeral-storage, ...). Needs `resources`.
   */
  RESOURCES = 'RESOURCES',
  /**
   * A TCP readiness and liveness probe on the first declared port of a container that has ports and lacks the
   * probe (rules workload-readiness-probe, workload-liveness-probe). A probe the vendor wrote is kept.
   */
  PROBES = 'PROBES',
}
