/**
 * A Pod Security Standards profile, as the Pod Security Admission namespace labels name it.
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
export enum PodSecurityLevel {
  /** Unrestricted: no Pod Security Standards control applies. */
  PRIVILEGED = 'privileged',
  /** Prevents known privilege escalations; allows the default pod configuration. */
  BASELINE = 'baseline',
  /** Current pod hardening best practice: the default of every IsolatedNamespace. */
  RESTRICTED = 'restricted',
}

