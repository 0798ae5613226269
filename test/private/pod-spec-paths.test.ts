import { ApiObject, Testing } from 'cdk8s';
import { ManifestScanner } from '../../src/cli/manifest-scanner';
import { Guardrails } from '../../src/guardrails/guardrails';
import { Packs } from '../../src/packs/packs';
import { POD_SPEC_LOCATIONS } from '../../src/private/pod-spec-paths';

// One case per kind of the table: the object as its documentation shows it, with the pod spec at its place.
const HARDENED_POD_SPEC = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{
    name: 'app',
    image: 'registry.example/app:1.2.3',
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsUser: 10001 },
  }],
};

function privileged(spec: any): any {
  const container = spec.containers[0];
  return { ...spec, hostPID: true, containers: [{ ...container, securityContext: { ...container.securityContext, privileged: true } }] };
}

const template = (spec: any) => ({ metadata: { labels: { app: 'web' } }, spec });

interface KindCase {
  readonly apiVersion: string;
  readonly kind: string;
  /** The object around a pod spec. */
  readonly make: (podSpec: any) => any;
  /** Where the pod spec is, as findings name it. */
  readonly specPath: string;
}

const CASES: KindCase[] = [
  { apiVersion: 'v1', kind: 'PodTemplate', make: s => ({ template: template(s) }), specPath: 'template.spec' },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    specPath: 'spec.template.spec',
    make: s => ({ spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: template(s), strategy: { canary: { steps: [{ setWeight: 20 }] } } } }),
  },
  {
    apiVersion: 'apps.openshift.io/v1',
    kind: 'DeploymentConfig',
    specPath: 'spec.template.spec',
    make: s => ({ spec: { replicas: 1, selector: { app: 'web' }, template: template(s) } }),
  },
  { apiVersion: 'serving.knative.dev/v1', kind: 'Service', make: s => ({ spec: { template: template(s) } }), specPath: 'spec.template.spec' },
  { apiVersion: 'serving.knative.dev/v1', kind: 'Configuration', make: s => ({ spec: { template: template(s) } }), specPath: 'spec.template.spec' },
  {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledJob',
    specPath: 'spec.jobTargetRef.template.spec',
    make: s => ({ spec: { jobTargetRef: { template: template({ ...s, restartPolicy: 'Never' }) }, triggers: [{ type: 'cron', metadata: {} }] } }),
  },
];

function manifest(c: KindCase, podSpec: any): any {
  return { apiVersion: c.apiVersion, kind: c.kind, metadata: { name: 'web', namespace: 'shop' }, ...c.make(podSpec) };
}

const scanner = new ManifestScanner({ packs: ['pss-restricted'] });
const scanOne = (object: any) => scanner.scanText(JSON.stringify(object), 'cr.json').report;

describe('pod specs inside PodTemplate and well-known custom resources', () => {
  test('every custom resource of the table says where its path is documented, and each kind has a case here', () => {
    for (const l of POD_SPEC_LOCATIONS) {
      if (l.groups[0] !== '' && !['apps', 'extensions', 'batch'].includes(l.groups[0])) expect(l.source).toMatch(/^https:\/\//);
    }
    const tested = new Set(CASES.map(c => `${c.apiVersion.split('/')[0]}/${c.kind}`));
    for (const l of POD_SPEC_LOCATIONS.filter(x => x.source)) expect(tested).toContain(`${l.groups[0]}/${l.kind}`);
  });

  describe.each(CASES.map(c => [`${c.apiVersion} ${c.kind}`, c] as const))('%s', (_name, c) => {
    test('fails when the pod is privileged and shares the host PID namespace, naming the field at its real path', () => {
      const report = scanOne(manifest(c, privileged(HARDENED_POD_SPEC)));
      expect(report.skipped).toBe(0);
      expect(report.summary.objects).toBe(1);
      const privilegedFinding = report.findings.find(f => f.ruleId === 'pss-privileged');
      expect(privilegedFinding).toMatchObject({
        message: `${c.kind} shop/web: container "app" sets securityContext.privileged to true (must be unset or false)`,
        path: `${c.specPath}.containers[0].securityContext.privileged`,
        resource: { apiVersion: c.apiVersion, kind: c.kind, namespace: 'shop', name: 'web' },
      });
      expect(report.findings.find(f => f.ruleId === 'pss-host-namespaces')?.path).toBe(`${c.specPath}.hostPID`);
    });

    test('passes when the pod is hardened', () => {
      const report = scanOne(manifest(c, HARDENED_POD_SPEC));
      expect(report.summary.objects).toBe(1);
      expect(report.findings.map(f => `${f.ruleId} ${f.path}`)).toEqual([]);
    });

    test('the in-process guardrails judge it the same way', () => {
      const chart = Testing.chart();
      new ApiObject(chart, 'cr', manifest(c, privileged(HARDENED_POD_SPEC)));
      const report = Guardrails.check(chart, { packs: [Packs.pssRestricted()] });
      expect(report.findings.filter(f => f.ruleId === 'pss-privileged').map(f => f.path)).toEqual([`${c.specPath}.containers[0].securityContext.privileged`]);
    });
  });

  test('a kind with the same name in another group is not taken for a pod carrier', () => {
    const report = scanOne(manifest({ ...CASES[1], apiVersion: 'example.com/v1' }, privileged(HARDENED_POD_SPEC)));
    expect(report.summary.objects).toBe(0);
    expect(report.skipped).toBe(1);
  });
});
