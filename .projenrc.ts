import { cdk8s, javascript } from 'projen';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-hardened',
  description: 'cdk8s constructs that synthesize hardened Kubernetes manifests by default, and guardrails that check every object before synthesis.',
  author: 'cdk8s-hardened maintainers',
  authorAddress: 'maintainers@cdk8s-hardened.dev',
  repositoryUrl: 'https://github.com/cdk8s-hardened/cdk8s-hardened',
  homepage: 'https://github.com/cdk8s-hardened/cdk8s-hardened',
  defaultReleaseBranch: 'main',
  keywords: ['cdk8s', 'kubernetes', 'security', 'pod-security-standards', 'hardening', 'network-policy', 'guardrails'],
  license: 'Apache-2.0',

  cdk8sVersion: '2.70.0',
  constructsVersion: '10.3.0',
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  // Runtime dependencies of a jsii library must be bundled into its tarball.
  bundledDeps: ['commander@^12.1.0'],
  devDeps: [
    'fast-check@^3.23.0',
    // Only tests and the benchmark use the yaml package: manifests are read by src/decode, a go-yaml v2 port.
    'yaml@^2.6.0',
    'ajv@^8.17.0',
    'ajv-formats@^3.0.1',
    'ajv-draft-04@^1.0.0',
    '@types/sarif@^2.1.7',
    'cdk8s-cli@^2.207.0',
    // Bundles the command line into one file at compile time (see COMMAND_BUNDLE below).
    'esbuild@^0.28.0',
  ],
  bin: { 'cdk8s-hardened': 'lib/cli/main.js' },

  // Our CI is .ci/run; no hosted workflows, bots or release automation.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  publishToPypi: { distName: 'cdk8s-hardened', module: 'cdk8s_hardened' },
  publishToMaven: {
    javaPackage: 'dev.cdk8shardened',
    mavenGroupId: 'dev.cdk8s-hardened',
    mavenArtifactId: 'cdk8s-hardened',
  },
  publishToGo: { moduleName: 'github.com/cdk8s-hardened/cdk8s-hardened-go' },

  // Source maps beside the JavaScript, not inside it: V8 keeps every loaded script's text for as long as the process
  // runs, and inline maps (with the TypeScript sources) tripled it: 3.8 MB of JavaScript loaded by every scan and
  // synthesis instead of 1.2 MB, 11 MB of peak RSS in a 10k-object scan. `node --enable-source-maps` still reads them.
  tsconfig: { compilerOptions: { inlineSourceMap: false, inlineSources: false, sourceMap: true } },
  tsconfigDevFile: 'tsconfig.dev.json',
  eslintOptions: {
    dirs: ['src'],
    tsconfigPath: './tsconfig.dev.json',
    projectService: false,
    // The test task must never edit sources.
    commandOptions: { fix: false },
  },
  jestOptions: {
    // Snapshots change only through `npx projen test:update`, never implicitly.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Only crawl our sources and tests: the conformance cache holds whole Go module trees.
      roots: ['<rootDir>/src', '<rootDir>/test'],
      collectCoverage: false,
    },
  },
  gitignore: ['/examples/*/dist/', '/.conformance-cache/', '/.bindings-cache/'],
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/bench/', '/conformance/', '/cluster/', '/.ci/', '/.conformance-cache/', '/.bindings-cache/'] },
});

project.eslint?.addLintPattern('test');
project.eslint?.addLintPattern('examples');
project.eslint?.addLintPattern('bench');
project.eslint?.addLintPattern('conformance');
project.eslint?.addLintPattern('cluster');
// The conformance and cluster tools are development code: they may import dev dependencies (fast-check).
project.eslint?.allowDevDeps('conformance/**');
project.eslint?.allowDevDeps('cluster/**');
project.eslint?.allowDevDeps('bench/**');

project.tsconfigDev.removeInclude('**/*.ts');
for (const pattern of ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts', 'conformance/**/*.ts', 'cluster/**/*.ts', '.projenrc.ts', 'projenrc/**/*.ts']) {
  project.tsconfigDev.addInclude(pattern);
}

// The command line as one file, built with every compilation: a scan starts by loading its modules, and loading
// ~230 of them one by one took 95 ms, one bundled file about half of that (45 ms less per run). main.js runs the bundle
// only when it is at least as new as the modules (command-entry.ts), so a build without this step never runs stale
// code. The peer dependencies stay outside: only `policies` loads them, from node_modules.
const COMMAND_BUNDLE = 'lib/cli/run-command.bundle.js';
project.compileTask.exec([
  'esbuild lib/cli/run-command.js --bundle --platform=node --target=node20 --format=cjs',
  '--external:cdk8s --external:cdk8s-plus-28 --external:constructs',
  `--sourcemap --log-level=warning --outfile=${COMMAND_BUNDLE}`,
].join(' '));

