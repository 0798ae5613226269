/**
 * Properties that look at what the scanner finds, not only that it returns:
 * - no rule crashes ("could not evaluate") on type-confused values (null, arrays, numbers, strings, booleans,
 *   objects) at every field any shipped rule reads, and at every object on the way to it, in every pod-bearing kind;
 * - the YAML and the JSON form of the same objects give the same findings;
 * - the order of the documents does not change the findings.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { Evaluator, ManifestObject, Packs } from '../../src';
import { scan } from '../../src/cli/scan';

const CORPUS = path.join(__dirname, '..', '..', 'conformance', 'corpus');
const SEEDS: any[] = fs.readdirSync(CORPUS).filter(f => f.endsWith('.yaml')).sort()
  .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(CORPUS, f), 'utf-8')).map(d => d.toJS()))
  .filter(v => v && typeof v === 'object');

const CONFUSED: unknown[] = [null, [], ['x', 1], 0, 1.5, '', 'x', true, {}, { a: [] }];
/** Fewer values on the way to a field (the pod template path, `securityContext`, ...): each is a whole subtree. */
const CONFUSED_PARENT: unknown[] = [null, [], 'x', 1, {}];

/** A pod spec where every field the pod rules read is present, so each one can be replaced. */
function fullPodSpec(): any {
  const container = (name: string) => ({
    name,
    image: 'registry.example.com/app:1.0.0',
    env: [{ name: 'PASSWORD', value: 'x' }],
    // References to other objects (the references pack).
    envFrom: [{ configMapRef: { name: 'c' } }, { secretRef: { name: 's' } }],
    ports: [{ containerPort: 8080, hostPort: 8080 }],
    resources: { limits: { 'cpu': '1', 'memory': '1Gi', 'ephemeral-storage': '1Gi' }, requests: { 'cpu': '1', 'memory': '1Gi', 'ephemeral-storage': '1Gi' } },
    livenessProbe: { httpGet: { path: '/', port: 8080, host: 'h' }, tcpSocket: { port: 8080, host: 'h' } },
    readinessProbe: { httpGet: { path: '/', port: 8080, host: 'h' }, tcpSocket: { port: 8080, host: 'h' } },
    startupProbe: { httpGet: { path: '/', port: 8080, host: 'h' }, tcpSocket: { port: 8080, host: 'h' } },
    lifecycle: { postStart: { httpGet: { port: 1, host: 'h' }, tcpSocket: { port: 1, host: 'h' } }, preStop: { httpGet: { port: 1, host: 'h' }, tcpSocket: { port: 1, host: 'h' } } },
    securityContext: {
      allowPrivilegeEscalation: true,
      privileged: true,
      readOnlyRootFilesystem: false,
      runAsNonRoot: false,
      runAsUser: 0,
      runAsGroup: 0,
      procMount: 'Unmasked',
      capabilities: { add: ['SYS_ADMIN'], drop: ['ALL'] },
      seccompProfile: { type: 'Unconfined' },
      appArmorProfile: { type: 'Unconfined' },
      seLinuxOptions: { type: 'spc_t', user: 'u', role: 'r' },
      windowsOptions: { hostProcess: true },
    },
  });
  return {
    hostNetwork: true,
    hostPID: true,
    hostIPC: true,
    hostUsers: false,
    automountServiceAccountToken: true,
    serviceAccount: 'sa',
    serviceAccountName: 'sa',
    os: { name: 'linux' },
    securityContext: {
      runAsNonRoot: false,
      runAsUser: 0,
      runAsGroup: 0,
      fsGroup: 0,
      supplementalGroups: [0],
      seccompProfile: { type: 'Unconfined' },
      appArmorProfile: { type: 'Unconfined' },
      seLinuxOptions: { type: 'spc_t', user: 'u', role: 'r' },
      sysctls: [{ name: 'kernel.msgmax', value: '1' }],
      windowsOptions: { hostProcess: true },
    },
    volumes: [{ name: 'h', hostPath: { path: '/var/run/docker.sock' } }, { name: 'n', nfs: { server: 's', path: '/' } }],
    imagePullSecrets: [{ name: 'registry' }],
    containers: [{
      ...container('app'),
      env: [
        { name: 'PASSWORD', value: 'x' },
        { name: 'A', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } },
        { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
      ],
    }],
    initContainers: [container('init')],
    ephemeralContainers: [container('debug')],
  };
}

