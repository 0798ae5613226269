import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeCorpus } from '../../bench/corpus';
import { InputError } from '../../src/cli/input-error';
import { decodeManifests } from '../../src/decode';

// The lines recorded while composing must be the lines the slow path finds by re-reading the document with go-yaml's
// parser and walking its nodes (merge keys and aliases included): every field of every object, and a missing child
// of each (which resolves to its closest ancestor).

/** Every field path of a value, in the syntax rules write (`a.b[0]["x.y"]`), with a missing child of each mapping. */
function pathsOf(value: unknown, prefix = '', out: string[] = [], depth = 0): string[] {
  if (depth > 40) return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const p = `${prefix}[${i}]`;
      out.push(p);
      pathsOf(item, p, out, depth + 1);
    });
    out.push(`${prefix}[${value.length}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const p = /^[A-Za-z0-9_/-]+$/.test(key) ? (prefix ? `${prefix}.${key}` : key) : `${prefix}["${key}"]`;
      out.push(p);
      // Keys with dots are also written unquoted by rules (`metadata.annotations.example.com/x`).
      if (/^[A-Za-z0-9_./-]+$/.test(key) && key.includes('.')) out.push(prefix ? `${prefix}.${key}` : key);
      pathsOf((value as any)[key], p, out, depth + 1);
    }
    out.push(prefix ? `${prefix}.notAField` : 'notAField');
  }
  return out;
}

function compareLocators(text: string, file: string): number {
  let recorded;
  let reread;
  try {
    recorded = decodeManifests(text, file);
    reread = decodeManifests(text, file, { fieldLines: false });
  } catch (e) {
    if (e instanceof InputError) return 0;
    throw e;
  }
  let compared = 0;
  recorded.objects.forEach((object, i) => {
    const slow = reread.objects[i];
    for (const p of pathsOf(object.value)) {
      const fast = object.locator?.lineOf(p);
      const expected = slow.locator?.lineOf(p);
      if (fast !== expected) throw new Error(`${file}: object ${i}, ${p}: recorded line ${fast}, re-read line ${expected}\n${text}`);
      compared++;
    }
  });
  return compared;
}

describe('lines recorded while composing', () => {
  test('agree with re-reading the document, on every case of the decoder differential corpus', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const corpus = require('./fixtures/oracle-corpus.json') as { cases: Array<{ id: string; text: string }> };
    let compared = 0;
    for (const c of corpus.cases) compared += compareLocators(c.text, c.id);
    expect(compared).toBeGreaterThan(5_000);
  });

  test('agree with re-reading the document, on realistic manifests (the bench corpus: Helm releases, lists, CRDs)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locator-corpus-'));
    try {
      writeCorpus(dir, 400, 5);
      let compared = 0;
      const walk = (d: string) => {
        for (const name of fs.readdirSync(d).sort()) {
          const p = path.join(d, name);
          if (fs.statSync(p).isDirectory()) walk(p);
          else compared += compareLocators(fs.readFileSync(p, 'utf-8'), p);
        }
      };
      walk(dir);
      expect(compared).toBeGreaterThan(10_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('find merged keys where the merged mapping wrote them, and aliased values where the anchor did', () => {
    const text = [
      'apiVersion: v1', //              1
      'kind: Pod', //                   2
      'metadata:', //                   3
      '  name: p', //                   4
      'x: &ctx', //                     5
      '  runAsUser: 0', //              6
      '  privileged: true', //          7
      'spec:', //                       8
      '  containers:', //               9
      '  - name: c', //                10
      '    securityContext:', //       11
      '      <<: *ctx', //             12
      '      readOnlyRootFilesystem: true', // 13
      '  securityContext: *ctx', //    14
    ].join('\n');
    const [object] = decodeManifests(text, 'x.yaml').objects;
    const line = (p: string) => object.locator!.lineOf(p);
    expect(line('spec.containers[0].securityContext.runAsUser')).toBe(6);
    expect(line('spec.containers[0].securityContext.readOnlyRootFilesystem')).toBe(13);
    expect(line('spec.securityContext.privileged')).toBe(7);
    expect(line('spec.containers[0].securityContext.capabilities')).toBe(11);
    expect(line('spec.containers[1]')).toBe(9);
  });
});
