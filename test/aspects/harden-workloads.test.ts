import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AspectPriority, Aspects, Guardrails, HardeningFix, HardenWorkloads, HardenWorkloadsProps, IWorkloadFilter, Packs } from '../../src';

function deployment(scope: Chart, name: string, podSpec: any, namespace?: string): ApiObject {
  return new ApiObject(scope, name, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec } },
  });
}

const bare = () => ({ containers: [{ name: 'app', image: 'registry.example.com/app:1.0', ports: [{ containerPort: 8080 }] }] });

/** A chart holding the given objects, hardened; returns the synthesized pod spec of each Deployment by name. */
function harden(props: HardenWorkloadsProps, add: (chart: Chart) => void) {
  const chart = Testing.chart();
  add(chart);
  const aspect = new HardenWorkloads(props);
  Aspects.of(chart).add(aspect, { priority: AspectPriority.MUTATING });
  const out = Testing.synth(chart);
  const pods = (name: string) => {
    const object = out.find((o: any) => o.metadata.name === name);
    return object.kind === 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec;
  };
  return { aspect, chart, pods };
}

describe('HardenWorkloads: fills in what a workload leaves unset', () => {
  test('a bare Deployment passes the Pod Security restricted profile with the default fixes', () => {
    const { chart, pods } = harden({}, c => deployment(c, 'web', bare()));
    const restricted = Guardrails.check(chart, { packs: [Packs.pssRestricted()] }).findingsToFix();
    expect(restricted.map(f => f.ruleId)).toEqual([]);
    expect(pods('web')).toEqual({
      containers: [{
        name: 'app',
        image: 'registry.example.com/app:1.0',
        ports: [{ containerPort: 8080 }],
        securityContext: { capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
      }],
      securityContext: { runAsUser: 10001, runAsGroup: 10001, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      automountServiceAccountToken: false,
    });
  });

  test('sets only the fixes it is given', () => {
    const { pods, aspect } = harden({ fixes: [HardeningFix.SECCOMP] }, c => deployment(c, 'web', bare()));
    expect(pods('web').securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
    expect(pods('web').containers[0].securityContext).toBeUndefined();
    expect(aspect.changes.map(c => c.fix)).toEqual([HardeningFix.SECCOMP]);
  });

  test('uses the given user, group and fsGroup', () => {
    const { pods } = harden({ fixes: [HardeningFix.RUN_AS_USER], runAsUser: 20000, runAsGroup: 20001, fsGroup: 20002 }, c => deployment(c, 'web', bare()));
    expect(pods('web').securityContext).toEqual({ runAsUser: 20000, runAsGroup: 20001, fsGroup: 20002 });
  });

  test('reaches the pod template of every kind that carries one (a CronJob here)', () => {
    const { pods } = harden({ fixes: [HardeningFix.SECCOMP] }, c => new ApiObject(c, 'nightly', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly' },
      spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', ...bare() } } } } },
    }));
    expect(pods('nightly').securityContext).toEqual({ seccompProfile: { type: 'RuntimeDefault' } });
  });

  test('adds resources and probes only when asked, and only what is missing', () => {
    const { pods } = harden({
      fixes: [HardeningFix.RESOURCES, HardeningFix.PROBES],
      resources: { cpuRequest: '250m', memoryLimit: '512Mi' },
    }, c => deployment(c, 'web', {
      containers: [{ ...bare().containers[0], resources: { requests: { cpu: '1' } }, livenessProbe: { httpGet: { path: '/live', port: 8080 } } }],
    }));
    const container = pods('web').containers[0];
    expect(container.resources).toEqual({ requests: { cpu: '1' }, limits: { memory: '512Mi' } });
    expect(container.readinessProbe).toEqual({ tcpSocket: { port: 8080 } });
    expect(container.livenessProbe).toEqual({ httpGet: { path: '/live', port: 8080 } });
  });

  test('replaces a drop list without ALL, keeping what the container adds, and lists the list it replaced', () => {
    const { pods, aspect } = harden({ fixes: [HardeningFix.DROP_CAPABILITIES] }, c => deployment(c, 'web', {
      containers: [{ name: 'app', image: 'registry.example.com/app:1.0', securityContext: { capabilities: { add: ['NET_BIND_SERVICE'], drop: ['NET_RAW'] } } }],
    }));
    expect(pods('web').containers[0].securityContext.capabilities).toEqual({ add: ['NET_BIND_SERVICE'], drop: ['ALL'] });
    expect(aspect.changes.map(c => [c.before, c.after])).toEqual([['["NET_RAW"]', '["ALL"]']]);
  });

  test('adds a limit beside an extended resource whose name holds a slash', () => {
    const { pods } = harden({ fixes: [HardeningFix.RESOURCES], resources: { memoryLimit: '4Gi' } }, c => deployment(c, 'gpu', {
      containers: [{ name: 'train', image: 'registry.example.com/train:1.0', resources: { limits: { 'nvidia.com/gpu': 1 } } }],
    }));
    expect(pods('gpu').containers[0].resources).toEqual({ limits: { 'nvidia.com/gpu': 1, 'memory': '4Gi' } });
  });

  test('changes each object once, however often the app is synthesized', () => {
    const { chart, aspect } = harden({}, c => deployment(c, 'web', bare()));
    const first = JSON.stringify(Testing.synth(chart));
    expect(JSON.stringify(Testing.synth(chart))).toEqual(first);
    expect(aspect.changes).toHaveLength(8);
  });
});

describe('HardenWorkloads: keeps every value the manifest sets', () => {
  test('an explicit insecure value stays, for the guardrails to report', () => {
    const { chart, pods, aspect } = harden({}, c => deployment(c, 'legacy', {
      securityContext: { runAsNonRoot: false },
      containers: [{ name: 'app', image: 'registry.example.com/app:1.0', securityContext: { allowPrivilegeEscalation: true, readOnlyRootFilesystem: false } }],
    }));
    const pod = pods('legacy');
    expect(pod.securityContext.runAsNonRoot).toBe(false);
    expect(pod.containers[0].securityContext).toMatchObject({ allowPrivilegeEscalation: true, readOnlyRootFilesystem: false });
    expect(aspect.changes.map(c => c.path)).not.toContain('spec.template.spec.securityContext.runAsNonRoot');
    const ids = Guardrails.check(chart).findingsToFix().map(f => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['pss-allow-privilege-escalation', 'pss-run-as-non-root', 'workload-read-only-root-filesystem']));
  });

  test('sets no runAsNonRoot on a pod that runs a container as root: the kubelet would refuse to start it', () => {
    const { pods } = harden({}, c => deployment(c, 'rooty', {
      containers: [{ name: 'app', image: 'registry.example.com/app:1.0', securityContext: { runAsUser: 0 } }],
    }));
    expect(pods('rooty').securityContext.runAsNonRoot).toBeUndefined();
  });

  test('sets no allowPrivilegeEscalation: false on a privileged container or one adding SYS_ADMIN: the API server refuses both', () => {
    const { pods } = harden({}, c => deployment(c, 'agent', {
      containers: [
        { name: 'privileged', image: 'registry.example.com/agent:1.0', securityContext: { privileged: true } },
        { name: 'admin', image: 'registry.example.com/agent:1.0', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } },
      ],
    }));
    const [privileged, admin] = pods('agent').containers;
    expect(privileged.securityContext.allowPrivilegeEscalation).toBeUndefined();
    expect(admin.securityContext.allowPrivilegeEscalation).toBeUndefined();
    expect(admin.securityContext.capabilities).toEqual({ add: ['SYS_ADMIN'], drop: ['ALL'] });
  });

  test('gives no group to a container that names its own user', () => {
    const { pods } = harden({ fixes: [HardeningFix.RUN_AS_USER] }, c => deployment(c, 'named', {
      containers: [{ name: 'app', image: 'registry.example.com/app:1.0', securityContext: { runAsUser: 10500 } }],
    }));
    expect(pods('named').securityContext).toBeUndefined();
  });

  test('sets no Linux settings on a Windows pod', () => {
    const { pods } = harden({}, c => deployment(c, 'win', { os: { name: 'windows' }, ...bare() }));
    expect(pods('win').securityContext).toBeUndefined();
    expect(pods('win').containers[0].securityContext).toBeUndefined();
    expect(pods('win').automountServiceAccountToken).toBe(false);
  });
});

