import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Guardrails, Packs } from '../../src';

// The decoder refuses YAML that readers may read differently. Which texts it refuses is its own business (and its
// own tests'); here it refuses any text holding a marker, to check what the guardrails do with a refusal.
jest.mock('../../src/decode/decode-manifests', () => {
  const actual = jest.requireActual('../../src/decode/decode-manifests');
  return {
    decodeManifests: (text: string, file: string) => {
      const lines = text.split('\n');
      const index = lines.findIndex(l => l.includes('AMBIGUOUS'));
      if (index >= 0) {
        const { InputError: Refusal } = jest.requireActual('../../src/cli/input-error');
        throw new Refusal({ file, line: index + 1, message: 'the value AMBIGUOUS is read differently by YAML readers; quote it' });
      }
      return actual.decodeManifests(text, file);
    },
  };
});

function appWithTwoObjects(): { app: App; chart: Chart } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-undecodable-')) });
  Guardrails.enable(app, { packs: [Packs.pssBaseline()], quiet: true });
  const chart = new Chart(app, 'c');
  new ApiObject(chart, 'first', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'first' }, data: { a: 'plain' } });
  new ApiObject(chart, 'second', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'second' }, data: { a: 'AMBIGUOUS' } });
  return { app, chart };
}

describe('output the decoder refuses', () => {
  test('app.synth fails naming the construct, the file and line, writing nothing', () => {
    const { app } = appWithTwoObjects();
    expect(() => app.synth()).toThrow(/the YAML cdk8s writes for c\/second \(ConfigMap second\) cannot be checked, because YAML readers may read it differently: .*c\.k8s\.yaml:\d+: the value AMBIGUOUS/);
    expect(fs.readdirSync(app.outdir)).toEqual([]);
  });

  test('synthYaml and Testing.synth fail naming the construct', () => {
    const { app, chart } = appWithTwoObjects();
    expect(() => app.synthYaml()).toThrow(/for c\/second \(ConfigMap second\) cannot be checked/);
    expect(() => Testing.synth(chart)).toThrow(/for c\/second \(ConfigMap second\) cannot be checked/);
  });
});
