import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { AdmissionGuardrails, Packs } from '../../src';
import { runCli } from '../../src/cli/cli';
import { decodeManifests } from '../../src/decode';
import { memoryIo } from '../helpers/memory-io';


describe('cdk8s-hardened policies', () => {
  test('prints the AdmissionGuardrails chart, and kubectl reads the YAML back as exactly those objects', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['policies', '--packs', 'workload,network', '--excluded-namespaces', 'kube-system,monitoring'], io)).toBe(0);
    const expected = Testing.synth(new AdmissionGuardrails(Testing.app(), 'admission', {
      packs: [Packs.workload(), Packs.network()], excludedNamespaces: ['kube-system', 'monitoring'],
    }));
    // Read as kubectl reads it (go-yaml v2): a YAML 1.2 writer's output must not change meaning on the way.
    const decoded = decodeManifests(io.out.join(''), 'policies.yaml').objects.map(o => o.value);
    expect(decoded).toEqual(expected);
    expect(decoded.filter(o => o.kind === 'ValidatingAdmissionPolicy').length).toBe(AdmissionGuardrails.enforceableRuleIds([Packs.workload(), Packs.network()]).length);
  });

  test('--honour-suppression-annotations adds the condition, and --output writes a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policies-'));
    const io = memoryIo(dir);
    expect(await runCli(['policies', '--honour-suppression-annotations', '--output', 'policies.yaml'], io)).toBe(0);
    const objects = decodeManifests(fs.readFileSync(path.join(dir, 'policies.yaml'), 'utf-8'), 'policies.yaml').objects.map(o => o.value);
    expect(objects.filter(o => o.kind === 'ValidatingAdmissionPolicy').every(o => o.spec.matchConditions?.length === 1)).toBe(true);
    expect(io.out.join('')).toBe('');
  });

  test('an unknown pack is bad usage (exit 2), naming the valid ones', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['policies', '--packs', 'nope'], io)).toBe(2);
    expect(io.err.join('')).toContain('Unknown rule pack "nope". Valid packs: pss-baseline');
  });

  test('packs without an enforceable rule print nothing to apply and say so', async () => {
    const io = memoryIo(os.tmpdir());
    expect(await runCli(['policies', '--packs', 'pss-baseline'], io)).toBe(0);
    expect(io.err.join('')).toContain('none of these packs has a rule that an admission policy can enforce');
  });
});