describe('HardenWorkloads: the ServiceAccount token', () => {
  const binding = (c: Chart, kind: string, namespace?: string) => new ApiObject(c, `binding-${kind}`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: { name: 'operator', ...(kind === 'RoleBinding' ? { namespace: 'ops' } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'operator' },
    subjects: [{ kind: 'ServiceAccount', name: 'operator', ...(namespace ? { namespace } : {}) }],
  });
  const operator = (c: Chart) => deployment(c, 'operator', { serviceAccountName: 'operator', ...bare() }, 'ops');

  test('is unmounted when no binding grants the pod\'s account anything', () => {
    const { pods } = harden({ fixes: [HardeningFix.AUTOMOUNT_TOKEN] }, c => operator(c));
    expect(pods('operator').automountServiceAccountToken).toBe(false);
  });

  test('stays when a ClusterRoleBinding grants the account a role', () => {
    const { pods } = harden({ fixes: [HardeningFix.AUTOMOUNT_TOKEN] }, c => { operator(c); binding(c, 'ClusterRoleBinding', 'ops'); });
    expect(pods('operator').automountServiceAccountToken).toBeUndefined();
  });

  test('stays when a RoleBinding in the pod\'s namespace grants it (a subject without namespace is the binding\'s)', () => {
    const { pods } = harden({ fixes: [HardeningFix.AUTOMOUNT_TOKEN] }, c => { operator(c); binding(c, 'RoleBinding'); });
    expect(pods('operator').automountServiceAccountToken).toBeUndefined();
  });

  test('is unmounted when the binding is for an account of that name in another namespace', () => {
    const { pods } = harden({ fixes: [HardeningFix.AUTOMOUNT_TOKEN] }, c => { operator(c); binding(c, 'ClusterRoleBinding', 'elsewhere'); });
    expect(pods('operator').automountServiceAccountToken).toBe(false);
  });
});

