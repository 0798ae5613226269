/**
 * The one mapping between our rules and the external checkers' check IDs that the conformance suite uses.
 *
 * Most of it is derived, not written: every rule's `equivalents` (checkov, kubeScore) names the tool check
 * that tests the same thing. `IMPLIED` adds tool checks that no rule names as its equivalent but that our packs
 * still cover, because satisfying one of our rules satisfies them too (for example, dropping ALL capabilities,
 * which pss-capabilities-restricted requires, also drops NET_RAW for CKV_K8S_28). Both lists together are "the
 * checks our packs cover": part 1 of the suite requires that the examples' synthesized manifests fail none of them.
 */
import { Packs } from '../src/packs/packs';

// Trivy is not among them: it has no release on a package registry and its source build takes longer than CI allows.
export type Tool = 'checkov' | 'kubeScore';
export const TOOLS: Tool[] = ['checkov', 'kubeScore'];

export interface ToolCheck {
  readonly tool: Tool;
  /** The tool's check ID as the tool prints it. */
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
  { tool: 'kubeScore', id: 'container-security-context-privileged', ruleIds: ['pss-privileged'], note: 'privileged containers' },
  { tool: 'kubeScore', id: 'statefulset-pod-selector-labels-match-template-metadata-labels', ruleIds: ['references-workload-selector-matches-template'], note: 'the StatefulSet form of deployment-pod-selector-labels-match-template-metadata-labels, our rule\'s equivalent' },
];


/** Every tool check that our packs cover, declared equivalents first, one entry per (tool, ID). */
export function toolMapping(): ToolCheck[] {
  const byKey = new Map<string, { tool: Tool; id: string; ruleIds: Set<string>; source: 'equivalents' | 'implied'; note?: string }>();
  for (const pack of Packs.defaults()) {
    for (const rule of pack.rules) {
      const eq: any = rule.equivalents ?? {};
      for (const tool of TOOLS) {
        if (!eq[tool]) continue;
        const id = String(eq[tool]);
        const key = `${tool}:${id}`;
        if (!byKey.has(key)) byKey.set(key, { tool, id, ruleIds: new Set(), source: 'equivalents' });
        byKey.get(key)!.ruleIds.add(rule.id);
      }
    }
  }
  for (const i of IMPLIED) {
    const id = i.id;
    const key = `${i.tool}:${id}`;
    if (byKey.has(key)) continue;
    byKey.set(key, { tool: i.tool, id, ruleIds: new Set(i.ruleIds), source: 'implied', note: i.note });
  }
  return [...byKey.values()].map(v => ({ ...v, ruleIds: [...v.ruleIds].sort() }));
}

/** The set of covered IDs for one tool. */
export function coveredIds(tool: Tool): Set<string> {
  return new Set(toolMapping().filter(m => m.tool === tool).map(m => m.id));
}
