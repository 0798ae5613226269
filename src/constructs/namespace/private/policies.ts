import { NetworkProtocol } from 'cdk8s-plus-28';
import { NetworkFlowPort } from '../network-flow';

/** The label the API server puts on every namespace, holding its name (immutable). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Both directions, always explicit: an omitted `policyTypes` silently drops Egress. */
export const BOTH_POLICY_TYPES = ['Ingress', 'Egress'];

/** A NetworkPolicy spec: every pod of the namespace, isolated both ways, nothing allowed. */
export function defaultDenySpec(): any {
  return { podSelector: {}, policyTypes: [...BOTH_POLICY_TYPES] };
}

/**
 * Egress from every pod to kube-dns in kube-system on 53/UDP and 53/TCP. Both selectors sit in ONE `to` element
 * (AND); two elements would mean OR and allow port 53 to every pod of kube-system or to kube-dns anywhere.
 */
export function dnsEgressSpec(): any {
  return {
    podSelector: {},
    policyTypes: [...BOTH_POLICY_TYPES],
    egress: [{
      to: [{
        namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      }],
      ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
    }],
  };
}

/** Pod selector JSON for a label map; empty selects every pod. */
export function podSelector(labels: { [key: string]: string }): any {
  return Object.keys(labels).length === 0 ? {} : { matchLabels: { ...labels } };
}

/**
 * A peer element: pods of `peerNamespace` with `peerLabels`. Same namespace: a podSelector alone. Other
 * namespace: namespaceSelector on the immutable name label, and the podSelector in the same element (AND).
 */
export function peerElement(ownNamespace: string, peerNamespace: string, peerLabels: { [key: string]: string }): any {
  if (ownNamespace === peerNamespace) {
    return { podSelector: podSelector(peerLabels) };
  }
  const element: any = { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: peerNamespace } } };
  if (Object.keys(peerLabels).length > 0) {
    element.podSelector = podSelector(peerLabels);
  }
  return element;
}

/** The JSON of declared ports. */
export function portsJson(ports: NetworkFlowPort[]): any[] {
  return ports.map(p => {
    const json: any = { protocol: p.protocol ?? NetworkProtocol.TCP, port: p.port };
    if (p.endPort !== undefined) json.endPort = p.endPort;
    return json;
  });
}

/** Why the declared ports cannot be used, or undefined. */
export function portsProblem(ports: NetworkFlowPort[] | undefined): string | undefined {
  if (!Array.isArray(ports) || ports.length === 0) {
    return 'ports is empty: name at least one port, for example port 8080; a flow open on every port is refused';
  }
  const protocols: string[] = Object.values(NetworkProtocol);
  for (const p of ports) {
    if (!Number.isInteger(p?.port) || p.port < 1 || p.port > 65535) {
      return `port ${JSON.stringify(p?.port)} is not a port number: give a whole number from 1 to 65535`;
    }
    if (p.endPort !== undefined && (!Number.isInteger(p.endPort) || p.endPort < p.port || p.endPort > 65535)) {
      return `endPort ${JSON.stringify(p.endPort)} of port ${p.port} is not a port from ${p.port} to 65535`;
    }
    if (p.protocol !== undefined && !protocols.includes(p.protocol)) {
      return `protocol ${JSON.stringify(p.protocol)} of port ${p.port} is not one of ${protocols.join(', ')}`;
    }
  }
  return undefined;
}

/** An ingress allowance: pods `ownLabels` accept traffic from the peer on the ports. */
export function ingressSpec(ownNamespace: string, ownLabels: { [key: string]: string }, peerNamespace: string,
  peerLabels: { [key: string]: string }, ports: NetworkFlowPort[]): any {
  return {
    podSelector: podSelector(ownLabels),
    policyTypes: [...BOTH_POLICY_TYPES],
    ingress: [{ from: [peerElement(ownNamespace, peerNamespace, peerLabels)], ports: portsJson(ports) }],
  };
}

/** An egress allowance: pods `ownLabels` may connect to the peer on the ports. */
export function egressSpec(ownNamespace: string, ownLabels: { [key: string]: string }, peerNamespace: string,
  peerLabels: { [key: string]: string }, ports: NetworkFlowPort[]): any {
  return {
    podSelector: podSelector(ownLabels),
    policyTypes: [...BOTH_POLICY_TYPES],
    egress: [{ to: [peerElement(ownNamespace, peerNamespace, peerLabels)], ports: portsJson(ports) }],
  };
}