describe('HardenWorkloads: writable directories under a read-only root', () => {
  test('mounts an emptyDir at each directory in the containers it made read-only', () => {
    const { pods } = harden({ writableDirectories: [{ path: '/tmp', sizeLimit: '64Mi', inMemory: true }, { path: '/var/cache/nginx/' }] },
      c => deployment(c, 'web', bare()));
    expect(pods('web').volumes).toEqual([
      { name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'var-cache-nginx', emptyDir: {} },
    ]);
    expect(pods('web').containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }, { name: 'var-cache-nginx', mountPath: '/var/cache/nginx' }]);
  });

  test('leaves a container that mounts the directory itself, and a root the vendor made read-only, as they are', () => {
    const { pods } = harden({ writableDirectories: [{ path: '/tmp' }] }, c => deployment(c, 'web', {
      containers: [
        { name: 'own-tmp', image: 'registry.example.com/a:1', volumeMounts: [{ name: 'scratch', mountPath: '/tmp/' }] },
        { name: 'vendor-read-only', image: 'registry.example.com/b:1', securityContext: { readOnlyRootFilesystem: true } },
      ],
      volumes: [{ name: 'scratch', emptyDir: {} }],
    }));
    expect(pods('web').volumes).toEqual([{ name: 'scratch', emptyDir: {} }]);
    expect(pods('web').containers[1].volumeMounts).toBeUndefined();
  });

  test('picks a volume name the pod does not use yet', () => {
    const { pods } = harden({ writableDirectories: [{ path: '/tmp' }] }, c => deployment(c, 'web', {
      containers: [{ name: 'app', image: 'registry.example.com/a:1', volumeMounts: [{ name: 'tmp', mountPath: '/data' }] }],
      volumes: [{ name: 'tmp', persistentVolumeClaim: { claimName: 'data' } }],
    }));
    expect(pods('web').volumes.map((v: any) => v.name)).toEqual(['tmp', 'tmp-2']);
    expect(pods('web').containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/data' }, { name: 'tmp-2', mountPath: '/tmp' }]);
  });
});

