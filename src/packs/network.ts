import { Rule, RuleScope } from '../engine/rule';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import { FlowOneSided } from '../rules/network/flow-one-sided';
import { NamespaceDefaultDeny } from '../rules/network/namespace-default-deny';
import { PodsIsolated } from '../rules/network/pods-isolated';
import { PolicyAllowsAll } from '../rules/network/policy-allows-all';
import { PolicyAllowsAnyPeer } from '../rules/network/policy-allows-any-peer';
import { PolicyPeersSelectPods } from '../rules/network/policy-peers-select-pods';
import { PolicySelectsPods } from '../rules/network/policy-selects-pods';
import { ServiceNoExternalIps } from '../rules/network/service-no-external-ips';
import { ServiceNotExposed } from '../rules/network/service-not-exposed';

/** Network isolation across the app: every pod isolated for ingress and egress, default-deny per namespace, no exposure by NodePort, LoadBalancer or externalIPs. */
export function networkPack(): RulePack {
  return new RulePack({
    name: 'network',
    description: 'Network isolation across the app: every pod isolated for ingress and egress, default-deny per namespace, no exposure by NodePort, LoadBalancer or externalIPs.',
    rules: [
      new Rule({
        id: 'network-pods-isolated',
        severity: Severity.ERROR,
        summary: 'The pods of every workload are selected by NetworkPolicies of their namespace that isolate both ingress and egress.',
        explanation: 'Kubernetes allows all traffic to and from a pod until a NetworkPolicy selecting it lists that direction in its policyTypes. '
          + 'A pod that is not isolated for ingress can be reached by every pod of the cluster, and one that is not isolated for egress can '
          + 'reach every service, the cloud metadata endpoint and the internet, which is how a compromised pod moves laterally or exfiltrates data. '
          + 'When policyTypes is omitted it means Ingress only, plus Egress only when the policy has egress rules, so a policy can look '
          + 'complete and still leave egress open.',
        remediation: 'Add a default-deny NetworkPolicy to the namespace (podSelector {}, policyTypes [Ingress, Egress], no rules), then '
          + 'policies that select the pods by their template labels and allow only the traffic they need, each listing both policyTypes '
          + 'explicitly. IsolatedNamespace and HardenedDeployment emit these policies.',
        fields: [
          'NetworkPolicy spec.podSelector', 'NetworkPolicy spec.policyTypes', 'NetworkPolicy spec.egress', 'NetworkPolicy metadata.namespace',
          'spec.template.metadata.labels', 'metadata.labels', 'metadata.namespace',
        ],
        equivalents: {
          kubeLinter: 'non-isolated-pod',
          polaris: 'missingNetworkPolicy',
          kubeScore: 'pod-networkpolicy',
          checkov: 'CKV2_K8S_6',
        },
        check: new PodsIsolated(),
      }),
      new Rule({
        id: 'network-namespace-default-deny',
        severity: Severity.WARNING,
        summary: 'Every namespace that holds workloads has a default-deny NetworkPolicy for ingress and egress.',
        explanation: 'Per-workload policies only protect the pods they select. A namespace-wide default-deny policy (an empty podSelector, '
          + 'both policyTypes and no rules) also isolates pods added later, by another chart or by hand, and pods whose labels drifted from '
          + 'their policies. The NSA/CISA Kubernetes hardening guide recommends it for every namespace.',
        remediation: 'Add a NetworkPolicy with podSelector {}, policyTypes [Ingress, Egress] and no ingress or egress rules to the namespace '
          + '(IsolatedNamespace emits one), and allow the needed traffic with more specific policies. The finding is reported on the '
          + 'Namespace object when the app defines it, otherwise on the workload of the namespace that sorts first by kind and name (whatever the order of the objects).',
        fields: ['NetworkPolicy spec.podSelector', 'NetworkPolicy spec.policyTypes', 'NetworkPolicy spec.ingress', 'NetworkPolicy spec.egress', 'metadata.namespace'],
        check: new NamespaceDefaultDeny(),
      }),
      new Rule({
        id: 'network-policy-allows-all',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No NetworkPolicy rule allows every peer on every port.',
        explanation: 'An ingress rule without "from" peers (or with an empty peer {}, or an ipBlock of 0.0.0.0/0 or ::/0 without exceptions) '
          + 'and without ports allows every source on every port; the egress equivalent allows every destination. Because policies are '
          + 'additive, such a rule cancels the isolation of every pod the policy selects, including the default-deny of the namespace.',
        remediation: 'Name the peers the pods really talk to with podSelector, namespaceSelector (both in one element to mean AND) or a narrow '
          + 'ipBlock, and list the ports. Remove the rule if the traffic is not needed.',
        fields: ['NetworkPolicy spec.ingress[*].from', 'NetworkPolicy spec.ingress[*].ports', 'NetworkPolicy spec.egress[*].to', 'NetworkPolicy spec.egress[*].ports', 'NetworkPolicy spec.policyTypes'],
        check: new PolicyAllowsAll(),
      }),
      new Rule({
        id: 'network-policy-allows-any-peer',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'No NetworkPolicy rule allows every peer, even when it is limited to some ports.',
        explanation: 'A rule without peers (or with an empty peer, or an all-addresses ipBlock) that lists ports lets any pod of the cluster '
          + 'and any external address use those ports: for ingress, every pod can reach the service directly around its gateway; for egress, '
          + 'the pod can reach any host on those ports, for example DNS to any resolver on 53. Sometimes this is intended (a public '
          + 'endpoint, DNS on clusters with NodeLocal DNSCache), so it is a warning rather than an error.',
        remediation: 'Name the peers with podSelector, namespaceSelector or a narrow ipBlock: for DNS, one "to" element holding both '
          + 'namespaceSelector kubernetes.io/metadata.name=kube-system and podSelector k8s-app=kube-dns on 53/UDP and 53/TCP. When the '
          + 'openness is intended, suppress the finding with the reason.',
        fields: ['NetworkPolicy spec.ingress[*].from', 'NetworkPolicy spec.ingress[*].ports', 'NetworkPolicy spec.egress[*].to', 'NetworkPolicy spec.egress[*].ports'],
        check: new PolicyAllowsAnyPeer(),
      }),
      new Rule({
        id: 'network-policy-selects-pods',
        severity: Severity.WARNING,
        summary: 'The podSelector of every NetworkPolicy selects the pods of some workload of its namespace.',
        explanation: 'A policy whose podSelector matches no pod protects nothing: usually a label was renamed in the pod template but not in '
          + 'the policy, and the pods it was written for are left without the isolation or allowances it was meant to give. An empty '
          + 'podSelector is never reported, since it is meant for every pod of the namespace, present or future.',
        remediation: 'Make spec.podSelector match the pod template labels of the workload it is meant for, or remove the policy.',
        fields: ['NetworkPolicy spec.podSelector', 'spec.template.metadata.labels', 'metadata.labels', 'metadata.namespace'],
        equivalents: {
          kubeLinter: 'dangling-networkpolicy',
          kubeScore: 'networkpolicy-targets-pod',
        },
        check: new PolicySelectsPods(),
      }),
      new Rule({
        id: 'network-policy-peer-selects-pods',
        severity: Severity.WARNING,
        summary: 'The podSelector of every NetworkPolicy peer selects the pods of some workload in the namespaces the peer covers, when the app defines those namespaces.',
        explanation: 'A peer whose podSelector matches no pod allows nothing, so the traffic it was written for is dropped once the pods are '
          + 'isolated, usually after a label rename. Only namespaces whose workloads are all in the app are judged: the policy\'s own '
          + 'namespace for a peer without namespaceSelector, and the Namespace objects of the app matched by the peer\'s namespaceSelector '
          + '(by their labels and kubernetes.io/metadata.name). Peers pointing at other namespaces, such as kube-dns in kube-system, '
          + 'are not reported.',
        remediation: 'Make the peer\'s podSelector match the pod template labels of the workload it is meant for, check its namespaceSelector, '
          + 'or remove the peer.',
        fields: ['NetworkPolicy spec.ingress[*].from[*].podSelector', 'NetworkPolicy spec.ingress[*].from[*].namespaceSelector',
          'NetworkPolicy spec.egress[*].to[*].podSelector', 'NetworkPolicy spec.egress[*].to[*].namespaceSelector',
          'Namespace metadata.labels', 'spec.template.metadata.labels'],
        equivalents: {
          kubeLinter: 'dangling-networkpolicypeer-podselector',
        },
        check: new PolicyPeersSelectPods(),
      }),
      new Rule({
        id: 'network-flow-one-sided',
        severity: Severity.WARNING,
        summary: 'Every flow a NetworkPolicy rule allows between two workloads of the app is also allowed by the other end.',
        explanation: 'A connection needs both ends: the source\'s egress and the destination\'s ingress. An ingress rule naming a peer whose '
          + 'egress is isolated (by its namespace\'s default-deny, say) without an egress rule towards these pods allows nothing, and so does an '
          + 'egress rule towards pods whose ingress does not admit it. The rule was written for a flow the app needs, so one side is '
          + 'wrong: the connection times out at run time, which is often "fixed" by opening a policy wide. Only workloads of the app are '
          + 'judged; a pair is left out when the blocking side selects namespaces by labels the app does not define.',
        remediation: 'Add the matching rule to a NetworkPolicy selecting the other end\'s pods (an egress rule towards the destination, or an '
          + 'ingress rule from the source, on the same ports), or remove the peer if the flow is not needed. The hardened workloads\' '
          + 'allowIngressFrom and allowEgressTo write both sides when the peer is a hardened workload of the app.',
        fields: ['NetworkPolicy spec.ingress[*].from', 'NetworkPolicy spec.egress[*].to', 'NetworkPolicy spec.ingress[*].ports',
          'NetworkPolicy spec.egress[*].ports', 'NetworkPolicy spec.podSelector', 'NetworkPolicy spec.policyTypes', 'spec.template.metadata.labels'],
        check: new FlowOneSided(),
      }),
      new Rule({
        id: 'network-service-not-exposed',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Services are not of type NodePort or LoadBalancer.',
        explanation: 'A NodePort Service opens a port on every node of the cluster and a LoadBalancer Service asks the cloud for an external '
          + 'load balancer: both expose the selected pods outside the cluster, bypassing the Ingress or Gateway where TLS, authentication and '
          + 'rate limits are applied. It is a warning because an ingress controller itself legitimately needs one.',
        remediation: 'Use a ClusterIP Service (the default) and expose it through an Ingress or Gateway. For the one Service that must be '
          + 'exposed, suppress the finding with the reason.',
        fields: ['Service spec.type'],
        equivalents: {
          kubeLinter: 'exposed-services',
          kubeScore: 'service-type',
        },
        check: new ServiceNotExposed(),
      }),
      new Rule({
        id: 'network-service-no-external-ips',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'Services do not set externalIPs.',
        explanation: 'Traffic to a Service\'s externalIPs is routed to its pods by every node, and nothing checks that the addresses belong to '
          + 'the Service: whoever can create one can intercept traffic meant for any address, inside or outside the cluster '
          + '(CVE-2020-8554).',
        remediation: 'Remove spec.externalIPs and expose the Service through an Ingress, a Gateway or a managed load balancer.',
        fields: ['Service spec.externalIPs'],
        equivalents: {
          trivy: 'KSV-0108',
        },
        check: new ServiceNoExternalIps(),
      }),
    ],
  });
}
