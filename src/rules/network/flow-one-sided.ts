import { intersectPorts, portList, PortSet, portsAllowing, rulePorts } from './private/allowed-ports';
import { Labels, LabelSelector } from './private/label-selector';
import {
  NAMESPACE_NAME_LABEL, namespaceLabelsIn, namespaceObjects, Workload, workloadNamespace, workloadsByNamespace, workloadsSelected,
} from './private/namespaces';
import { Direction, PolicyEntry, policiesIsolating, policyEntryOf, peersOf, policyRulesOf } from './private/policies';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/** Blocked pairs named in one finding; the rest are counted. */
const NAMED_PAIRS = 3;

/**
 * A NetworkPolicy rule that allows a flow between two workloads of the app which the other end's policies block.
 *
 * A connection between pods needs both ends: the source's egress and the destination's ingress. An ingress rule
 * whose peer's egress is isolated (by its namespace's default deny, say) without an egress rule towards this
 * policy's pods allows nothing, and the same holds for an egress rule whose peer does not admit the traffic. The
 * flow was meant, so one of the two sides is wrong: the finding names both ends and the policies of the blocking
 * side.
 *
 * Only workloads of the app are judged, with each namespace's labels as the app defines them. A pair is not
 * judged when the blocking side's policies select namespaces by labels the app does not define (the namespace
 * has no Namespace object here), since the cluster's labels could allow it.
 */
export class FlowOneSided implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    const policy = policyEntryOf(context, object);
    if (!policy || !policy.podSelector.valid) return [];
    const selected = workloadsSelected(context, policy.namespace, policy.podSelector);
    if (selected.length === 0) return [];
    const violations: RuleViolation[] = [];
    for (const rule of policyRulesOf(object.manifest?.spec)) {
      // A rule of a direction the policy does not isolate has no effect.
      if (rule.direction === Direction.INGRESS ? !policy.types.ingress : !policy.types.egress) continue;
      const ports = rulePorts(rule.rule.ports);
      for (const { peer, path } of peersOf(rule)) {
        const peers = peerWorkloads(context, peer, policy.namespace);
        if (peers.length === 0) continue;
        const blocked = blockedPairs(context, rule.direction, selected, peers, ports);
        if (blocked.count) violations.push(describe(policy, rule.direction, path, blocked));
      }
    }
    return violations;
  }
}

/** A flow this policy allows that the other end blocks. */
interface BlockedPair {
  /** The workload this policy selects. */
  readonly own: Workload;
  /** The workload of the peer. */
  readonly other: Workload;
  /** The policies of the other end that isolate its side of the flow. */
  readonly blocking: PolicyEntry[];
  readonly ports: PortSet;
}

/** The first blocked pairs of a peer, and how many there are in all. */
interface BlockedPairs {
  readonly named: BlockedPair[];
  readonly count: number;
}

/**
 * The pairs (own workload, peer workload) whose flow the peer's side blocks: for an ingress rule, the peer's
 * egress; for an egress rule, the peer's ingress. Peers with the same blocking policies are judged together.
 */
function blockedPairs(context: RuleContext, direction: Direction, selected: Workload[], peers: Workload[], ports: PortSet): BlockedPairs {
  const otherDirection = direction === Direction.INGRESS ? Direction.EGRESS : Direction.INGRESS;
  const groups = new Map<string, { blocking: PolicyEntry[]; members: Workload[] }>();
  for (const other of peers) {
    const blocking = policiesIsolating(context, workloadNamespace(other), other.podLabels, otherDirection);
    if (blocking.length === 0) continue; // that side is not isolated: it allows everything
    const key = blocking.map(p => policyIndex(context, p)).join(',');
    const group = groups.get(key);
    if (group) group.members.push(other); else groups.set(key, { blocking, members: [other] });
  }
  const named: BlockedPair[] = [];
  let count = 0;
  const nsLabels = new Map<string, Labels | undefined>();
  for (const { blocking, members } of groups.values()) {
    const needsLabels = selectsNamespacesByLabels(blocking, otherDirection);
    for (const own of selected) {
      // Traffic between the pods of one workload is its replicas talking; the flow diagram leaves it out too.
      if (members.length === 1 && members[0] === own) continue;
      const ownNs = workloadNamespace(own);
      if (needsLabels && !namespaceLabelsKnown(context, ownNs)) continue;
      let labels = nsLabels.get(ownNs);
      if (!labels) nsLabels.set(ownNs, labels = namespaceLabelsIn(context, ownNs));
      const allowed = portsAllowing(blocking, otherDirection, own, labels);
      if (intersectPorts(allowed, ports) !== undefined) continue;
      for (const other of members) {
        if (other === own) continue;
        if (named.length < NAMED_PAIRS) named.push({ own, other, blocking, ports });
        count++;
      }
    }
  }
  return { named, count };
}

