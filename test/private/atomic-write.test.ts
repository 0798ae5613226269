import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NODE_WRITER, WriteFailure, writeFileAtomic } from '../../src/private/atomic-write';
import { fullDiskWriter } from '../helpers/full-disk';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-write-'));
}

describe('writeFileAtomic', () => {
  test('writes the whole content and leaves no temporary file', () => {
    const dir = tempDir();
    writeFileAtomic(path.join(dir, 'report.json'), '{"a": 1}\n', 'the report');
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
    expect(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('{"a": 1}\n');
  });

  test('a full disk gives one line with what, where and how much, keeps the old file and leaves no partial file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'previous report\n');
    const content = 'x'.repeat(5000);
    let failure: unknown;
    try {
      writeFileAtomic(file, content, 'the report', fullDiskWriter(1200));
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(WriteFailure);
    const message = (failure as WriteFailure).message;
    expect(message).toBe(`cannot write the report to ${file}: the disk is full (4.9 KiB needed, 1.2 KiB written before it filled); free space and run again, nothing was left half-written`);
    expect(message).not.toContain('\n');
    expect(fs.readdirSync(dir)).toEqual(['report.json']);
    expect(fs.readFileSync(file, 'utf8')).toBe('previous report\n');
  });

  test('a missing folder is named', () => {
    const file = path.join(tempDir(), 'no', 'such', 'report.txt');
    expect(() => writeFileAtomic(file, 'x', 'the report')).toThrow(`cannot write the report to ${file}: the folder ${path.dirname(file)} does not exist`);
  });

  test('a device or FIFO (--output /dev/null, /dev/stdout) is written in place, never renamed over', () => {
    const dir = tempDir();
    const device = path.join(dir, 'device');
    fs.writeFileSync(device, '');
    const renames: string[] = [];
    writeFileAtomic(device, 'report\n', 'the report', {
      ...NODE_WRITER,
      kindOf: () => 'other',
      renameSync: (from, to) => { renames.push(`${from} -> ${to}`); },
    });
    expect(renames).toEqual([]);
    expect(fs.readFileSync(device, 'utf8')).toBe('report\n');
    expect(fs.readdirSync(dir)).toEqual(['device']);
  });

  test('a symbolic link stays a link, and the file it points to gets the content', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'real.json'), 'old\n');
    fs.symlinkSync('real.json', path.join(dir, 'link.json'));
    writeFileAtomic(path.join(dir, 'link.json'), 'new\n', 'the report');
    expect(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real.json'), 'utf8')).toBe('new\n');
  });
});
