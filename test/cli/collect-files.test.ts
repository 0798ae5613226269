import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { collectFiles } from '../../src/cli/collect-files';
import { readFileBytes } from '../../src/cli/read-bytes';

describe('collectFiles: the files a directory walk reads', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collect-'));
    fs.mkdirSync(path.join(dir, 'b', 'c'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'b', 'c', 'pod.yaml'), 'kind: Pod\n');
    fs.writeFileSync(path.join(dir, 'a.yml'), 'kind: Pod\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a manifest\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('reads folders recursively in sorted order, keeping .yaml, .yml and .json files', () => {
    expect(collectFiles(['.'], dir).files.map(f => f.display)).toEqual(['a.yml', 'b/c/pod.yaml']);
  });

  test('follows a link to a file, skips a dangling link, and ends a link loop', () => {
    fs.symlinkSync(path.join(dir, 'a.yml'), path.join(dir, 'link.yaml'));
    fs.symlinkSync(path.join(dir, 'missing.yaml'), path.join(dir, 'dangling.yaml'));
    fs.symlinkSync(dir, path.join(dir, 'b', 'c', 'loop'));
    const collected = collectFiles(['.'], dir);
    expect(collected.files.map(f => f.display)).toEqual(['a.yml', 'b/c/pod.yaml', 'link.yaml']);
    expect(collected.errors).toEqual([]);
  });
});

describe('readFileBytes: a whole file in one buffer', () => {
  test('reads empty, small and larger-than-a-chunk files byte for byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-'));
    try {
      for (const size of [0, 1, 4095, 4096, 3 * 1024 * 1024 + 7]) {
        const file = path.join(dir, `f${size}.yaml`);
        const content = Buffer.alloc(size, 'k');
        fs.writeFileSync(file, content);
        expect(Buffer.compare(Buffer.from(readFileBytes(file, file, 64 * 1024 * 1024)), content)).toBe(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
