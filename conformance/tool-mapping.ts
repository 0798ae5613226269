/**
 * The one mapping between our rules and the external checkers' check IDs that the conformance suite uses.
 *
 * Most of it is derived, not written: every rule's `equivalents` (checkov, trivy, kubeScore) names the tool check
 * that tests the same thing. `IMPLIED` adds tool checks that no rule names as its equivalent but that our packs
 * still cover, because satisfying one of our rules satisfies them too (for example, dropping ALL capabilities,
 * which pss-capabilities-restricted requires, also drops NET_RAW for CKV_K8S_28). Both lists together are "the
 * checks our packs cover": part 1 of the suite requires that the examples' synthesized manifests fail none of them.
 */
import { Packs } from '../src/packs/packs';

export type Tool = 'checkov' | 'trivy' | 'kubeScore';
export const TOOLS: Tool[] = ['checkov', 'trivy', 'kubeScore'];

export interface ToolCheck {
  readonly tool: Tool;
  /** The tool's check ID as the tool prints it (Trivy IDs are compared in normalized form, see `normalizeId`). */
  readonly id: string;
  /** Our rules that cover it. */
  readonly ruleIds: string[];
  /** How it was obtained. */
  readonly source: 'equivalents' | 'implied';
  readonly note?: string;
}

/** Tool checks covered by our packs without being any rule's declared equivalent. */
const IMPLIED: { tool: Tool; id: string; ruleIds: string[]; note: string }[] = [
  { tool: 'checkov', id: 'CKV_K8S_28', ruleIds: ['pss-capabilities-restricted'], note: 'drop NET_RAW or ALL: drop ALL is required' },
  { tool: 'checkov', id: 'CKV_K8S_25', ruleIds: ['pss-capabilities-restricted'], note: 'no added capabilities: our constructs add none (PSS-R tolerates NET_BIND_SERVICE, checkov does not; see DISAGREEMENTS.md)' },
  { tool: 'checkov', id: 'CKV_K8S_31', ruleIds: ['pss-seccomp-restricted'], note: 'seccomp RuntimeDefault (checkov rejects Localhost; see DISAGREEMENTS.md)' },
  { tool: 'checkov', id: 'CKV_K8S_16', ruleIds: ['pss-privileged'], note: 'privileged containers' },
  { tool: 'checkov', id: 'CKV_K8S_17', ruleIds: ['pss-host-namespaces'], note: 'hostPID' },
  { tool: 'checkov', id: 'CKV_K8S_18', ruleIds: ['pss-host-namespaces'], note: 'hostIPC' },
  { tool: 'checkov', id: 'CKV_K8S_19', ruleIds: ['pss-host-namespaces'], note: 'hostNetwork' },
  { tool: 'checkov', id: 'CKV_K8S_26', ruleIds: ['pss-host-ports'], note: 'hostPort' },
  { tool: 'trivy', id: 'KSV-0017', ruleIds: ['pss-privileged'], note: 'privileged containers' },
  { tool: 'trivy', id: 'KSV-0009', ruleIds: ['pss-host-namespaces'], note: 'hostNetwork' },
  { tool: 'trivy', id: 'KSV-0010', ruleIds: ['pss-host-namespaces'], note: 'hostPID' },
  { tool: 'trivy', id: 'KSV-0008', ruleIds: ['pss-host-namespaces'], note: 'hostIPC' },
  { tool: 'trivy', id: 'KSV-0023', ruleIds: ['pss-host-path-volumes'], note: 'hostPath volumes' },
  { tool: 'trivy', id: 'KSV-0024', ruleIds: ['pss-host-ports'], note: 'hostPort (Trivy also fails 0; see DISAGREEMENTS.md)' },
  { tool: 'trivy', id: 'KSV-0022', ruleIds: ['pss-capabilities-baseline'], note: 'any added capability' },
  { tool: 'trivy', id: 'KSV-0004', ruleIds: ['pss-capabilities-restricted'], note: 'drop at least one capability' },
  { tool: 'trivy', id: 'KSV-0106', ruleIds: ['pss-capabilities-restricted'], note: 'add only NET_BIND_SERVICE' },
  { tool: 'trivy', id: 'KSV-0104', ruleIds: ['pss-seccomp-baseline'], note: 'seccomp not Unconfined' },
  { tool: 'trivy', id: 'KSV-0002', ruleIds: ['pss-apparmor'], note: 'AppArmor' },
  { tool: 'trivy', id: 'KSV-0025', ruleIds: ['pss-selinux'], note: 'SELinux options' },
  { tool: 'trivy', id: 'KSV-0026', ruleIds: ['pss-sysctls'], note: 'sysctls' },
  { tool: 'trivy', id: 'KSV-0103', ruleIds: ['pss-windows-host-process'], note: 'HostProcess' },
  { tool: 'trivy', id: 'KSV-0119', ruleIds: ['pss-capabilities-baseline'], note: 'NET_RAW added' },
  { tool: 'trivy', id: 'KSV-0120', ruleIds: ['pss-capabilities-baseline'], note: 'SYS_MODULE added' },
  { tool: 'kubeScore', id: 'container-security-context-privileged', ruleIds: ['pss-privileged'], note: 'privileged containers' },
];

