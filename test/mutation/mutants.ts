/**
 * The mutation check's fixed list: deliberate bugs, each a one-place source change, with the checks that must catch
 * it. `find` must occur exactly once in `file` (the runner fails when a mutant no longer applies).
 */
export interface Mutant {
  readonly name: string;
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  /** Jest files that must fail with the mutant in place. */
  readonly tests?: string[];
  /** Only the jest tests whose names match (jest -t), when the files hold slow tests the mutant does not concern. */
  readonly testNamePattern?: string;
  /**
   * Policy versions at which the conformance comparison with the Pod Security Admission code must fail (for the
   * version boundaries, which jest compares only with our own code).
   */
  readonly psaVersions?: string[];
  /** The corpus files that comparison reads (all by default). */
  readonly psaCorpus?: string[];
}

const VERSIONS = 'src/rules/pss/private/versions.ts';
const SYSCTLS = 'src/rules/pss/private/sysctls.ts';

/** Moves one boundary of PSA_SINCE; the conformance run compares the versions around it. */
function boundary(key: string, from: number, to: number): Mutant {
  const lo = Math.min(from, to);
  return {
    name: `PSA boundary ${key} moved from 1.${from} to 1.${to}`,
    file: VERSIONS,
    find: `  ${key}: ${from},`,
    replace: `  ${key}: ${to},`,
    psaVersions: [`1.${lo - 1}`, `1.${lo}`, `1.${lo + 1}`],
    psaCorpus: ['generated-boundary.yaml'],
  };
}
function sysctlBoundary(from: number, to: number): Mutant {
  const lo = Math.min(from, to);
  return {
    name: `safe sysctls added at 1.${from} moved to 1.${to}`,
    file: SYSCTLS,
    find: `  [${from}, [`,
    replace: `  [${to}, [`,
    psaVersions: [`1.${lo - 1}`, `1.${lo}`, `1.${lo + 1}`],
    psaCorpus: ['generated-boundary.yaml'],
  };
}

