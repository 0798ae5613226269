import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Evaluator, ManifestObject, Packs, RulePack, Severity } from '../../src';
import { pssFailedChecks } from '../../src/private/pss-evaluate';
import { deployment, describeFindings, pod, runPacks } from '../helpers/rule-harness';

const PSS = [Packs.pssBaseline(), Packs.pssRestricted()];

/** The PSA check IDs of the unsuppressed findings of some packs, sorted and deduplicated. */
function failedPssIds(packs = PSS, objects: any[], version?: string): string[] {
  const ids = runPacks(packs, objects, version).unsuppressed().map(f => f.equivalents.pss ?? `(no pss id: ${f.ruleId})`);
  return [...new Set(ids)].sort();
}

/**
 * A Pod built from the docs' restricted profile requirements (pod-security-standards.md). The Kubernetes docs ship
 * no restricted example Pod (content/en/examples/security has only example-baseline-pod.yaml and namespaces), so
 * this one sets exactly what the restricted table asks for and nothing else.
 */
const DOCS_RESTRICTED_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx', namespace: 'restricted' },
  spec: {
    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [{
      name: 'nginx',
      image: 'nginx:1.27',
      ports: [{ containerPort: 8080 }],
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } },
    }],
    volumes: [{ name: 'cache', emptyDir: {} }],
  },
};

/** content/en/examples/security/example-baseline-pod.yaml of kubernetes/website, verbatim. */
const DOCS_BASELINE_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx' },
  spec: { containers: [{ image: 'nginx', name: 'nginx', ports: [{ containerPort: 80 }] }] },
};

