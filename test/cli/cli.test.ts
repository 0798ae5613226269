import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/cli';
import { PSA_NEWEST_MINOR } from '../../src/rules/pss/private/versions';
import { fullDiskWriter } from '../helpers/full-disk';
import { memoryIo } from '../helpers/memory-io';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));
}


const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata: { name: p, namespace: shop }
spec:
  containers:
    - name: main
      image: busybox:1.36
      securityContext: { privileged: true }
`;

describe('scan: special files named on the command line', () => {
  const mkfifo = spawnSync('mkfifo', ['--version']).status === 0;
  (mkfifo ? test : test.skip)('a FIFO is refused at once (exit 2, the file and why), not read forever', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pod.yaml'), PRIVILEGED_POD);
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]).status).toBe(0);
    const io = memoryIo(dir);
    const started = Date.now();
    const code = await runCli(['scan', 'pipe.yaml', 'pod.yaml'], io);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(code).toBe(2);
    expect(io.err.join('')).toContain('pipe.yaml: the path is a FIFO (named pipe), not a regular file');
    // The regular file beside it is still checked.
    expect(io.out.join('')).toContain('pss-privileged');
  });

  test('a character device is refused like a FIFO', async () => {
    const io = memoryIo(tempDir());
    expect(await runCli(['scan', '/dev/null'], io)).toBe(2);
    expect(io.err.join('')).toContain('/dev/null: the path is a character device, not a regular file');
  });
});

describe('scan --output', () => {
  test('writes the report to the file and nothing to standard output', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pod.yaml'), PRIVILEGED_POD);
    const io = memoryIo(dir);
    expect(await runCli(['scan', '--format', 'json', '--output', 'report.json', 'pod.yaml'], io)).toBe(1);
    expect(io.out).toEqual([]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.errors).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['pod.yaml', 'report.json']);
  });

  test('a full disk gives one line (what, where, how much), exit 2, and no truncated report', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pod.yaml'), PRIVILEGED_POD);
    const io = memoryIo(dir, fullDiskWriter(100));
    expect(await runCli(['scan', '--format', 'sarif', '--output', 'report.sarif', 'pod.yaml'], io)).toBe(2);
    const stderr = io.err.join('');
    expect(stderr).toMatch(new RegExp(`^cdk8s-hardened scan: cannot write the report to ${path.join(dir, 'report.sarif').replace(/[.\\/]/g, '\\$&')}: the disk is full \\(\\d+\\.\\d KiB needed, 100 bytes written before it filled\\)`));
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual(['pod.yaml']);
  });
});

describe('scan --kubernetes-version', () => {
  test('a version newer than the packs know is refused (exit 2) with the value, the known range and the fix', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pod.yaml'), PRIVILEGED_POD);
    const io = memoryIo(dir);
    expect(await runCli(['scan', '--kubernetes-version', '1.99', 'pod.yaml'], io)).toBe(2);
    expect(io.err.join('')).toBe(`cdk8s-hardened scan: --kubernetes-version "1.99" is newer than the rule packs know: they know 1.0 to 1.${PSA_NEWEST_MINOR}. `
      + `Give a version in that range; for a newer cluster give 1.${PSA_NEWEST_MINOR}, or leave the version out (it defaults to 1.${PSA_NEWEST_MINOR}).\n`);
    expect(io.out).toEqual([]);
  });

  test('the newest version the packs know is accepted', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pod.yaml'), PRIVILEGED_POD);
    const io = memoryIo(dir);
    expect(await runCli(['scan', '--kubernetes-version', `1.${PSA_NEWEST_MINOR}`, 'pod.yaml'], io)).toBe(1);
    expect(io.out.join('')).toContain('pss-privileged');
  });
});

describe('scan --help', () => {
  test('lists the exit codes, and each is what the scan returns in that case', async () => {
    const help = memoryIo(tempDir());
    expect(await runCli(['scan', '--help'], help)).toBe(0);
    const text = help.out.join('');
    expect(text).toContain('Exit codes:');
    expect(text).toMatch(/^ {2}0 {2}no unsuppressed finding at or above --fail-on/m);
    expect(text).toMatch(/^ {2}1 {2}an unsuppressed finding at or above --fail-on \(error by default\), or, with --fail-on-skipped, an object\n {5}passed over unchecked/m);
    expect(text).toMatch(/^ {2}2 {2}an input could not be read .*, bad usage/m);

    // The codes the help promises, checked against the scan itself.
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pod.yaml'), PRIVILEGED_POD);
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'a: [\n');
    fs.writeFileSync(path.join(dir, 'widget.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\n');
    expect(await runCli(['scan', 'pod.yaml'], memoryIo(dir))).toBe(1);
    expect(await runCli(['scan', '--fail-on', 'never', 'pod.yaml'], memoryIo(dir))).toBe(0);
    expect(await runCli(['scan', 'widget.yaml'], memoryIo(dir))).toBe(0);
    expect(await runCli(['scan', '--fail-on-skipped', 'widget.yaml'], memoryIo(dir))).toBe(1);
    expect(await runCli(['scan', 'pod.yaml', 'bad.yaml'], memoryIo(dir))).toBe(2);
    expect(await runCli(['scan', '--fail-on', 'sometimes', 'pod.yaml'], memoryIo(dir))).toBe(2);
  });
});
