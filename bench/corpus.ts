import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';

/**
 * A deterministic corpus of realistic manifests for the scan benchmark, written to a folder at run time.
 *
 * It mixes what a repository of rendered manifests holds: Helm-style multi-document release files (`# Source:`
 * comments, every workload kind with its Service, ServiceAccount, ConfigMap, policies, RBAC, autoscaling), a
 * Kustomize-style tree of one object per small file, `List` and typed-list files, large CRD files with deep
 * schemas, and large ConfigMaps. The same `objects` count always writes the same bytes.
 */
export interface Corpus {
  readonly dir: string;
  /** Top-level objects written, list items counted one by one (what `scan` counts as objects plus skipped). */
  readonly objects: number;
  readonly files: number;
  readonly bytes: number;
}

/** A small seeded generator (Park-Miller), so the corpus is the same on every machine. */
function random(seed: number): () => number {
  let a = (Math.abs(Math.floor(seed)) % 2147483646) + 1;
  return () => {
    a = (a * 16807) % 2147483647;
    return (a - 1) / 2147483646;
  };
}

type Obj = { [key: string]: any };

const WORKLOAD_KINDS = ['Deployment', 'Deployment', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet', 'ReplicationController'];

class Generator {
  private readonly rand: () => number;
  constructor(seed: number) { this.rand = random(seed); }

  public pick<T>(items: T[]): T { return items[Math.floor(this.rand() * items.length)]; }
  public chance(p: number): boolean { return this.rand() < p; }
  public int(max: number): number { return Math.floor(this.rand() * max); }

  public labels(app: string, release: string): Obj {
    return {
      'app.kubernetes.io/name': app,
      'app.kubernetes.io/instance': release,
      'app.kubernetes.io/version': `1.${this.int(30)}.${this.int(10)}`,
      'app.kubernetes.io/managed-by': 'Helm',
      'helm.sh/chart': `${app}-0.${this.int(20)}.0`,
    };
  }

  public container(name: string, app: string, hardened: boolean): Obj {
    const c: Obj = {
      name,
      image: `registry.example.com/${app}/${name}:1.${this.int(30)}.${this.int(10)}`,
      imagePullPolicy: this.pick(['IfNotPresent', 'Always']),
      ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
      env: [
        { name: 'LOG_LEVEL', value: this.pick(['info', 'debug', 'warn']) },
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${app}-db`, key: 'password' } } },
      ],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      volumeMounts: [{ name: 'config', mountPath: '/etc/app', readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
    };
    if (hardened) {
      c.securityContext = {
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        runAsUser: 10001,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      };
      c.livenessProbe = { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 10 };
      c.readinessProbe = { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 };
    } else if (this.chance(0.3)) {
      c.securityContext = this.pick([{ privileged: true }, { runAsUser: 0 }, { capabilities: { add: ['NET_ADMIN'] } }, { allowPrivilegeEscalation: true }]);
    }
    return c;
  }

  public podSpec(app: string, labels: Obj, hardened: boolean): Obj {
    const spec: Obj = {
      serviceAccountName: app,
      containers: [this.container(app, app, hardened)],
      volumes: [{ name: 'config', configMap: { name: `${app}-config` } }, { name: 'tmp', emptyDir: {} }],
    };
    if (this.chance(0.3)) spec.containers.push(this.container('sidecar', app, hardened));
    if (this.chance(0.2)) spec.initContainers = [this.container('migrate', app, hardened)];
    if (hardened) {
      spec.automountServiceAccountToken = false;
      spec.securityContext = { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } };
    } else if (this.chance(0.2)) {
      spec.hostNetwork = true;
    }
    if (this.chance(0.3)) spec.nodeSelector = { 'kubernetes.io/os': 'linux' };
    if (this.chance(0.3)) {
      spec.affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: labels }, topologyKey: 'kubernetes.io/hostname' } }] } };
    }
    return spec;
  }

  public workload(kind: string, app: string, namespace: string, release: string): Obj {
    const labels = this.labels(app, release);
    const selector = { 'app.kubernetes.io/name': app, 'app.kubernetes.io/instance': release };
    const hardened = this.chance(0.6);
    const template = { metadata: { labels: { ...selector, ...(this.chance(0.5) ? { tier: this.pick(['web', 'api', 'worker']) } : {}) }, annotations: { 'checksum/config': hex(this.rand, 64) } }, spec: this.podSpec(app, labels, hardened) };
    const metadata = { name: app, namespace, labels };
    switch (kind) {
      case 'Pod': return { apiVersion: 'v1', kind, metadata: { ...metadata, labels: { ...labels, ...selector } }, spec: { ...template.spec, restartPolicy: 'Always' } };
      case 'Job': return { apiVersion: 'batch/v1', kind, metadata, spec: { backoffLimit: 3, template: { ...template, spec: { ...template.spec, restartPolicy: 'OnFailure' } } } };
      case 'CronJob':
        return { apiVersion: 'batch/v1', kind, metadata, spec: { schedule: `${this.int(60)} ${this.int(24)} * * *`, concurrencyPolicy: 'Forbid', jobTemplate: { spec: { template: { ...template, spec: { ...template.spec, restartPolicy: 'OnFailure' } } } } } };
      case 'ReplicationController': return { apiVersion: 'v1', kind, metadata, spec: { replicas: 2, selector, template } };
      case 'DaemonSet': return { apiVersion: 'apps/v1', kind, metadata, spec: { selector: { matchLabels: selector }, updateStrategy: { type: 'RollingUpdate' }, template } };
      case 'StatefulSet':
        return {
          apiVersion: 'apps/v1',
          kind,
          metadata,
          spec: {
            serviceName: app,
            replicas: 3,
            selector: { matchLabels: selector },
            template,
            volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
          },
        };
      default: return { apiVersion: 'apps/v1', kind, metadata, spec: { replicas: 1 + this.int(5), revisionHistoryLimit: 10, selector: { matchLabels: selector }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } }, template } };
    }
  }

  /** The objects one Helm release renders for one app, workload first. */
  public release(index: number): Obj[] {
    const app = `app-${index}`;
    const release = `rel-${index}`;
    const namespace = `team-${index % 40}`;
    const kind = WORKLOAD_KINDS[index % WORKLOAD_KINDS.length];
    const labels = this.labels(app, release);
    const selector = { 'app.kubernetes.io/name': app, 'app.kubernetes.io/instance': release };
    const meta = (name: string) => ({ name, namespace, labels });
    const objects: Obj[] = [
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(app), automountServiceAccountToken: this.chance(0.5) ? false : undefined },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${app}-config`), data: { 'app.yaml': `server:\n  port: 8080\n  workers: ${1 + this.int(8)}\nfeature: ${this.chance(0.5)}\n`, 'LOG_FORMAT': 'json' } },
      this.workload(kind, app, namespace, release),
      { apiVersion: 'v1', kind: 'Service', metadata: meta(app), spec: { type: this.chance(0.1) ? 'LoadBalancer' : 'ClusterIP', selector, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] } },
    ];
    if (this.chance(0.5)) {
      objects.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: meta(`${app}-allow`),
        spec: {
          podSelector: { matchLabels: selector },
          policyTypes: ['Ingress', 'Egress'],
          ingress: [{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': `app-${(index + 1) % 500}` } } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
          egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }],
        },
      });
    }
    if (this.chance(0.3)) {
      objects.push({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta(app), spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] } });
    }
    if (this.chance(0.3)) objects.push({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta(app), spec: { minAvailable: 1, selector: { matchLabels: selector } } });
    if (this.chance(0.3)) {
      objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta(app), rules: [{ apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['get', 'list', 'watch'] }] });
      objects.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta(app), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: app }, subjects: [{ kind: 'ServiceAccount', name: app, namespace }] });
    }
    if (this.chance(0.2)) {
      objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta(app), spec: { ingressClassName: 'nginx', rules: [{ host: `${app}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: app, port: { number: 80 } } } }] } }], tls: [{ hosts: [`${app}.example.com`], secretName: `${app}-tls` }] } });
    }
    if (this.chance(0.1)) objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: meta(`${app}-db`), type: 'Opaque', data: { password: Buffer.from(hex(this.rand, 16)).toString('base64') } });
    if (this.chance(0.05)) objects.push({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: meta(app), spec: { size: this.int(10) } });
    return objects;
  }

  /** The objects that belong to a namespace: the Namespace, its default-deny policy, its LimitRange and quota. */
  public namespaceObjects(index: number): Obj[] {
    const name = `team-${index}`;
    const objects: Obj[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'pod-security.kubernetes.io/enforce': this.pick(['restricted', 'baseline']), 'pod-security.kubernetes.io/enforce-version': 'v1.28' } } },
    ];
    if (index % 2 === 0) {
      objects.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: name }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
    }
    if (index % 3 === 0) objects.push({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: name }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } });
    if (index % 4 === 0) objects.push({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'quota', namespace: name }, spec: { hard: { 'requests.cpu': '20', 'requests.memory': '64Gi', 'pods': '200' } } });
    return objects;
  }

  /** A CustomResourceDefinition with a deep, wide schema: the large documents of an operator's chart. */
  public crd(index: number): Obj {
    const props = (depth: number): Obj => {
      const result: Obj = {};
      for (let i = 0; i < (depth > 2 ? 3 : 6); i++) {
        const name = `field${i}`;
        result[name] = depth >= 3 || i % 2 === 0
          ? { type: this.pick(['string', 'integer', 'boolean']), description: `The ${name} setting of the resource at depth ${depth}; changes take effect on the next reconcile.` }
          : { type: 'object', description: `Settings group ${name}.`, properties: props(depth + 1) };
      }
      return result;
    };
    const plural = `things${index}`;
    return {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.example.com`, annotations: { 'controller-gen.kubebuilder.io/version': 'v0.14.0' } },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { kind: `Thing${index}`, listKind: `Thing${index}List`, plural, singular: `thing${index}` },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: props(0) }, status: { type: 'object', properties: props(2) } } } } }],
      },
    };
  }
}

