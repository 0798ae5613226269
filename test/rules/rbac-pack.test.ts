import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Packs, RuleScope } from '../../src';
import { scan } from '../../src/cli/scan';

// Rules that judge a binding by its own roleRef and subjects; every other rbac rule reads other objects.
const OBJECT_SCOPE = ['rbac-cluster-admin-binding', 'rbac-anonymous-binding', 'rbac-broad-group-binding', 'rbac-default-service-account-binding'];

const YAML = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: reader
subjects:
- kind: ServiceAccount
  name: api
  namespace: shop
- kind: Group
  name: system:unauthenticated
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      serviceAccountName: api
      containers:
      - name: api
        image: api:1.0
`;

describe('rbac pack', () => {
  test('is a default pack, found by name, with rbac- rules only', () => {
    const pack = Packs.byName('rbac');
    expect(Packs.names()).toContain('rbac');
    expect(pack.rules.map(r => r.id).filter(id => !id.startsWith('rbac-'))).toEqual([]);
    expect(pack.rules.length).toBe(16);
  });

  test('binding rules that read only the binding are object-scoped, the others read the app', () => {
    const pack = Packs.rbac();
    expect(pack.rules.filter(r => r.scope === RuleScope.OBJECT).map(r => r.id).sort()).toEqual([...OBJECT_SCOPE].sort());
  });

  test('scan reports each finding at the line of the rule, the subject or the serviceAccountName', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rbac-scan-'));
    const file = path.join(dir, 'rbac.yaml');
    fs.writeFileSync(file, YAML);
    const { report, problems } = scan([file], { packs: ['rbac'] });
    expect(problems).toEqual([]);
    expect(report.findings.map(f => `${f.ruleId} ${f.resource.kind}/${f.resource.name} ${f.path} line ${f.line}`)).toEqual([
      'rbac-secrets-read ClusterRole/reader rules[1] line 9',
      'rbac-anonymous-binding ClusterRoleBinding/reader subjects[1] line 25',
      'rbac-workload-service-account-permissions Deployment/api spec.template.spec.serviceAccountName line 40',
    ]);
    expect(report.findings[2].message).toBe('Deployment shop/api: its ServiceAccount shop/api may read every Secret in the cluster through '
      + 'ClusterRoleBinding reader -> ClusterRole reader (rules[1]); give the workload a ServiceAccount of its own, bound to a role '
      + 'that grants only the API access it needs');
  });
});