const POD_ANNOTATIONS = {
  'container.apparmor.security.beta.kubernetes.io/app': 'unconfined',
  'container.seccomp.security.alpha.kubernetes.io/app': 'unconfined',
  'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
};

/** Every pod-bearing kind, with the path of its pod template (empty for a Pod). */
const POD_KINDS: [string, string, string[]][] = [
  ['v1', 'Pod', []], ['v1', 'PodTemplate', ['template']], ['v1', 'ReplicationController', ['spec', 'template']],
  ['apps/v1', 'Deployment', ['spec', 'template']], ['apps/v1', 'StatefulSet', ['spec', 'template']], ['apps/v1', 'DaemonSet', ['spec', 'template']],
  ['apps/v1', 'ReplicaSet', ['spec', 'template']], ['batch/v1', 'Job', ['spec', 'template']], ['batch/v1', 'CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
];

function podObject(apiVersion: string, kind: string, at: string[]): any {
  const pod = { metadata: { labels: { app: 'x' }, annotations: { ...POD_ANNOTATIONS } }, spec: fullPodSpec() };
  const obj: any = { apiVersion, kind, metadata: { name: 'x', namespace: 'default', labels: { app: 'x' } } };
  if (at.length === 0) return { ...obj, metadata: { ...obj.metadata, annotations: pod.metadata.annotations }, spec: pod.spec };
  let cur = obj;
  at.forEach((k, i) => { cur = cur[k] = i === at.length - 1 ? pod : (cur[k] ?? {}); });
  if (kind !== 'PodTemplate' && kind !== 'CronJob') obj.spec.selector = { matchLabels: { app: 'x' } };
  if (kind === 'Job') obj.spec.manualSelector = true;
  // The volumes that name other objects (the references pack), beside the PSS volume seeds.
  pod.spec.volumes.push(
    { name: 'cm', configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } },
    { name: 'sec', secret: { secretName: 's', items: [{ key: 'k', path: 'p' }] } },
    { name: 'pr', projected: { sources: [{ configMap: { name: 'c' } }, { secret: { name: 's' } }] } },
    { name: 'pvc', persistentVolumeClaim: { claimName: 'data' } },
  );
  return obj;
}

/** The other kinds the rules read, each with every field present. */
const OTHER_OBJECTS: any[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.30', 'pod-security.kubernetes.io/audit': 'baseline', 'pod-security.kubernetes.io/audit-version': 'latest', 'pod-security.kubernetes.io/warn': 'privileged', 'pod-security.kubernetes.io/warn-version': 'v1.2' } } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'default' }, spec: { podSelector: { matchLabels: { app: 'x' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['x'] }] }, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: {}, namespaceSelector: {}, ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 80, protocol: 'TCP', endPort: 90 }] }], egress: [{ to: [{ podSelector: {}, namespaceSelector: { matchLabels: { a: 'b' } } }], ports: [{ port: 53, protocol: 'UDP' }] }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { type: 'LoadBalancer', externalIPs: ['1.2.3.4'], selector: { app: 'x' }, ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'named', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'x' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'pdb', namespace: 'default' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'x' } } } },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'hpa', namespace: 'default' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' }, maxReplicas: 2 } },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'i', namespace: 'default' },
    spec: { defaultBackend: { service: { name: 's', port: { number: 80 } } }, rules: [{ host: 'h', http: { paths: [{ path: '/', backend: { service: { name: 's', port: { name: 'http' } } } }] } }] },
  },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', metadata: { name: 'old', namespace: 'default' }, spec: { backend: { serviceName: 's', servicePort: 80 } } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { password: 'hunter2', AWS_SECRET_ACCESS_KEY: 'AKIA' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, data: { a: 'YQ==' }, stringData: { b: 'c' } },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: 'default' }, automountServiceAccountToken: true },
  { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l', namespace: 'default' }, spec: { limits: [{ type: 'Container', default: { cpu: '1' } }] } },
  { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec: { hard: { 'requests.cpu': '1' } } },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'cr' }, rules: [{ apiGroups: ['', '*'], resources: ['secrets', 'pods/exec', 'nodes/proxy', '*'], verbs: ['get', 'create', '*'], resourceNames: ['x'] }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'agg' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: 'b' } }] }, rules: [] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', namespace: 'default' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'rb', namespace: 'default' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'default' }, { kind: 'Group', name: 'system:serviceaccounts' }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'crb' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cr' }, subjects: [{ kind: 'ServiceAccount', name: 'sa', namespace: 'default' }, { kind: 'User', name: 'system:anonymous' }] },
];

