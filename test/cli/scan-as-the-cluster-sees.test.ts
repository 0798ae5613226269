import { exitCodeOf, scan } from '../../src/cli/scan';

// Each case was clean for scan while kubectl applied it as a privileged, root or host-namespace pod: scan must now
// judge what kubectl sends, or refuse the file (exit 2) where YAML readers disagree.
const scanText = (text: string) => scan(['-'], { stdin: text, packs: ['pss-baseline', 'pss-restricted'] });
const errorRules = (text: string) => {
  const result = scanText(text);
  expect(result.problems).toEqual([]);
  return [...new Set(result.report.unsuppressed().filter(f => f.severity === 'error').map(f => f.ruleId))].sort();
};
const cleanPod = (name: string, spec = '', container = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}${spec}
  containers:
  - name: main
    image: ghcr.io/acme/app:1.0.0
    securityContext:
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL]}${container}
`;

describe('scan judges what kubectl sends to the API server', () => {
  test('the hardened pod used below is clean', () => {
    expect(errorRules(cleanPod('clean'))).toEqual([]);
  });

  test.each(['0o17620', '0X1F90', '0B1010000', '017620', '8_080'])('hostPort: %s is a host port (Go integer literal)', spelling => {
    expect(errorRules(cleanPod('ports', '', `\n    ports:\n    - containerPort: 8080\n      hostPort: ${spelling}`))).toEqual(['pss-host-ports']);
  });

  test.each(['0X0', '0o0', '0x0', '-0', '0e0', '0.0'])('runAsUser: %s is root', spelling => {
    expect(errorRules(cleanPod('root', `\n    runAsUser: ${spelling}`))).toEqual(['pss-run-as-user']);
  });

  const listItem = (extra: string, header = '  apiVersion: v1\n  kind: Pod\n') => `- metadata: {name: item, namespace: shop}
${header}  spec:
    securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}${extra}
    containers:
    - name: main
      image: ghcr.io/acme/app:1.0.0
      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`;

  test('a ConfigMap that carries items is applied as the Pods it carries', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: harmless, namespace: shop}\nitems:\n${listItem('\n    hostPID: true')}`;
    expect(errorRules(text)).toEqual(['pss-host-namespaces']);
  });

  test('a kind: List and a typed PodList are flattened', () => {
    expect(errorRules(`apiVersion: v1\nkind: List\nitems:\n${listItem('\n    hostIPC: true')}`)).toEqual(['pss-host-namespaces']);
    expect(errorRules(`apiVersion: v1\nkind: PodList\nitems:\n${listItem('\n    hostNetwork: true', '')}`)).toEqual(['pss-host-namespaces']);
  });

  test('a merge key that overrides an explicit key is refused with exit 2, the line and the fix', () => {
    const text = cleanPod('merged', '', '\n      privileged: false\n      <<: {privileged: true, allowPrivilegeEscalation: true}').replace('      allowPrivilegeEscalation: false\n', '');
    const result = scanText(text);
    expect(exitCodeOf(result)).toBe(2);
    expect(result.problems).toEqual([expect.objectContaining({ line: 16, message: expect.stringMatching(/merge key "<<" on line 16 sets "privileged".*set "privileged" once, without the merge/) })]);
  });

  test('content kubectl would drop after "..." is refused, not checked or skipped', () => {
    const result = scanText(`${cleanPod('first')}...\nspec: {hostPID: true}\n`);
    expect(exitCodeOf(result)).toBe(2);
  });
});
