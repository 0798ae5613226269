import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BINARY } from './golden-cases';
import { runCli } from '../../src/cli/cli';
import { fullDiskWriter } from '../helpers/full-disk';
import { memoryIo } from '../helpers/memory-io';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'images-test-'));
}

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

/** Every place a pod spec sits, with init and ephemeral containers, and objects whose images are not the app's. */
const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/web:2.0@${DIGEST}
      containers:
        - name: web
          image: nginx:1.27
        - name: proxy
          image: docker.io/library/nginx:1.27
---
apiVersion: v1
kind: Pod
metadata: { name: debug, namespace: shop }
spec:
  containers:
    - name: main
      image: &tools Registry.Example.com:5000/tools/box:3
  ephemeralContainers:
    - name: shell
      image: *tools
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly, namespace: shop }
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: busybox
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: data }
spec:
  template:
    spec:
      containers:
        - name: postgres
          image: postgres@${DIGEST}
---
apiVersion: v1
kind: PodTemplate
metadata: { name: tpl, namespace: shop }
template:
  spec:
    containers:
      - name: t
        image: busybox:latest
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: canary, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/canary:1.0
---
apiVersion: example.com/v1
kind: Widget
metadata: { name: w }
spec:
  template:
    spec:
      containers:
        - name: hidden
          image: not-read-by-scan:1
---
image: from-a-values-file:1
`;

const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: DaemonSet
    metadata: { name: agent, namespace: kube-system }
    spec:
      template:
        spec:
          containers:
            - name: agent
              image: quay.io/acme/agent:0.9
  - apiVersion: batch/v1
    kind: Job
    metadata: { name: once, namespace: shop }
    spec:
      template:
        spec:
          containers:
            - name: once
              image: quay.io/acme/agent:0.9
`;

function appDir(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.writeFileSync(path.join(dir, 'dist', 'app.k8s.yaml'), WORKLOADS);
  fs.writeFileSync(path.join(dir, 'dist', 'list.yaml'), LIST);
  return dir;
}