/** Every path (as keys) to a value inside `value`, objects and arrays included. */
function allPaths(value: any, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      allPaths(value[k], p, out);
    }
  }
  return out;
}

function setAt(root: any, p: (string | number)[], v: unknown): any {
  const copy = JSON.parse(JSON.stringify(root));
  let cur = copy;
  for (const k of p.slice(0, -1)) cur = cur[k];
  cur[p[p.length - 1]] = v;
  return copy;
}

/** The `fields` of every shipped rule, reduced to their plain key names (`spec.containers[*].image` -> spec, containers, image). */
function fieldKeys(): Set<string> {
  const keys = new Set<string>();
  for (const pack of Packs.defaults()) {
    for (const rule of pack.rules) {
      for (const f of rule.fields) {
        const text = f.replace(/\s*\(.*\)$/, '').replace(/^[A-Z]\w*[ .]/, '');
        for (const m of text.matchAll(/\["([^"]+)"\]|\{([^}]+)\}|([A-Za-z][\w-]*)/g)) {
          for (const k of (m[1] ?? m[2] ?? m[3]).split(',')) keys.add(k.replace(/\/\*$/, '/'));
        }
      }
    }
  }
  return keys;
}

const current = new Evaluator({ packs: Packs.defaults(), kubernetesVersion: '1.37' });
const old = new Evaluator({ packs: Packs.defaults(), kubernetesVersion: '1.18' });
/** Findings saying a rule threw, over all objects at once (`also118`: seccomp reads annotations before 1.19). */
function crashes(objects: any[], also118 = true): string[] {
  const manifests = objects.map(o => ManifestObject.fromJson(o));
  return (also118 ? [current, old] : [current]).flatMap(e => e.evaluate(manifests).findings)
    .filter(f => f.message.includes('could not evaluate'))
    .map(f => `${f.resource.kind}/${f.resource.name} ${f.ruleId}: ${f.message}`);
}

/** What a finding says, without where the text came from (file, line). */
const essence = (f: any) => JSON.stringify([f.ruleId, f.severity, f.message, f.resource, f.path ?? null, f.suppressed]);
const findingsOf = (text: string) => {
  const r = scan(['-'], { stdin: text, kubernetesVersion: '1.37' });
  return { problems: r.problems.length, findings: r.report.findings.map(essence).sort() };
};