describe('pss-baseline and pss-restricted packs', () => {
  test('the restricted pack is the baseline pack, overridden checks limited to the versions before their replacement, plus the restricted checks', () => {
    const baseline = Packs.pssBaseline().rules.map(r => r.id);
    const restricted = Packs.pssRestricted().rules.map(r => r.id);
    expect(baseline.sort()).toEqual([
      'pss-apparmor', 'pss-capabilities-baseline', 'pss-host-namespaces', 'pss-host-path-volumes', 'pss-host-ports',
      'pss-host-probes', 'pss-privileged', 'pss-proc-mount', 'pss-seccomp-baseline', 'pss-selinux', 'pss-sysctls',
      'pss-windows-host-process',
    ]);
    expect(restricted.sort()).toEqual([
      'pss-allow-privilege-escalation', 'pss-apparmor', 'pss-capabilities-baseline', 'pss-capabilities-restricted',
      'pss-host-namespaces', 'pss-host-ports', 'pss-host-probes', 'pss-privileged', 'pss-proc-mount',
      'pss-proc-mount-restricted', 'pss-restricted-volumes', 'pss-run-as-non-root', 'pss-run-as-user',
      'pss-seccomp-baseline', 'pss-seccomp-restricted', 'pss-selinux', 'pss-sysctls', 'pss-windows-host-process',
    ]);
  });

  test('shared controls are the same Rule instances in both packs, except the narrowed overridden ones', () => {
    const baseline = Packs.pssBaseline();
    const narrowed = ['pss-capabilities-baseline', 'pss-proc-mount', 'pss-seccomp-baseline'];
    for (const rule of Packs.pssRestricted().rules) {
      const twin = baseline.findRule(rule.id);
      if (twin && !narrowed.includes(rule.id)) expect(twin).toBe(rule);
      if (twin && narrowed.includes(rule.id)) expect({ ...twin, check: undefined }).toEqual({ ...rule, check: undefined });
    }
  });

  test('with both packs, the unnarrowed baseline rule is the one kept', () => {
    const combined = RulePack.combine('both', Packs.defaults());
    expect(combined.findRule('pss-proc-mount')).toBe(Packs.pssBaseline().findRule('pss-proc-mount'));
  });

  test('every rule is an error and names its PSA check', () => {
    for (const rule of [...Packs.pssBaseline().rules, ...Packs.pssRestricted().rules]) {
      expect(rule.severity).toBe(Severity.ERROR);
      expect(rule.equivalents.pss).toMatch(/^[a-zA-Z_]+$/);
      expect(rule.fields.length).toBeGreaterThan(0);
    }
  });

  test('the docs-derived restricted Pod passes both profiles at every version', () => {
    for (const version of ['1.18', '1.22', '1.25', '1.28', '1.34', '1.35', '1.37']) {
      const report = runPacks(PSS, [DOCS_RESTRICTED_POD], version);
      if (report.unsuppressed().length > 0) throw new Error(`${version}:\n${describeFindings(report.unsuppressed())}`);
      expect(pssFailedChecks(DOCS_RESTRICTED_POD, 'restricted', version)).toEqual([]);
    }
  });

  test('the docs\' baseline example Pod passes baseline and fails exactly four restricted controls', () => {
    expect(failedPssIds([Packs.pssBaseline()], [DOCS_BASELINE_POD])).toEqual([]);
    const expected = ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'];
    expect(failedPssIds([Packs.pssRestricted()], [DOCS_BASELINE_POD])).toEqual(expected);
    expect(pssFailedChecks(DOCS_BASELINE_POD, 'restricted', '1.28')).toEqual(expected);
    expect(pssFailedChecks(DOCS_BASELINE_POD, 'baseline', '1.28')).toEqual([]);
  });

  test('a default cdk8s-plus-28 Deployment breaks exactly capabilities_restricted and seccompProfile_restricted', () => {
    const chart = Testing.chart();
    new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx:1.27' }] });
    const manifests = Testing.synth(chart);
    const findings = runPacks(PSS, manifests).unsuppressed();
    expect(findings.map(f => `${f.ruleId} ${f.equivalents.pss} ${f.path}`).sort()).toEqual([
      'pss-capabilities-restricted capabilities_restricted spec.template.spec.containers[0].securityContext.capabilities.drop',
      'pss-seccomp-restricted seccompProfile_restricted spec.template.spec.containers[0].securityContext.seccompProfile',
    ]);
    expect(pssFailedChecks(manifests[0], 'restricted', '1.28')).toEqual(['capabilities_restricted', 'seccompProfile_restricted']);
    expect(pssFailedChecks(manifests[0], 'baseline', '1.28')).toEqual([]);
  });

  test('messages name the object, the container, the field and the value', () => {
    const web = deployment(
      { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'api', image: 'shop/api:1.0', securityContext: { allowPrivilegeEscalation: true, capabilities: { drop: ['ALL'] } } }] },
      { name: 'web', namespace: 'shop' },
    );
    const findings = runPacks(PSS, [web]).unsuppressed();
    expect(findings.map(f => ({ ruleId: f.ruleId, message: f.message, path: f.path }))).toEqual([{
      ruleId: 'pss-allow-privilege-escalation',
      message: 'Deployment shop/web: container "api" sets securityContext.allowPrivilegeEscalation to true (must be false)',
      path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
    }]);
  });

  test('pod-level findings point at the pod spec field of the workload', () => {
    const findings = runPacks(PSS, [deployment({ hostNetwork: true, containers: [{ name: 'api', image: 'a:1' }] }, { name: 'web', namespace: 'shop' })]).unsuppressed();
    const hostNetwork = findings.find(f => f.ruleId === 'pss-host-namespaces');
    expect(hostNetwork?.message).toBe('Deployment shop/web: pod sets hostNetwork to true (must be unset or false)');
    expect(hostNetwork?.path).toBe('spec.template.spec.hostNetwork');
  });

  test('objects that carry no pod are never reported', () => {
    const objects = [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { hostNetwork: true, containers: [{ name: 'x', securityContext: { privileged: true } }] } },
      { apiVersion: 'example.com/v1', kind: 'Deployment', metadata: { name: 'custom' }, spec: { template: { spec: { hostPID: true, containers: [{ name: 'x' }] } } } },
    ];
    expect(runPacks(PSS, objects).unsuppressed()).toEqual([]);
  });

  test('malformed pods never make a rule throw', () => {
    const odd = [
      pod('not a spec'),
      pod({ containers: 'nginx' }),
      pod({ containers: [null, 'x', 42, { name: 7, securityContext: 'privileged', ports: 'all', livenessProbe: 'yes', lifecycle: [] }] }),
      pod({ containers: [{ name: 'a', securityContext: { capabilities: 'ALL', seccompProfile: 'RuntimeDefault', appArmorProfile: [], seLinuxOptions: 3 } }], securityContext: { sysctls: 'x', seccompProfile: null } }),
      pod({ containers: [], volumes: [null, 'x', { name: 'v', hostPath: null }], securityContext: { sysctls: [null, 'kernel.msgmax'] } }, { annotations: 'x' }),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: 'x' } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec: null } } } } },
      null,
      'a string',
    ];
    for (const version of ['1.18', '1.28', '1.35']) {
      const findings = runPacks(PSS, odd, version).unsuppressed();
      expect(findings.filter(f => f.message.includes('could not evaluate'))).toEqual([]);
    }
  });
});

