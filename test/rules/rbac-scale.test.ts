import { Packs } from '../../src';
import { deployment, runPacks } from '../helpers/rule-harness';

// Whole-app RBAC rules run once per object with every object in context: they must index bindings by role and
// by subject, not scan. 10,000 objects in ONE namespace is the worst case; a scan per object over every object
// would evaluate the 16 rules against 10^8 pairs and take minutes.
const RBAC = 'rbac.authorization.k8s.io/v1';

function bigApp(n: number): any[] {
  const objects: any[] = [
    { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name: 'secrets-reader' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }] },
    {
      apiVersion: RBAC,
      kind: 'ClusterRoleBinding',
      metadata: { name: 'all-shop' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'secrets-reader' },
      subjects: [{ kind: 'Group', name: 'system:serviceaccounts:shop' }],
    },
  ];
  for (let i = 0; i < n; i++) {
    const name = `app-${i}`;
    objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'shop' }, automountServiceAccountToken: false });
    objects.push({ apiVersion: RBAC, kind: 'Role', metadata: { name, namespace: 'shop' }, rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'], resourceNames: [name] }] });
    objects.push({
      apiVersion: RBAC,
      kind: 'RoleBinding',
      metadata: { name, namespace: 'shop' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace: 'shop' }],
    });
    objects.push(deployment({ serviceAccountName: name, containers: [{ name: 'c', image: 'c:1' }] }, { name, namespace: 'shop' }, { labels: { app: name } }));
  }
  return objects;
}

describe('rbac pack at scale', () => {
  test('10,000 ServiceAccounts, Roles, RoleBindings and Deployments in one namespace evaluate in a few seconds to exactly the expected findings', () => {
    const n = 2500;
    const started = Date.now();
    const report = runPacks([Packs.rbac()], bigApp(n));
    const elapsed = Date.now() - started;
    const counts: Record<string, number> = {};
    for (const f of report.findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    // The one ClusterRole reading Secrets, its binding to every ServiceAccount of shop, and each Deployment, whose
    // ServiceAccount is in that group.
    expect(counts).toEqual({ 'rbac-secrets-read': 1, 'rbac-broad-group-binding': 1, 'rbac-workload-service-account-permissions': n });
    expect(report.findings.find(f => f.resource.name === `app-${n - 1}` && f.resource.kind === 'Deployment')?.message)
      .toContain(`its ServiceAccount shop/app-${n - 1} may read every Secret in the cluster through ClusterRoleBinding all-shop -> ClusterRole secrets-reader (rules[0]) (as Group system:serviceaccounts:shop)`);
    expect(elapsed).toBeLessThan(10_000);
  });
});