describe('scanner results (property-based)', () => {
  test('the rules read fields that the seeds below contain (the type-confusion test reaches them)', () => {
    const seeds = [...POD_KINDS.map(([a, k, at]) => podObject(a, k, at)), ...OTHER_OBJECTS];
    const seedKeys = new Set(seeds.flatMap(o => allPaths(o).map(p => String(p[p.length - 1]))));
    const missing = [...fieldKeys()].filter(k => !seedKeys.has(k) && !k.endsWith('/') && !/^(ConfigMap|Secret|ServiceAccount)$/.test(k));
    expect(missing).toEqual([]);
  });

  test('no rule crashes on null, arrays, numbers, strings, booleans or objects at any field it reads, in any pod-bearing kind', () => {
    const wanted = fieldKeys();
    const variants: { label: string; object: any }[] = [];
    // Every field below the pod template in a Pod and a Deployment (the pod template walk differs only in where the
    // template sits); in the other pod-bearing kinds, the template path and the pod spec's own fields.
    for (const seed of [...POD_KINDS.map(([a, k, at]) => podObject(a, k, at)), ...OTHER_OBJECTS]) {
      const full = !POD_KINDS.some(([, k]) => k === seed.kind) || ['Pod', 'Deployment'].includes(seed.kind);
      const depth = 1 + (POD_KINDS.find(([, k]) => k === seed.kind)?.[2].length ?? 0) + 2;
      // Every path whose last key is a field a rule reads (or a list item), and every object or array on the way.
      const seen = new Set<string>();
      for (const p of allPaths(seed).filter(x => (wanted.has(String(x[x.length - 1])) || typeof x[x.length - 1] === 'number') && (full || x.length <= depth))) {
        for (let n = 1; n <= p.length; n++) {
          const prefix = p.slice(0, n);
          const k = JSON.stringify(prefix);
          if (seen.has(k)) continue;
          seen.add(k);
          for (const v of n === p.length ? CONFUSED : CONFUSED_PARENT) {
            const object = setAt(seed, prefix, v);
            // Distinct names, so that all variants are judged in one evaluation without colliding.
            if (object.metadata && typeof object.metadata === 'object' && !Array.isArray(object.metadata)) object.metadata.name = `v${variants.length}`;
            variants.push({ label: `${seed.kind} ${prefix.join('.')} = ${JSON.stringify(v)}`, object });
          }
        }
      }
    }
    expect(variants.length).toBeGreaterThan(2000);
    const problems: string[] = [];
    for (let i = 0; i < variants.length; i += 200) {
      const batch = variants.slice(i, i + 200);
      const found = [
        ...crashes([...batch.map(b => b.object), OTHER_OBJECTS[0]], false),
        ...crashes([...batch.filter(b => /metadata|seccomp/.test(b.label)).map(b => b.object), OTHER_OBJECTS[0]]),
      ];
      if (found.length) {
        // Name the variants behind the first crashes; one failing batch is enough to fail.
        for (const b of batch) {
          for (const c of crashes([b.object, OTHER_OBJECTS[0]])) problems.push(`${b.label}: ${c}`);
          if (problems.length >= 5) break;
        }
        break;
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  test('no rule crashes on mutated corpus manifests (values replaced, deleted, wrapped or nulled)', () => {
    const changes = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CONFUSED, undefined)), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(fc.nat({ max: SEEDS.length - 1 }), changes, (i, list) => {
      let doc = SEEDS[i];
      for (const [at, v] of list) {
        const paths = allPaths(doc);
        if (!paths.length) break;
        const p = paths[at % paths.length];
        doc = v === undefined ? setAt(doc, p, [JSON.parse(JSON.stringify(doc))]) : setAt(doc, p, v);
      }
      expect(crashes([doc])).toEqual([]);
    }), { numRuns: 300 });
  });

  test('the YAML and the JSON form of the same objects give the same findings', () => {
    const seedPicks = fc.uniqueArray(fc.nat({ max: SEEDS.length - 1 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(seedPicks, fc.nat(), fc.constantFrom(...CONFUSED), (picks, at, v) => {
      const docs = picks.map(i => SEEDS[i]);
      const paths = allPaths(docs[0]);
      docs[0] = setAt(docs[0], paths[at % paths.length], v);
      // version 1.1: strings YAML 1.1 would read as booleans or numbers (yes, on, 0755) are quoted, as kubectl needs.
      const yaml = findingsOf(docs.map(d => stringify(d, { version: '1.1' })).join('---\n'));
      // The same top-level documents as a JSON stream (kubectl decodes a List's items differently from documents:
      // only documents must have metadata that decodes into ObjectMeta).
      const json = findingsOf(docs.map(d => JSON.stringify(d)).join('\n'));
      const single = docs.length === 1 ? findingsOf(JSON.stringify(docs[0])) : json;
      // Both forms are refused alike (an object with a kind and no apiVersion is ambiguous), or both give the same findings.
      expect(yaml.problems).toBe(json.problems);
      if (json.problems) return;
      expect(yaml.findings).toEqual(json.findings);
      expect(single.findings).toEqual(json.findings);
    }), { numRuns: 150 });
  });

  test('the order of the documents does not change the findings', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat({ max: SEEDS.length - 1 }), { minLength: 2, maxLength: 8 }), fc.nat(), (picks, seed) => {
      const docs = picks.map(i => SEEDS[i]);
      const shuffled = [...docs];
      for (let i = shuffled.length - 1, s = seed; i > 0; i--, s = Math.floor(s / 7) + 13 * i) {
        const j = s % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      const a = findingsOf(docs.map(d => stringify(d)).join('---\n'));
      const b = findingsOf(shuffled.map(d => stringify(d)).join('---\n'));
      const reversed = findingsOf([...docs].reverse().map(d => stringify(d)).join('---\n'));
      expect(b.findings).toEqual(a.findings);
      expect(reversed.findings).toEqual(a.findings);
    }), { numRuns: 100 });
  });
});
