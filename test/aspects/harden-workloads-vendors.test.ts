import * as path from 'path';
import { Chart, Include, Testing } from 'cdk8s';
import { AspectPriority, Aspects, ExternalDeclarations, Finding, Guardrails, HardeningFix, HardenWorkloads } from '../../src';

/**
 * Real vendor release manifests (test/aspects/fixtures, each with its source in its header), hardened from
 * outside: which findings the aspect takes away, which stay and why, and what it says it changed.
 */

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const key = (f: Finding) => `${f.resource.kind} ${f.resource.name}: ${f.ruleId}`;
/** The findings about the workloads themselves (the namespace- and network-level ones need objects, not fixes). */
const workloadFindings = (findings: Finding[]) => findings
  .filter(f => ['Deployment', 'Job'].includes(f.resource.kind) && !f.ruleId.startsWith('network-') && !f.ruleId.startsWith('namespace-'))
  .map(key).sort();

/**
 * Objects the vendor's manifests refer to that exist only at run time, declared the way a user of the vendor's YAML
 * declares them: ingress-nginx's admission-create Job writes the webhook's certificate Secret through the API.
 */
const CREATED_AT_RUN_TIME: { [file: string]: string[] } = {
  'ingress-nginx-controller-v1.5.2.yaml': ['Secret/ingress-nginx/ingress-nginx-admission'],
};

function vendor(file: string, harden?: (include: Include) => void) {
  const app = Testing.app();
  const chart = new Chart(app, 'vendor');
  const include = new Include(chart, 'upstream', { url: fixture(file) });
  const external = CREATED_AT_RUN_TIME[file] ?? [];
  if (external.length) ExternalDeclarations.add(include, ...external);
  harden?.(include);
  return { chart, include };
}

function synthesizedObject(chart: Chart, kind: string, name: string): any {
  return Testing.synth(chart).find((o: any) => o.kind === kind && o.metadata.name === name);
}

