import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BINARY, REPO_ROOT } from './golden-cases';
import { COMMAND_BUNDLE, COMMAND_MODULE, commandEntry } from '../../src/cli/command-entry';

describe('commandEntry', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'command-entry-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, secondsAgo: number) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '');
    const when = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(file, when, when);
  };

  test('runs the bundle when it is at least as new as the modules', () => {
    write(COMMAND_MODULE, 60);
    write('cli.js', 60);
    write(COMMAND_BUNDLE, 10);
    expect(commandEntry(dir)).toBe(path.join(dir, COMMAND_BUNDLE));
  });

  test('runs the modules when a later build compiled them without bundling them', () => {
    write(COMMAND_BUNDLE, 60);
    write(COMMAND_MODULE, 60);
    write('cli.js', 10);
    expect(commandEntry(dir)).toBe(path.join(dir, COMMAND_MODULE));
  });

  test('runs the modules when there is no bundle', () => {
    write(COMMAND_MODULE, 60);
    write('cli.js', 60);
    expect(commandEntry(dir)).toBe(path.join(dir, COMMAND_MODULE));
  });
});

// After `npx projen compile`, the binary runs the bundle, and the bundle is the same command as the modules.
const built = fs.existsSync(BINARY) && path.basename(BINARY) === 'main.js';
if (!built && process.env.CI && process.env.CI !== 'false') throw new Error(`${BINARY} is not the compiled lib/cli/main.js: compile first (npx projen compile)`);
(built ? describe : describe.skip)('the compiled command line', () => {
  const dir = path.dirname(BINARY);

  test('is bundled by the compile task, and the binary runs the bundle', () => {
    expect(commandEntry(dir)).toBe(path.join(dir, COMMAND_BUNDLE));
  });

  test('reports the same from the bundle as from the modules', () => {
    const run = (entry: string, args: string[]) => spawnSync(process.execPath, [path.join(dir, entry), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
    for (const args of [['scan', '--format', 'json', 'test/cli/fixtures/corpus'], ['images', 'test/cli/fixtures/corpus'], ['policies', '--packs', 'pss-restricted'], ['scan', '--packs', 'nope', '.']]) {
      const bundled = run(COMMAND_BUNDLE, args);
      const modules = run(COMMAND_MODULE, args);
      expect({ args, status: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr })
        .toEqual({ args, status: modules.status, stdout: modules.stdout, stderr: modules.stderr });
    }
  });
});
