import { FlowEndpoint, FlowEndpointKind, NetworkFlow } from './network-flow';
import { renderDot, renderMermaid } from './render-flows';
import { ManifestObject } from '../engine/manifest-object';
import { RuleContext } from '../engine/rule-context';
import { isObject } from '../private/pod-template';
import { ALL_PORTS, intersectPorts, portList, portsAllowing, rulePorts, sortPorts } from '../rules/network/private/allowed-ports';
import { LabelSelector } from '../rules/network/private/label-selector';
import { NAMESPACE_NAME_LABEL, namespaceLabelsIn, namespaceObjects, Workload, workloadNamespace, workloadsByNamespace } from '../rules/network/private/namespaces';
import { Direction, policiesIsolating, PolicyEntry, policyRulesOf, peersOf } from '../rules/network/private/policies';

/**
 * The network flows an app's NetworkPolicies allow, as data and as a diagram (Mermaid, Graphviz DOT).
 *
 * A flow between two workloads of the app needs both sides: the source's egress and the destination's ingress
 * must allow it (a direction no policy isolates allows everything). Flows to and from peers outside the app
 * (kube-dns, other namespaces, IP blocks) are drawn from the one side the app controls.
 */
export class NetworkFlows {
  /** The flows allowed between the given rendered manifests. */
  public static fromManifests(manifests: any[]): NetworkFlows {
    return NetworkFlows.fromObjects(manifests.map(m => ManifestObject.fromJson(m)));
  }

  /** The flows allowed between the given objects. */
  public static fromObjects(objects: ManifestObject[]): NetworkFlows {
    return new NetworkFlows(computeFlows(new RuleContext(objects)));
  }

  /** The flows, sorted by source, destination and ports. */
  public readonly flows: NetworkFlow[];

  private constructor(flows: NetworkFlow[]) {
    this.flows = flows;
  }

  /** A Mermaid `flowchart` with one subgraph per namespace; GitHub renders it in Markdown. */
  public toMermaid(): string {
    return renderMermaid(this.flows);
  }

  /** A Graphviz DOT digraph of the same flows. */
  public toDot(): string {
    return renderDot(this.flows);
  }
}

interface Side {
  readonly isolated: boolean;
  readonly policies: PolicyEntry[];
}

