import { Rule, RuleScope } from '../engine/rule';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import { AutomountServiceAccountTokenCheck } from '../rules/workload/automount-service-account-token';
import { ContainerRuntimeSocketCheck } from '../rules/workload/container-runtime-socket';
import { CpuLimitCheck } from '../rules/workload/cpu-limit';
import { CpuRequestCheck } from '../rules/workload/cpu-request';
import { DangerousCapabilitiesCheck } from '../rules/workload/dangerous-capabilities';
import { DedicatedServiceAccountCheck } from '../rules/workload/dedicated-service-account';
import { EphemeralStorageCheck } from '../rules/workload/ephemeral-storage';
import { ExplicitUserCheck } from '../rules/workload/explicit-user';
import { HighGidCheck } from '../rules/workload/high-gid';
import { HighUidCheck } from '../rules/workload/high-uid';
import { ImageDigestCheck } from '../rules/workload/image-digest';
import { ImageRegistryAllowListCheck } from '../rules/workload/image-registry-allow-list';
import { ImageTagPinnedCheck } from '../rules/workload/image-tag-pinned';
import { LivenessProbeCheck } from '../rules/workload/liveness-probe';
import { MemoryLimitCheck } from '../rules/workload/memory-limit';
import { MemoryRequestCheck } from '../rules/workload/memory-request';
import { ReadOnlyRootFilesystemCheck } from '../rules/workload/read-only-root-filesystem';
import { ReadinessProbeCheck } from '../rules/workload/readiness-probe';
import { RootGroupCheck } from '../rules/workload/root-group';
import { SensitiveHostPathCheck } from '../rules/workload/sensitive-host-path';
import { SlimBaseImageCheck } from '../rules/workload/slim-base-image';

const CONTAINERS = 'spec.containers[*]';
const ALL_CONTAINERS = ['spec.containers[*]', 'spec.initContainers[*]', 'spec.ephemeralContainers[*]'];
const RESOURCE_CONTAINERS = ['spec.containers[*]', 'spec.initContainers[*]'];

/**
 * Rules that are not in the workload pack by default because they need configuration.
 *
 * @example
 * const pack = Packs.workload().withRules(WorkloadRules.registryAllowList(['ghcr.io/acme/', 'registry.internal:5000/']));
 */
export class WorkloadRules {
  /** The ID of the rule `registryAllowList` returns. */
  public static readonly REGISTRY_ALLOW_LIST_ID = 'workload-image-registry-allowed';

  /**
   * A rule (error) that every container image comes from one of the allowed registry prefixes.
   *
   * A prefix matches the image as written or its fully qualified name (`docker.io/library/nginx` for `nginx`), and
   * a prefix that does not end in `/` matches whole path components only (`ghcr.io/acme` does not allow
   * `ghcr.io/acmecorp/app`).
   *
   * @param allowedPrefixes registry prefixes such as `ghcr.io/acme/` or `registry.internal:5000/`; at least one.
   */
  public static registryAllowList(allowedPrefixes: string[]): Rule {
    const check = new ImageRegistryAllowListCheck(allowedPrefixes);
    return new Rule({
      id: WorkloadRules.REGISTRY_ALLOW_LIST_ID,
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: `Every container image comes from an allowed registry (${check.allowedPrefixes.join(', ')}).`,
      explanation: 'An image from an arbitrary registry has not passed your organisation\'s scanning, signing and provenance checks, and a typo-squatted name on a public registry can run an attacker\'s code. Restricting images to known registries keeps every running binary inside the supply chain you control.',
      remediation: 'Mirror or rebuild the image into one of the allowed registries and reference it there, or add its registry to the allow-list after review.',
      fields: ALL_CONTAINERS.map(c => `${c}.image`),
      equivalents: { trivy: 'KSV-0125' },
      check,
    });
  }

  private constructor() {}
}

