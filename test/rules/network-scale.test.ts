import { Packs } from '../../src';
import { deployment, runPacks } from '../helpers/rule-harness';

// Whole-app rules run once per object with every object in context: they must index, not scan (speed is
// measured by `npm run bench`, not here). 10,000 objects
// in ONE namespace is the worst case for per-namespace indexes (a quadratic scan there takes many seconds).
const RESTRICTED = {
  runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
};

function bigApp(namespaces: number, workloads: number): any[] {
  const objects: any[] = [];
  for (let n = 0; n < namespaces; n++) {
    const ns = `ns-${n}`;
    const labels: Record<string, string> = {};
    for (const mode of ['enforce', 'audit', 'warn']) {
      labels[`pod-security.kubernetes.io/${mode}`] = 'restricted';
      labels[`pod-security.kubernetes.io/${mode}-version`] = 'v1.28';
    }
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels } });
    objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
  }
  for (let i = 0; i < workloads; i++) {
    const ns = `ns-${i % namespaces}`;
    const app = `app-${i}`;
    // Pods that pass restricted, as the namespaces enforce it (namespace-psa-admits-pods checks it).
    objects.push(deployment({ containers: [{ name: 'c', image: 'c:1', securityContext: RESTRICTED }] }, { name: app, namespace: ns }, { labels: { app, team: 'shop' } }));
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: app, namespace: ns },
      spec: {
        podSelector: { matchLabels: { app } },
        policyTypes: ['Ingress', 'Egress'],
        // A ring: each workload talks to the next one, which lives in the next namespace (the workload count is a
        // multiple of the namespace count), and both ends allow the flow (network-flow-one-sided checks it).
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': `ns-${(i + workloads - 1) % workloads % namespaces}` } }, podSelector: { matchLabels: { app: `app-${(i + workloads - 1) % workloads}` } } }], ports: [{ port: 8080 }] }],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': `ns-${(i + 1) % namespaces}` } }, podSelector: { matchLabels: { app: `app-${(i + 1) % workloads}` } } }] }],
      },
    });
  }
  return objects;
}

describe('network and namespace packs at scale', () => {
  test.each([[1], [20]])('10,000 objects in %i namespace(s) evaluate to exactly the namespace-level findings', (namespaces) => {
    const objects = bigApp(namespaces, 5000 - namespaces);
    const report = runPacks([Packs.network(), Packs.namespace()], objects);
    expect(report.findings.filter(f => f.severity === 'error')).toEqual([]);
    // Only the missing LimitRange and ResourceQuota, once per namespace.
    expect(report.findings.length).toBe(2 * namespaces);
  });

  test('one allow-same-namespace policy over 1,000 workloads, each with its own egress policy, is one finding counting every blocked pair', () => {
    const n = 1000;
    const objects: any[] = [{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'same-namespace', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] },
    }];
    for (let i = 0; i < n; i++) {
      objects.push(deployment({ containers: [{ name: 'c', image: 'c:1' }] }, { name: `app-${i}`, namespace: 'shop' }, { labels: { app: `app-${i}` } }));
      // Each workload's egress allows the next workload only: of the n * (n - 1) pairs the ingress rule allows, n are two-sided.
      objects.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: `app-${i}`, namespace: 'shop' },
        spec: { podSelector: { matchLabels: { app: `app-${i}` } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: `app-${(i + 1) % n}` } } }] }] },
      });
    }
    const oneSided = runPacks([Packs.network()], objects).findings.filter(f => f.ruleId === 'network-flow-one-sided');
    expect(oneSided.map(f => f.path)).toEqual(['spec.ingress[0].from[0]']);
    expect(oneSided[0].message).toContain(`and ${n * (n - 1) - n - 3} more`);
  });
});
