import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
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
