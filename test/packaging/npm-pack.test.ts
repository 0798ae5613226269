import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO_ROOT = path.join(__dirname, '..', '..');

/**
 * A copy of the repository as a fresh clone holds it: the files git knows (tracked, or new and not ignored), without
 * lib/, .jsii or any other build output; node_modules is linked, as `npm ci` would have installed it.
 */
function freshCopy(): string {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-pack-'));
  for (const file of listed.stdout.split('\0').filter(f => f !== '')) {
    const from = path.join(REPO_ROOT, file);
    if (!fs.existsSync(from)) continue; // deleted in the work tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, file));
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

describe('npm pack on a fresh clone', () => {
  test('compiles first (prepack), so the tarball holds lib/ with the CLI and the .jsii assembly, and no sources', () => {
    const dir = freshCopy();
    expect(fs.existsSync(path.join(dir, 'lib'))).toBe(false);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-pack-out-'));
    const packed = spawnSync('npm', ['pack', '--pack-destination', out, '--no-fund', '--no-audit'], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_ignore_scripts: 'false' } });
    expect(packed.stderr + packed.stdout).not.toMatch(/npm (ERR|error)/);
    expect(packed.status).toBe(0);
    const tarballs = fs.readdirSync(out).filter(f => f.endsWith('.tgz'));
    expect(tarballs).toHaveLength(1);
    const listing = spawnSync('tar', ['-tzf', path.join(out, tarballs[0])], { encoding: 'utf8' });
    expect(listing.status).toBe(0);
    const files = listing.stdout.split('\n').filter(f => f !== '').map(f => f.replace(/^package\//, ''));
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', '.jsii', 'lib/index.js', 'lib/index.d.ts', 'lib/cli/main.js', 'lib/cli/run-command.bundle.js', 'lib/plugin/index.js']));
    expect(files.filter(f => /^(src|test|examples)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    const main = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).bin['cdk8s-hardened'];
    expect(files).toContain(main);
  }, 240_000);
});