async function images(args: string[], dir: string) {
  const io = memoryIo(dir);
  const code = await runCli(['images', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** The list the manifests above give, worked out by hand: resolved images in sorted order, each as first written. */
const EXPECTED_TEXT = [
  'busybox', // docker.io/library/busybox:latest, also written busybox:latest
  'docker.io/library/nginx:1.27', // also written nginx:1.27
  `postgres@${DIGEST}`, // docker.io/library/postgres@sha256:...
  'ghcr.io/acme/canary:1.0',
  `ghcr.io/acme/web:2.0@${DIGEST}`,
  'quay.io/acme/agent:0.9',
  'Registry.Example.com:5000/tools/box:3', // registry.example.com:5000/tools/box:3
].map(line => `${line}\n`).join('');

describe('cdk8s-hardened images --format text', () => {
  test('prints each image once, as written, one per line and nothing else, in the order of the resolved images', async () => {
    const { code, out, err } = await images(['dist'], appDir());
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(EXPECTED_TEXT);
  });

  test('text is the default and feeds a shell loop one reference at a time', async () => {
    const { out } = await images(['dist'], appDir());
    const loop = spawnSync('bash', ['-c', 'while read -r img; do printf "<%s>\\n" "$img"; done'], { input: out, encoding: 'utf8' });
    expect(loop.status).toBe(0);
    expect(loop.stdout).toBe(EXPECTED_TEXT.split('\n').filter(l => l).map(l => `<${l}>\n`).join(''));
  });

  test('objects scan passes over are passed over here too: a custom resource no rule reads, a values file', async () => {
    const { out } = await images(['dist'], appDir());
    expect(out).not.toMatch(/not-read-by-scan|from-a-values-file/);
  });

  test('reads standard input for -', async () => {
    const io = memoryIo(tempDir());
    const withStdin = { ...io, readStdin: async () => Buffer.from(LIST) };
    expect(await runCli(['images', '-'], withStdin)).toBe(0);
    expect(io.out.join('')).toBe('quay.io/acme/agent:0.9\n');
  });

  test('no images: an empty list, exit 0', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n');
    expect(await images(['cm.yaml'], dir)).toEqual({ code: 0, out: '', err: '' });
  });
});

describe('cdk8s-hardened images --format json', () => {
  test('one entry per image with its parts and every container that runs it, in the documented shape', async () => {
    const { code, out } = await images(['--format', 'json', 'dist'], appDir());
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['version', 'images']);
    expect(json.version).toBe(1);
    expect(json.images.map((i: any) => i.reference).join('\n') + '\n').toBe(EXPECTED_TEXT);
    for (const image of json.images) {
      expect(Object.keys(image)).toEqual(['reference', 'references', 'image', 'registry', 'repository', 'tag', 'digest', 'usedBy']);
      for (const user of image.usedBy) {
        expect(Object.keys(user)).toEqual(['kind', 'namespace', 'name', 'container', 'containerField', 'reference', 'file', 'line', 'constructPath']);
      }
    }
    const nginx = json.images.find((i: any) => i.image === 'docker.io/library/nginx:1.27');
    expect(nginx).toEqual({
      reference: 'docker.io/library/nginx:1.27',
      references: ['docker.io/library/nginx:1.27', 'nginx:1.27'],
      image: 'docker.io/library/nginx:1.27',
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: '1.27',
      digest: null,
      usedBy: [
        // Sorted by container name within the Deployment; the line is the image field's.
        { kind: 'Deployment', namespace: 'shop', name: 'web', container: 'proxy', containerField: 'containers', reference: 'docker.io/library/nginx:1.27', file: 'dist/app.k8s.yaml', line: 14, constructPath: null },
        { kind: 'Deployment', namespace: 'shop', name: 'web', container: 'web', containerField: 'containers', reference: 'nginx:1.27', file: 'dist/app.k8s.yaml', line: 12, constructPath: null },
      ],
    });
  });

  test('an untagged image resolves to :latest, a digest alone has no tag, the registry host is lower-cased', async () => {
    const { out } = await images(['--format', 'json', 'dist'], appDir());
    const byImage = new Map<string, any>(JSON.parse(out).images.map((i: any) => [i.image, i]));
    expect(byImage.get('docker.io/library/busybox:latest')).toMatchObject({
      reference: 'busybox', references: ['busybox', 'busybox:latest'], tag: 'latest', digest: null,
    });
    expect(byImage.get(`docker.io/library/postgres@${DIGEST}`)).toMatchObject({ repository: 'library/postgres', tag: null, digest: DIGEST });
    expect(byImage.get(`ghcr.io/acme/web:2.0@${DIGEST}`)).toMatchObject({ registry: 'ghcr.io', repository: 'acme/web', tag: '2.0', digest: DIGEST });
    expect(byImage.get('registry.example.com:5000/tools/box:3')).toMatchObject({
      reference: 'Registry.Example.com:5000/tools/box:3', registry: 'registry.example.com:5000', repository: 'tools/box', tag: '3',
    });
  });

  test('names init, ephemeral and plain containers of every pod-bearing kind, items of a List included', async () => {
    const { out } = await images(['--format', 'json', 'dist'], appDir());
    const users = JSON.parse(out).images.flatMap((i: any) => i.usedBy.map((u: any) => `${u.kind} ${u.namespace ?? '-'}/${u.name} ${u.containerField} ${u.container} ${u.file}`));
    expect(users.sort()).toEqual([
      'CronJob shop/nightly containers job dist/app.k8s.yaml',
      'DaemonSet kube-system/agent containers agent dist/list.yaml',
      'Deployment shop/web containers proxy dist/app.k8s.yaml',
      'Deployment shop/web containers web dist/app.k8s.yaml',
      'Deployment shop/web initContainers migrate dist/app.k8s.yaml',
      'Job shop/once containers once dist/list.yaml',
      'Pod shop/debug containers main dist/app.k8s.yaml',
      'Pod shop/debug ephemeralContainers shell dist/app.k8s.yaml',
      'PodTemplate shop/tpl containers t dist/app.k8s.yaml',
      'Rollout shop/canary containers app dist/app.k8s.yaml',
      'StatefulSet data/db containers postgres dist/app.k8s.yaml',
    ]);
    const agent = JSON.parse(out).images.find((i: any) => i.image === 'quay.io/acme/agent:0.9');
    expect(agent.usedBy.map((u: any) => `${u.namespace}/${u.name}`)).toEqual(['kube-system/agent', 'shop/once']);
  });
});

describe('cdk8s-hardened images: bad input and output', () => {
  test('an unreadable file is named with its line (exit 2) and the images of the other files are still listed', async () => {
    const dir = appDir();
    fs.copyFileSync(path.join(__dirname, 'fixtures', 'bad', 'duplicate-key.yaml'), path.join(dir, 'dist', 'bad.yaml'));
    const { code, out, err } = await images(['dist', 'missing.yaml'], dir);
    expect(code).toBe(2);
    expect(out).toBe(EXPECTED_TEXT);
    expect(err).toContain('cdk8s-hardened images: error: dist/bad.yaml:5:3: refused: the key "name" appears twice in one mapping');
    expect(err).toContain('cdk8s-hardened images: error: missing.yaml: the path does not exist\n');
    expect(err).toContain('2 inputs could not be read; the images in them are not listed.');
  });

  test('a container without an image, or with white space in it, is named on standard error and left out', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pod.yaml'), [
      'apiVersion: v1', 'kind: Pod', 'metadata: { name: p, namespace: shop }', 'spec:', '  containers:',
      '    - name: a', '      image: busybox:1.36', '    - name: b', '    - name: c', '      image: "busybox 1.36"', '',
    ].join('\n'));
    const { code, out, err } = await images(['pod.yaml'], dir);
    expect(code).toBe(0);
    expect(out).toBe('busybox:1.36\n');
    expect(err).toBe('cdk8s-hardened images: warning: pod.yaml:8: Pod shop/p: container "b" has no image; it is not in the list.\n'
      + 'cdk8s-hardened images: warning: pod.yaml:10: Pod shop/p: container "c" has an image with white space or a control character in it ("busybox 1.36"), which no registry serves; it is not in the list.\n');
  });

  test('--output writes the list to the file, atomically, and nothing to standard output', async () => {
    const dir = appDir();
    const { code, out } = await images(['--format', 'json', '--output', 'images.json', 'dist'], dir);
    expect({ code, out }).toEqual({ code: 0, out: '' });
    const written = fs.readFileSync(path.join(dir, 'images.json'), 'utf8');
    expect(written.endsWith('}\n')).toBe(true);
    expect(JSON.parse(written).images).toHaveLength(7);
    expect(fs.readdirSync(dir).sort()).toEqual(['dist', 'images.json']);
  });

  test('a full disk gives one line naming the list and the file, exit 2, and leaves no partial file', async () => {
    const dir = appDir();
    const io = memoryIo(dir, fullDiskWriter(100));
    expect(await runCli(['images', '--output', 'images.txt', 'dist'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^cdk8s-hardened images: cannot write the image list to .*images\.txt: the disk is full/);
    expect(fs.readdirSync(dir)).toEqual(['dist']);
  });

  test('an unknown format is a usage error (exit 2)', async () => {
    const { code, err } = await images(['--format', 'sarif', 'dist'], appDir());
    expect(code).toBe(2);
    expect(err).toMatch(/option '--format <format>' argument 'sarif' is invalid\. Allowed choices are text, json/);
  });

  test('--help documents the formats, the JSON shape and the exit codes; the program help lists the command', async () => {
    const io = memoryIo(tempDir());
    expect(await runCli(['images', '--help'], io)).toBe(0);
    const help = io.out.join('');
    expect(help).toContain('Usage: cdk8s-hardened images [options] <paths...>');
    expect(help).toContain('while read -r img; do trivy image --exit-code 1 "$img"; done');
    for (const key of ['"version": 1', '"reference"', '"references"', '"image"', '"registry"', '"repository"', '"tag"', '"digest"', '"usedBy"', '"containerField"', '"constructPath"']) {
      expect(help).toContain(key);
    }
    expect(help).toMatch(/Exit codes:\n {2}0 {2}the list was written/);
    const top = memoryIo(tempDir());
    await runCli(['--help'], top);
    expect(top.out.join('')).toMatch(/\n {2}images \[options\] <paths\.\.\.>/);
  });
});