/**
 * Covered checks that part 1 reports but does not gate on, because the tool cannot evaluate them the way the
 * check is meant (see DISAGREEMENTS.md).
 */
export const UNGATED: { tool: Tool; id: string; reason: string }[] = [
  { tool: 'trivy', id: 'KSV-0039', reason: 'Trivy runs it on LimitRange and ResourceQuota objects and judges their fields, so a complete ResourceQuota fails it (no spec.limits); it never looks at the namespace as a whole' },
  { tool: 'trivy', id: 'KSV-0040', reason: 'Trivy runs it on LimitRange and ResourceQuota objects and judges their fields, so a complete LimitRange fails it (no spec.hard); it never looks at the namespace as a whole' },
];

/** `KSV-0012`, `KSV012`, `AVD-KSV-0012` -> `KSV-0012`; other IDs unchanged. */
export function normalizeId(tool: Tool, id: string): string {
  if (tool !== 'trivy') return id;
  const m = /^(?:AVD-)?KSV-?(\d+)$/i.exec(id.trim());
  return m ? `KSV-${m[1].padStart(4, '0')}` : id.trim();
}

/** Every tool check that our packs cover, declared equivalents first, one entry per (tool, ID). */
export function toolMapping(): ToolCheck[] {
  const byKey = new Map<string, { tool: Tool; id: string; ruleIds: Set<string>; source: 'equivalents' | 'implied'; note?: string }>();
  for (const pack of Packs.defaults()) {
    for (const rule of pack.rules) {
      const eq: any = rule.equivalents ?? {};
      for (const tool of TOOLS) {
        if (!eq[tool]) continue;
        const id = normalizeId(tool, eq[tool]);
        const key = `${tool}:${id}`;
        if (!byKey.has(key)) byKey.set(key, { tool, id, ruleIds: new Set(), source: 'equivalents' });
        byKey.get(key)!.ruleIds.add(rule.id);
      }
    }
  }
  for (const i of IMPLIED) {
    const id = normalizeId(i.tool, i.id);
    const key = `${i.tool}:${id}`;
    if (byKey.has(key)) continue;
    byKey.set(key, { tool: i.tool, id, ruleIds: new Set(i.ruleIds), source: 'implied', note: i.note });
  }
  return [...byKey.values()].map(v => ({ ...v, ruleIds: [...v.ruleIds].sort() }));
}

/** The set of covered IDs (normalized) for one tool. */
export function coveredIds(tool: Tool): Set<string> {
  return new Set(toolMapping().filter(m => m.tool === tool).map(m => m.id));
}
