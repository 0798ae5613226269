import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Include, Testing } from 'cdk8s';
import { Guardrails, Packs } from '../../src';

// Values cdk8s writes as plain YAML scalars that kubectl (go-yaml v2, which resolves integers with Go's
// ParseInt(s, 0, 64)) reads as integers: the guardrails judge them as the integers the cluster gets.

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-goyaml-'));
}

const PATHS: Array<[string, (app: App, chart: Chart) => unknown]> = [
  ['app.synth()', app => app.synth()],
  ['app.synthYaml()', app => app.synthYaml()],
  ['Testing.synth()', (_app, chart) => Testing.synth(chart)],
];

function appWith(packs = [Packs.pssBaseline()]): { app: App; chart: Chart } {
  const app = new App({ outdir: tempDir() });
  Guardrails.enable(app, { packs, quiet: true });
  return { app, chart: new Chart(app, 'c') };
}

function include(chart: Chart, yaml: string): void {
  const file = path.join(tempDir(), 'legacy.yaml');
  fs.writeFileSync(file, yaml);
  new Include(chart, 'legacy', { url: file });
}

function pod(name: string, container: string): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: registry.example.com/app:1.0.0',
    ...container.split('\n').map(line => `    ${line}`),
    '',
  ].join('\n');
}

describe('Go integer literals cdk8s writes unquoted', () => {
  test.each(PATHS)('%s fails on an included hostPort: 0o17620 (port 8080 to kubectl)', (_name, synth) => {
    const { app, chart } = appWith();
    include(chart, pod('octal-port', 'ports:\n- containerPort: 8080\n  hostPort: 0o17620'));
    expect(() => synth(app, chart)).toThrow(/Pod octal-port {2}\(c\/legacy\/octal-port-pod\)\n {2}error {6}pss-host-ports .*hostPort to 8080/);
  });

  test.each(PATHS)('%s fails on an included runAsUser: 0X0 (root to kubectl)', (_name, synth) => {
    const { app, chart } = appWith([Packs.pssRestricted()]);
    include(chart, pod('hex-root', 'securityContext:\n  runAsUser: 0X0'));
    expect(() => synth(app, chart)).toThrow(/Pod hex-root {2}\(c\/legacy\/hex-root-pod\)\n(.*\n)* {2}error {6}pss-run-as-user /);
  });

  test.each(PATHS)('%s fails on the string "0o17620" set as hostPort on a raw ApiObject', (_name, synth) => {
    const { app, chart } = appWith();
    new ApiObject(chart, 'raw', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'raw' },
      spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1.0.0', ports: [{ containerPort: 8080, hostPort: '0o17620' }] }] },
    });
    expect(() => synth(app, chart)).toThrow(/Pod raw {2}\(c\/raw\)\n {2}error {6}pss-host-ports .*hostPort to 8080/);
  });
});