export const MUTANTS: Mutant[] = [
  // Every version boundary the rules encode, off by one (later for most, earlier for some).
  boundary('allowPrivilegeEscalation', 8, 9),
  boundary('seccompFields', 19, 20),
  boundary('capabilitiesRestricted', 22, 21),
  boundary('runAsUser', 23, 24),
  boundary('runAsUser', 23, 22),
  boundary('windowsExemption', 25, 26),
  boundary('seLinuxContainerEngine', 31, 30),
  boundary('hostProbes', 34, 35),
  boundary('userNamespaceRelaxation', 35, 36),
  boundary('procMountRestricted', 35, 34),
  sysctlBoundary(27, 28),
  sysctlBoundary(29, 30),
  sysctlBoundary(32, 31),
  sysctlBoundary(37, 36),

  {
    name: 'a rule throws on securityContext: null (pss-privileged reads the field without a guard)',
    file: 'src/rules/pss/privileged-containers.ts',
    find: '.filter(ref => containerSecurityContext(ref)?.privileged === true)',
    replace: '.filter(ref => (ref.container.securityContext ?? {}).privileged === true || ref.container.securityContext.x === 1)',
    tests: ['test/property/scanner-results.test.ts'],
    testNamePattern: 'no rule crashes on null',
  },
  {
    name: 'a rule throws on a number where a list belongs (sysctls iterated without a type check)',
    file: 'src/rules/pss/safe-sysctls.ts',
    find: "const sysctls = arrayAt(podSecurityContext(pod), 'sysctls');",
    replace: 'const sysctls: any = podSecurityContext(pod)?.sysctls ?? [];',
    tests: ['test/property/scanner-results.test.ts'],
    testNamePattern: 'no rule crashes on null',
  },
  {
    name: 'a refusal turned into a TypeError (a relative writable path crashes instead of being refused)',
    file: 'src/constructs/workloads/private/options.ts',
    find: "throw invalid(subject, `writablePaths[${i}]`, p, 'give an absolute path below the root, e.g. \"/var/cache/nginx\"');",
    replace: 'throw new TypeError(`Cannot read properties of undefined (reading \'${p}\')`);',
    tests: ['test/property/hardened-deployment.test.ts'],
  },
  {
    name: 'valid props crash with a TypeError (writableTmp: false)',
    file: 'src/constructs/workloads/private/options.ts',
    find: "const writablePaths = [...((props.writableTmp ?? true) ? ['/tmp'] : []), ...extraPaths]",
    replace: "const writablePaths = [...((props.writableTmp ?? true) ? ['/tmp'] : (undefined as any).tmp), ...extraPaths]",
    tests: ['test/property/hardened-deployment.test.ts'],
  },
  {
    name: 'a refusal that names the wrong prop (revisionHistoryLimit reported as replicas)',
    file: 'src/constructs/workloads/private/core.ts',
    find: "throw invalid(o.subject, 'revisionHistoryLimit', props.revisionHistoryLimit,",
    replace: "throw invalid(o.subject, 'replicas', props.revisionHistoryLimit,",
    tests: ['test/property/hardened-deployment.test.ts'],
  },
  {
    name: 'the pod-template walk drops ephemeral containers',
    file: 'src/private/pod-template.ts',
    find: "for (const field of ['containers', 'initContainers', 'ephemeralContainers'] as const) {",
    replace: "for (const field of ['containers', 'initContainers'] as const) {",
    tests: ['test/rules/fixtures.test.ts'],
    psaVersions: ['1.37'],
    psaCorpus: ['generated-boundary.yaml'],
  },
  {
    name: 'the pod-template walk drops init containers',
    file: 'src/private/pod-template.ts',
    find: "for (const field of ['containers', 'initContainers', 'ephemeralContainers'] as const) {",
    replace: "for (const field of ['containers', 'ephemeralContainers'] as const) {",
    tests: ['test/rules/fixtures.test.ts'],
  },
  {
    name: 'PodTemplate objects are no longer read',
    file: 'src/private/pod-spec-paths.ts',
    find: "  { kind: 'PodTemplate', groups: [''], path: ['template'], runsPods: false },",
    replace: '',
    psaVersions: ['1.37'],
    psaCorpus: ['generated-workloads.yaml'],
  },
  {
    name: 'extensions/v1beta1 Deployments are no longer read',
    file: 'src/private/pod-spec-paths.ts',
    find: "  { kind: 'Deployment', groups: ['apps', 'extensions'], path: ['spec', 'template'], runsPods: true },",
    replace: "  { kind: 'Deployment', groups: ['apps'], path: ['spec', 'template'], runsPods: true },",
    psaVersions: ['1.37'],
    psaCorpus: ['generated-workloads.yaml'],
  },
  {
    name: 'a suppression matches every rule ID',
    file: 'src/engine/private/evaluation-session.ts',
    find: 'suppressions.filter(s => s.ruleId === rule.id)',
    replace: 'suppressions.filter(s => s.ruleId === rule.id || s.ruleId !== undefined)',
    tests: ['test/engine/report.test.ts', 'test/guardrails/guardrails.test.ts'],
  },
  {
    name: 'a pod read before its Namespace keeps the version it was first judged at',
    file: 'src/engine/private/evaluation-session.ts',
    find: 'if (minor !== record.minor) this.judgeAgain(record, minor);',
    replace: 'if (minor !== record.minor && false) this.judgeAgain(record, minor);',
    tests: ['test/engine/evaluation-session.test.ts'],
  },
  {
    name: 'object-scope rules are given every object after all',
    file: 'src/engine/private/evaluation-session.ts',
    find: "      Object.defineProperty(context, 'objects', { get: misuse });",
    replace: '',
    tests: ['test/engine/evaluation-session.test.ts'],
  },
  {
    name: 'a namespace-wide finding follows the document order again',
    file: 'src/rules/network/private/namespaces.ts',
    find: 'return namespaceFindingOwners(context).get(ns) === object ? ns : undefined;',
    replace: 'return workloads.get(ns)?.workloads[0]?.object === object ? ns : undefined;',
    tests: ['test/property/scanner-results.test.ts'],
    testNamePattern: 'order of the documents',
  },
  {
    name: 'a rule reports the same violation twice (hostNetwork)',
    file: 'src/rules/pss/host-namespaces.ts',
    find: '    return HOST_NAMESPACE_FIELDS\n',
    replace: "    return [...HOST_NAMESPACE_FIELDS, 'hostNetwork']\n",
    tests: ['test/rules/fixtures.test.ts'],
  },
  {
    name: 'a Role grants cluster-scoped resources (rbac)',
    file: 'src/rules/rbac/private/policy-rules.ts',
    find: '    if (options.namespaced && request.clusterScoped) continue;\n',
    replace: '',
    tests: ['test/rules/fixtures.test.ts'],
    testNamePattern: 'rbac-',
  },
  {
    name: 'the role rules count what only a wildcard grants (rbac)',
    file: 'src/rules/rbac/private/policy-rules.ts',
    find: '  if (explicitOnly) return false;\n',
    replace: '',
    tests: ['test/rules/fixtures.test.ts'],
    testNamePattern: 'rbac-',
  },
  {
    name: 'a pod\'s ServiceAccount is not a member of its namespace\'s ServiceAccount group (rbac)',
    file: 'src/rules/rbac/private/bindings.ts',
    find: '    subjectKey(\'Group\', `system:serviceaccounts:${namespace}`),\n',
    replace: '',
    tests: ['test/rules/fixtures.test.ts'],
    testNamePattern: 'rbac-',
  },
  {
    name: 'a RoleBinding subject without namespace is not in the binding\'s namespace (rbac)',
    file: 'src/rules/rbac/private/rbac-objects.ts',
    find: ": (binding.kind === 'RoleBinding' ? namespaceOf(binding) : undefined);",
    replace: ': undefined;',
    tests: ['test/rules/fixtures.test.ts'],
    testNamePattern: 'rbac-',
  },
  {
    name: 'ApiAccess grants exec on pods without an override (its dangerous-permission check skips one permission of the rbac table)',
    file: 'src/constructs/api-access/private/policy.ts',
    find: '      if (!grant) continue;\n      const check = checkOf(permission);',
    replace: "      if (!grant || permission.phrase.startsWith('run commands')) continue;\n      const check = checkOf(permission);",
    tests: ['test/property/api-access.test.ts', 'test/constructs/api-access/api-access.test.ts'],
  },
  {
    name: 'an ApiAccess override suppresses another rule than the one the rbac pack reports',
    file: 'src/constructs/api-access/private/checks.ts',
    find: "rule: 'rbac-pod-exec',",
    replace: "rule: 'rbac-pods-exec',",
    tests: ['test/constructs/api-access/api-access.test.ts'],
  },
  {
    name: 'ApiAccess mounts the token volume writable',
    file: 'src/constructs/api-access/api-access.ts',
    find: 'container.mount(this.mountPath, this.volume, { readOnly: true })',
    replace: 'container.mount(this.mountPath, this.volume)',
    tests: ['test/constructs/api-access/api-access.test.ts'],
  },
  {
    name: 'the guardrails vouch for a string go-yaml reads as something else (skipping its parse)',
    file: 'src/decode/proven-read-back.ts',
    find: "return resolved.tag === '!!str' && resolved.value === s;",
    replace: 'return resolved !== undefined;',
    tests: ['test/decode/proven-read-back.test.ts', 'test/guardrails/go-yaml-values.test.ts'],
  },
  {
    name: 'a pod read before its Namespace is never judged again at the version the Namespace pins',
    file: 'src/engine/private/evaluation-session.ts',
    find: 'if (watch?.read) versionReaders!.add(rank);',
    replace: '',
    tests: ['test/engine/evaluation-session.test.ts'],
  },
  {
    name: 'the plain block reader takes a plain scalar that goes on to the next line for a whole value',
    file: 'src/decode/plain-block-document.ts',
    find: 'if (col > column) throw DECLINE;',
    replace: '',
    tests: ['test/decode/plain-block-document.test.ts'],
  },
  {
    name: 'the plain block reader reads a literal block scalar without its final line break',
    file: 'src/decode/plain-block-document.ts',
    find: "return parts.join('\\n') + (strip ? '' : '\\n');",
    replace: "return parts.join('\\n');",
    tests: ['test/decode/plain-block-document.test.ts'],
  },
  {
    name: 'the YAML the helper thread wrote is put back in the wrong order',
    file: 'src/guardrails/private/write-yaml.ts',
    find: 'parts[index] = texts ? texts[k] :',
    replace: 'parts[index] = texts ? texts[texts.length - 1 - k] :',
    tests: ['test/guardrails/parallel-yaml.test.ts'],
  },
  {
    name: 'a stopped helper thread is never replaced',
    file: 'src/guardrails/private/stringify-helper.ts',
    find: '(existing && !existing.failed)) return;',
    replace: 'existing !== undefined) return;',
    tests: ['test/guardrails/parallel-yaml.test.ts'],
  },
  {
    name: 'finding messages are kept as the tree of pieces they were joined from',
    file: 'src/private/own-string.ts',
    find: '  s.charCodeAt(0);\n  return s;',
    replace: '  return s;',
    tests: ['test/private/own-string.test.ts'],
  },
  {
    name: 'a synthesized document is written from a second read of it, not from the copy the checks judge',
    file: 'src/guardrails/private/write-yaml.ts',
    find: 'parts[i] = CDK8S_STRINGIFY(proven[i] ?? doc);',
    replace: 'parts[i] = CDK8S_STRINGIFY(doc);',
    tests: ['test/guardrails/final-output.test.ts'],
    testNamePattern: 'reads differently',
  },
  {
    name: 'a path walked ahead is used for a scan from another directory',
    file: 'src/cli/walk-ahead.ts',
    find: 'const key = `${cwd}\\0${given}`;',
    replace: "const key = [...expansions.keys()].find(k => k.endsWith(given)) ?? '';",
    tests: ['test/cli/walk-ahead.test.ts'],
  },
  {
    name: 'the command runs from a bundle older than the modules',
    file: 'src/cli/command-entry.ts',
    find: 'return bundled >= newestModule ? bundle : modules;',
    replace: 'return bundled >= 0 ? bundle : modules;',
    tests: ['test/cli/command-entry.test.ts'],
  },
  {
    name: 'the value of a scan option is walked as a path',
    file: 'src/cli/walk-ahead.ts',
    find: "export const SCAN_OPTIONS_WITH_VALUE = ['--format', '--packs', '--fail-on', '--output', '--kubernetes-version', '--external'];",
    replace: "export const SCAN_OPTIONS_WITH_VALUE = ['--format', '--packs', '--fail-on', '--kubernetes-version', '--external'];",
    tests: ['test/cli/walk-ahead.test.ts'],
  },
  {
    name: 'the synthesis thread writes half of every chart\'s YAML even when it has more charts to render',
    file: 'src/guardrails/private/synthesize.ts',
    find: 'moreToRender: this.objectsSaved < this.objectsToRender',
    replace: 'moreToRender: false',
    tests: ['test/guardrails/parallel-yaml.test.ts'],
  },
  {
    name: 'the relay\'s drain returns before the relayed output is written',
    file: 'src/cli/stdout-relay.ts',
    find: '    this.waitWritten();\n    this.throwIfFailed();',
    replace: '    this.throwIfFailed();',
    tests: ['test/cli/stdout-relay.test.ts'],
  },
  {
    name: 'the command hands output over to the relay without bound',
    file: 'src/cli/stdout-relay.ts',
    find: '    this.waitUntilPendingAtMost(RELAY_LIMIT_CHARS);\n',
    replace: '',
    tests: ['test/cli/stdout-relay.test.ts'],
  },
  {
    name: 'a failed write of the relay is never reported',
    file: 'src/cli/stdout-relay.ts',
    find: 'if (!Atomics.load(this.slots, RelaySlot.FAILED)) return;',
    replace: 'return;',
    tests: ['test/cli/stdout-relay.test.ts'],
  },
];