describe('HardenWorkloads on ingress-nginx controller v1.5.2 (deploy/static/provider/cloud/deploy.yaml)', () => {
  const FILE = 'ingress-nginx-controller-v1.5.2.yaml';
  // The controller renders /etc/nginx/nginx.conf at run time, so its root stays writable; the admission Jobs
  // only write a Secret through the API and get every fix. Both get limits of our choosing.
  const controllerAspect = () => new HardenWorkloads({
    names: ['ingress-nginx-controller'],
    fixes: [...HardenWorkloads.DEFAULT_FIXES.filter(f => f !== HardeningFix.READ_ONLY_ROOT_FILESYSTEM), HardeningFix.RESOURCES],
    resources: { cpuRequest: '500m', cpuLimit: '1', memoryLimit: '512Mi', ephemeralStorageRequest: '100Mi', ephemeralStorageLimit: '1Gi' },
  });
  const jobsAspect = () => new HardenWorkloads({
    kinds: ['Job'],
    fixes: [...HardenWorkloads.DEFAULT_FIXES, HardeningFix.RESOURCES],
    resources: { cpuRequest: '10m', memoryRequest: '20Mi', cpuLimit: '100m', memoryLimit: '64Mi', ephemeralStorageRequest: '10Mi', ephemeralStorageLimit: '50Mi' },
    writableDirectories: [{ path: '/tmp', sizeLimit: '10Mi' }],
  });
  const hardened = () => {
    const aspects = { controller: controllerAspect(), jobs: jobsAspect() };
    const built = vendor(FILE, include => {
      Aspects.of(include).add(aspects.controller, { priority: AspectPriority.MUTATING });
      Aspects.of(include).add(aspects.jobs, { priority: AspectPriority.MUTATING });
    });
    return { ...built, aspects };
  };

  test('takes away the findings a field left unset caused, and leaves what the vendor chose', () => {
    const before = workloadFindings(Guardrails.check(vendor(FILE).chart).findingsToFix());
    const { chart } = hardened();
    const after = workloadFindings(Guardrails.check(chart).findingsToFix());

    expect(after).toEqual([
      // The controller binds 80 and 443 as uid 101 through the file capability NET_BIND_SERVICE on its nginx
      // binary, which needs privilege escalation: the vendor set both on purpose, and both are kept.
      'Deployment ingress-nginx-controller: pss-allow-privilege-escalation',
      // Its ServiceAccount is bound to Roles: the controller watches Ingresses, so its token stays mounted.
      'Deployment ingress-nginx-controller: workload-automount-service-account-token',
      'Deployment ingress-nginx-controller: workload-high-uid',
      // Left out of the controller's fixes above.
      'Deployment ingress-nginx-controller: workload-read-only-root-filesystem',
      // The Jobs create and patch the webhook Secret and configuration through the API.
      'Job ingress-nginx-admission-create: workload-automount-service-account-token',
      // The Jobs run as uid and fsGroup 2000, chosen by the vendor.
      'Job ingress-nginx-admission-create: workload-high-gid',
      'Job ingress-nginx-admission-create: workload-high-uid',
      'Job ingress-nginx-admission-patch: workload-automount-service-account-token',
      'Job ingress-nginx-admission-patch: workload-high-gid',
      'Job ingress-nginx-admission-patch: workload-high-uid',
    ]);
    const gone = before.filter(f => !after.includes(f));
    expect(gone).toEqual(expect.arrayContaining([
      'Deployment ingress-nginx-controller: pss-run-as-non-root',
      'Deployment ingress-nginx-controller: pss-seccomp-restricted',
      'Job ingress-nginx-admission-create: pss-capabilities-restricted',
      'Job ingress-nginx-admission-create: pss-seccomp-restricted',
      'Job ingress-nginx-admission-create: workload-memory-limit',
      'Job ingress-nginx-admission-create: workload-read-only-root-filesystem',
      'Job ingress-nginx-admission-patch: pss-capabilities-restricted',
    ]));
    // Nothing the aspect did raised a finding that was not there before.
    expect(after.filter(f => !before.includes(f))).toEqual([]);
  });

  test('the synthesized controller keeps the values the vendor wrote', () => {
    const controller = synthesizedObject(hardened().chart, 'Deployment', 'ingress-nginx-controller');
    const pod = controller.spec.template.spec;
    expect(pod.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: true,
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
      runAsUser: 101,
    });
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.automountServiceAccountToken).toBeUndefined();
    // The vendor's requests and probes are untouched; what was missing is added.
    expect(pod.containers[0].resources).toEqual({
      requests: { 'cpu': '100m', 'memory': '90Mi', 'ephemeral-storage': '100Mi' },
      limits: { 'cpu': '1', 'memory': '512Mi', 'ephemeral-storage': '1Gi' },
    });
    expect(pod.containers[0].readinessProbe.httpGet.port).toBe(10254);
  });

  test('the synthesized Jobs get a read-only root with a writable /tmp', () => {
    const job = synthesizedObject(hardened().chart, 'Job', 'ingress-nginx-admission-create');
    const pod = job.spec.template.spec;
    expect(pod.securityContext).toEqual({ fsGroup: 2000, runAsNonRoot: true, runAsUser: 2000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true });
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '10Mi' } }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
  });

  test('lists every field it set, object by object, with the value before', () => {
    const { chart, aspects } = hardened();
    Testing.synth(chart);
    const describe = (c: { resource: { name: string }; path: string; before?: string; after: string }) =>
      `${c.resource.name} ${c.path}: ${c.before ?? '(unset)'} -> ${c.after}`;
    expect(aspects.controller.changes.map(describe)).toEqual([
      'ingress-nginx-controller spec.template.spec.securityContext.runAsNonRoot: (unset) -> true',
      'ingress-nginx-controller spec.template.spec.securityContext.seccompProfile: (unset) -> {"type":"RuntimeDefault"}',
      // The vendor's CPU request (100m) is kept; only what is missing is added.
      'ingress-nginx-controller spec.template.spec.containers[0].resources.requests.ephemeral-storage: (unset) -> "100Mi"',
      'ingress-nginx-controller spec.template.spec.containers[0].resources.limits.cpu: (unset) -> "1"',
      'ingress-nginx-controller spec.template.spec.containers[0].resources.limits.memory: (unset) -> "512Mi"',
      'ingress-nginx-controller spec.template.spec.containers[0].resources.limits.ephemeral-storage: (unset) -> "1Gi"',
    ]);
    const create = aspects.jobs.changes.filter(c => c.resource.name === 'ingress-nginx-admission-create');
    expect(create.map(c => `${c.fix} ${c.path.replace('spec.template.spec.', '')}`)).toEqual([
      'SECCOMP securityContext.seccompProfile',
      'DROP_CAPABILITIES containers[0].securityContext.capabilities.drop',
      'READ_ONLY_ROOT_FILESYSTEM containers[0].securityContext.readOnlyRootFilesystem',
      'RESOURCES containers[0].resources.requests.cpu',
      'RESOURCES containers[0].resources.requests.memory',
      'RESOURCES containers[0].resources.requests.ephemeral-storage',
      'RESOURCES containers[0].resources.limits.cpu',
      'RESOURCES containers[0].resources.limits.memory',
      'RESOURCES containers[0].resources.limits.ephemeral-storage',
      'READ_ONLY_ROOT_FILESYSTEM volumes[0]',
      'READ_ONLY_ROOT_FILESYSTEM containers[0].volumeMounts[0]',
    ]);
    expect(create[0]).toMatchObject({
      resource: { apiVersion: 'batch/v1', kind: 'Job', namespace: 'ingress-nginx', name: 'ingress-nginx-admission-create' },
      constructPath: 'vendor/upstream/ingress-nginx-admission-create-job-ingress-nginx',
    });
  });

  test('the guardrails report shows the changes in text and JSON', () => {
    const report = Guardrails.check(hardened().chart);
    expect(report.hardening).toHaveLength(6 + 11 + 11);
    expect(report.toJson().hardening[0]).toEqual({
      fix: 'RUN_AS_NON_ROOT',
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ingress-nginx', name: 'ingress-nginx-controller' },
      constructPath: 'vendor/upstream/ingress-nginx-controller-deployment-ingress-nginx',
      path: 'spec.template.spec.securityContext.runAsNonRoot',
      after: 'true',
    });
    const text = report.toText();
    expect(text).toContain('hardened before the check: 28 fields set on 3 objects by hardening aspects\n'
      + 'Deployment ingress-nginx/ingress-nginx-controller  (vendor/upstream/ingress-nginx-controller-deployment-ingress-nginx)\n'
      + '  spec.template.spec.securityContext.runAsNonRoot: (unset) -> true  [RUN_AS_NON_ROOT]\n');
    expect(report.toSarif().runs[0].properties.hardening).toHaveLength(28);
  });
});