describe('the README', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Every image, for a vulnerability scanner: `images`'));

  test('shows the JSON shape the command prints', async () => {
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]);
    const { out } = await images(['--format', 'json', 'dist'], appDir());
    const real = JSON.parse(out);
    expect(Object.keys(example)).toEqual(Object.keys(real));
    expect(Object.keys(example.images[0])).toEqual(Object.keys(real.images[0]));
    expect(Object.keys(example.images[0].usedBy[0])).toEqual(Object.keys(real.images[0].usedBy[0]));
  });

  // The CI step's script, run as GitHub Actions runs it (bash -e), with the built command and a trivy that records
  // what it is asked to scan and finds a vulnerability in the images named in VULNERABLE.
  const built = fs.existsSync(BINARY);
  (built ? test : test.skip)('has a CI step whose loop scans every image once and fails on the first finding', () => {
    const ci = /```yaml\n([\s\S]*?)```/.exec(section)![1];
    expect(ci).toContain('run: npx cdk8s synth');
    const script = /run: \|\n((?: {4}.*\n)+)/.exec(ci)![1].replace(/^ {4}/gm, '');
    const dir = appDir();
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const stub = (name: string, body: string) => fs.writeFileSync(path.join(bin, name), `#!/usr/bin/env bash\n${body}\n`, { mode: 0o755 });
    stub('npx', `[ "$1" = cdk8s-hardened ] || exit 127\nshift\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BINARY)} "$@"`);
    stub('trivy', 'printf "%s\\n" "$*" >> scanned.log\nfor v in $VULNERABLE; do [ "${@: -1}" = "$v" ] && exit 1; done\nexit 0');
    const run = (vulnerable: string) => {
      fs.rmSync(path.join(dir, 'scanned.log'), { force: true });
      const result = spawnSync('bash', ['-e', '-c', script], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, VULNERABLE: vulnerable },
      });
      const scanned = fs.existsSync(path.join(dir, 'scanned.log')) ? fs.readFileSync(path.join(dir, 'scanned.log'), 'utf8') : '';
      return { status: result.status, images: scanned.split('\n').filter(l => l).map(l => l.split(' ').pop()) };
    };
    const all = EXPECTED_TEXT.split('\n').filter(l => l);
    expect(run('')).toEqual({ status: 0, images: all });
    expect(run('ghcr.io/acme/canary:1.0')).toEqual({ status: 1, images: all.slice(0, all.indexOf('ghcr.io/acme/canary:1.0') + 1) });
  });
});