function describe(policy: PolicyEntry, direction: Direction, path: string, { named, count }: BlockedPairs): RuleViolation {
  const pairText = (b: BlockedPair) => {
    const [from, to] = direction === Direction.INGRESS ? [b.other, b.own] : [b.own, b.other];
    return `${workloadName(from)} to ${workloadName(to)}`;
  };
  const first = named[0];
  const ports = portList(first.ports);
  const on = ports.length ? ` on ${ports.join(', ')}` : '';
  const more = count > named.length ? ` and ${count - named.length} more` : '';
  const side = direction === Direction.INGRESS ? 'egress' : 'ingress';
  const blockers = [...new Set(first.blocking.map(p => `"${p.object.name || '<unnamed>'}"`))].join(', ');
  const fix = direction === Direction.INGRESS
    ? `add an egress rule allowing ${workloadName(first.own)}${on} to a NetworkPolicy selecting ${workloadName(first.other)}'s pods`
    : `add an ingress rule allowing ${workloadName(first.own)}${on} to a NetworkPolicy selecting ${workloadName(first.other)}'s pods`;
  return {
    message: `${path} allows traffic from ${named.map(pairText).join(', ')}${more}${on}, but the other end blocks it: `
      + `the ${side} of ${workloadName(first.other)} is isolated by NetworkPolicy ${blockers} in namespace "${workloadNamespace(first.other)}" and no rule of `
      + `them allows ${workloadName(first.own)}, so the connection is dropped; ${fix}, or remove this peer if the flow is not needed`
      + ` (policy "${policy.object.name || '<unnamed>'}")`,
    path,
  };
}

/** The workloads of the app whose pods a peer (podSelector and/or namespaceSelector) selects; none for ipBlock. */
function peerWorkloads(context: RuleContext, peer: { [key: string]: any }, policyNamespace: string): Workload[] {
  if (peer.ipBlock !== undefined) return [];
  const hasPods = peer.podSelector !== undefined && peer.podSelector !== null;
  const hasNamespaces = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null;
  if (!hasPods && !hasNamespaces) return [];
  const podSelector = LabelSelector.parse(hasPods ? peer.podSelector : {});
  if (!podSelector.valid) return [];
  let namespaces: string[];
  if (!hasNamespaces) {
    namespaces = [policyNamespace];
  } else {
    const nsSelector = LabelSelector.parse(peer.namespaceSelector);
    if (!nsSelector.valid) return [];
    const named = nsSelector.requiredValue(NAMESPACE_NAME_LABEL);
    const candidates = named !== undefined ? [named] : [...workloadsByNamespace(context).keys()];
    namespaces = candidates.filter(ns => nsSelector.matches(namespaceLabelsIn(context, ns)));
  }
  return namespaces.flatMap(ns => workloadsSelected(context, ns, podSelector));
}

/** True when a rule of these policies in the direction selects namespaces by a label other than the name label. */
function selectsNamespacesByLabels(policies: PolicyEntry[], direction: Direction): boolean {
  for (const policy of policies) {
    for (const rule of policyRulesOf(policy.object.manifest?.spec)) {
      if (rule.direction !== direction) continue;
      for (const { peer } of peersOf(rule)) {
        if (peer.namespaceSelector === undefined || peer.namespaceSelector === null) continue;
        const selector = LabelSelector.parse(peer.namespaceSelector);
        if (!selector.isEmpty && !selector.isOnlyKey(NAMESPACE_NAME_LABEL)) return true;
      }
    }
  }
  return false;
}

/** True when the app defines the namespace, so its labels are known; otherwise only its name label is. */
function namespaceLabelsKnown(context: RuleContext, ns: string): boolean {
  return namespaceObjects(context).has(ns);
}

/** A stable number per policy, to group peers that the same policies isolate. */
function policyIndex(context: RuleContext, policy: PolicyEntry): number {
  const index = context._memoize('network:policy-index', () => new Map<PolicyEntry, number>());
  let n = index.get(policy);
  if (n === undefined) {
    n = index.size;
    index.set(policy, n);
  }
  return n;
}

function workloadName(w: Workload): string {
  return `${w.object.kind} "${w.object.name || '<unnamed>'}" (namespace "${workloadNamespace(w)}")`;
}
