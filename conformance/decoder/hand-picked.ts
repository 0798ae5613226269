/**
 * Hand-picked inputs for the differential test: each is a way to make a scanner see another object than the one
 * kubectl sends. They go into the replay corpus (test/decode/fixtures/oracle-corpus.json) with the oracle's answer.
 */
export interface HandPicked {
  readonly id: string;
  readonly text: string;
}

const pod = (securityContext: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${extra}spec:\n  containers:\n  - name: c\n    image: nginx\n    securityContext:\n${securityContext}`;

const podWithPort = (hostPort: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: 8080\n      hostPort: ${hostPort}\n`;

const podRunAs = (runAsUser: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsUser: ${runAsUser}\n  containers:\n  - name: c\n    image: nginx\n`;

const privilegedPodItem = '- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n  spec:\n    containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: true\n';

const HAND_PICKED_LIST: HandPicked[] = [
  // Merge keys: go-yaml v2 applies `<<` in place, so a merge after an explicit key overrides it.
  { id: 'hand:merge-after-explicit-key', text: pod('      privileged: false\n      <<: {privileged: true}\n') },
  { id: 'hand:merge-before-explicit-key', text: pod('      <<: {privileged: true}\n      privileged: false\n') },
  { id: 'hand:merge-alias-after-explicit-key', text: `x-base: &base {privileged: true}\n${pod('      privileged: false\n      <<: *base\n')}` },
  { id: 'hand:merge-list-order', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx: [&a {privileged: false}, &b {privileged: true}]\nspec:\n  containers:\n  - name: c\n    securityContext:\n      <<: [*a, *b]\n' },
  { id: 'hand:merge-twice', text: pod('      <<: {privileged: false}\n      <<: {privileged: true}\n') },
  { id: 'hand:merge-at-top-level', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\n<<: {kind: Pod, spec: {hostPID: true}}\n' },
  { id: 'hand:merge-of-scalar', text: pod('      <<: true\n') },
  // Integer spellings that only Go's strconv (base 0) reads as numbers.
  { id: 'hand:hostPort-0o17620', text: podWithPort('0o17620') },
  { id: 'hand:hostPort-0X1F90', text: podWithPort('0X1F90') },
  { id: 'hand:hostPort-0B1010000', text: podWithPort('0B1010000') },
  { id: 'hand:hostPort-0O17620', text: podWithPort('0O17620') },
  { id: 'hand:hostPort-017', text: podWithPort('017') },
  { id: 'hand:hostPort-1_000', text: podWithPort('1_000') },
  { id: 'hand:hostPort-plus-5', text: podWithPort('+5') },
  { id: 'hand:hostPort-1e3', text: podWithPort('1e3') },
  { id: 'hand:hostPort-minus-0b1', text: podWithPort('-0b1') },
  { id: 'hand:runAsUser-0X0', text: podRunAs('0X0') },
  { id: 'hand:runAsUser-0o0', text: podRunAs('0o0') },
  { id: 'hand:runAsUser-0x0', text: podRunAs('0x0') },
  { id: 'hand:runAsUser-0b0', text: podRunAs('0b0') },
  { id: 'hand:runAsUser-minus-0', text: podRunAs('-0') },
  { id: 'hand:runAsUser-0e0', text: podRunAs('0e0') },
  { id: 'hand:runAsUser-dot-5', text: podRunAs('.5') },
  { id: 'hand:runAsUser-huge-int', text: podRunAs('12345678901234567890') },
  { id: 'hand:runAsUser-int64-overflow', text: podRunAs('9223372036854775808') },
  { id: 'hand:runAsUser-beyond-uint64', text: podRunAs('99999999999999999999999') },
  { id: 'hand:runAsUser-inf', text: podRunAs('.inf') },
  { id: 'hand:runAsUser-nan', text: podRunAs('.NaN') },
  { id: 'hand:runAsUser-sexagesimal', text: podRunAs('1:30') },
  { id: 'hand:runAsUser-int-tag-on-string', text: podRunAs('!!int "0"') },
  { id: 'hand:runAsUser-str-tag', text: podRunAs('!!str 0') },
  // YAML 1.1 booleans and nulls.
  { id: 'hand:privileged-yes', text: pod('      privileged: yes\n') },
  { id: 'hand:privileged-on', text: pod('      privileged: On\n') },
  { id: 'hand:privileged-Y', text: pod('      privileged: Y\n') },
  { id: 'hand:privileged-y-quoted', text: pod("      privileged: 'y'\n") },
  { id: 'hand:privileged-bool-tag', text: pod('      privileged: !!bool yes\n') },
  { id: 'hand:privileged-true-mixed-case', text: pod('      privileged: tRUE\n') },
  { id: 'hand:privileged-null-tilde', text: pod('      privileged: ~\n') },
  { id: 'hand:y-and-n-as-keys', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  y: a\n  n: b\n' },
  // Lists: kubectl sends the items of any object with an `items` array.
  { id: 'hand:configmap-items-privileged-pod', text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: innocent\ndata:\n  a: b\nitems:\n${privilegedPodItem}` },
  { id: 'hand:list-privileged-pod', text: `apiVersion: v1\nkind: List\nitems:\n${privilegedPodItem}` },
  { id: 'hand:podlist-items-without-kind', text: 'apiVersion: v1\nkind: PodList\nitems:\n- metadata:\n    name: p\n  spec:\n    hostPID: true\n    containers:\n    - name: c\n      image: nginx\n' },
  { id: 'hand:podlist-item-without-apiversion', text: 'apiVersion: v1\nkind: PodList\nitems:\n- kind: Pod\n  metadata:\n    name: p\n' },
  { id: 'hand:nested-list', text: `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  ${privilegedPodItem.replace(/\n(?!$)/g, '\n  ')}` },
  { id: 'hand:pod-items-null', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostPID: true}\nitems: null\n' },
  { id: 'hand:pod-items-empty', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostPID: true}\nitems: []\n' },
  { id: 'hand:list-items-not-objects', text: 'apiVersion: v1\nkind: List\nitems: [1, two]\n' },
  // Document markers: kubectl splits files at lines starting with `---` itself, before YAML sees them.
  { id: 'hand:separator-with-text', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n--- x\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {hostPID: true}\n' },
  { id: 'hand:separator-glued-text', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---x\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {hostPID: true}\n' },
  { id: 'hand:separator-with-comment', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n--- # b\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n' },
  { id: 'hand:document-end-then-document', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n...\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {hostPID: true}\n' },
  { id: 'hand:document-end-then-separator', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n...\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n' },
  { id: 'hand:separator-indented', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n ---\napiVersion: v1\n' },
  { id: 'hand:separator-inside-block-scalar', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  script: |\n    echo a\n---\n    echo b\n' },
  { id: 'hand:separator-indented-inside-block-scalar', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  script: |\n    echo a\n    ---\n    echo b\n' },
  { id: 'hand:separator-inside-quoted-scalar', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  a: "x\n---\n  y"\n' },
  // Directives.
  { id: 'hand:yaml-1.2-directive', text: '%YAML 1.2\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n' },
  { id: 'hand:yaml-1.1-directive', text: '%YAML 1.1\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {hostPID: yes}\n' },
  { id: 'hand:tag-directive', text: '%TAG !k! tag:example.com,2026:\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: !k!x a}\n' },
  // Tabs.
  { id: 'hand:tab-indentation', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n' },
  { id: 'hand:tab-after-colon', text: 'apiVersion:\tv1\nkind:\tPod\nmetadata:\n  name:\ta\nspec:\n  hostPID:\ttrue\n' },
  { id: 'hand:tab-in-flow', text: 'apiVersion: v1\nkind: Pod\nmetadata: {\tname: a}\nspec: {hostPID:\ttrue}\n' },
  // Keys and duplicates.
  { id: 'hand:duplicate-key', text: pod('      privileged: true\n      privileged: false\n') },
  { id: 'hand:duplicate-key-other-spelling', text: pod('      privileged: false\n      "privileged": true\n') },
  { id: 'hand:non-string-keys', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  1: a\n  true: b\n  1.5: c\n  0x10: d\n' },
  { id: 'hand:null-key', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  ~: a\n' },
  { id: 'hand:colliding-keys', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  1: a\n  "1": b\n' },
  // Scalars and tags.
  { id: 'hand:timestamp', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  a: 2001-12-14\n  b: 2001-12-14t21:59:43.10-05:00\n' },
  { id: 'hand:binary-tag', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  a: !!binary aGVsbG8=\n' },
  { id: 'hand:custom-tag', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: m}\nspec: {hostPID: !foo true}\n' },
  { id: 'hand:block-scalar-keep', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata:\n  a: |+\n    x\n\n  b: >-\n    y\n    z\n' },
  { id: 'hand:namespace-empty', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ""}\n' },
  { id: 'hand:kind-without-apiversion', text: 'kind: Pod\nmetadata: {name: p}\nspec: {hostPID: true}\n' },
  { id: 'hand:labels-not-strings', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {a: 1}}\n' },
  // Encodings, JSON and whitespace.
  { id: 'hand:crlf', text: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nmetadata: {name: q}\r\n' },
  { id: 'hand:utf8-bom', text: '\uFEFFapiVersion: v1\nkind: Pod\nmetadata: {name: p}\n' },
  { id: 'hand:json-stream', text: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"Pod","metadata":{"name":"b"},"spec":{"hostPID":true}}\n' },
  { id: 'hand:json-then-yaml', text: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n' },
  { id: 'hand:json-duplicate-key', text: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"},"spec":{"hostPID":true,"hostPID":false}}' },
  { id: 'hand:json-float-integer', text: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"},"spec":{"securityContext":{"runAsUser":0.0}}}' },
  { id: 'hand:flow-yaml-starting-with-brace', text: '{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {hostPID: yes}}\n' },
  { id: 'hand:empty-file', text: '' },
  { id: 'hand:only-separators-and-nulls', text: '---\n---\nnull\n---\n~\n' },
  { id: 'hand:anchor-alias', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: &n p, labels: {app: *n}}\n' },
  { id: 'hand:undefined-alias', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: *n}\n' },
  // Block style, as most manifests are written: the plain block reader reads these line by line (or declines them for
  // the full composer), so each is a way to make a line-based reading differ from go-yaml's.
  { id: 'hand:block-privileged-no-break-space', text: pod('      privileged: true\u00a0\n') },
  { id: 'hand:block-privileged-comment-after', text: pod('      privileged: true # false\n') },
  { id: 'hand:block-privileged-tab-comment-after', text: pod('      privileged: true\t# false\n') },
  { id: 'hand:block-privileged-trailing-spaces', text: pod('      privileged: true   \n') },
  { id: 'hand:block-privileged-literal-scalar', text: pod('      privileged: |\n        true\n') },
  { id: 'hand:block-privileged-quoted-key', text: pod('      "privileged": true\n') },
  { id: 'hand:block-privileged-space-before-colon', text: pod('      privileged : true\n') },
  { id: 'hand:block-privileged-quoted-value', text: pod("      privileged: 'true'\n") },
  { id: 'hand:block-privileged-one-column-left', text: pod('     privileged: true\n') },
  { id: 'hand:block-privileged-at-container-level', text: pod('    privileged: true\n') },
  { id: 'hand:block-privileged-continues-next-line', text: pod('      privileged: true\n        false\n') },
  { id: 'hand:block-privileged-line-separator', text: pod('      privileged: true\u2028\n') },
  { id: 'hand:block-privileged-next-line', text: pod('      privileged: true\u0085false\n') },
  { id: 'hand:block-runAsUser-comment-after', text: podRunAs('0 # 1000') },
  { id: 'hand:block-runAsUser-no-break-space', text: podRunAs('0\u00a0') },
  { id: 'hand:block-hostPID-after-comment', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  # hostPID: false\n  hostPID: y\n  containers:\n  - name: c\n    image: nginx\n' },
  { id: 'hand:block-hostNetwork-after-blank-lines', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n\n\n  hostNetwork: on\n  containers:\n  - name: c\n    image: nginx\n' },
  { id: 'hand:block-second-container-privileged', text: `${pod('      privileged: false\n')}  - name: d\n    image: nginx\n    securityContext:\n      privileged: yes\n` },
  { id: 'hand:block-indented-sequence', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: True\n' },
  { id: 'hand:block-capabilities-add', text: pod('      capabilities:\n        add:\n        - SYS_ADMIN\n        drop: []\n') },
];

export const HAND_PICKED: readonly HandPicked[] = HAND_PICKED_LIST;
