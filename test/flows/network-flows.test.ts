import { NetworkFlows } from '../../src';

const NS = 'shop';
const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: NS },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `${name}:1` }] } } },
});
const policy = (name: string, spec: any) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: NS }, spec });
const DNS_PEER = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
const DNS_PORTS = [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }];

function app(extra: any[] = []) {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    deployment('web'),
    deployment('api'),
    policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy('dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [DNS_PEER], ports: DNS_PORTS }] }),
    policy('web', {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 8080 }] }],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
    }),
    policy('api', {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 8080 }, { protocol: 'TCP', port: 9090 }] }],
    }),
    ...extra,
  ];
}

const describeFlow = (f: any) => `${f.source.namespace ? `${f.source.namespace}/` : ''}${f.source.label} -> ${f.destination.namespace ? `${f.destination.namespace}/` : ''}${f.destination.label} [${f.ports.join(', ') || 'all ports'}]`;

describe('NetworkFlows', () => {
  test('shows exactly the flows both sides allow, DNS and other namespaces included', () => {
    expect(NetworkFlows.fromManifests(app()).flows.map(describeFlow)).toEqual([
      'shop/Deployment api -> kube-system/kube-system: k8s-app=kube-dns [TCP 53, UDP 53]',
      'shop/Deployment web -> shop/Deployment api [TCP 8080]',
      'shop/Deployment web -> kube-system/kube-system: k8s-app=kube-dns [TCP 53, UDP 53]',
      'ingress-nginx/ingress-nginx: all pods -> shop/Deployment web [TCP 8080]',
    ]);
  });

  test('a flow only one side allows is not drawn', () => {
    const flows = NetworkFlows.fromManifests(app()).flows.map(describeFlow);
    expect(flows.some(f => f.startsWith('shop/Deployment api -> shop/Deployment web'))).toBe(false);
  });

  test('a workload no policy isolates talks to and from anywhere', () => {
    const loose = { ...deployment('loose'), metadata: { name: 'loose', namespace: 'other' } };
    const flows = NetworkFlows.fromManifests([loose]).flows.map(describeFlow);
    expect(flows).toEqual(['other/Deployment loose -> anywhere [all ports]', 'anywhere -> other/Deployment loose [all ports]']);
  });

  test('IP blocks are drawn as external endpoints', () => {
    const flows = NetworkFlows.fromManifests(app([policy('egress-db', {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.20.0.0/16', except: ['10.20.1.0/24'] } }], ports: [{ port: 5432 }] }],
    })])).flows.map(describeFlow);
    expect(flows).toContain('shop/Deployment api -> 10.20.0.0/16 except 10.20.1.0/24 [TCP 5432]');
  });

  test('renders Mermaid and DOT', () => {
    const flows = NetworkFlows.fromManifests(app());
    expect(flows.toMermaid()).toMatchSnapshot();
    expect(flows.toDot()).toMatchSnapshot();
  });
});