/** Container hygiene: resources, probes, pinned and slim images, read-only root filesystem, service accounts, users and capabilities. */
export function workloadPack(): RulePack {
  return new RulePack({
    name: 'workload',
    description: 'Container hygiene: resources, probes, pinned and slim images, read-only root filesystem, service accounts, users and capabilities.',
    rules: [
      new Rule({
        id: 'workload-memory-limit',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'Every container sets a memory limit.',
        explanation: 'Memory cannot be throttled: a container without a memory limit can grow until the node runs out of memory, and then the kernel and the kubelet kill or evict other pods on that node. A limit confines a leak or an attack to the container that causes it.',
        remediation: 'Set resources.limits.memory on every container and init container, sized from observed peak usage plus headroom (for example 512Mi). A LimitRange can supply a default, but an explicit value in the manifest is reviewed with the code.',
        fields: RESOURCE_CONTAINERS.map(c => `${c}.resources.limits.memory`),
        equivalents: { kubeLinter: 'unset-memory-requirements', polaris: 'memoryLimitsMissing', kubesec: 'LimitsMemory', kubeScore: 'container-resources', checkov: 'CKV_K8S_13', trivy: 'KSV-0018' },
        check: new MemoryLimitCheck(),
      }),
      new Rule({
        id: 'workload-memory-request',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every container has a memory request, set or taken from its memory limit.',
        explanation: 'The scheduler places pods by their requests. Without a memory request a pod can land on a node that cannot hold it, and it is among the first evicted under memory pressure. A container that sets a memory limit and no request is not reported: the API server sets the request to the limit on every Pod (including the Pods a controller creates from a template), so the whole limit is reserved. Other scanners (checkov CKV_K8S_12) count it as missing.',
        remediation: 'Set resources.requests.memory on every container and init container to its typical working set, no higher than the memory limit. Setting only the limit reserves the whole limit.',
        fields: RESOURCE_CONTAINERS.map(c => `${c}.resources.requests.memory`),
        equivalents: { polaris: 'memoryRequestsMissing', kubesec: 'RequestsMemory', kubeScore: 'container-resources', checkov: 'CKV_K8S_12', trivy: 'KSV-0016' },
        check: new MemoryRequestCheck(),
      }),
      new Rule({
        id: 'workload-cpu-request',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every container has a CPU request, set or taken from its CPU limit.',
        explanation: 'Without a CPU request the scheduler cannot reserve processor time for the pod, so it competes as best-effort with every neighbour and can be starved under load. A container that sets a CPU limit and no request is not reported: the API server sets the request to the limit on every Pod (including the Pods a controller creates from a template), so the whole limit is reserved. Other scanners (checkov CKV_K8S_10) count it as missing.',
        remediation: 'Set resources.requests.cpu on every container and init container to its typical usage (for example 100m). Setting only the limit reserves the whole limit.',
        fields: RESOURCE_CONTAINERS.map(c => `${c}.resources.requests.cpu`),
        equivalents: { kubeLinter: 'unset-cpu-requirements', polaris: 'cpuRequestsMissing', kubesec: 'RequestsCPU', kubeScore: 'container-resources', checkov: 'CKV_K8S_10', trivy: 'KSV-0015' },
        check: new CpuRequestCheck(),
      }),
      new Rule({
        id: 'workload-cpu-limit',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every container sets a CPU limit.',
        explanation: 'A container without a CPU limit can use every idle core of its node, so a runaway loop or a crypto-miner slows every other pod there. CPU is throttled rather than killed, which is why this is a warning and not an error.',
        remediation: 'Set resources.limits.cpu on every container and init container. If you deliberately run without CPU limits to avoid throttling, suppress this rule with that reason.',
        fields: RESOURCE_CONTAINERS.map(c => `${c}.resources.limits.cpu`),
        equivalents: { polaris: 'cpuLimitsMissing', kubesec: 'LimitsCPU', kubeScore: 'container-resources', checkov: 'CKV_K8S_11', trivy: 'KSV-0011' },
        check: new CpuLimitCheck(),
      }),
      new Rule({
        id: 'workload-ephemeral-storage',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every container sets an ephemeral-storage limit, and has a request, set or taken from the limit.',
        explanation: 'Writable layers, emptyDir volumes and logs consume the node\'s disk. Without an ephemeral-storage limit one container can fill the disk and get every pod on the node evicted; without a request the scheduler cannot account for it. A container that sets the limit and no request has its request: the API server sets it to the limit on every Pod.',
        remediation: 'Set resources.requests["ephemeral-storage"] and resources.limits["ephemeral-storage"] on every container and init container (for example 64Mi and 256Mi).',
        fields: RESOURCE_CONTAINERS.flatMap(c => [`${c}.resources.requests.ephemeral-storage`, `${c}.resources.limits.ephemeral-storage`]),
        equivalents: { kubeScore: 'container-ephemeral-storage-request-and-limit' },
        check: new EphemeralStorageCheck(),
      }),
      new Rule({
        id: 'workload-readiness-probe',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every container that declares ports has a readiness probe.',
        explanation: 'Without a readiness probe a Service sends traffic to a pod as soon as its process starts, before it can answer, and keeps sending it when the pod can no longer serve. Rollouts then drop requests.',
        remediation: 'Add a readinessProbe (httpGet on a health endpoint, or tcpSocket on the served port) to every container and sidecar that declares ports.',
        fields: [`${CONTAINERS}.ports`, `${CONTAINERS}.readinessProbe`, 'spec.initContainers[*].readinessProbe'],
        equivalents: { kubeLinter: 'no-readiness-probe', polaris: 'readinessProbeMissing', kubeScore: 'pod-probes', checkov: 'CKV_K8S_9' },
        check: new ReadinessProbeCheck(),
      }),
      new Rule({
        id: 'workload-liveness-probe',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every container that declares ports has a liveness probe.',
        explanation: 'Without a liveness probe a server that deadlocks or stops answering keeps running forever, because Kubernetes only restarts containers whose process exits.',
        remediation: 'Add a livenessProbe to every container and sidecar that declares ports. Make it cheaper and more tolerant than the readiness probe so a slow dependency does not trigger restarts.',
        fields: [`${CONTAINERS}.ports`, `${CONTAINERS}.livenessProbe`, 'spec.initContainers[*].livenessProbe'],
        equivalents: { kubeLinter: 'no-liveness-probe', polaris: 'livenessProbeMissing', kubeScore: 'pod-probes', checkov: 'CKV_K8S_8' },
        check: new LivenessProbeCheck(),
      }),
      new Rule({
        id: 'workload-image-tag-pinned',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'Every container image names a version: a tag other than latest, or a digest.',
        explanation: 'An image without a tag means :latest, and :latest changes whenever someone pushes. Two nodes can then run different code under one manifest, a rollback restores nothing, and a compromised push reaches production on the next pod restart.',
        remediation: 'Reference every image by an immutable version tag (app:1.4.2) or, better, by digest (app:1.4.2@sha256:...).',
        fields: ALL_CONTAINERS.map(c => `${c}.image`),
        equivalents: { kubeLinter: 'latest-tag', polaris: 'tagNotSpecified', kubeScore: 'container-image-tag', checkov: 'CKV_K8S_14', trivy: 'KSV-0013' },
        check: new ImageTagPinnedCheck(),
      }),
      new Rule({
        id: 'workload-image-digest',
        severity: Severity.INFO,
        scope: RuleScope.OBJECT,
        summary: 'Every container image pinned by tag is also pinned by digest.',
        explanation: 'A tag is a movable pointer: whoever can push to the repository can make the same tag serve other content. A digest names exactly one image, so what was reviewed and scanned is what runs.',
        remediation: 'Append the digest of the reviewed image to the reference (app:1.4.2@sha256:...), and let a tool such as Renovate keep tag and digest current.',
        fields: ALL_CONTAINERS.map(c => `${c}.image`),
        equivalents: { checkov: 'CKV_K8S_43' },
        check: new ImageDigestCheck(),
      }),
      new Rule({
        id: 'workload-slim-base-image',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'No container runs a full-distribution official image where a slim, alpine or distroless variant exists.',
        explanation: 'Full distributions such as ubuntu, debian, python or node ship shells, package managers and compilers the application never uses. Each is attack surface for whoever gets code execution, and each brings CVEs that scanners report and someone must triage.',
        remediation: 'Switch to the slim or alpine variant of the image (python:3.12-slim, node:20-alpine), or build in a multi-stage Dockerfile and ship on a distroless image.',
        fields: ALL_CONTAINERS.map(c => `${c}.image`),
        check: new SlimBaseImageCheck(),
      }),
      new Rule({
        id: 'workload-read-only-root-filesystem',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'Every container runs with a read-only root filesystem.',
        explanation: 'A writable root filesystem lets an intruder drop tools, modify binaries and libraries, or persist across processes inside the container. The Pod Security Standards do not require it, but this library\'s purpose is hardened workloads, and a read-only root costs only an emptyDir for the paths the application really writes; so it is an error here.',
        remediation: 'Set securityContext.readOnlyRootFilesystem: true on every container and mount emptyDir volumes at the paths the application writes (for example /tmp).',
        fields: ALL_CONTAINERS.map(c => `${c}.securityContext.readOnlyRootFilesystem`),
        equivalents: { kubeLinter: 'no-read-only-root-fs', polaris: 'notReadOnlyRootFilesystem', kubesec: 'ReadOnlyRootFilesystem', kubeScore: 'container-security-context-readonlyrootfilesystem', checkov: 'CKV_K8S_22', trivy: 'KSV-0014' },
        check: new ReadOnlyRootFilesystemCheck(),
      }),
      new Rule({
        id: 'workload-automount-service-account-token',
        severity: Severity.WARNING,
        summary: 'Pods do not mount a ServiceAccount token unless they set automountServiceAccountToken to false or their ServiceAccount does.',
        explanation: 'By default every pod gets a token for the Kubernetes API mounted into every container. Most applications never call the API, and a stolen token lets an intruder act with the pod\'s permissions against the cluster.',
        remediation: 'Set spec.automountServiceAccountToken: false on the pod template (or on its ServiceAccount). Pods that call the API should mount a projected token volume with a short expiry and an audience instead.',
        fields: ['spec.automountServiceAccountToken', 'spec.serviceAccountName', 'ServiceAccount.automountServiceAccountToken'],
        equivalents: { polaris: 'automountServiceAccountToken', kubesec: 'AutomountServiceAccountToken', checkov: 'CKV_K8S_38', trivy: 'KSV-0036' },
        check: new AutomountServiceAccountTokenCheck(),
      }),
      new Rule({
        id: 'workload-dedicated-service-account',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Pods run as a dedicated ServiceAccount, not the namespace\'s default one.',
        explanation: 'The default ServiceAccount is shared by every pod of the namespace that names none, so a permission granted for one workload is silently granted to all of them, and audit logs cannot tell them apart.',
        remediation: 'Create a ServiceAccount per workload and set spec.serviceAccountName to it; grant RBAC permissions to that account only.',
        fields: ['spec.serviceAccountName', 'spec.serviceAccount'],
        equivalents: { kubeLinter: 'default-service-account', kubesec: 'ServiceAccountName' },
        check: new DedicatedServiceAccountCheck(),
      }),
      new Rule({
        id: 'workload-high-uid',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every runAsUser that is set is at least 10000.',
        explanation: 'Low UIDs are the users of the host: a container process that escapes with UID 1000 acts as a real account on the node, with its files and permissions. UIDs from 10000 up collide with no host user. Scanners disagree on the bound (>10000 for kubesec and Trivy), so the library itself emits 10001.',
        remediation: 'Set runAsUser to 10000 or above (10001 satisfies every scanner) on the pod and containers, and build the image to run as that user; or leave runAsUser unset and rely on runAsNonRoot with a non-root USER in the image.',
        fields: ['spec.securityContext.runAsUser', ...ALL_CONTAINERS.map(c => `${c}.securityContext.runAsUser`)],
        equivalents: { kubesec: 'RunAsUser', kubeScore: 'container-security-context-user-group-id', checkov: 'CKV_K8S_40', trivy: 'KSV-0020' },
        check: new HighUidCheck(),
      }),
      new Rule({
        id: 'workload-explicit-user',
        severity: Severity.INFO,
        scope: RuleScope.OBJECT,
        summary: 'Every container runs as an explicit user, set on the container or inherited from the pod.',
        explanation: 'Without runAsUser the image\'s USER decides who runs, and a rebuilt image can switch users (even to root, which runAsNonRoot then refuses at start) without any manifest changing. An explicit UID of 10000 or more also keeps files on shared volumes owned predictably. Images that must choose their own user are a deliberate exception and should be suppressed with a reason.',
        remediation: 'Set spec.securityContext.runAsUser (and runAsGroup) to 10000 or above (10001 satisfies every scanner), or suppress the rule with a reason for an image that must pick its own user.',
        fields: ['spec.securityContext.runAsUser', ...ALL_CONTAINERS.map(c => `${c}.securityContext.runAsUser`)],
        equivalents: { kubeScore: 'container-security-context-user-group-id', checkov: 'CKV_K8S_40' },
        check: new ExplicitUserCheck(),
      }),
      new Rule({
        id: 'workload-high-gid',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every runAsGroup and fsGroup that is set is at least 10000.',
        explanation: 'Low GIDs are the groups of the host (disk, docker, adm, ...): a process that escapes with such a group can read or write what that group owns on the node. GIDs from 10000 up collide with no host group. Group 0 is reported by workload-root-group instead.',
        remediation: 'Set runAsGroup and fsGroup to 10000 or above (10001 satisfies every scanner), or leave them unset.',
        fields: ['spec.securityContext.runAsGroup', 'spec.securityContext.fsGroup', ...ALL_CONTAINERS.map(c => `${c}.securityContext.runAsGroup`)],
        equivalents: { kubesec: 'RunAsGroup', kubeScore: 'container-security-context-user-group-id', trivy: 'KSV-0021' },
        check: new HighGidCheck(),
      }),
      new Rule({
        id: 'workload-root-group',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'No pod or container runs with the root group (runAsGroup, fsGroup or supplementalGroups 0).',
        explanation: 'Group 0 owns many files and directories in images and on the host, often group-writable. A non-root user in the root group can still change them, which undoes much of running as non-root. The historic Pod Security Standards listed this control; Pod Security Admission never implemented it.',
        remediation: 'Set runAsGroup and fsGroup to a non-zero group (10001 or above) and remove 0 from supplementalGroups.',
        fields: ['spec.securityContext.runAsGroup', 'spec.securityContext.fsGroup', 'spec.securityContext.supplementalGroups', ...ALL_CONTAINERS.map(c => `${c}.securityContext.runAsGroup`)],
        equivalents: { trivy: 'KSV-0116' },
        check: new RootGroupCheck(),
      }),
      new Rule({
        id: 'workload-dangerous-capabilities',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No container adds a dangerous Linux capability such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE, NET_RAW or ALL.',
        explanation: 'These capabilities hand a container powers of root over the node: mounting filesystems, loading kernel modules, tracing other processes, reconfiguring or sniffing the network, bypassing file permissions. Most container escapes start from one of them. NET_BIND_SERVICE and the other harmless capabilities are not affected.',
        remediation: 'Remove the capability from securityContext.capabilities.add (and keep drop: [ALL]). If a node agent truly needs it, run it in a dedicated namespace and suppress this rule there with the reason.',
        fields: ALL_CONTAINERS.map(c => `${c}.securityContext.capabilities.add`),
        equivalents: { polaris: 'dangerousCapabilities', kubesec: 'CapSysAdmin', checkov: 'CKV_K8S_39', trivy: 'KSV-0005' },
        check: new DangerousCapabilitiesCheck(),
      }),
      new Rule({
        id: 'workload-container-runtime-socket',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No pod mounts a container runtime socket (Docker, containerd, CRI-O, Podman) or a directory containing one.',
        explanation: 'Whoever can talk to the container runtime can start a privileged container with the host filesystem mounted: a runtime socket in a pod is root on the node for anyone who compromises that pod.',
        remediation: 'Remove the hostPath volume. Build images with a rootless builder (BuildKit rootless, kaniko, buildah) and read container metadata from the Kubernetes API instead of the runtime.',
        fields: ['spec.volumes[*].hostPath.path'],
        equivalents: { kubeLinter: 'docker-sock', kubesec: 'DockerSock', checkov: 'CKV_K8S_27', trivy: 'KSV-0006' },
        check: new ContainerRuntimeSocketCheck(),
      }),
      new Rule({
        id: 'workload-sensitive-host-path',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No pod mounts a sensitive host path such as /, /etc, /proc, /sys, /dev, /var/lib/kubelet or /var/lib/docker.',
        explanation: 'These host directories hold the node\'s configuration, credentials, devices, kernel settings and other pods\' data. Mounting one, even read-only, exposes secrets or gives a direct path to taking over the node.',
        remediation: 'Remove the hostPath volume and use a ConfigMap, Secret, emptyDir or persistent volume instead. Node agents that need host access belong in a dedicated namespace with a suppression that states the reason.',
        fields: ['spec.volumes[*].hostPath.path'],
        equivalents: { kubeLinter: 'sensitive-host-mounts', kubesec: 'ProcMount', trivy: 'KSV-0121' },
        check: new SensitiveHostPathCheck(),
      }),
    ],
  });
}
