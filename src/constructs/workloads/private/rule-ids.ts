import { HardeningCheck } from '../hardening';

/** What each refusal protects: the rule it would break (named in errors) and the rules an override suppresses. */
export interface CheckInfo {
  /** The rule named in the refusal message. */
  readonly rule: string;
  /** Why the rule exists, in one clause. */
  readonly risk: string;
  /** Rule IDs whose findings an override of this check suppresses. */
  readonly suppresses: string[];
  /**
   * Whether the rules read another object than the workload (the Service `exposeViaService` creates): the override
   * is then written on that object when the construct relies on it, and on the workload only when nothing did, so
   * that the report calls it unused exactly when it is. @default false
   */
  readonly recordedWhereRelied?: boolean;
}

// Rule IDs follow the packs' naming (`pss-...`, `workload-...`, `network-...`). They live here only, so aligning
// them with the packs is a one-file change.
export const CHECKS: { [check in HardeningCheck]: CheckInfo } = {
  [HardeningCheck.RUN_AS_ROOT]: {
    rule: 'pss-run-as-non-root',
    risk: 'a process running as root owns the container and is one kernel bug away from the node',
    suppresses: ['pss-run-as-non-root', 'pss-run-as-user', 'workload-root-group'],
  },
  [HardeningCheck.LOW_USER_ID]: {
    rule: 'workload-high-uid',
    risk: 'UIDs and GIDs below 10000 can collide with users of the node',
    suppresses: ['workload-high-uid', 'workload-high-gid'],
  },
  [HardeningCheck.IMAGE_USER]: {
    rule: 'workload-explicit-user',
    risk: 'without runAsUser the image decides which user runs',
    suppresses: ['workload-explicit-user'],
  },
  [HardeningCheck.PRIVILEGED]: {
    rule: 'pss-privileged',
    risk: 'a privileged container has every capability and the devices of the node',
    suppresses: ['pss-privileged'],
  },
  [HardeningCheck.PRIVILEGE_ESCALATION]: {
    rule: 'pss-allow-privilege-escalation',
    risk: 'setuid binaries can gain more privileges than the process started with',
    suppresses: ['pss-allow-privilege-escalation'],
  },
  [HardeningCheck.CAPABILITIES]: {
    rule: 'pss-capabilities-restricted',
    risk: 'added capabilities give kernel powers beyond binding low ports',
    suppresses: ['pss-capabilities-baseline', 'pss-capabilities-restricted', 'workload-dangerous-capabilities'],
  },
  [HardeningCheck.SECCOMP]: {
    rule: 'pss-seccomp-restricted',
    risk: 'an unconfined process can make every system call',
    suppresses: ['pss-seccomp-baseline', 'pss-seccomp-restricted'],
  },
  [HardeningCheck.HOST_NAMESPACES]: {
    rule: 'pss-host-namespaces',
    risk: 'host namespaces expose the node\'s network, processes or IPC to the pod',
    suppresses: ['pss-host-namespaces'],
  },
  [HardeningCheck.HOST_PORT]: {
    rule: 'pss-host-ports',
    risk: 'a host port binds the node\'s network interface and bypasses network policies',
    suppresses: ['pss-host-ports'],
  },
  [HardeningCheck.HOST_PATH]: {
    rule: 'pss-host-path-volumes',
    risk: 'a hostPath volume reads or writes the node\'s filesystem',
    suppresses: ['pss-host-path-volumes', 'pss-restricted-volumes', 'workload-sensitive-host-path', 'workload-container-runtime-socket'],
  },
  [HardeningCheck.IMAGE_TAG]: {
    rule: 'workload-image-tag-pinned',
    risk: 'an unpinned image changes under the workload without a deploy',
    suppresses: ['workload-image-tag-pinned', 'workload-image-digest'],
  },
  [HardeningCheck.WRITABLE_ROOT_FILESYSTEM]: {
    rule: 'workload-read-only-root-filesystem',
    risk: 'a writable root filesystem lets an intruder change binaries and persist tools',
    suppresses: ['workload-read-only-root-filesystem'],
  },
  [HardeningCheck.SERVICE_ACCOUNT_TOKEN]: {
    rule: 'workload-automount-service-account-token',
    risk: 'a mounted token lets anyone in the pod call the Kubernetes API',
    suppresses: ['workload-automount-service-account-token'],
  },
  [HardeningCheck.EXPOSED_SERVICE]: {
    rule: 'network-service-not-exposed',
    risk: 'NodePort and LoadBalancer Services are reachable from outside the cluster',
    suppresses: ['network-service-not-exposed'],
    recordedWhereRelied: true,
  },
};
