import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Include, Testing } from 'cdk8s';
import { ManifestScanner } from '../../src/cli/manifest-scanner';
import { IsolatedNamespace } from '../../src/constructs/namespace/isolated-namespace';
import { DEFAULT_KUBERNETES_VERSION } from '../../src/engine/rule-context';
import { Guardrails } from '../../src/guardrails/guardrails';
import { Packs } from '../../src/packs/packs';
import { safeSysctls } from '../../src/rules/pss/private/sysctls';
import { PSA_NEWEST_MINOR, PSA_SINCE } from '../../src/rules/pss/private/versions';

// A pod whose liveness probe targets another host: PSA refuses it from 1.34 on (hostProbesAndHostLifecycle).
const PROBE_HOST_POD = `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec:
  containers:
    - name: app
      image: registry.example/app:1.2.3
      livenessProbe:
        httpGet: { host: 169.254.169.254, path: /, port: 80 }
`;

const namespace = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: { pod-security.kubernetes.io/enforce: baseline${labels} }
---
`;

function probeFindings(text: string, kubernetesVersion?: string): string[] {
  const scanner = new ManifestScanner({ packs: ['pss-baseline'], ...(kubernetesVersion ? { kubernetesVersion } : {}) });
  return scanner.scanText(text, 'm.yaml').report.findings.filter(f => f.ruleId === 'pss-host-probes').map(f => f.path!);
}

const PROBE_PATH = 'spec.containers[0].livenessProbe.httpGet.host';

describe('each pod is judged at the Pod Security version its namespace enforces', () => {
  test('the default version is the newest the packs know, so a probe host fails as a namespace enforcing latest refuses it', () => {
    expect(DEFAULT_KUBERNETES_VERSION).toBe(`1.${PSA_NEWEST_MINOR}`);
    expect(probeFindings(PROBE_HOST_POD)).toEqual([PROBE_PATH]);
  });

  test('the newest version the packs know is at least every version a check starts at', () => {
    for (const since of Object.values(PSA_SINCE)) expect(PSA_NEWEST_MINOR).toBeGreaterThanOrEqual(since);
    expect(safeSysctls(PSA_NEWEST_MINOR).length).toBeGreaterThan(safeSysctls(PSA_NEWEST_MINOR - 1).length);
  });

  test('a namespace defined in the files with enforce-version v1.28 judges its pods at 1.28', () => {
    expect(probeFindings(namespace(', pod-security.kubernetes.io/enforce-version: v1.28') + PROBE_HOST_POD)).toEqual([]);
  });

  test('a namespace enforcing latest, or no version label, judges its pods at the newest version', () => {
    expect(probeFindings(namespace(', pod-security.kubernetes.io/enforce-version: latest') + PROBE_HOST_POD)).toEqual([PROBE_PATH]);
    expect(probeFindings(namespace('') + PROBE_HOST_POD)).toEqual([PROBE_PATH]);
  });

  test('a pinned version only applies to pods of that namespace', () => {
    const other = PROBE_HOST_POD.replace('namespace: shop', 'namespace: other');
    expect(probeFindings(`${namespace(', pod-security.kubernetes.io/enforce-version: v1.28') + PROBE_HOST_POD}---\n${other}`)).toEqual([PROBE_PATH]);
  });

  test('a named cluster version caps the namespace version: latest on a 1.30 cluster is 1.30', () => {
    expect(probeFindings(PROBE_HOST_POD, '1.30')).toEqual([]);
    expect(probeFindings(namespace(', pod-security.kubernetes.io/enforce-version: latest') + PROBE_HOST_POD, '1.30')).toEqual([]);
    expect(probeFindings(namespace(', pod-security.kubernetes.io/enforce-version: v1.36') + PROBE_HOST_POD, '1.34')).toEqual([PROBE_PATH]);
  });
});

describe('IsolatedNamespace pins the newest version the packs know by default', () => {
  test('the default pins v1.NN of the newest version', () => {
    const ns = Testing.synth(new IsolatedNamespace(Testing.app(), 'shop')).find((o: any) => o.kind === 'Namespace');
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce-version']).toBe(`v${DEFAULT_KUBERNETES_VERSION}`);
  });

  test('the guardrails judge a pod in a namespace pinned to 1.28 at 1.28, and at the newest version otherwise', () => {
    for (const [kubernetesVersion, expected] of [[undefined, [PROBE_PATH]], ['1.28', []]] as const) {
      const chart = Testing.chart();
      new IsolatedNamespace(chart, 'shop', kubernetesVersion ? { kubernetesVersion } : {});
      new Include(chart, 'pod', { url: writeTemp(PROBE_HOST_POD) });
      const report = Guardrails.check(chart, { packs: [Packs.pssBaseline()] });
      expect(report.findings.filter(f => f.ruleId === 'pss-host-probes').map(f => f.path)).toEqual(expected);
    }
  });
});

function writeTemp(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'psa-version-')), 'pod.yaml');
  fs.writeFileSync(file, text);
  return file;
}
