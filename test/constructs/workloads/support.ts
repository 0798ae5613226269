import { ApiObject, Chart, Testing } from 'cdk8s';
import { Finding, ManifestObject, Packs } from '../../../src';
import { describeFindings, runPacks } from '../../helpers/rule-harness';

export const NAMESPACE = 'shop';
/** Pinned by tag and digest, from a private registry: no finding from the image rules, info-level ones included. */
export const IMAGE = 'ghcr.io/acme/web:1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
export const SIDECAR_IMAGE = 'ghcr.io/acme/proxy:2.0.0@sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

/**
 * The namespace-level objects that the namespace construct owns (Namespace with PSA labels, LimitRange,
 * ResourceQuota, default deny), as plain ApiObjects, so zero-finding tests can run every default pack on a lone
 * workload without filtering rules out.
 */
export function addNamespaceObjects(chart: Chart, namespace = NAMESPACE): void {
  const psa: Record<string, string> = {};
  for (const mode of ['enforce', 'audit', 'warn']) {
    psa[`pod-security.kubernetes.io/${mode}`] = 'restricted';
    psa[`pod-security.kubernetes.io/${mode}-version`] = 'v1.28';
  }
  new ApiObject(chart, `${namespace}-ns`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: psa } });
  new ApiObject(chart, `${namespace}-limits`, {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'limits', namespace },
    spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] },
  } as any);
  new ApiObject(chart, `${namespace}-quota`, {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'quota', namespace },
    spec: { hard: { 'requests.cpu': '8', 'requests.memory': '16Gi', 'limits.cpu': '16', 'limits.memory': '32Gi' } },
  } as any);
  new ApiObject(chart, `${namespace}-deny`, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', namespace },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  } as any);
}

/** A chart holding the namespace-level objects; workloads are added by the test. */
export function namespacedChart(): Chart {
  const chart = Testing.chart();
  addNamespaceObjects(chart);
  return chart;
}

/** Every finding of every default pack over the synthesized chart, suppressed ones included. */
export function report(chart: Chart) {
  return runPacks(Packs.defaults(), Testing.synth(chart));
}

/** The unsuppressed findings of every default pack. */
export function unsuppressed(chart: Chart): Finding[] {
  return report(chart).unsuppressed();
}

/** Jest matcher input: an empty list, with the findings spelled out when it is not. */
export function expectNoFindings(chart: Chart): void {
  const findings = unsuppressed(chart);
  expect(describeFindings(findings)).toEqual('(none)');
}

/** The synthesized objects of a chart by kind (first of each kind). */
export function byKind(chart: Chart, kind: string): any {
  const found = Testing.synth(chart).find(o => o.kind === kind);
  if (!found) throw new Error(`no ${kind} in the chart`);
  return found;
}

export function allOfKind(chart: Chart, kind: string): any[] {
  return Testing.synth(chart).filter(o => o.kind === kind);
}

export { ManifestObject };

/** The NetworkPolicy of the workload (not the namespace's default deny). */
export function workloadPolicy(chart: Chart, nameIncludes = 'networkpolicy'): any {
  const found = Testing.synth(chart).find(o => o.kind === 'NetworkPolicy' && o.metadata.name.includes(nameIncludes));
  if (!found) throw new Error(`no NetworkPolicy named like ${nameIncludes}`);
  return found;
}
