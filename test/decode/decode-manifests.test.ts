import { InputError } from '../../src/cli/input-error';
import { decodeManifests } from '../../src/decode/decode-manifests';

const values = (text: string) => decodeManifests(text, 'm.yaml').objects.map(o => o.value);
const refusal = (text: string): { line?: number; column?: number; message: string } => {
  try {
    decodeManifests(text, 'm.yaml');
  } catch (e) {
    if (e instanceof InputError) return e.problem;
    throw e;
  }
  throw new Error(`expected the input to be refused:\n${text}`);
};
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

describe('decodeManifests: scalars resolve as go-yaml v2 resolves them for kubectl', () => {
  test.each([
    ['0o17620', 8080], ['0O17620', 8080], ['0X1F90', 8080], ['0x1f90', 8080], ['0B1010000', 80], ['0b1010000', 80],
    ['-0b1', -1], ['0X0', 0], ['0o0', 0], ['017620', 8080], ['8_080', 8080], ['+8080', 8080], ['8080.0', 8080],
    ['8.08e3', 8080], ['0e0', 0], ['-0', 0],
  ])('hostPort: %s is the integer %d', (spelling, expected) => {
    const [object] = values(pod(`  containers:\n  - name: c\n    ports:\n    - hostPort: ${spelling}\n`));
    expect(object.spec.containers[0].ports[0].hostPort).toBe(expected);
  });

  test.each([
    ['yes', true], ['Yes', true], ['YES', true], ['y', true], ['Y', true], ['on', true], ['ON', true], ['True', true],
    ['no', false], ['n', false], ['off', false], ['FALSE', false],
  ])('privileged: %s is %s', (spelling, expected) => {
    const [object] = values(pod(`  containers:\n  - name: c\n    securityContext:\n      privileged: ${spelling}\n`));
    expect(object.spec.containers[0].securityContext.privileged).toBe(expected);
  });

  test.each(['~', 'null', 'Null', 'NULL', ''])('%j is null', spelling => {
    const [object] = values(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nx: ${spelling}\n`);
    expect(object.x).toBeNull();
  });

  test('quoted and block scalars stay strings; timestamps and YAML 1.2 spellings go-yaml does not know stay strings', () => {
    const [object] = values('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "0o17"\n  b: \'yes\'\n  c: |\n    0x10\n  d: 2027-03-31\n  e: 0o\n  f: 1_000_\n');
    expect(object.data).toEqual({ a: '0o17', b: 'yes', c: '0x10\n', d: '2027-03-31', e: '0o', f: 1000 });
  });

  test('keys become JSON keys as sigs.k8s.io/yaml makes them: on is "true", 0x10 is "16"', () => {
    const [object] = values('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  on: a\n  0x10: b\n');
    expect(object.data).toEqual({ true: 'a', 16: 'b' });
  });
});

describe('decodeManifests: merge keys and aliases', () => {
  test('refuses a merge key after an explicit key: kubectl lets the merge win, other readers the explicit key', () => {
    const problem = refusal(pod('  securityContext:\n    privileged: false\n    <<: {privileged: true, allowPrivilegeEscalation: true}\n'));
    expect(problem.line).toBe(8);
    expect(problem.message).toMatch(/merge key "<<" on line 8 sets "privileged", which the same mapping sets explicitly on line 7.*set "privileged" once, without the merge/);
  });

  test('an explicit key after a merge key wins, for every reader', () => {
    const [object] = values(`defaults: &d {privileged: true, runAsUser: 0}\n${pod('  securityContext:\n    <<: *d\n    privileged: false\n')}`);
    expect(object.spec.securityContext).toEqual({ privileged: false, runAsUser: 0 });
  });

  test('in a sequence of merged mappings the earlier one wins', () => {
    const [object] = values(`a: &a {x: 1}\nb: &b {x: 2, z: 3}\n${pod('  securityContext:\n    <<: [*a, *b]\n')}`);
    expect(object.spec.securityContext).toEqual({ x: 1, z: 3 });
  });

  test('refuses two merge keys that set one key to different values', () => {
    expect(refusal(`a: &a {x: 1}\nb: &b {x: 2}\n${pod('  securityContext:\n    <<: *a\n    <<: *b\n')}`).message).toMatch(/two merge keys "<<" of one mapping set "x"/);
  });

  test('refuses a merge of something that is not a mapping, as go-yaml does', () => {
    expect(refusal(pod('  securityContext:\n    <<: 5\n')).message).toMatch(/map merge requires map or sequence of maps/);
  });

  test('an unknown alias is named as such, not as an alias bomb', () => {
    expect(refusal(pod('  securityContext: *nosuchanchor\n')).message).toMatch(/unknown anchor 'nosuchanchor' referenced/);
  });

  test('refuses an alias bomb without expanding it', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    expect(refusal(`apiVersion: v1\nkind: ConfigMap\n${lines.join('\n')}\n`).message).toMatch(/excessive aliasing/);
  });

  test('refuses an anchor that contains itself', () => {
    expect(refusal('apiVersion: v1\nkind: ConfigMap\nx: &a [*a]\n').message).toMatch(/anchor 'a' value contains itself/);
  });
});

describe('decodeManifests: input YAML readers disagree on is refused, with the line and the plain way to write it', () => {
  test.each([
    ['duplicate keys', pod('  hostPID: false\n  hostPID: true\n'), /"hostPID" appears twice in one mapping \(lines 6 and 7\)/],
    ['two keys that become one JSON key', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  1: a\n  "1": b\n', /become the JSON key "1"/],
    ['an explicit tag', pod('  hostPID: !!bool "true"\n'), /explicit tag tag:yaml.org,2002:bool/],
    ['a custom tag', pod('  hostPID: !x true\n'), /explicit tag !x/],
    ['.inf', pod('  x: .inf\n'), /not a number JSON can carry/],
    ['an integer beyond 2^53', pod('  x: 9007199254740993\n'), /beyond 2\^53/],
    ['a null key', 'apiVersion: v1\nkind: ConfigMap\n~: a\n', /null mapping key/],
    ['a float key', 'apiVersion: v1\nkind: ConfigMap\n1.5: a\n', /floating-point number/],
    ['a separator followed by content', 'a: 1\n--- b: 2\n', /invalid Yaml document separator/],
    ['a separator glued to content', 'a: 1\n---b\n', /invalid Yaml document separator/],
    ['content after a document end marker', `${pod('  hostPID: false\n')}...\nspec: {hostPID: true}\n`, /silently drops the rest/],
    ['a lone carriage return', 'a: 1\rb: 2\n', /carriage return that does not end a line/],
    ['a JSON object followed by YAML', '{"apiVersion": "v1", "kind": "Pod"}\nkind: Pod\n', /write the whole file as JSON or as YAML/],
    ['a JSON key given twice', '{"apiVersion": "v1", "kind": "Pod", "kind": "Pod"}', /appears twice/],
    ['a kind without apiVersion (kubectl picks the server\'s preferred version)', 'kind: Pod\nmetadata: {name: p}\nspec: {hostPID: true}\n', /kind "Pod" without apiVersion.*write its apiVersion/],
  ])('%s', (_name, text, message) => {
    expect(refusal(text).message).toMatch(message);
  });

  test('%YAML 1.2 is refused as go-yaml v2 refuses it, %YAML 1.1 is read', () => {
    expect(refusal(`%YAML 1.2\n---\n${pod('  hostPID: true\n')}`).message).toMatch(/malformed YAML/);
    expect(refusal(`%YAML 1.2\n${pod('  hostPID: true\n')}`).message).toMatch(/incompatible YAML document/);
  });
});

describe('decodeManifests: documents and lists as kubectl splits and flattens them', () => {
  test('a line with only --- and a comment separates documents; CRLF line ends are read like LF', () => {
    const text = `${pod('  hostPID: true\n')}--- # next\r\n${pod('  hostIPC: true\n').replace(/\n/g, '\r\n')}`;
    const decoded = decodeManifests(text, 'm.yaml').objects;
    expect(decoded.map(o => o.value.spec)).toEqual([{ hostPID: true }, { hostIPC: true }]);
    expect(decoded.map(o => [o.documentIndex, o.line])).toEqual([[0, 1], [1, 8]]);
  });

  test('any object with an items array is a list: a ConfigMap carrying a Pod is applied as that Pod', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: harmless}\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec: {hostPID: true}\n';
    const [object, ...rest] = decodeManifests(text, 'm.yaml').objects;
    expect(rest).toEqual([]);
    expect(object.value).toMatchObject({ kind: 'Pod', spec: { hostPID: true } });
    expect(object.line).toBe(5);
    expect(object.locator!.lineOf('spec.hostPID')).toBe(8);
  });

  test('typed list items get the list apiVersion and its kind without List; null items are bare items', () => {
    const text = ['apiVersion: v1', 'kind: PodList', 'items:', '- metadata: {name: a}', '  spec: {hostPID: true}', '- null', ''].join('\n');
    expect(values(text)).toEqual([
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { hostPID: true } },
      { apiVersion: 'v1', kind: 'Pod' },
    ]);
  });

  test('kubectl refuses a list that holds a list, and a list item without apiVersion while applying the others', () => {
    const nested = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items: []\n- {apiVersion: v1, kind: Pod}\n';
    expect(decodeManifests(nested, 'm.yaml')).toMatchObject({ objects: [], refused: [{ reason: expect.stringMatching(/is itself a list/) }] });
    const partial = decodeManifests('apiVersion: v1\nkind: List\nitems:\n- {kind: Pod, metadata: {name: a}}\n- {apiVersion: v1, kind: Pod, metadata: {name: b}}\n', 'm.yaml');
    expect(partial.objects.map(o => o.value.metadata.name)).toEqual(['b']);
    expect(partial.refused).toMatchObject([{ reason: expect.stringMatching(/items\[0\]: it has no apiVersion/) }]);
  });

  test('metadata that does not decode into ObjectMeta makes kubectl refuse the document', () => {
    expect(decodeManifests('apiVersion: v1\nkind: Pod\nmetadata: {name: 1000}\n', 'm.yaml').refused).toMatchObject([{ reason: expect.stringMatching(/metadata.name is number 1000, not string/) }]);
    expect(decodeManifests('apiVersion: v1\nkind: Pod\nmetadata: {labels: {a: 1}}\n', 'm.yaml').refused).toHaveLength(1);
  });

  test('an object with items: null is an empty list, and one with items that are not mappings is refused', () => {
    expect(decodeManifests('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nitems: null\n', 'm.yaml')).toEqual({ objects: [], refused: [] });
    expect(decodeManifests('apiVersion: v1\nkind: List\nitems: [5]\n', 'm.yaml').refused).toMatchObject([{ documentIndex: 0, reason: expect.stringMatching(/item items\[0\] is a number/) }]);
  });

  test('documents kubectl refuses (no kind, not a mapping) are reported as refused, not as objects', () => {
    const decoded = decodeManifests('replicaCount: 3\n---\n- a\n---\n~\n---\n# only a comment\n', 'values.yaml');
    expect(decoded.objects).toEqual([]);
    expect(decoded.refused.map(r => [r.documentIndex, r.line])).toEqual([[0, 1], [1, 3]]);
  });

  test('a JSON stream is read as kubectl reads it; a flow mapping that is not JSON is YAML', () => {
    expect(values('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b"},"spec":{"x":1.0}}'))
      .toEqual([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, spec: { x: 1 } }]);
    expect(values('{apiVersion: v1, kind: Pod, spec: {hostPID: yes}}')).toEqual([{ apiVersion: 'v1', kind: 'Pod', spec: { hostPID: true } }]);
  });

  test('a key named __proto__ is an ordinary key', () => {
    const [object] = values('apiVersion: v1\nkind: ConfigMap\ndata:\n  __proto__: {polluted: true}\n');
    expect(Object.getPrototypeOf(object.data)).toBe(Object.prototype);
    expect(object.data.__proto__).toEqual({ polluted: true });
    expect(({} as any).polluted).toBeUndefined();
  });
});
