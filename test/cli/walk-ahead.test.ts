import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, MessagePort } from 'worker_threads';
import { runCli } from '../../src/cli/cli';
import { collectFiles, expandPath } from '../../src/cli/collect-files';
import { SCAN_OPTIONS_WITH_VALUE, scanPathsOf, walkAhead, WalkedAhead } from '../../src/cli/walk-ahead';

describe('scanPathsOf: the paths of a scan command line', () => {
  test.each([
    [['manifests/'], ['manifests/']],
    [['--format', 'json', 'a', '--fail-on', 'never', 'b'], ['a', 'b']],
    [['--packs', 'pss-restricted', '--output', 'out', '--external', 'Secret/a/b', 'a'], ['a']],
    [['--kubernetes-version', '1.30', '--fail-on-skipped', '--no-manifest-suppressions', 'a'], ['a']],
    [['--format=json', 'a', '-', 'b'], ['a', 'b']],
    [['a', '--', '--format', '-', 'b'], ['a', '--format', 'b']],
    [['--help'], []],
  ])('%j', (args, paths) => {
    expect(scanPathsOf(args)).toEqual(paths);
  });

  test('knows every scan option that takes a value, as the command defines them', async () => {
    let help = '';
    await runCli(['scan', '--help'], { stdout: t => { help += t; }, stderr: t => { help += t; }, cwd: process.cwd(), readStdin: async () => new Uint8Array() });
    const withValue = [...help.matchAll(/^\s+(--[a-z-]+) <[^>]+>/gm)].map(m => m[1]);
    expect(withValue.sort()).toEqual([...SCAN_OPTIONS_WITH_VALUE].sort());
  });
});

describe('walking ahead: paths expanded by another thread', () => {
  let dir: string;
  let port: MessagePort;
  let other: MessagePort;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'walk-ahead-'));
    fs.mkdirSync(path.join(dir, 'b', 'c'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'b', 'c', 'pod.yaml'), 'kind: Pod\n');
    fs.writeFileSync(path.join(dir, 'a.yml'), 'kind: Pod\n');
    fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'again'));
    const channel = new MessageChannel();
    [port, other] = [channel.port1, channel.port2];
  });
  afterEach(() => {
    port.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const walked = (args: string[]) => {
    const state = new SharedArrayBuffer(4);
    walkAhead({ args: ['scan', ...args], cwd: dir, state, port: other });
    return new WalkedAhead(state, port);
  };

  test('gives the command the same files and errors as its own walk, each path once', () => {
    const paths = ['.', 'b', 'missing', 'a.yml'];
    const ahead = walked(['--format', 'json', ...paths]);
    expect(collectFiles(paths, dir, ahead)).toEqual(collectFiles(paths, dir));
    // Taken once: a second scan in the process walks again.
    expect(ahead.take('.', dir)).toBeUndefined();
  });

  test('is used only for the very path and directory it was made for', () => {
    const ahead = walked(['b']);
    expect(ahead.take('b', path.join(dir, 'b'))).toBeUndefined();
    expect(ahead.take('./b', dir)).toBeUndefined();
    expect(ahead.take('b', dir)).toEqual(expandPath('b', dir));
  });

  test('leaves the command to walk when the walk failed', () => {
    const state = new SharedArrayBuffer(4);
    walkAhead({ args: ['scan', 'b'], cwd: dir, state, port: other }, () => { throw new Error('cannot post'); });
    const ahead = new WalkedAhead(state, port);
    expect(ahead.take('b', dir)).toBeUndefined();
    expect(collectFiles(['b'], dir, ahead)).toEqual(collectFiles(['b'], dir));
  });

  test('leaves the command to walk, after a second, when the helper never started', () => {
    const ahead = new WalkedAhead(new SharedArrayBuffer(4), port);
    const start = Date.now();
    expect(ahead.take('b', dir)).toBeUndefined();
    expect(Date.now() - start).toBeGreaterThanOrEqual(900);
    expect(collectFiles(['b'], dir, ahead)).toEqual(collectFiles(['b'], dir));
  });
});
