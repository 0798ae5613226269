import { Labels, LabelSelector, labelPairKey } from './label-selector';
import { effectiveNamespace } from './namespaces';
import { ManifestObject } from '../../../engine/manifest-object';
import { RuleContext } from '../../../engine/rule-context';
import { isObject } from '../../../private/pod-template';

/** A traffic direction of a NetworkPolicy. */
export enum Direction {
  INGRESS = 'Ingress',
  EGRESS = 'Egress',
}

/** Which directions a policy isolates, after the API server's defaulting of `policyTypes`. */
export interface PolicyTypes {
  readonly ingress: boolean;
  readonly egress: boolean;
}

/** One NetworkPolicy, parsed once per evaluation. */
export interface PolicyEntry {
  readonly object: ManifestObject;
  readonly namespace: string;
  readonly podSelector: LabelSelector;
  readonly types: PolicyTypes;
  /** Empty podSelector, isolates ingress, allows no ingress. */
  readonly deniesAllIngress: boolean;
  /** Empty podSelector, isolates egress, allows no egress. */
  readonly deniesAllEgress: boolean;
}

/** The policies of one namespace, indexed by their selector's anchor label pair. */
export interface NamespacePolicies {
  readonly policies: PolicyEntry[];
  readonly anchored: Map<string, PolicyEntry[]>;
  readonly unanchored: PolicyEntry[];
  readonly deniesAllIngress: boolean;
  readonly deniesAllEgress: boolean;
}

type MutableNamespacePolicies = { -readonly [K in keyof NamespacePolicies]: NamespacePolicies[K] };

/** True for a NetworkPolicy of `networking.k8s.io` (or the legacy `extensions` group). */
export function isNetworkPolicy(object: ManifestObject): boolean {
  return object.kind === 'NetworkPolicy' && (object.apiGroup === 'networking.k8s.io' || object.apiGroup === 'extensions');
}

/**
 * The directions a policy isolates. `policyTypes` omitted (or empty) means Ingress, plus Egress only when the
 * policy has egress rules: that is how the API server defaults it.
 */
export function policyTypesOf(spec: any): PolicyTypes {
  if (!isObject(spec)) return { ingress: true, egress: false };
  const listed = Array.isArray(spec.policyTypes) ? spec.policyTypes.filter((t: unknown) => typeof t === 'string') : [];
  if (listed.length > 0) {
    return { ingress: listed.includes(Direction.INGRESS), egress: listed.includes(Direction.EGRESS) };
  }
  return { ingress: true, egress: Array.isArray(spec.egress) && spec.egress.length > 0 };
}

/** Every NetworkPolicy of the app by effective namespace. */
export function policiesByNamespace(context: RuleContext): Map<string, NamespacePolicies> {
  return context._memoize('network:policies', () => {
    const index = new Map<string, MutableNamespacePolicies>();
    for (const object of context.objects) {
      if (!isNetworkPolicy(object)) continue;
      const entry = parsePolicy(object);
      let ns = index.get(entry.namespace);
      if (!ns) {
        ns = { policies: [], anchored: new Map(), unanchored: [], deniesAllIngress: false, deniesAllEgress: false };
        index.set(entry.namespace, ns);
      }
      ns.policies.push(entry);
      const anchor = entry.podSelector.anchor;
      if (anchor === undefined) {
        ns.unanchored.push(entry);
      } else {
        const list = ns.anchored.get(anchor);
        if (list) list.push(entry); else ns.anchored.set(anchor, [entry]);
      }
      ns.deniesAllIngress = ns.deniesAllIngress || entry.deniesAllIngress;
      ns.deniesAllEgress = ns.deniesAllEgress || entry.deniesAllEgress;
    }
    return index as Map<string, NamespacePolicies>;
  });
}

/** The policies of the namespace whose podSelector selects pods with these labels, in object order. */
export function policiesSelecting(context: RuleContext, namespace: string, labels: Labels): PolicyEntry[] {
  const ns = policiesByNamespace(context).get(namespace);
  if (!ns) return [];
  const candidates: PolicyEntry[] = [...ns.unanchored];
  for (const [key, value] of Object.entries(labels)) {
    const list = ns.anchored.get(labelPairKey(key, value));
    if (list) candidates.push(...list);
  }
  return candidates.filter(p => p.podSelector.matches(labels));
}

/** The policies selecting pods with these labels that isolate the direction (policyTypes as defaulted). */
export function policiesIsolating(context: RuleContext, namespace: string, labels: Labels, direction: Direction): PolicyEntry[] {
  return policiesSelecting(context, namespace, labels).filter(p => (direction === Direction.INGRESS ? p.types.ingress : p.types.egress));
}

/** The parsed entry of a NetworkPolicy object of the evaluation; undefined for other objects. */
export function policyEntryOf(context: RuleContext, object: ManifestObject): PolicyEntry | undefined {
  const byObject = context._memoize('network:policy-by-object', () => {
    const index = new Map<ManifestObject, PolicyEntry>();
    for (const ns of policiesByNamespace(context).values()) for (const p of ns.policies) index.set(p.object, p);
    return index;
  });
  return byObject.get(object);
}

/** One peer of a policy rule, with where it sits. */
export interface PeerRef {
  readonly peer: { [key: string]: any };
  readonly direction: Direction;
  /** Dotted path of the peer, e.g. `spec.ingress[0].from[1]`. */
  readonly path: string;
}

/** One rule of a policy (`spec.ingress[i]` or `spec.egress[i]`), with where it sits. */
export interface PolicyRuleRef {
  readonly rule: { [key: string]: any };
  readonly direction: Direction;
  /** Dotted path of the rule, e.g. `spec.egress[0]`. */
  readonly path: string;
  /** `from` for ingress, `to` for egress. */
  readonly peerField: string;
}

/** The ingress rules, then the egress rules, of a policy; malformed entries are skipped. */
export function policyRulesOf(spec: any): PolicyRuleRef[] {
  const refs: PolicyRuleRef[] = [];
  if (!isObject(spec)) return refs;
  for (const [field, direction, peerField] of [['ingress', Direction.INGRESS, 'from'], ['egress', Direction.EGRESS, 'to']] as const) {
    const rules = spec[field];
    if (!Array.isArray(rules)) continue;
    rules.forEach((rule, i) => {
      if (isObject(rule)) refs.push({ rule, direction, path: `spec.${field}[${i}]`, peerField });
    });
  }
  return refs;
}

/** The peers of a policy rule; malformed entries are skipped. */
export function peersOf(ref: PolicyRuleRef): PeerRef[] {
  const peers = ref.rule[ref.peerField];
  if (!Array.isArray(peers)) return [];
  const result: PeerRef[] = [];
  peers.forEach((peer, j) => {
    if (isObject(peer)) result.push({ peer, direction: ref.direction, path: `${ref.path}.${ref.peerField}[${j}]` });
  });
  return result;
}

function parsePolicy(object: ManifestObject): PolicyEntry {
  const spec = isObject(object.manifest?.spec) ? object.manifest.spec : {};
  const podSelector = LabelSelector.parse(spec.podSelector);
  const types = policyTypesOf(spec);
  const noRules = (field: string) => spec[field] === undefined || spec[field] === null || (Array.isArray(spec[field]) && spec[field].length === 0);
  return {
    object,
    namespace: effectiveNamespace(object) ?? 'default',
    podSelector,
    types,
    deniesAllIngress: podSelector.isEmpty && types.ingress && noRules('ingress'),
    deniesAllEgress: podSelector.isEmpty && types.egress && noRules('egress'),
  };
}