describe('pssFailedChecks follows the PSA registry, overrides included', () => {
  const addsSysAdmin = (podSpec: any = {}) => pod({ ...podSpec, containers: [{ name: 'app', image: 'a:1', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }] });

  test('capabilities_baseline is overridden at restricted only from 1.22', () => {
    expect(pssFailedChecks(addsSysAdmin(), 'restricted', '1.21')).toContain('capabilities_baseline');
    expect(pssFailedChecks(addsSysAdmin(), 'restricted', '1.21')).not.toContain('capabilities_restricted');
    expect(pssFailedChecks(addsSysAdmin(), 'restricted', '1.22')).toContain('capabilities_restricted');
    expect(pssFailedChecks(addsSysAdmin(), 'restricted', '1.22')).not.toContain('capabilities_baseline');
    expect(pssFailedChecks(addsSysAdmin(), 'baseline', '1.28')).toEqual(['capabilities_baseline']);
  });

  test('a Windows pod escapes the overridden baseline checks at restricted from 1.25, as in PSA', () => {
    const windows = pod({
      os: { name: 'windows' },
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Unconfined' } },
      containers: [{ name: 'app', image: 'a:1', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }],
    });
    expect(pssFailedChecks(windows, 'restricted', '1.25')).toEqual([]);
    expect(pssFailedChecks(windows, 'restricted', '1.24')).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
    expect(pssFailedChecks(windows, 'baseline', '1.25')).toEqual(['capabilities_baseline', 'seccompProfile_baseline']);
  });

  test('procMount is replaced by procMount_restricted from 1.35, which ignores hostUsers', () => {
    const unmasked = pod({ hostUsers: false, securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app', image: 'a:1', securityContext: { procMount: 'Unmasked', allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }] });
    expect(pssFailedChecks(unmasked, 'restricted', '1.34')).toEqual(['procMount']);
    expect(pssFailedChecks(unmasked, 'restricted', '1.35')).toEqual(['procMount_restricted']);
    expect(pssFailedChecks(unmasked, 'baseline', '1.35')).toEqual([]);
    expect(pssFailedChecks(unmasked, 'baseline', '1.34')).toEqual(['procMount']);
  });

  test('hostPathVolumes never runs at restricted: restrictedVolumes replaces it at every version', () => {
    const hostPath = pod({ securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app', image: 'a:1', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }], volumes: [{ name: 'h', hostPath: { path: '/' } }] });
    expect(pssFailedChecks(hostPath, 'restricted', '1.28')).toEqual(['restrictedVolumes']);
    expect(pssFailedChecks(hostPath, 'baseline', '1.28')).toEqual(['hostPathVolumes']);
  });

  test('the restricted pack fails exactly when PSA restricted fails, at every version', () => {
    const cases = [
      addsSysAdmin(),
      addsSysAdmin({ os: { name: 'windows' } }),
      pod({ containers: [{ name: 'a', image: 'a:1' }] }),
      pod({ containers: [{ name: 'a', image: 'a:1' }] }, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } }),
      pod({ hostUsers: false, containers: [{ name: 'a', image: 'a:1', securityContext: { procMount: 'Unmasked' } }] }),
      DOCS_RESTRICTED_POD,
      { ...DOCS_RESTRICTED_POD, spec: { ...DOCS_RESTRICTED_POD.spec, hostUsers: false, securityContext: { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } } } },
      { ...DOCS_RESTRICTED_POD, spec: { ...DOCS_RESTRICTED_POD.spec, securityContext: { sysctls: [{ name: 'net.ipv4.tcp_rmem', value: '4096 87380 16777216' }], runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } } },
    ];
    for (const version of ['1.7', '1.18', '1.19', '1.21', '1.22', '1.24', '1.25', '1.28', '1.31', '1.32', '1.34', '1.35', '1.37']) {
      for (const manifest of cases) {
        const packFails = runPacks([Packs.pssRestricted()], [manifest], version).unsuppressed().length > 0;
        const psaFails = pssFailedChecks(manifest, 'restricted', version).length > 0;
        if (packFails !== psaFails) throw new Error(`${version}: pack ${packFails}, PSA ${psaFails} for ${JSON.stringify(manifest)}`);
      }
    }
  });
});

describe('pss-restricted reports the check ID the admission code reports, at every version', () => {
  const unmasked = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'c:1', securityContext: { procMount: 'Unmasked' } }] } };
  const sysAdmin = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'c:1', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }] } };
  test.each([
    ['procMount Unmasked', unmasked, '1.28'], ['procMount Unmasked', unmasked, '1.34'], ['procMount Unmasked', unmasked, '1.35'],
    ['SYS_ADMIN', sysAdmin, '1.21'], ['SYS_ADMIN', sysAdmin, '1.22'], ['SYS_ADMIN', sysAdmin, '1.28'],
  ])('%s at %s', (_name, manifest, version) => {
    const evaluator = new Evaluator({ packs: [Packs.pssRestricted()], kubernetesVersion: version as string });
    const report = evaluator.evaluate([ManifestObject.fromJson(manifest)]);
    const ids = [...new Set(report.findings.map(f => f.equivalents.pss))].sort();
    expect(ids).toEqual(pssFailedChecks(manifest, 'restricted', version as string));
  });
});