// Silence jsii's end-of-life banner for Node 20, the runtime this project is built on.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// The README's test command: compile with jsii, regenerate API.md, lint and run every jest suite.
const check = project.addTask('check', {
  description: 'Compile with jsii, generate API.md, lint and run the whole test suite',
});
check.spawn(project.tasks.tryFind('pre-compile')!);
check.spawn(project.compileTask);
check.spawn(project.tasks.tryFind('post-compile')!);
check.spawn(project.testTask);
// jest transpiles without type checking, and jsii compiles src only: the tests, examples, bench, conformance and
// cluster code are type-checked here, so a type error in them fails the check.
check.exec('tsc --noEmit -p tsconfig.dev.json');

// `npm pack` (and `npm publish`) compile first, so a fresh clone packs lib/ and .jsii. npm ci and npm install do
// not run prepack, so installing stays as fast as before.
const prepack = project.addTask('prepack', {
  description: 'Compile with jsii before `npm pack`, so the tarball holds lib/ and the .jsii assembly',
});
prepack.spawn(project.tasks.tryFind('pre-compile')!);
prepack.spawn(project.compileTask);

project.addTask('examples', {
  description: 'The main job: synthesize every example into dist/examples/ and print the guardrails report',
  exec: 'ts-node --project tsconfig.dev.json examples/synth-all.ts',
});

// The scan bench runs the compiled CLI (lib/cli/main.js) as users do, so the bench compiles first.
const bench = project.addTask('bench', {
  description: 'Benchmarks: guardrails overhead on synthesis, and scan speed and memory against kube-score and the yaml parser, printed as `ratio <case> <value>`',
});
bench.spawn(project.compileTask);
bench.exec('ts-node --project tsconfig.dev.json bench/index.ts');

const conformance = project.addTask('conformance', {
  description: 'Install the Pod Security Admission evaluator, kubectl\'s manifest reader, checkov and kube-score (cached), compare their verdicts with ours, then the decoder differential over 100,000 generated files',
  exec: 'ts-node --transpile-only --project tsconfig.dev.json conformance/run.ts',
  receiveArgs: true,
});
conformance.exec('ts-node --transpile-only --project tsconfig.dev.json conformance/decoder/run.ts --count 100000 --seed 20261201', {
  env: { NODE_NO_WARNINGS: '1' },
});

project.addTask('conformance:decoder', {
  description: 'Differential test of our manifest decoder against kubectl\'s (conformance/yaml-oracle, built and cached by conformance/install.sh)',
  exec: 'ts-node --transpile-only --project tsconfig.dev.json conformance/decoder/run.ts',
  // The yaml library warns on collection keys; the run judges the results, the warnings are noise.
  env: { NODE_NO_WARNINGS: '1' },
  receiveArgs: true,
});

project.addTask('cluster', {
  description: 'Build (cached) kube-apiserver, etcd and kubectl v1.37.2, start them on 127.0.0.1 and apply the examples, hardened defaults and the PSS corpus (cluster/)',
  exec: 'bash cluster/run.sh',
  receiveArgs: true,
});

project.addTask('test:bindings', {
  description: 'Build the Python, Java and Go packages with jsii-pacmak and smoke-test each (test/bindings)',
  exec: 'bash test/bindings/run.sh',
  receiveArgs: true,
});

project.addTask('mutants', {
  description: 'Mutation check: deliberate bugs in a scratch copy of the sources, each of which the tests must catch (prints mutants killed N/N)',
  exec: 'ts-node --transpile-only --project tsconfig.dev.json test/mutation/run.ts',
});

// Golden files of the scan end-to-end tests change only here, from a fresh compile; the test run only compares.
const golden = project.addTask('test:golden', {
  description: 'Regenerate test/cli/golden/*.json from the compiled CLI (review the diff before committing)',
});
golden.spawn(project.compileTask);
golden.exec('ts-node --project tsconfig.dev.json test/cli/update-golden.ts');

project.addTask('rules-md', {
  description: 'Regenerate RULES.md from the rule metadata',
  exec: 'ts-node --project tsconfig.dev.json projenrc/write-rules-md.ts',
});

project.synth();