function hex(rand: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += Math.floor(rand() * 16).toString(16);
  return s;
}

/** `stringify` without the `undefined` fields the generator leaves out. */
function toYaml(object: Obj): string {
  return stringify(JSON.parse(JSON.stringify(object)), { lineWidth: 0 });
}

/**
 * Writes a corpus of at least `objects` objects under `dir` (created). Roughly: 47% in Helm release files of
 * 4 to 12 documents, 35% one object per small file in a Kustomize-style tree, 15% in `List` files of 200 items,
 * the rest in large files (bundles of 20 CRDs, big ConfigMaps) and namespace files.
 */
export function writeCorpus(dir: string, objects: number, seed = 17): Corpus {
  const gen = new Generator(seed);
  fs.mkdirSync(dir, { recursive: true });
  let written = 0;
  let files = 0;
  let bytes = 0;
  const write = (relative: string, text: string, count: number) => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written += count;
    files++;
    bytes += Buffer.byteLength(text);
  };

  const namespaces = 40;
  for (let n = 0; n < namespaces; n++) {
    const docs = gen.namespaceObjects(n);
    write(`namespaces/team-${n}.yaml`, docs.map(toYaml).join('---\n'), docs.length);
  }

  let app = 0;
  const target = (share: number) => written + Math.ceil(objects * share);
  // Helm releases: `# Source:` comments, a leading `---`, the odd empty document.
  for (const until = target(0.47); written < until; app++) {
    const docs = gen.release(app);
    const text = docs.map((d, i) => `---\n# Source: ${d.metadata.name}/templates/${d.kind.toLowerCase()}-${i}.yaml\n${toYaml(d)}`).join('') + (app % 7 === 0 ? '---\n' : '');
    write(`helm/release-${app}/rendered.yaml`, text, docs.length);
  }
  // Kustomize-style trees: one object per file, many small files.
  for (const until = target(0.35); written < until; app++) {
    for (const d of gen.release(app)) {
      write(`base/${d.metadata.namespace}/app-${app}/${d.kind.toLowerCase()}-${d.metadata.name}.yaml`, toYaml(d), 1);
    }
  }
  // List files, plain and typed, of 200 items each.
  for (let list = 0, until = target(0.15); written < until; list++) {
    const items: Obj[] = [];
    const typed = list % 3 === 2;
    while (items.length < 200) {
      for (const d of gen.release(app++)) {
        if (typed && d.kind !== 'ConfigMap') continue;
        if (typed) { delete d.apiVersion; delete d.kind; }
        items.push(d);
      }
    }
    write(`lists/list-${list}.yaml`, toYaml({ apiVersion: 'v1', kind: typed ? 'ConfigMapList' : 'List', metadata: {}, items }), items.length);
  }
  // Large files: a CRD bundle per operator, and large ConfigMaps, until the count is reached.
  for (let big = 0; written < objects; big++) {
    if (big % 2 === 0) {
      const docs = Array.from({ length: 20 }, (_, i) => gen.crd(big * 20 + i));
      write(`operators/operator-${big}/crds.yaml`, docs.map(toYaml).join('---\n'), docs.length);
    } else {
      const data: Obj = {};
      for (let i = 0; i < 400; i++) data[`key-${i}.properties`] = `setting.${i}=${hex(() => gen.int(16) / 16, 40)}\n`;
      const docs = Array.from({ length: 5 }, (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `bulk-${big}-${i}`, namespace: `team-${big % namespaces}` }, data }));
      write(`bulk/configmaps-${big}.yaml`, docs.map(toYaml).join('---\n'), docs.length);
    }
  }
  return { dir, objects: written, files, bytes };
}

/**
 * `count` files of one small object each (ConfigMaps, Services and ServiceAccounts in 100 folders): what makes a
 * scan pay for the directory walk and the file reads rather than for parsing.
 */
export function writeSmallFiles(dir: string, count: number): Corpus {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `app-${i % 100}`);
    if (i < 100) fs.mkdirSync(folder, { recursive: true });
    const namespace = `team-${i % 40}`;
    const object = i % 3 === 0
      ? { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `config-${i}`, namespace }, data: { key: `value-${i}` } }
      : i % 3 === 1
        ? { apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}`, namespace }, spec: { selector: { app: `app-${i}` }, ports: [{ port: 80, targetPort: 8080 }] } }
        : { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: `sa-${i}`, namespace }, automountServiceAccountToken: false };
    const text = toYaml(object);
    fs.writeFileSync(path.join(folder, `object-${i}.yaml`), text);
    bytes += text.length;
  }
  return { dir, objects: count, files: count, bytes };
}
