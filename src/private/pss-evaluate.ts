import { ManifestObject } from '../engine/manifest-object';
import { IRuleCheck } from '../engine/rule';
import { RuleContext } from '../engine/rule-context';
import {
  AppArmorProfileCheck, BaselineCapabilitiesCheck, BaselineSeccompCheck, HostNamespacesCheck, HostPathVolumesCheck,
  HostPortsCheck, PrivilegedContainersCheck, PrivilegeEscalationCheck, ProbeAndLifecycleHostsCheck, ProcMountCheck,
  ProcMountRestrictedCheck, RestrictedCapabilitiesCheck, RestrictedSeccompCheck, RestrictedVolumeTypesCheck,
  RunAsNonRootCheck, RunAsUserCheck, SafeSysctlsCheck, SeLinuxOptionsCheck, WindowsHostProcessCheck,
} from '../rules/pss';
import { PSA_SINCE } from '../rules/pss/private/versions';

/** One check of the admission registry: its level, its logic, and the baseline checks it overrides, from when. */
interface PsaCheck {
  readonly id: string;
  readonly level: 'baseline' | 'restricted';
  readonly check: IRuleCheck;
  /** Baseline check IDs this restricted check replaces, at versions >= `overridesSince`. */
  readonly overrides?: string[];
  readonly overridesSince?: number;
}

/**
 * The admission registry rebuilt from the same checks the rule packs run. Each check returns no violation at
 * versions where it does not exist, so only the overrides need their versions here.
 */
const REGISTRY: PsaCheck[] = [
  { id: 'appArmorProfile', level: 'baseline', check: new AppArmorProfileCheck() },
  { id: 'capabilities_baseline', level: 'baseline', check: new BaselineCapabilitiesCheck() },
  { id: 'hostNamespaces', level: 'baseline', check: new HostNamespacesCheck() },
  { id: 'hostPathVolumes', level: 'baseline', check: new HostPathVolumesCheck() },
  { id: 'hostPorts', level: 'baseline', check: new HostPortsCheck() },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', check: new ProbeAndLifecycleHostsCheck() },
  { id: 'privileged', level: 'baseline', check: new PrivilegedContainersCheck() },
  { id: 'procMount', level: 'baseline', check: new ProcMountCheck() },
  { id: 'seLinuxOptions', level: 'baseline', check: new SeLinuxOptionsCheck() },
  { id: 'seccompProfile_baseline', level: 'baseline', check: new BaselineSeccompCheck() },
  { id: 'sysctls', level: 'baseline', check: new SafeSysctlsCheck() },
  { id: 'windowsHostProcess', level: 'baseline', check: new WindowsHostProcessCheck() },
  { id: 'allowPrivilegeEscalation', level: 'restricted', check: new PrivilegeEscalationCheck() },
  { id: 'capabilities_restricted', level: 'restricted', check: new RestrictedCapabilitiesCheck(), overrides: ['capabilities_baseline'], overridesSince: PSA_SINCE.capabilitiesRestricted },
  { id: 'procMount_restricted', level: 'restricted', check: new ProcMountRestrictedCheck(), overrides: ['procMount'], overridesSince: PSA_SINCE.procMountRestricted },
  { id: 'restrictedVolumes', level: 'restricted', check: new RestrictedVolumeTypesCheck(), overrides: ['hostPathVolumes'], overridesSince: 0 },
  { id: 'runAsNonRoot', level: 'restricted', check: new RunAsNonRootCheck() },
  { id: 'runAsUser', level: 'restricted', check: new RunAsUserCheck() },
  { id: 'seccompProfile_restricted', level: 'restricted', check: new RestrictedSeccompCheck(), overrides: ['seccompProfile_baseline'], overridesSince: PSA_SINCE.seccompFields },
];

/**
 * The Pod Security Admission check IDs that a manifest fails at a level and version, sorted, as PSA's
 * `EvaluatePod` would report them: at `restricted`, every baseline check not overridden at that version plus the
 * restricted checks. Objects that carry no pod (a Service, a ConfigMap) fail nothing.
 *
 * @param manifest a rendered Pod or workload (Deployment, CronJob, ...)
 * @param level `baseline` or `restricted`
 * @param kubernetesVersion the policy version, `1.NN` or `v1.NN`
 */
export function pssFailedChecks(manifest: any, level: 'baseline' | 'restricted', kubernetesVersion: string): string[] {
  return pssFailedChecksOf(ManifestObject.fromJson(manifest), level, kubernetesVersion);
}

/**
 * `pssFailedChecks` of an object under evaluation: the checks read the pod template and containers that the rules
 * already computed for it, not those of a new object around the same manifest.
 */
export function pssFailedChecksOf(object: ManifestObject, level: 'baseline' | 'restricted', kubernetesVersion: string): string[] {
  const { context, checks } = checksAt(level, RuleContext.parseKubernetesMinor(kubernetesVersion));
  // In registry order, as before, so that a check that throws is the same one; then sorted.
  return checks.filter(c => c.check.check(object, context).length > 0).map(c => c.id).sort();
}

/** The checks that run at a level and version, with a context at that version (the checks read nothing else from it). */
interface ChecksAtVersion {
  readonly context: RuleContext;
  readonly checks: PsaCheck[];
}

// At most two levels times the versions the packs know.
const CHECKS_AT = new Map<string, ChecksAtVersion>();

function checksAt(level: 'baseline' | 'restricted', minor: number): ChecksAtVersion {
  const key = `${level}:${minor}`;
  let entry = CHECKS_AT.get(key);
  if (!entry) {
    const active = REGISTRY.filter(c => c.level === 'baseline' || level === 'restricted');
    const overridden = new Set(level === 'restricted'
      ? active.filter(c => c.overrides && minor >= (c.overridesSince ?? 0)).flatMap(c => c.overrides ?? [])
      : []);
    entry = { context: new RuleContext([], { kubernetesVersion: `1.${minor}` }), checks: active.filter(c => !overridden.has(c.id)) };
    CHECKS_AT.set(key, entry);
  }
  return entry;
}
