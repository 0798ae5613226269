import { pssBaselineRules } from './pss-baseline';
import { Rule, RuleScope } from '../engine/rule';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import {
  PrivilegeEscalationCheck, ProcMountRestrictedCheck,
  RestrictedCapabilitiesCheck, RestrictedSeccompCheck, RestrictedVolumeTypesCheck, RunAsNonRootCheck, RunAsUserCheck,
} from '../rules/pss';
import { VersionRangeCheck } from '../rules/pss/private/version-range';
import { PSA_SINCE } from '../rules/pss/private/versions';

const CONTAINERS = 'spec.{containers,initContainers,ephemeralContainers}[*]';

/**
 * Baseline rules that the restricted profile replaces with a stricter check (`OverrideCheckIDs` in the admission
 * registry), with the minor version from which the replacement exists. Below it, the admission code still runs
 * the baseline check at the restricted level and reports it under the baseline ID, so the restricted pack keeps
 * the baseline rule for those versions only (a narrowed copy with the same ID: when both packs run, the baseline
 * pack comes first in `Packs.defaults()` and its unnarrowed rule is the one kept).
 */
const OVERRIDDEN_BASELINE_RULES: { [id: string]: number } = {
  'pss-host-path-volumes': 0,
  'pss-capabilities-baseline': PSA_SINCE.capabilitiesRestricted,
  'pss-seccomp-baseline': PSA_SINCE.seccompFields,
  'pss-proc-mount': PSA_SINCE.procMountRestricted,
};

let restrictedRules: Rule[] | undefined;