function computeFlows(context: RuleContext): NetworkFlow[] {
  const namespaces = workloadsByNamespace(context);
  const workloads: Workload[] = [...namespaces.values()].flatMap(n => n.workloads).filter(w => w.hasTemplate);
  const nsObjects = namespaceObjects(context);
  const appNamespaces = new Set([...namespaces.keys(), ...nsObjects.keys()]);
  const side = (w: Workload, direction: Direction): Side => {
    const policies = policiesIsolating(context, workloadNamespace(w), w.podLabels, direction);
    return { isolated: policies.length > 0, policies };
  };
  const ingress = new Map(workloads.map(w => [w, side(w, Direction.INGRESS)]));
  const egress = new Map(workloads.map(w => [w, side(w, Direction.EGRESS)]));
  const flows = new Map<string, NetworkFlow>();
  const add = (flow: NetworkFlow) => {
    const key = `${flow.source.label}|${flow.source.namespace}|${flow.destination.label}|${flow.destination.namespace}`;
    const existing = flows.get(key);
    if (!existing) {
      flows.set(key, flow);
    } else if (existing.ports.length && flow.ports.length) {
      flows.set(key, { ...existing, ports: sortPorts([...new Set([...existing.ports, ...flow.ports])]) });
    } else {
      flows.set(key, { ...existing, ports: [] });
    }
  };

  // Between workloads of the app: both the source's egress and the destination's ingress must allow the flow.
  for (const src of workloads) {
    for (const dst of workloads) {
      if (src === dst) continue;
      const out = egress.get(src)!;
      const inn = ingress.get(dst)!;
      if (!out.isolated && !inn.isolated) continue; // drawn once as "anywhere" edges below
      const labelsOf = (w: Workload) => namespaceLabelsIn(context, workloadNamespace(w));
      const allowedOut = out.isolated ? portsAllowing(out.policies, Direction.EGRESS, dst, labelsOf(dst)) : ALL_PORTS;
      const allowedIn = inn.isolated ? portsAllowing(inn.policies, Direction.INGRESS, src, labelsOf(src)) : ALL_PORTS;
      const ports = intersectPorts(allowedOut, allowedIn);
      if (ports === undefined) continue;
      add({ source: workloadEndpoint(src), destination: workloadEndpoint(dst), ports: portList(ports), reason: 'policy' });
    }
  }

  // Peers outside the app, and directions no policy isolates.
  for (const w of workloads) {
    for (const direction of [Direction.EGRESS, Direction.INGRESS]) {
      const s = (direction === Direction.EGRESS ? egress : ingress).get(w)!;
      const self = workloadEndpoint(w);
      const link = (other: FlowEndpoint, ports: string[], reason: string) =>
        add(direction === Direction.EGRESS
          ? { source: self, destination: other, ports, reason }
          : { source: other, destination: self, ports, reason });
      if (!s.isolated) {
        link({ kind: FlowEndpointKind.ANYWHERE, label: 'anywhere' }, [], 'not isolated');
        continue;
      }
      for (const policy of s.policies) {
        for (const rule of policyRulesOf(policy.object.manifest?.spec).filter(r => r.direction === direction)) {
          const ports = portList(rulePorts(rule.rule.ports));
          const peers = peersOf(rule);
          if (!Array.isArray(rule.rule[rule.peerField]) || rule.rule[rule.peerField].length === 0) {
            link({ kind: FlowEndpointKind.ANYWHERE, label: 'anywhere' }, ports, 'policy');
            continue;
          }
          for (const { peer } of peers) {
            const external = externalEndpoint(peer, appNamespaces);
            if (external) link(external, ports, 'policy');
          }
        }
      }
    }
  }

  return [...flows.values()].sort((a, b) => flowKey(a).localeCompare(flowKey(b)));
}

/** The endpoint outside the app that a peer stands for, or undefined when the peer selects app pods only. */
function externalEndpoint(peer: any, appNamespaces: Set<string>): FlowEndpoint | undefined {
  if (isObject(peer.ipBlock)) {
    const except = Array.isArray(peer.ipBlock.except) && peer.ipBlock.except.length ? ` except ${peer.ipBlock.except.join(', ')}` : '';
    return { kind: FlowEndpointKind.IP_BLOCK, label: `${peer.ipBlock.cidr}${except}` };
  }
  if (peer.namespaceSelector === undefined) return undefined; // pods of the policy's own namespace: in the app
  const nsSel = LabelSelector.parse(peer.namespaceSelector);
  const named = nsSel.requiredValue(NAMESPACE_NAME_LABEL);
  if (named !== undefined && appNamespaces.has(named)) return undefined;
  const podSel = peer.podSelector !== undefined ? LabelSelector.parse(peer.podSelector) : undefined;
  const where = named ?? (nsSel.isEmpty ? 'all namespaces' : `namespaces ${nsSel.toString()}`);
  const pods = podSel && !podSel.isEmpty ? podSel.toString() : 'all pods';
  return { kind: FlowEndpointKind.SELECTED_PODS, label: `${where}: ${pods}`, ...(named ? { namespace: named } : {}) };
}

function workloadEndpoint(w: Workload): FlowEndpoint {
  return { kind: FlowEndpointKind.WORKLOAD, label: `${w.object.kind} ${w.object.name}`, namespace: workloadNamespace(w) };
}

function flowKey(f: NetworkFlow): string {
  const end = (e: FlowEndpoint) => `${e.kind === FlowEndpointKind.WORKLOAD ? '0' : '1'}${e.namespace ?? ''}/${e.label}`;
  return `${end(f.source)}>${end(f.destination)}>${f.ports.join(',')}`;
}