describe('HardenWorkloads: which workloads', () => {
  class OnlyLabelled implements IWorkloadFilter {
    public selects(workload: ApiObject): boolean {
      return workload.metadata.getLabel('harden') === 'yes';
    }
  }
  const three = (c: Chart) => {
    deployment(c, 'a', bare(), 'one');
    deployment(c, 'b', bare(), 'two').metadata.addLabel('harden', 'yes');
    new ApiObject(c, 'job', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'c', namespace: 'one' },
      spec: { template: { spec: { restartPolicy: 'Never', ...bare() } } },
    });
  };
  const hardenedNames = (props: HardenWorkloadsProps) => {
    const { aspect } = harden({ fixes: [HardeningFix.SECCOMP], ...props }, three);
    return [...new Set(aspect.changes.map(c => c.resource.name))];
  };

  test.each([
    ['every workload by default', {}, ['a', 'b', 'c']],
    ['kinds', { kinds: ['Job'] }, ['c']],
    ['names', { names: ['a', 'c'] }, ['a', 'c']],
    ['namespaces', { namespaces: ['two'] }, ['b']],
    ['a filter', { filter: new OnlyLabelled() }, ['b']],
  ] as Array<[string, HardenWorkloadsProps, string[]]>)('selects by %s', (_name, props, expected) => {
    expect(hardenedNames(props)).toEqual(expected);
  });

  test('passes over objects without a pod template', () => {
    const { aspect } = harden({}, c => new ApiObject(c, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: 'b' } }));
    expect(aspect.changes).toEqual([]);
  });
});

describe('HardenWorkloads: refuses settings that would not do what they say', () => {
  test.each([
    ['a user below 10000', { runAsUser: 101 },
      'HardenWorkloads: runAsUser is 101; give an integer from 10000 to 2147483647, so that no host user or group is shared (rule workload-high-uid).'],
    ['a group that is not an integer', { runAsGroup: 10000.5 }, 'runAsGroup is 10000.5'],
    ['RESOURCES without resources', { fixes: [HardeningFix.RESOURCES] }, 'fixes holds HardeningFix.RESOURCES but resources is not given'],
    ['resources without RESOURCES', { resources: { cpuLimit: '1' } }, 'resources is given but fixes leaves out HardeningFix.RESOURCES'],
    ['writable directories without a read-only root', { fixes: [HardeningFix.SECCOMP], writableDirectories: [{ path: '/tmp' }] }, 'writableDirectories is given but fixes leaves out HardeningFix.READ_ONLY_ROOT_FILESYSTEM'],
    ['a relative directory', { writableDirectories: [{ path: 'tmp' }] }, 'writableDirectories holds the path "tmp"; give an absolute path other than "/"'],
    ['the same directory twice', { writableDirectories: [{ path: '/tmp' }, { path: '/tmp/' }] }, 'writableDirectories holds "/tmp/" twice'],
    ['a kind without a pod template', { kinds: ['ConfigMap'] }, 'kinds holds "ConfigMap", which carries no pod template this aspect knows'],
    ['an unknown fix', { fixes: ['PRIVILEGED' as HardeningFix] }, 'fixes holds "PRIVILEGED", which is not a HardeningFix'],
    ['no fix at all', { fixes: [] }, 'fixes is empty, so the aspect would change nothing'],
  ] as Array<[string, HardenWorkloadsProps, string]>)('refuses %s', (_name, props, message) => {
    expect(() => new HardenWorkloads(props)).toThrow(message);
  });
});