function createRestrictedRules(): Rule[] {
  return [
    new Rule({
      id: 'pss-restricted-volumes',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Pods may use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes.',
      explanation: 'Inline volume sources such as hostPath, nfs, iscsi, rbd or gitRepo let a pod author choose storage, credentials and node paths that a cluster administrator would otherwise control through PersistentVolumes. The restricted profile allows only ephemeral and claim-backed volume types.',
      remediation: 'Replace the volume with one of the allowed types. Use a persistentVolumeClaim bound to an administrator-defined PersistentVolume or StorageClass for network storage, and an init container or image volume instead of gitRepo.',
      fields: ['spec.volumes[*]'],
      equivalents: { pss: 'restrictedVolumes', trivy: 'KSV-0028' },
      check: new RestrictedVolumeTypesCheck(),
    }),
    new Rule({
      id: 'pss-allow-privilege-escalation',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Containers must set allowPrivilegeEscalation to false.',
      explanation: 'When allowPrivilegeEscalation is not false, a process in the container can gain more privileges than its parent, for example through set-user-ID binaries or file capabilities. Container runtimes allow it when the field is unset, so it has to be set explicitly. Pods with spec.os.name: windows are exempt from Kubernetes 1.25.',
      remediation: 'Set securityContext.allowPrivilegeEscalation: false on every container, init container and ephemeral container.',
      fields: [`${CONTAINERS}.securityContext.allowPrivilegeEscalation`, 'spec.os.name'],
      equivalents: { pss: 'allowPrivilegeEscalation', polaris: 'privilegeEscalationAllowed', checkov: 'CKV_K8S_20', trivy: 'KSV-0001' },
      check: new PrivilegeEscalationCheck(),
    }),
    new Rule({
      id: 'pss-run-as-non-root',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Containers must run with runAsNonRoot set to true, on the container or inherited from the pod.',
      explanation: 'A container running as root is root on the node as soon as it escapes, and can change files it should only read. runAsNonRoot: true makes the kubelet refuse to start a container whose image would run as user 0. From Kubernetes 1.35 pods with spec.hostUsers: false are exempt, because their root user is unprivileged on the node.',
      remediation: 'Set spec.securityContext.runAsNonRoot: true at pod level (or on every container), remove any runAsNonRoot: false, and give the image a non-root USER or set runAsUser to a non-zero ID (10000 or more avoids clashes with host users).',
      fields: ['spec.securityContext.runAsNonRoot', `${CONTAINERS}.securityContext.runAsNonRoot`, 'spec.hostUsers'],
      equivalents: { pss: 'runAsNonRoot', checkov: 'CKV_K8S_23', trivy: 'KSV-0012' },
      check: new RunAsNonRootCheck(),
    }),
    new Rule({
      id: 'pss-run-as-user',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Pods and containers must not set runAsUser to 0 (Kubernetes 1.23 and later).',
      explanation: 'Setting runAsUser to 0 runs the container as root regardless of the image. The restricted profile forbids it explicitly from Kubernetes 1.23; from 1.35 pods with spec.hostUsers: false are exempt, because their root user is unprivileged on the node.',
      remediation: 'Remove runAsUser: 0 from the pod and container security contexts, or set a non-zero user ID (10000 or more avoids clashes with host users).',
      fields: ['spec.securityContext.runAsUser', `${CONTAINERS}.securityContext.runAsUser`, 'spec.hostUsers'],
      equivalents: { pss: 'runAsUser', trivy: 'KSV-0105' },
      check: new RunAsUserCheck(),
    }),
    new Rule({
      id: 'pss-seccomp-restricted',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Containers must run with the RuntimeDefault or a Localhost seccomp profile, set on the container or inherited from the pod.',
      explanation: 'Without a seccomp profile, Kubernetes runs containers Unconfined by default, with every system call available to kernel exploits. The restricted profile requires an explicit RuntimeDefault or Localhost profile. Pods with spec.os.name: windows are exempt from Kubernetes 1.25. Before 1.19, the restricted profile applies the baseline seccomp check instead.',
      remediation: 'Set spec.securityContext.seccompProfile.type: RuntimeDefault at pod level (with cdk8s-plus, through a JSON patch), or set it on every container, and remove any Unconfined profile.',
      fields: ['spec.securityContext.seccompProfile.type', `${CONTAINERS}.securityContext.seccompProfile.type`, 'spec.os.name'],
      equivalents: { pss: 'seccompProfile_restricted', trivy: 'KSV-0030' },
      check: new VersionRangeCheck(new RestrictedSeccompCheck(), PSA_SINCE.seccompFields, undefined),
    }),
    new Rule({
      id: 'pss-capabilities-restricted',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE.',
      explanation: 'Even the runtime\'s default capabilities (such as CHOWN, DAC_OVERRIDE, SETUID or NET_RAW in older runtimes) widen what a compromised process can do. The restricted profile requires dropping all of them, allowing only NET_BIND_SERVICE to bind ports below 1024. Pods with spec.os.name: windows are exempt from Kubernetes 1.25. Before 1.22, the restricted profile applies the baseline capabilities check instead.',
      remediation: 'Set securityContext.capabilities.drop: ["ALL"] on every container, init container and ephemeral container, and remove every entry of capabilities.add except NET_BIND_SERVICE.',
      fields: [`${CONTAINERS}.securityContext.capabilities.drop`, `${CONTAINERS}.securityContext.capabilities.add`, 'spec.os.name'],
      equivalents: { pss: 'capabilities_restricted', checkov: 'CKV_K8S_37', trivy: 'KSV-0003' },
      check: new VersionRangeCheck(new RestrictedCapabilitiesCheck(), PSA_SINCE.capabilitiesRestricted, undefined),
    }),
    new Rule({
      id: 'pss-proc-mount-restricted',
      severity: Severity.ERROR,
      scope: RuleScope.OBJECT,
      summary: 'Containers must keep the default /proc masks, even in a pod with its own user namespace.',
      explanation: 'The restricted profile never allows an unmasked /proc: from Kubernetes 1.35 it replaces the baseline procMount check, which tolerates it for pods with hostUsers: false, with a check that does not. Before 1.35 the baseline check, which had no such exception, applies at the restricted level.',
      remediation: 'Remove securityContext.procMount from every container (or set it to Default).',
      fields: [`${CONTAINERS}.securityContext.procMount`],
      equivalents: { pss: 'procMount_restricted', kubeLinter: 'unsafe-proc-mount', polaris: 'procMount', trivy: 'KSV-0027' },
      check: new VersionRangeCheck(new ProcMountRestrictedCheck(), PSA_SINCE.procMountRestricted, undefined),
    }),
  ];
}

/** Every control of the Pod Security Standards restricted profile (baseline included), as the Pod Security Admission code checks it. */
export function pssRestrictedPack(): RulePack {
  if (!restrictedRules) restrictedRules = createRestrictedRules();
  const baseline = Object.values(pssBaselineRules()).flatMap(rule => {
    const overriddenFrom = OVERRIDDEN_BASELINE_RULES[rule.id];
    if (overriddenFrom === undefined) return [rule];
    if (overriddenFrom === 0) return [];
    return [rule.withCheck(new VersionRangeCheck(rule.check, undefined, overriddenFrom))];
  });
  return new RulePack({
    name: 'pss-restricted',
    description: 'Every control of the Pod Security Standards restricted profile (baseline included), as the Pod Security Admission code checks it.',
    rules: [...baseline, ...restrictedRules],
  });
}
