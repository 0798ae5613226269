import { Packs, Severity } from '../../src';
import { describeFindings, runPacks } from '../helpers/rule-harness';
import { hardenedApp, hardenedContainer, hardenedDeployment } from './fixtures/workload';

describe('workload and secrets packs accept HardenedDeployment-shaped output', () => {
  test('the documented hardened shape (with a digest) has no finding at all', () => {
    const report = runPacks([Packs.workload(), Packs.secrets()], hardenedApp());
    expect(describeFindings(report.findings)).toBe('(none)');
  });

  test('a tag without digest yields only the digest advice, never a warning or error', () => {
    const objects = [hardenedDeployment({ image: 'ghcr.io/acme/api:1.4.2' }), hardenedApp()[1]];
    const report = runPacks([Packs.workload(), Packs.secrets()], objects);
    expect(report.findings.map(f => `${f.severity} ${f.ruleId}`)).toEqual([`${Severity.INFO} workload-image-digest`]);
  });

  test('every workload kind is checked, not only Deployments', () => {
    const insecure = { containers: [{ name: 'app', image: 'nginx' }] };
    const kinds = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: insecure },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { template: { spec: insecure } } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { template: { spec: insecure } } },
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: insecure } } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec: insecure } } } } },
    ];
    const report = runPacks([Packs.workload()], kinds);
    const pinned = report.findings.filter(f => f.ruleId === 'workload-image-tag-pinned');
    expect(pinned.map(f => f.resource.kind)).toEqual(['Pod', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
    expect(pinned.find(f => f.resource.kind === 'CronJob')?.path).toBe('spec.jobTemplate.spec.template.spec.containers[0].image');
  });

  test('no rule throws on malformed objects', () => {
    const malformed = [
      null, 'text', { kind: 'Deployment', apiVersion: 'apps/v1' },
      { kind: 'Deployment', apiVersion: 'apps/v1', spec: { template: { spec: { containers: [hardenedContainer({ securityContext: 'x', resources: 7, env: {}, ports: 'x' })], volumes: {} } } } },
      { kind: 'Secret', apiVersion: 'v1', data: [] }, { kind: 'ConfigMap', apiVersion: 'v1', data: 'x' },
    ];
    const report = runPacks([Packs.workload(), Packs.secrets()], malformed);
    expect(report.findings.filter(f => f.message.includes('could not evaluate'))).toEqual([]);
  });
});
