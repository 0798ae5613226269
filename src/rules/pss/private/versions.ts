/**
 * The Pod Security Admission policy versions (as Kubernetes minor versions, 1.NN) at which a check, or a
 * revision of a check, starts to apply. Read from `k8s.io/pod-security-admission/policy/check_*.go`: each
 * check lists `VersionedCheck` entries with a `MinimumVersion`, and the registry picks, for a target version, the
 * newest entry at or below it. Rules, packs and `pssFailedChecks` all read these numbers so they cannot drift apart.
 */
export const PSA_SINCE = {
  /** `allowPrivilegeEscalation` exists from 1.8 (the field was added then). */
  allowPrivilegeEscalation: 8,
  /** `seccompProfile_baseline` reads the fields instead of the alpha annotations, and `seccompProfile_restricted` appears. */
  seccompFields: 19,
  /** `capabilities_restricted` appears (and overrides `capabilities_baseline` in the restricted profile). */
  capabilitiesRestricted: 22,
  /** `runAsUser` appears. */
  runAsUser: 23,
  /** `allowPrivilegeEscalation`, `seccompProfile_restricted` and `capabilities_restricted` skip pods with `spec.os.name: windows`. */
  windowsExemption: 25,
  /** `seLinuxOptions` also allows the `container_engine_t` type. */
  seLinuxContainerEngine: 31,
  /** `hostProbesAndHostLifecycle` appears. */
  hostProbes: 34,
  /** `procMount` (baseline), `runAsNonRoot` and `runAsUser` are skipped for pods with `spec.hostUsers: false`. */
  userNamespaceRelaxation: 35,
  /** `procMount_restricted` appears (and overrides `procMount` in the restricted profile). */
  procMountRestricted: 35,
} as const;

/**
 * The newest Pod Security Admission policy version the packs know (1.NN): the newest `MinimumVersion` read from
 * the admission code, including its main branch (the 1.37 sysctls). A namespace enforcing `latest`, and a run
 * that names no version, are judged at it.
 */
export const PSA_NEWEST_MINOR = 37;