describe('HardenWorkloads on the CloudNativePG operator 1.27.1 (releases/cnpg-1.27.1.yaml)', () => {
  const FILE = 'cloudnative-pg-1.27.1.yaml';
  const aspect = () => new HardenWorkloads({
    fixes: [...HardenWorkloads.DEFAULT_FIXES, HardeningFix.RESOURCES],
    resources: { cpuLimit: '1', memoryLimit: '1Gi', ephemeralStorageRequest: '64Mi', ephemeralStorageLimit: '256Mi' },
  });

  test('an operator that is hardened already only gets what it lacks: ephemeral storage', () => {
    const harden = aspect();
    const { chart } = vendor(FILE, include => Aspects.of(include).add(harden, { priority: AspectPriority.MUTATING }));
    const after = workloadFindings(Guardrails.check(chart).findingsToFix());
    // It manages clusters through the API (bound by the ClusterRoleBinding cnpg-manager-rolebinding): the token stays.
    expect(after).toEqual(['Deployment cnpg-controller-manager: workload-automount-service-account-token']);
    expect(harden.changes.map(c => `${c.path}: ${c.after}`)).toEqual([
      'spec.template.spec.containers[0].resources.requests.ephemeral-storage: "64Mi"',
      'spec.template.spec.containers[0].resources.limits.ephemeral-storage: "256Mi"',
    ]);
  });

  test('the vendor\'s own limits and identity are kept', () => {
    const { chart } = vendor(FILE, include => Aspects.of(include).add(aspect(), { priority: AspectPriority.MUTATING }));
    const manager = synthesizedObject(chart, 'Deployment', 'cnpg-controller-manager').spec.template.spec.containers[0];
    expect(manager.resources).toEqual({
      limits: { 'cpu': '100m', 'memory': '200Mi', 'ephemeral-storage': '256Mi' },
      requests: { 'cpu': '100m', 'memory': '100Mi', 'ephemeral-storage': '64Mi' },
    });
    expect(manager.securityContext.runAsUser).toBe(10001);
  });
});
