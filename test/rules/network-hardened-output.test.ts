import { Packs } from '../../src';
import { describeFindings, deployment, runPacks } from '../helpers/rule-harness';

// Manifests shaped like what the library's constructs emit: IsolatedNamespace (Namespace with pinned restricted
// PSA labels, default-deny, DNS egress, LimitRange, ResourceQuota) and HardenedDeployment (per-workload policies).
const PSA = 'pod-security.kubernetes.io/';
function isolatedNamespace(name: string): any[] {
  const labels: Record<string, string> = {};
  for (const mode of ['enforce', 'audit', 'warn']) {
    labels[`${PSA}${mode}`] = 'restricted';
    labels[`${PSA}${mode}-version`] = 'v1.28';
  }
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: name }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-dns', namespace: name },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        egress: [{
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
        }],
      },
    },
    { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: name }, spec: { limits: [{ type: 'Container', default: { cpu: '500m' } }] } },
    { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'quota', namespace: name }, spec: { hard: { pods: '20' } } },
  ];
}

const RESTRICTED = {
  runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
};

interface Peer { readonly namespace?: string; readonly app: string }

function hardenedDeployment(namespace: string, app: string, ingressFrom: Peer[], egressTo: Peer[]): any[] {
  const peer = (p: Peer) => ({
    ...(p.namespace ? { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': p.namespace } } } : {}),
    podSelector: { matchLabels: { app: p.app } },
  });
  return [
    // The security context HardenedDeployment emits: the namespaces enforce restricted, and namespace-psa-admits-pods checks it.
    deployment({ containers: [{ name: app, image: `${app}:1.0`, securityContext: RESTRICTED }] }, { name: app, namespace }, { labels: { app } }),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: app, namespace },
      spec: {
        podSelector: { matchLabels: { app } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: ingressFrom.map(p => ({ from: [peer(p)], ports: [{ protocol: 'TCP', port: 8080 }] })),
        egress: egressTo.map(p => ({ to: [peer(p)], ports: [{ protocol: 'TCP', port: 8080 }] })),
      },
    },
  ];
}

describe('network and namespace packs on the constructs\' output', () => {
  const app = [
    ...isolatedNamespace('shop'),
    ...isolatedNamespace('data'),
    ...hardenedDeployment('shop', 'web', [], [{ app: 'api' }]),
    ...hardenedDeployment('shop', 'api', [{ app: 'web' }], [{ namespace: 'data', app: 'db' }]),
    ...hardenedDeployment('data', 'db', [{ namespace: 'shop', app: 'api' }], []),
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } },
  ];

  test('an app built from IsolatedNamespace and HardenedDeployment output has no finding', () => {
    const report = runPacks([Packs.network(), Packs.namespace()], app);
    expect(describeFindings(report.findings)).toBe('(none)');
  });

  test('renaming a pod label is caught by the isolation and dangling-selector rules', () => {
    const drifted = app.map(o => (o.kind === 'Deployment' && o.metadata.name === 'db'
      ? { ...o, spec: { ...o.spec, template: { ...o.spec.template, metadata: { labels: { app: 'postgres' } } } } }
      : o));
    const ids = runPacks([Packs.network()], drifted).findings.map(f => `${f.ruleId} ${f.resource.namespace}/${f.resource.name}`);
    expect(ids).toEqual(expect.arrayContaining([
      'network-policy-selects-pods data/db',
      'network-policy-peer-selects-pods shop/api',
    ]));
    // The namespace default-deny still isolates the renamed pods.
    expect(ids).not.toContain('network-pods-isolated data/db');
  });

  test('malformed manifests never make a rule fail to evaluate', () => {
    const junk: any[] = [
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'a', namespace: 'shop' }, spec: 'nope' },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'b', namespace: 'shop' }, spec: { podSelector: [], policyTypes: 'Ingress', ingress: [null, 3, { from: 'x', ports: 'y' }], egress: {} } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'c' }, spec: { podSelector: { matchLabels: null }, egress: [{ to: [null, { ipBlock: 'x' }, { namespaceSelector: 'x', podSelector: { matchLabels: { a: 'b' } } }] }] } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { labels: 'x' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', labels: { [`${PSA}enforce`]: 7 } } },
      { apiVersion: 'v1', kind: 'Service', spec: { type: 5, externalIPs: 'x' } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'shop' }, spec: { template: 'x' } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'e', namespace: 'shop' }, spec: { template: { metadata: { labels: [] }, spec: {} } } },
      { apiVersion: 'v1', kind: 'Pod' },
      null,
      'text',
    ];
    const report = runPacks([Packs.network(), Packs.namespace()], junk);
    expect(report.findings.filter(f => f.message.includes('could not evaluate'))).toEqual([]);
  });
});
