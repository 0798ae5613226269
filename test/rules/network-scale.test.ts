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
        // The next workload of the same namespace (the workload count is a multiple of the namespace count).
        ingress: [{ from: [{ podSelector: { matchLabels: { app: `app-${(i + namespaces) % workloads}` } } }], ports: [{ port: 8080 }] }],
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
});
