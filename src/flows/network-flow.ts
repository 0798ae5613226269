/** What a flow endpoint is. */
export enum FlowEndpointKind {
  /** A pod-bearing object of the app. */
  WORKLOAD = 'workload',
  /** Pods outside the app, picked by namespace and pod selectors (kube-dns in kube-system, an ingress controller). */
  SELECTED_PODS = 'selected-pods',
  /** Addresses outside the cluster, by CIDR. */
  IP_BLOCK = 'ip-block',
  /** Any source or destination: the direction is not isolated, or a rule names no peer. */
  ANYWHERE = 'anywhere',
}

/** One end of an allowed network flow. */
export interface FlowEndpoint {
  readonly kind: FlowEndpointKind;
  /** How the diagram labels it: `Deployment web`, `kube-system: k8s-app=kube-dns`, `10.0.0.0/8`, `anywhere`. */
  readonly label: string;
  /** The namespace of a workload, or the namespace a selector names. @default - none */
  readonly namespace?: string;
}

/** A connection that the NetworkPolicies of the app allow. */
export interface NetworkFlow {
  /** Where the connection starts. */
  readonly source: FlowEndpoint;
  /** Where it goes. */
  readonly destination: FlowEndpoint;
  /** Allowed ports as `TCP 8080`, `UDP 53`; empty means every port. */
  readonly ports: string[];
  /** Why it is allowed: `policy`, or `not isolated` when no policy isolates the direction. */
  readonly reason: string;
}