test('DEFAULT_FIXES cannot be changed by one user for all the others', () => {
  expect(() => HardenWorkloads.DEFAULT_FIXES.push(HardeningFix.PROBES)).toThrow(TypeError);
  expect(HardenWorkloads.DEFAULT_FIXES).not.toContain(HardeningFix.PROBES);
});

describe('HardenWorkloads: the guardrails report', () => {
  test('lists nothing and keeps the JSON shape when no aspect changed anything', () => {
    const chart = Testing.chart();
    deployment(chart, 'web', bare());
    const report = Guardrails.check(chart);
    expect(report.hardening).toEqual([]);
    expect(report.toJson()).not.toHaveProperty('hardening');
    expect(report.toText()).not.toContain('hardened before the check');
  });

  test('lists only the objects under the scope the guardrails check', () => {
    const app = Testing.app();
    const checked = new Chart(app, 'checked');
    const other = new Chart(app, 'other');
    deployment(checked, 'in', bare());
    deployment(other, 'out', bare());
    Aspects.of(app).add(new HardenWorkloads({ fixes: [HardeningFix.SECCOMP] }), { priority: AspectPriority.MUTATING });
    expect(Guardrails.check(checked).hardening.map(c => c.resource.name)).toEqual(['in']);
  });

  test('a failed synthesis counts the hardened fields by fix, one line per object, unless listInfos is set', () => {
    const failing = (listInfos?: boolean) => {
      const app = Testing.app();
      Guardrails.enable(app, { listInfos });
      const chart = new Chart(app, 'vendor');
      const agent = { name: 'agent', image: 'registry.example.com/agent:1.0', securityContext: { privileged: true } };
      deployment(chart, 'agent', { containers: [agent] });
      const aspect = new HardenWorkloads({ fixes: [HardeningFix.SECCOMP, HardeningFix.DROP_CAPABILITIES] });
      Aspects.of(chart).add(aspect, { priority: AspectPriority.MUTATING });
      try {
        Testing.synth(chart);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('the privileged container should fail the synthesis');
    };
    expect(failing()).toContain('hardened before the check: 2 fields set on 1 object by hardening aspects: '
      + 'Guardrails.enable(app, { listInfos: true }) and the report files list each one\n'
      + '  Deployment agent  (vendor/agent): SECCOMP 1, DROP_CAPABILITIES 1\n');
    expect(failing(true)).toContain('Deployment agent  (vendor/agent)\n'
      + '  spec.template.spec.securityContext.seccompProfile: (unset) -> {"type":"RuntimeDefault"}  [SECCOMP]\n');
  });
});

describe('HardenWorkloads: third-party constructs', () => {
  test('patches the ApiObject behind a cdk8s-plus Deployment, pod-level seccomp included (cdk8s-plus has no prop for it)', () => {
    const chart = Testing.chart();
    new kplus.Deployment(chart, 'web', { containers: [{ image: 'registry.example.com/web:1.0', portNumber: 8080 }] });
    const aspect = new HardenWorkloads();
    Aspects.of(chart).add(aspect, { priority: AspectPriority.MUTATING });
    const out = Testing.synth(chart).find((o: any) => o.kind === 'Deployment');
    const pod = out.spec.template.spec;
    expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(pod.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'] });
    // What cdk8s-plus sets already (a non-root pod, no escalation, a read-only root, no token) is not listed.
    expect(aspect.changes.map(c => c.fix).sort()).toEqual([
      HardeningFix.DROP_CAPABILITIES, HardeningFix.RUN_AS_USER, HardeningFix.RUN_AS_USER, HardeningFix.SECCOMP,
    ]);
    expect(Guardrails.check(chart, { packs: [Packs.pssRestricted()] }).findingsToFix()).toEqual([]);
  });
});
