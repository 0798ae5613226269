import { Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ResolvedHardening } from './options';

type Rule = { peers: kplus.k8s.NetworkPolicyPeer[]; ports: kplus.k8s.NetworkPolicyPort[] };

/** The pod selector of a workload: the address label cdk8s-plus puts on every pod it renders. */
export function podSelectorOf(workload: kplus.Workload): kplus.k8s.LabelSelector {
  const address = workload.podMetadata.getLabel(kplus.Pod.ADDRESS_LABEL);
  if (!address) throw new Error(`${workload.node.path}: pods have no ${kplus.Pod.ADDRESS_LABEL} label to select them by`);
  return { matchLabels: { [kplus.Pod.ADDRESS_LABEL]: address } };
}

/**
 * The one NetworkPolicy of a hardened workload (child `NetworkPolicy`). It selects the workload's pods with both
 * policyTypes, so they are isolated for ingress and egress; its rules are the DNS allowance and whatever
 * `allowIngressFrom` / `allowEgressTo` add, rendered lazily so later calls are included.
 */
export class WorkloadNetworkPolicy {
  public readonly apiObject: kplus.k8s.KubeNetworkPolicy;
  private readonly ingress: Rule[] = [];
  private readonly egress: Rule[] = [];

  constructor(private readonly workload: kplus.Workload, private readonly o: ResolvedHardening) {
    this.apiObject = new kplus.k8s.KubeNetworkPolicy(workload, 'NetworkPolicy', {
      metadata: { namespace: workload.metadata.namespace },
      spec: Lazy.any({ produce: () => this.spec() }),
    });
  }

  public addIngress(peer: kplus.k8s.NetworkPolicyPeer, ports: kplus.k8s.NetworkPolicyPort[]): void {
    addRule(this.ingress, peer, ports);
  }

  public addEgress(peer: kplus.k8s.NetworkPolicyPeer, ports: kplus.k8s.NetworkPolicyPort[]): void {
    addRule(this.egress, peer, ports);
  }

  private spec(): kplus.k8s.NetworkPolicySpec {
    const egress: kplus.k8s.NetworkPolicyEgressRule[] = [];
    if (this.o.allowDns) {
      // One `to` element holding both selectors: they AND together. Two elements would allow any pod in kube-system.
      egress.push({
        to: [{ namespaceSelector: { matchLabels: this.o.dnsNamespaceLabels }, podSelector: { matchLabels: this.o.dnsPodLabels } }],
        ports: [
          { protocol: 'UDP', port: kplus.k8s.IntOrString.fromNumber(53) },
          { protocol: 'TCP', port: kplus.k8s.IntOrString.fromNumber(53) },
        ],
      });
    }
    egress.push(...this.egress.map(r => ({ to: r.peers, ports: r.ports })));
    const ingress = this.ingress.map(r => ({ from: r.peers, ports: r.ports }));
    return {
      podSelector: podSelectorOf(this.workload),
      policyTypes: ['Ingress', 'Egress'],
      ...(ingress.length > 0 ? { ingress } : {}),
      ...(egress.length > 0 ? { egress } : {}),
    };
  }
}

/** Rules with the same ports share one rule with several peers; the same peer twice is kept once. */
function addRule(rules: Rule[], peer: kplus.k8s.NetworkPolicyPeer, ports: kplus.k8s.NetworkPolicyPort[]): void {
  const key = portsKey(ports);
  const existing = rules.find(r => portsKey(r.ports) === key);
  if (!existing) {
    rules.push({ peers: [peer], ports });
  } else if (!existing.peers.some(p => JSON.stringify(p) === JSON.stringify(peer))) {
    existing.peers.push(peer);
  }
}

function portsKey(ports: kplus.k8s.NetworkPolicyPort[]): string {
  return ports.map(p => `${p.protocol ?? 'TCP'}/${p.port?.value ?? '*'}-${p.endPort ?? ''}`).sort().join(',');
}
