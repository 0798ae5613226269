import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

/**
 * A hardening default that a workload may deliberately relax through `overrides`.
 *
 * Each value names the refusal it lifts. The override is written on the workload as a
 * `cdk8s-hardened.io/suppress.<ruleId>` annotation, so the guardrail report lists it as a suppression with its reason.
 */
export enum HardeningCheck {
  /** Allows UID 0 or GID 0, or `ensureNonRoot: false`. Suppresses `pss-run-as-non-root` and `pss-run-as-user`. */
  RUN_AS_ROOT = 'RUN_AS_ROOT',
  /** Allows a UID or GID between 1 and 9999 (scanners such as kube-score and checkov want at least 10000). */
  LOW_USER_ID = 'LOW_USER_ID',
  /**
   * Lets the image choose its own user: no `runAsUser`/`runAsGroup` is emitted (`runAsNonRoot` stays true), for
   * images whose files belong to a fixed user.
   */
  IMAGE_USER = 'IMAGE_USER',
  /** Allows `privileged: true`. */
  PRIVILEGED = 'PRIVILEGED',
  /** Allows `allowPrivilegeEscalation: true`. */
  PRIVILEGE_ESCALATION = 'PRIVILEGE_ESCALATION',
  /** Allows adding capabilities other than `NET_BIND_SERVICE`. */
  CAPABILITIES = 'CAPABILITIES',
  /** Allows a seccomp profile of type `Unconfined`. */
  SECCOMP = 'SECCOMP',
  /** Allows `hostNetwork: true`. */
  HOST_NAMESPACES = 'HOST_NAMESPACES',
  /** Allows `hostPort` on container ports. */
  HOST_PORT = 'HOST_PORT',
  /** Allows `hostPath` volumes. */
  HOST_PATH = 'HOST_PATH',
  /** Allows images without a tag, with the `latest` tag, or without a digest when `requireDigest` is set. */
  IMAGE_TAG = 'IMAGE_TAG',
  /** Allows `readOnlyRootFilesystem: false`. */
  WRITABLE_ROOT_FILESYSTEM = 'WRITABLE_ROOT_FILESYSTEM',
  /** Allows `automountServiceAccountToken: true`. */
  SERVICE_ACCOUNT_TOKEN = 'SERVICE_ACCOUNT_TOKEN',
  /** Allows exposing the workload through a `NodePort` or `LoadBalancer` Service. */
  EXPOSED_SERVICE = 'EXPOSED_SERVICE',
}

/**
 * A deliberate exception to one hardening default, with the reason on record.
 *
 * @example
 * const override: HardeningOverride = { check: HardeningCheck.WRITABLE_ROOT_FILESYSTEM, reason: 'legacy CMS writes its cache next to the binary; OPS-42' };
 */
export interface HardeningOverride {
  /** The hardening default being relaxed. */
  readonly check: HardeningCheck;
  /** Why this is acceptable: at least 10 characters, shown in every guardrail report as the suppression reason. */
  readonly reason: string;
  /**
   * Last day (`YYYY-MM-DD`, inclusive) on which the exception holds; after it the guardrails report the finding again.
   * @default - never expires
   */
  readonly expires?: string;
}

/** Where DNS lookups go, for the egress rule every hardened workload gets. */
export interface DnsEgressOptions {
  /**
   * Labels of the namespace that runs the cluster DNS.
   * @default { 'kubernetes.io/metadata.name': 'kube-system' }
   */
  readonly namespaceLabels?: { [key: string]: string };
  /**
   * Labels of the cluster DNS pods.
   * @default { 'k8s-app': 'kube-dns' }
   */
  readonly podLabels?: { [key: string]: string };
}

/**
 * Hardening options shared by every hardened workload kind.
 *
 * Besides these, the cdk8s-plus props keep working with hardened defaults: the pod's `securityContext.user`,
 * `.group` and `.fsGroup` default to 10001, and a container that sets no user or group of its own runs as the pod's
 * (a pod given `securityContext: { user: 65532, group: 65532 }` runs every container as 65532);
 * `automountServiceAccountToken` defaults to false, `terminationGracePeriod` to 30 seconds, and each workload gets a
 * ServiceAccount of its own unless `serviceAccount` is given.
 */
export interface HardenedWorkloadProps {
  /**
   * Deliberate exceptions to the hardening defaults. Each needs a reason and becomes a suppression in the report.
   * @default - none: every refusal applies
   */
  readonly overrides?: HardeningOverride[];

  /**
   * Require every image to be pinned by digest (`image@sha256:...`), not only by a tag other than `latest`.
   * @default false
   */
  readonly requireDigest?: boolean;

  /**
   * Paths, besides `/tmp`, where every container gets a writable `emptyDir` (the root filesystem is read-only).
   * @default - only `/tmp`
   */
  readonly writablePaths?: string[];

  /**
   * Whether every container gets a writable `emptyDir` at `/tmp`.
   * @default true
   */
  readonly writableTmp?: boolean;

  /**
   * Size limit of each writable `emptyDir`. Memory-backed volumes count against the container's memory limit.
   * @default Size.mebibytes(64)
   */
  readonly writableVolumeSizeLimit?: Size;

  /**
   * Storage medium of the writable `emptyDir` volumes.
   * @default kplus.EmptyDirMedium.MEMORY
   */
  readonly writableVolumeMedium?: kplus.EmptyDirMedium;

  /**
   * Resources given to containers that set none; a container that sets only a request or only a limit of a resource
   * gets the other half equal to it.
   * @default - cpu 100m request / 500m limit, memory 128Mi / 256Mi, ephemeral-storage 1Gi / 2Gi
   */
  readonly defaultResources?: kplus.ContainerResources;

  /**
   * When set, the default readiness and liveness probes of containers that serve a port are HTTP GET requests on this
   * path instead of TCP connections.
   * @default - TCP socket probes on the container's first TCP port
   */
  readonly probePath?: string;

  /**
   * Whether the pods may resolve names through the cluster DNS (egress to 53/UDP and 53/TCP).
   * @default true
   */
  readonly allowDns?: boolean;

  /**
   * Where the cluster DNS runs, for clusters that label it differently.
   * @default - kube-dns pods (`k8s-app: kube-dns`) in kube-system
   */
  readonly dnsEgress?: DnsEgressOptions;
}

/** The values the hardened workloads use when a prop is not given, so tests and users can refer to them. */
export class HardeningDefaults {
  /** UID and GID of pods and containers, and the pod's `fsGroup`. */
  public static readonly USER_ID = 10001;
  /** Size limit of the writable `emptyDir` volumes, in MiB. */
  public static readonly WRITABLE_VOLUME_MIB = 64;
  /** `revisionHistoryLimit` of Deployments, StatefulSets and DaemonSets. */
  public static readonly REVISION_HISTORY_LIMIT = 5;
  /** Grace period given to pods on termination, in seconds. */
  public static readonly TERMINATION_GRACE_PERIOD_SECONDS = 30;

  private constructor() {}
}
