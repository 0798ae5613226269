/**
 * The port against go.yaml.in/yaml/v2 v2.4.4 itself: each fixture case was decoded into interface{} by a small
 * Go program (see fixtures/generate-inputs.ts); here the same input goes through the TypeScript port and a
 * decoder written like decode.go's (go-value.ts), and both results must be the same.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { decodeLikeGo } from './go-value';

interface OracleCase {
  readonly in: string;
  readonly out?: string;
  readonly err?: string;
}

function load(name: string): OracleCase[] {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf-8')) as OracleCase[];
}

/** go-yaml prints the offending key with %#v (Go syntax); only the message's start is compared for it. */
function sameError(go: string, ts: string | undefined): boolean {
  if (go.startsWith('yaml: invalid map key:')) return ts?.startsWith('yaml: invalid map key:') ?? false;
  return go === ts;
}

function mismatches(cases: OracleCase[]): string[] {
  const bad: string[] = [];
  for (const c of cases) {
    const r = decodeLikeGo(c.in);
    const ok = c.err !== undefined ? r.err !== undefined && sameError(c.err, r.err) : r.out === c.out;
    if (!ok) bad.push(`${JSON.stringify(c.in)}\n  go-yaml: ${c.err ?? c.out}\n  port:    ${r.err ?? r.out}`);
  }
  return bad;
}

describe.each([
  ['resolve.json', 'scalar spellings, tags and quoting', 900],
  ['syntax.json', 'documents built from fragments, structures, errors, reader chunk boundaries', 1400],
  ['fuzz.json', 'random strings of YAML indicators and of line-sized pieces', 6500],
])('go-yaml oracle %s: %s', (file, _what, atLeast) => {
  const cases = load(file);

  it('holds the generated cases, both values and errors', () => {
    expect(cases.length).toBeGreaterThanOrEqual(atLeast);
    expect(cases.filter((c) => c.err !== undefined).length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.out !== undefined).length).toBeGreaterThan(500);
  });

  it('decodes every case to what go-yaml decodes, or fails with go-yaml\'s error', () => {
    expect(mismatches(cases)).toEqual([]);
  });
});
