import { Rule, RuleScope } from '../engine/rule';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import {
  AppArmorProfileCheck, BaselineCapabilitiesCheck, BaselineSeccompCheck, HostNamespacesCheck, HostPathVolumesCheck,
  HostPortsCheck, PrivilegedContainersCheck, ProbeAndLifecycleHostsCheck, ProcMountCheck, SafeSysctlsCheck,
  SeLinuxOptionsCheck, WindowsHostProcessCheck,
} from '../rules/pss';

const CONTAINERS = 'spec.{containers,initContainers,ephemeralContainers}[*]';

/**
 * The rules of the baseline profile, created once so that the baseline and restricted packs share the same Rule
 * instances (and IDs) for the controls they have in common.
 */
let baselineRules: { [id: string]: Rule } | undefined;

/** The baseline rules by ID. The restricted pack reuses the ones its profile does not override. */
export function pssBaselineRules(): { [id: string]: Rule } {
  if (!baselineRules) baselineRules = createBaselineRules();
  return baselineRules;
}

function createBaselineRules(): { [id: string]: Rule } {
  const rules: Rule[] = [
    new Rule({
      id: 'pss-host-namespaces',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Pods must not share the host network, process or IPC namespace.',
      explanation: 'A pod in the host network namespace can sniff and bind node traffic and reach services bound to localhost on the node; in the host PID namespace it can see and signal every process on the node; in the host IPC namespace it can read shared memory of other workloads. Each one removes an isolation boundary between the container and the node.',
      remediation: 'Remove spec.hostNetwork, spec.hostPID and spec.hostIPC from the pod spec, or set them to false. Expose network services through a Service instead of the node network.',
      fields: ['spec.hostNetwork', 'spec.hostPID', 'spec.hostIPC'],
      equivalents: { pss: 'hostNamespaces' },
      check: new HostNamespacesCheck(),
    }),
    new Rule({
      id: 'pss-privileged',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Containers must not run in privileged mode.',
      explanation: 'A privileged container gets every Linux capability, access to all host devices and no seccomp or AppArmor confinement. It is effectively root on the node, and escaping to the node is trivial.',
      remediation: 'Remove securityContext.privileged from every container, or set it to false. Grant only the specific capability the workload needs, within the limits of the capabilities rules.',
      fields: [`${CONTAINERS}.securityContext.privileged`],
      equivalents: {
        pss: 'privileged',
        kubeLinter: 'privileged-container',
        polaris: 'runAsPrivileged',
        kubesec: 'Privileged',
        kubeScore: 'container-security-context-privileged',
        checkov: 'CKV_K8S_16',
        trivy: 'KSV-0017',
      },
      check: new PrivilegedContainersCheck(),
    }),
    new Rule({
      id: 'pss-capabilities-baseline',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Containers must not add capabilities beyond the container runtime\'s default set.',
      explanation: 'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or NET_RAW give a container kernel privileges that enable container escapes, network spoofing and inspection of other processes. The baseline profile allows adding back only the capabilities that container runtimes grant by default: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT.',
      remediation: 'Remove every other capability from securityContext.capabilities.add, using the exact names listed (without the CAP_ prefix). Better still, drop ALL capabilities and add back only NET_BIND_SERVICE if the container binds a port below 1024.',
      fields: [`${CONTAINERS}.securityContext.capabilities.add`],
      equivalents: { pss: 'capabilities_baseline' },
      check: new BaselineCapabilitiesCheck(),
    }),
    new Rule({
      id: 'pss-host-path-volumes',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Pods must not mount hostPath volumes.',
      explanation: 'A hostPath volume exposes a directory of the node to the container. Mounting paths such as /, /etc, /var/lib/kubelet or the container runtime socket hands the container control of the node, and even harmless-looking paths can leak other pods\' data.',
      remediation: 'Replace the hostPath volume with an emptyDir, configMap, secret, projected or persistentVolumeClaim volume. Node agents that genuinely need host files belong in a namespace with the privileged profile.',
      fields: ['spec.volumes[*].hostPath'],
      equivalents: { pss: 'hostPathVolumes', polaris: 'hostPathSet', trivy: 'KSV-0023' },
      check: new HostPathVolumesCheck(),
    }),
    new Rule({
      id: 'pss-host-ports',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Containers must not bind ports on the node with hostPort.',
      explanation: 'A hostPort binds the container port on the node\'s network interfaces, bypassing Services and NetworkPolicies that select pod IPs, and it limits scheduling to nodes where the port is free. The Pod Security Admission code accepts no host port other than 0.',
      remediation: 'Remove ports[*].hostPort from every container (omit the field rather than setting it to 0, which some scanners still flag). Expose the port through a Service of type ClusterIP or an Ingress.',
      fields: [`${CONTAINERS}.ports[*].hostPort`],
      equivalents: { pss: 'hostPorts', polaris: 'hostPortSet', checkov: 'CKV_K8S_26', trivy: 'KSV-0024' },
      check: new HostPortsCheck(),
    }),
    new Rule({
      id: 'pss-host-probes',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Probes and lifecycle hooks must not target another host (Kubernetes 1.34 and later).',
      explanation: 'The kubelet runs httpGet and tcpSocket probes and lifecycle hooks from the node. A host field makes it connect to an arbitrary address with the node\'s network position, which a pod author can abuse to reach endpoints the pod itself cannot, such as cloud metadata services or node-local ports.',
      remediation: 'Remove the host field from livenessProbe, readinessProbe, startupProbe and lifecycle.postStart/preStop httpGet and tcpSocket handlers, so that they target the pod\'s own IP. Use an httpGet header instead if the application needs a Host header.',
      fields: [
        `${CONTAINERS}.{livenessProbe,readinessProbe,startupProbe}.{httpGet,tcpSocket}.host`,
        `${CONTAINERS}.lifecycle.{postStart,preStop}.{httpGet,tcpSocket}.host`,
      ],
      equivalents: { pss: 'hostProbesAndHostLifecycle' },
      check: new ProbeAndLifecycleHostsCheck(),
    }),
    new Rule({
      id: 'pss-apparmor',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Pods and containers must not disable the default AppArmor profile.',
      explanation: 'On nodes with AppArmor, the runtime confines every container with its default profile, which blocks mounts, raw kernel interfaces and writes to sensitive /proc and /sys paths. Setting the profile to Unconfined (or the annotation to unconfined) removes that layer of defence.',
      remediation: 'Remove securityContext.appArmorProfile or set its type to RuntimeDefault or Localhost, at pod and container level. Remove container.apparmor.security.beta.kubernetes.io/* annotations, or set them to runtime/default or localhost/<profile>; prefer the field, since the annotation is deprecated.',
      fields: [
        'spec.securityContext.appArmorProfile.type',
        `${CONTAINERS}.securityContext.appArmorProfile.type`,
        'metadata.annotations["container.apparmor.security.beta.kubernetes.io/*"]',
      ],
      equivalents: { pss: 'appArmorProfile' },
      check: new AppArmorProfileCheck(),
    }),
    new Rule({
      id: 'pss-selinux',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Pods and containers must not set a custom SELinux user or role, and may only use the container SELinux types.',
      explanation: 'SELinux labels decide what a container process may touch on the node. A custom type such as spc_t (super-privileged container), or a custom user or role, lifts the confinement that the default container_t type provides.',
      remediation: 'Remove seLinuxOptions.user and seLinuxOptions.role, and set seLinuxOptions.type only to container_t, container_init_t, container_kvm_t or (from Kubernetes 1.31) container_engine_t, or leave it unset.',
      fields: [
        'spec.securityContext.seLinuxOptions.{type,user,role}',
        `${CONTAINERS}.securityContext.seLinuxOptions.{type,user,role}`,
      ],
      equivalents: { pss: 'seLinuxOptions', trivy: 'KSV-0025' },
      check: new SeLinuxOptionsCheck(),
    }),
    new Rule({
      id: 'pss-proc-mount',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Containers must keep the default /proc masks, unless the pod runs in its own user namespace (Kubernetes 1.35 and later).',
      explanation: 'The runtime masks and makes read-only parts of /proc that expose kernel and node information or allow changing kernel settings. procMount: Unmasked removes those masks. From Kubernetes 1.35 the baseline profile allows it for pods with hostUsers: false, where /proc only reflects the pod\'s own user namespace.',
      remediation: 'Remove securityContext.procMount from every container (or set it to Default). If the workload really needs an unmasked /proc, run the pod with spec.hostUsers: false.',
      fields: [`${CONTAINERS}.securityContext.procMount`, 'spec.hostUsers'],
      equivalents: { pss: 'procMount', kubeLinter: 'unsafe-proc-mount', polaris: 'procMount', trivy: 'KSV-0027' },
      check: new ProcMountCheck(),
    }),
    new Rule({
      id: 'pss-seccomp-baseline',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Pods and containers must not set the seccomp profile to Unconfined.',
      explanation: 'Seccomp filters the system calls a container may make; the runtime default profile blocks dozens of calls used in kernel exploits and container escapes. An Unconfined profile turns the filter off.',
      remediation: 'Set securityContext.seccompProfile.type to RuntimeDefault (or Localhost with a reviewed profile) at pod level, and remove Unconfined from every container. For Kubernetes versions before 1.19, fix the seccomp.security.alpha.kubernetes.io annotations instead.',
      fields: [
        'spec.securityContext.seccompProfile.type',
        `${CONTAINERS}.securityContext.seccompProfile.type`,
        'metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"] (before 1.19)',
        'metadata.annotations["container.seccomp.security.alpha.kubernetes.io/*"] (before 1.19)',
      ],
      equivalents: { pss: 'seccompProfile_baseline', kubesec: 'SeccompUnconfined', trivy: 'KSV-0104' },
      check: new BaselineSeccompCheck(),
    }),
    new Rule({
      id: 'pss-sysctls',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Pods may set only the sysctls that Pod Security Standards consider safe for the target Kubernetes version.',
      explanation: 'Most sysctls are not namespaced, or affect every pod on the node: setting them can disable kernel security mechanisms or starve other workloads. Only a short list of namespaced, isolated sysctls is allowed, and that list grows with the Kubernetes version (1.27, 1.29, 1.32 and 1.37 added entries).',
      remediation: 'Remove the sysctl from spec.securityContext.sysctls, or replace it with an allowed one. Node-wide kernel tuning belongs in the node configuration, not in pods.',
      fields: ['spec.securityContext.sysctls[*].name'],
      equivalents: { pss: 'sysctls', trivy: 'KSV-0026' },
      check: new SafeSysctlsCheck(),
    }),
    new Rule({
      id: 'pss-windows-host-process',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Pods and containers must not run as Windows HostProcess containers.',
      explanation: 'A Windows HostProcess container runs directly on the node with access to its network, processes and file system, the Windows equivalent of a privileged container.',
      remediation: 'Remove securityContext.windowsOptions.hostProcess at pod and container level, or set it to false. Node agents that need it belong in a namespace with the privileged profile.',
      fields: ['spec.securityContext.windowsOptions.hostProcess', `${CONTAINERS}.securityContext.windowsOptions.hostProcess`],
      equivalents: { pss: 'windowsHostProcess', polaris: 'hostProcess', trivy: 'KSV-0103' },
      check: new WindowsHostProcessCheck(),
    }),
  ];
  return Object.fromEntries(rules.map(r => [r.id, r]));
}

/** Every control of the Pod Security Standards baseline profile, as the Pod Security Admission code checks it. */
export function pssBaselinePack(): RulePack {
  return new RulePack({
    name: 'pss-baseline',
    description: 'Every control of the Pod Security Standards baseline profile, as the Pod Security Admission code checks it.',
    rules: Object.values(pssBaselineRules()),
  });
}
