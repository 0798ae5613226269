import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Cron, Include } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { FailOn, Guardrails, HardenedDeployment, IsolatedNamespace } from '../../src';
import { runCli } from '../../src/cli/cli';
import { memoryIo } from '../helpers/memory-io';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'images-report-'));
}

/** A hardened workload with an init container, a plain cdk8s-plus CronJob, a raw Pod and included YAML. */
function shop(outdir: string, reportDir: string): App {
  const app = new App({ outdir });
  Guardrails.enable(app, { quiet: true, reportDir, failOn: FailOn.NEVER });
  const ns = new IsolatedNamespace(app, 'shop');
  const web = new HardenedDeployment(ns, 'web', { containers: [{ name: 'web', image: `ghcr.io/acme/web:1.4.2@${DIGEST}`, portNumber: 8080 }] });
  web.addInitContainer({ name: 'migrate', image: `ghcr.io/acme/web:1.4.2@${DIGEST}` });
  new kplus.CronJob(ns, 'nightly', {
    schedule: Cron.daily(),
    containers: [{ name: 'report', image: 'python:3.12-slim' }],
  });
  const raw = new Chart(app, 'raw');
  new ApiObject(raw, 'debug', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'debug', namespace: 'tools' },
    spec: { containers: [{ name: 'box', image: 'busybox:1.36' }] },
  });
  const included = path.join(tempDir(), 'vendor.yaml');
  fs.writeFileSync(included, 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: agent, namespace: kube-system }\n'
    + 'spec:\n  selector: { matchLabels: { app: agent } }\n  template:\n    metadata: { labels: { app: agent } }\n'
    + '    spec:\n      containers:\n        - { name: agent, image: busybox:1.36 }\n');
  new Include(raw, 'vendor', { url: included });
  return app;
}

describe('Guardrails reportDir: images.txt and images.json', () => {
  test('list every image of the app once, with the constructs that run it', () => {
    const reportDir = tempDir();
    shop(tempDir(), reportDir).synth();
    expect(fs.readFileSync(path.join(reportDir, 'images.txt'), 'utf8')).toBe([
      'busybox:1.36', 'python:3.12-slim', `ghcr.io/acme/web:1.4.2@${DIGEST}`, '',
    ].join('\n'));
    const json = JSON.parse(fs.readFileSync(path.join(reportDir, 'images.json'), 'utf8'));
    const web = json.images.find((i: any) => i.registry === 'ghcr.io');
    expect(web).toMatchObject({ repository: 'acme/web', tag: '1.4.2', digest: DIGEST });
    expect(web.usedBy.map((u: any) => [u.containerField, u.container, u.constructPath, u.file, u.line])).toEqual([
      ['containers', 'web', 'shop/web/Resource', null, null],
      ['initContainers', 'migrate', 'shop/web/Resource', null, null],
    ]);
    const busybox = json.images.find((i: any) => i.reference === 'busybox:1.36');
    expect(busybox.usedBy.map((u: any) => `${u.kind} ${u.namespace}/${u.name} ${u.constructPath}`)).toEqual([
      'DaemonSet kube-system/agent raw/vendor/agent-daemonset-kube-system',
      'Pod tools/debug raw/debug',
    ]);
  });

  test('agree with cdk8s-hardened images over the YAML the synthesis wrote, but for where each object came from', async () => {
    const outdir = tempDir();
    const reportDir = tempDir();
    shop(outdir, reportDir).synth();
    const io = memoryIo(outdir);
    expect(await runCli(['images', '--format', 'json', '.'], io)).toBe(0);
    const withoutOrigin = (json: any) => json.images.map((i: any) => ({
      ...i, usedBy: i.usedBy.map(({ file, line, constructPath, ...who }: any) => who),
    }));
    const fromFiles = JSON.parse(io.out.join(''));
    expect(fromFiles.images.length).toBe(3);
    expect(withoutOrigin(JSON.parse(fs.readFileSync(path.join(reportDir, 'images.json'), 'utf8')))).toEqual(withoutOrigin(fromFiles));
    expect(fs.readFileSync(path.join(reportDir, 'images.txt'), 'utf8')).toBe(await (async () => {
      const text = memoryIo(outdir);
      await runCli(['images', '.'], text);
      return text.out.join('');
    })());
  });

  test('are written when the synthesis fails too', () => {
    const reportDir = tempDir();
    const app = new App({ outdir: tempDir() });
    Guardrails.enable(app, { quiet: true, reportDir });
    new kplus.Deployment(new Chart(app, 'legacy'), 'root', { containers: [{ image: 'nginx' }] });
    expect(() => app.synth()).toThrow(/must be fixed/);
    expect(fs.readFileSync(path.join(reportDir, 'images.txt'), 'utf8')).toBe('nginx\n');
  });
});
