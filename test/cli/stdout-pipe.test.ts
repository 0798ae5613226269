import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BINARY, REPO_ROOT } from './golden-cases';

// These tests run the built binary (lib/cli/main.js) with its standard output on a pipe, as `scan | jq` does.
const built = fs.existsSync(BINARY);
if (!built && process.env.CI && process.env.CI !== 'false') throw new Error(`${BINARY} does not exist: compile first (npx projen compile)`);
const describeBuilt = built ? describe : describe.skip;
const CORPUS = 'test/cli/fixtures/corpus';

describeBuilt('scan writing its report to a pipe', () => {
  test('the piped report is byte for byte the one --output writes', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-')), 'report.json');
    const piped = spawnSync(process.execPath, [BINARY, 'scan', '--format', 'json', '--fail-on', 'never', CORPUS], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const written = spawnSync(process.execPath, [BINARY, 'scan', '--format', 'json', '--fail-on', 'never', '--output', out, CORPUS], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect([piped.status, written.status]).toEqual([0, 0]);
    expect(piped.stdout.length).toBeGreaterThan(100_000);
    expect(piped.stdout).toEqual(fs.readFileSync(out, 'utf8'));
  });

  test('a reader that stops early (| head) ends the output quietly, with the scan\'s own exit code', async () => {
    const child = spawn(process.execPath, [BINARY, 'scan', '--format', 'json', '--fail-on', 'never', CORPUS], { cwd: REPO_ROOT });
    let stderr = '';
    child.stderr.on('data', d => { stderr += d; });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  test('standard error follows the whole report when both go to one place (2>&1): the relayed output is written first', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pipe-')), 'both.txt');
    const fd = fs.openSync(file, 'w');
    try {
      const result = spawnSync(process.execPath, [BINARY, 'scan', '--format', 'json', '--fail-on', 'never', CORPUS, 'test/cli/fixtures/bad/malformed.yaml'], { cwd: REPO_ROOT, stdio: ['ignore', fd, fd] });
      expect(result.status).toBe(2);
    } finally {
      fs.closeSync(fd);
    }
    const both = fs.readFileSync(file, 'utf8');
    const end = both.indexOf('\n}\n') + 3;
    expect(end).toBeGreaterThan(100_000);
    expect(JSON.parse(both.slice(0, end)).summary.objects).toBeGreaterThan(0);
    expect(both.slice(end)).toMatch(/^cdk8s-hardened scan: error: test\/cli\/fixtures\/bad\/malformed\.yaml/);
  });

  const full = fs.existsSync('/dev/full') ? test : test.skip;
  full('a report that cannot be written ends the scan with exit code 2 and the system\'s reason', () => {
    const fd = fs.openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [BINARY, 'scan', '--format', 'json', '--fail-on', 'never', CORPUS], { cwd: REPO_ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(result.stderr).toBe('cdk8s-hardened scan: ENOSPC: no space left on device, write\n');
      expect(result.status).toBe(2);
    } finally {
      fs.closeSync(fd);
    }
  });
});
