import { FlowEndpoint, FlowEndpointKind, NetworkFlow } from './network-flow';

/** Renders flows as a Mermaid flowchart: workloads grouped by namespace, external peers as rounded nodes. */
export function renderMermaid(flows: NetworkFlow[]): string {
  const { nodes, ids } = collectNodes(flows);
  const lines = ['flowchart LR'];
  const byNamespace = new Map<string, FlowEndpoint[]>();
  for (const node of nodes) {
    if (node.kind !== FlowEndpointKind.WORKLOAD) continue;
    const ns = node.namespace ?? 'default';
    if (!byNamespace.has(ns)) byNamespace.set(ns, []);
    byNamespace.get(ns)!.push(node);
  }
  for (const [ns, members] of [...byNamespace].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  subgraph ${safeId(`ns_${ns}`)}["namespace ${quote(ns)}"]`);
    for (const m of members) lines.push(`    ${ids.get(nodeKey(m))}["${quote(m.label)}"]`);
    lines.push('  end');
  }
  for (const node of nodes) {
    if (node.kind === FlowEndpointKind.WORKLOAD) continue;
    const shape = node.kind === FlowEndpointKind.IP_BLOCK ? ['[/', '/]'] : node.kind === FlowEndpointKind.ANYWHERE ? ['{{', '}}'] : ['(', ')'];
    lines.push(`  ${ids.get(nodeKey(node))}${shape[0]}"${quote(node.label)}"${shape[1]}`);
  }
  for (const f of flows) {
    const arrow = f.reason === 'not isolated' ? '-.->' : '-->';
    lines.push(`  ${ids.get(nodeKey(f.source))} ${arrow}|"${quote(portLabel(f))}"| ${ids.get(nodeKey(f.destination))}`);
  }
  return lines.join('\n') + '\n';
}

/** Renders flows as a Graphviz digraph with one cluster per namespace. */
export function renderDot(flows: NetworkFlow[]): string {
  const { nodes, ids } = collectNodes(flows);
  const lines = ['digraph network_flows {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  const namespaces = [...new Set(nodes.filter(n => n.kind === FlowEndpointKind.WORKLOAD).map(n => n.namespace ?? 'default'))].sort();
  for (const ns of namespaces) {
    lines.push(`  subgraph "cluster_${dotEscape(ns)}" {`, `    label="namespace ${dotEscape(ns)}";`);
    for (const n of nodes.filter(x => x.kind === FlowEndpointKind.WORKLOAD && (x.namespace ?? 'default') === ns)) {
      lines.push(`    ${ids.get(nodeKey(n))} [label="${dotEscape(n.label)}"];`);
    }
    lines.push('  }');
  }
  for (const n of nodes.filter(x => x.kind !== FlowEndpointKind.WORKLOAD)) {
    lines.push(`  ${ids.get(nodeKey(n))} [label="${dotEscape(n.label)}", shape=${n.kind === FlowEndpointKind.IP_BLOCK ? 'parallelogram' : 'ellipse'}];`);
  }
  for (const f of flows) {
    lines.push(`  ${ids.get(nodeKey(f.source))} -> ${ids.get(nodeKey(f.destination))} [label="${dotEscape(portLabel(f))}"${f.reason === 'not isolated' ? ', style=dashed' : ''}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function collectNodes(flows: NetworkFlow[]): { nodes: FlowEndpoint[]; ids: Map<string, string> } {
  const nodes: FlowEndpoint[] = [];
  const ids = new Map<string, string>();
  for (const f of flows) {
    for (const e of [f.source, f.destination]) {
      const key = nodeKey(e);
      if (ids.has(key)) continue;
      ids.set(key, `n${ids.size}`);
      nodes.push(e);
    }
  }
  return { nodes, ids };
}

function nodeKey(e: FlowEndpoint): string {
  return `${e.kind}|${e.namespace ?? ''}|${e.label}`;
}

function portLabel(f: NetworkFlow): string {
  return f.ports.length ? f.ports.join(', ') : 'all ports';
}

function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_');
}

function quote(text: string): string {
  return text.replace(/"/g, '#quot;');
}

function dotEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
