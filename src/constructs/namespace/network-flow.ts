import { NetworkProtocol } from 'cdk8s-plus-28';

/**
 * A port (or port range) a declared network flow allows.
 *
 * @example
 * const http: NetworkFlowPort = { port: 8080 };                              // 8080/TCP
 * const dns: NetworkFlowPort = { port: 53, protocol: NetworkProtocol.UDP };   // 53/UDP
 * const range: NetworkFlowPort = { port: 30000, endPort: 30100 };             // 30000-30100/TCP
 */
export interface NetworkFlowPort {
  /** Port number (1-65535) on the destination pods. */
  readonly port: number;
  /**
   * Last port of a range starting at `port` (inclusive).
   * @default - a single port
   */
  readonly endPort?: number;
  /**
   * Protocol.
   * @default NetworkProtocol.TCP
   */
  readonly protocol?: NetworkProtocol;
}

/** Options of a network flow declared on an IsolatedNamespace. */
export interface NetworkFlowOptions {
  /**
   * Ports the flow allows, on the destination pods. At least one: a flow open on every port is refused.
   */
  readonly ports: NetworkFlowPort[];
  /**
   * Labels selecting the pods of this namespace the flow applies to (the destination of an ingress flow, the
   * source of an egress flow). For a workload, pass its pod selector labels (`deployment.matchLabels`).
   * @default - every pod of this namespace
   */
  readonly podLabels?: { [key: string]: string };
}
