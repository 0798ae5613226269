import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { HARDENED_IMAGES } from '../../examples/hardened-images/app';
import { Guardrails, IsolatedNamespace, Severity } from '../../src';

const SOURCES = path.join(__dirname, '../../examples/hardened-images');
const guide = fs.readFileSync(path.join(__dirname, '../../docs/hardened-images.md'), 'utf-8');

/** A file of the example as the guide shows it: importing the package, as a user's code does. */
function asShown(name: string): string {
  return fs.readFileSync(path.join(SOURCES, `${name}.ts`), 'utf-8').replace(/from '\.\.\/\.\.\/src'/g, "from 'cdk8s-hardened'").trim();
}

/** The guide's TypeScript blocks, each with the file name written just above it, if any. */
function codeBlocks(): { file?: string; code: string }[] {
  return [...guide.matchAll(/(?:`(examples\/[^`]+\.ts)`:\n\n)?```ts\n([\s\S]*?)```/g)].map(m => ({ file: m[1], code: m[2].trim() }));
}

/** The summary table, one row per image in the order of HARDENED_IMAGES, as cells. */
function tableRows(): string[][] {
  const table = /\n\| Image \|[^\n]*\n\|[-| ]+\|\n((?:\|[^\n]*\n)+)/.exec(guide);
  return table![1].trim().split('\n').map(line => line.split('|').slice(1, -1).map(cell => cell.trim()));
}

function synthesize(name: string, build: (typeof HARDENED_IMAGES)[number]['build']) {
  const app = Testing.app();
  const namespace = new IsolatedNamespace(app, name);
  build(namespace);
  const objects = Testing.synth(namespace);
  const workload = objects.find(o => ['Deployment', 'StatefulSet'].includes(o.kind))!;
  const claims: string[] = (workload.spec.volumeClaimTemplates ?? []).map((c: any) => c.metadata.name);
  return { report: Guardrails.check(namespace), pod: workload.spec.template.spec, claims };
}

describe('docs/hardened-images.md', () => {
  test('shows every file of examples/hardened-images/ exactly, under its name', () => {
    const blocks = codeBlocks();
    for (const { name } of HARDENED_IMAGES) {
      const block = blocks.find(b => b.file === `examples/hardened-images/${name}.ts`);
      expect({ name, code: block?.code }).toEqual({ name, code: asShown(name) });
    }
  });

  test('holds no other code than those files and one line calling them', () => {
    const unnamed = codeBlocks().filter(b => b.file === undefined);
    expect(unnamed.map(b => b.code)).toEqual(['const db = postgres(new IsolatedNamespace(app, \'db\'));']);
    const files = fs.readdirSync(SOURCES).filter(f => f.endsWith('.ts') && !['app.ts', 'main.ts'].includes(f)).map(f => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(HARDENED_IMAGES.map(i => i.name).sort());
  });

  test('has one row in its table per image, in the order of the sections', () => {
    expect(tableRows()).toHaveLength(HARDENED_IMAGES.length);
  });
});

describe.each(HARDENED_IMAGES.map((image, row) => ({ ...image, row })))('$name, as the guide runs it', ({ name, build, row }) => {
  const { report, pod, claims: claimNames } = synthesize(name, build);
  const containers: any[] = [...pod.containers, ...(pod.initContainers ?? [])];
  const [image, , runsAs, writable, port] = tableRows()[row];

  test('has no finding from the default packs at any severity, infos included, and no suppression', () => {
    expect(report.findingsToFix(Severity.INFO).map(f => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(report.findings.filter(f => f.suppressed).map(f => f.ruleId)).toEqual([]);
    expect(report.unusedSuppressions).toEqual([]);
  });

  test('pins every container image by tag and sha256 digest', () => {
    for (const c of containers) expect(c.image).toMatch(/^[^@\s]+:[^@:/\s]+@sha256:[0-9a-f]{64}$/);
  });

  test('runs every container as the user the table says', () => {
    for (const c of containers) expect(String(c.securityContext.runAsUser ?? pod.securityContext.runAsUser)).toEqual(runsAs);
  });

  test('serves the port the table says, and an official image has the tag the table names', () => {
    expect(String(pod.containers[0].ports[0].containerPort)).toEqual(port);
    const tagged = pod.containers[0].image.replace(/@sha256:[0-9a-f]{64}$/, '');
    if (!tagged.startsWith('ghcr.io/acme/')) expect(image).toEqual(`\`${tagged}\``);
  });

  test('mounts exactly the writable paths and the data volume the table lists', () => {
    const volumes = new Map<string, any>(pod.volumes?.map((v: any) => [v.name, v]) ?? []);
    const mounts: any[] = pod.containers[0].volumeMounts ?? [];
    const mountedFrom = (kind: string) => mounts.filter(m => volumes.get(m.name)?.[kind]).map(m => m.mountPath);
    const claims = [...writable.matchAll(/data volume at `([^`]+)`/g)].map(m => m[1]);
    const others = [...writable.matchAll(/`([^`]+)`/g)].map(m => m[1]).filter(p => p !== '/tmp' && !claims.includes(p));
    expect(mounts.filter(m => claimNames.includes(m.name)).map(m => m.mountPath)).toEqual(claims);
    expect(mountedFrom('persistentVolumeClaim')).toEqual([]);
    expect(mountedFrom('emptyDir').filter(p => p !== '/tmp')).toEqual(others);
    expect(mountedFrom('emptyDir').includes('/tmp')).toBe(!writable.includes('not even `/tmp`'));
  });

  test('every mount names one volume of the pod or claim template, and no path is mounted twice (the API server refuses both)', () => {
    const names: string[] = (pod.volumes ?? []).map((v: any) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of containers) {
      const mounts: any[] = c.volumeMounts ?? [];
      expect(mounts.filter(m => !names.includes(m.name) && !claimNames.includes(m.name)).map(m => m.name)).toEqual([]);
      expect(new Set(mounts.map(m => m.mountPath)).size).toBe(mounts.length);
    }
  });

  test('every *_FILE variable names a file of a Secret mounted into that container', () => {
    for (const c of containers) {
      for (const variable of (c.env ?? []).filter((e: any) => e.name.endsWith('_FILE'))) {
        const mount = (c.volumeMounts ?? []).find((m: any) => m.mountPath === path.posix.dirname(variable.value));
        const secret = pod.volumes.find((v: any) => v.name === mount?.name)?.secret;
        expect({ variable: variable.name, files: secret?.items?.map((i: any) => i.path) })
          .toEqual({ variable: variable.name, files: expect.arrayContaining([path.posix.basename(variable.value)]) });
      }
    }
  });
});
