import * as path from 'path';
import { Command, CommanderError, Option } from 'commander';
import { ExpandedAhead, STDIN_PATH } from './collect-files';
import { StartHelper } from './decode-ahead';
import { describeUnlisted, listImages } from './images';
import { formatInputProblem } from './input-error';
import { DEFAULT_MAX_FILE_BYTES } from './read-bytes';
import { describeSkipped, exitCodeOf, resolvePacks, scan, scanAhead, ScanOptions } from './scan';
import type { StdoutRelay } from './stdout-relay';
import { writeStdoutSync } from './write-stdout';
import { ExternalObjects } from '../engine/external-objects';
import { FAIL_ON_VALUES, parseFailOn } from '../engine/fail-on';
import { DEFAULT_KUBERNETES_VERSION, RuleContext } from '../engine/rule-context';
import { Packs } from '../packs/packs';
import { FileWriter, writeFileAtomic } from '../private/atomic-write';
import { batched, jsonChunks } from '../private/json-chunks';
import { packageInfo } from '../private/package-info';

/** Output formats of `scan`. */
export const FORMATS = ['text', 'json', 'sarif'];

/** Where the CLI reads and writes; tests replace it to run the CLI in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads standard input to its end, or stops once it holds more than `maxBytes`. */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
  readonly cwd: string;
  /** The file-system calls `--output` goes through. @default - Node's fs */
  readonly writer?: FileWriter;
  /**
   * Returns once everything given to `stdout` is written, and throws what writing it failed with: `stdout` may
   * return before its text is written. @default - `stdout` writes before it returns
   */
  readonly flushStdout?: () => void;
  /** A thread that decodes the files of a scan ahead of it. @default - the scan decodes every file itself */
  readonly decodeHelper?: StartHelper;
  /** The scan's paths, expanded by another thread while this one started. @default - the scan expands them itself */
  readonly expandedAhead?: ExpandedAhead;
}

/** Exit codes of the CLI (the public contract). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** The exit codes as `scan --help` lists them (what `exitCodeOf` and `runScan` return). */
export const SCAN_EXIT_CODES = `
Exit codes:
  ${EXIT_OK}  no unsuppressed finding at or above --fail-on (and, with --fail-on-skipped, no object passed over)
  ${EXIT_FINDINGS}  an unsuppressed finding at or above --fail-on (error by default), or, with --fail-on-skipped, an object
     passed over unchecked
  ${EXIT_USAGE}  an input could not be read (the file and line are printed), bad usage (an unknown option or value), or
     the --output file could not be written; this wins over 1
`;

interface ScanFlags {
  readonly format: string;
  readonly packs?: string;
  readonly failOn: string;
  readonly output?: string;
  readonly kubernetesVersion?: string;
  readonly failOnSkipped?: boolean;
  /** False with --no-manifest-suppressions. */
  readonly manifestSuppressions: boolean;
  /** Every --external value, in order. */
  readonly external: string[];
}

/** Output formats of `images`. */
export const IMAGE_FORMATS = ['text', 'json'];

/** What `images --help` adds: the two formats, the JSON shape and the exit codes. */
export const IMAGES_HELP = `
Formats:
  text  one image reference per line, exactly as the manifests write it, each image once, in the order of the
        resolved images, and nothing else, so a shell loop can read it (through a file, so that exit code 2 is
        not lost in a pipe):
          cdk8s-hardened images dist/ --output images.txt
          while read -r img; do trivy image --exit-code 1 "$img"; done < images.txt
  json  {"version": 1, "images": [{
          "reference": "nginx:1.27",                  the reference to pull, as written
          "references": ["nginx:1.27"],               every form the manifests write this image in
          "image": "docker.io/library/nginx:1.27",    registry/repository[:tag][@digest] as the runtime resolves it
          "registry": "docker.io", "repository": "library/nginx",
          "tag": "1.27",                              "latest" when neither a tag nor a digest is written; null
                                                      with a digest alone
          "digest": null,                             "sha256:..." when pinned
          "usedBy": [{"kind": "Deployment", "namespace": "shop", "name": "web", "container": "web",
                      "containerField": "containers", "reference": "nginx:1.27",
                      "file": "dist/app.k8s.yaml", "line": 24, "constructPath": null}]}]}
        images sorted by "image", usedBy by namespace, kind, name and container; null marks an absent value.

Exit codes:
  ${EXIT_OK}  the list was written (a container with no image is named on standard error)
  ${EXIT_USAGE}  an input could not be read (the file and line are printed; the images of the other inputs are
     listed), bad usage, or the --output file could not be written
`;

interface ImagesFlags {
  readonly format: string;
  readonly output?: string;
}

interface PolicyFlags {
  readonly packs?: string;
  readonly honourSuppressionAnnotations?: boolean;
  readonly excludedNamespaces?: string;
  readonly output?: string;
}

/** `policies`: the AdmissionGuardrails chart as YAML. cdk8s is loaded only here, so `scan` starts without it. */
async function runPolicies(flags: PolicyFlags, io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`cdk8s-hardened policies: ${message}\n`);
    return EXIT_USAGE;
  };
  try {
    const packs = resolvePacks(flags.packs !== undefined ? flags.packs.split(',') : undefined);
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { App, Yaml } = require('cdk8s') as typeof import('cdk8s');
    const { AdmissionGuardrails } = require('../constructs/admission') as typeof import('../constructs/admission');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const chart = new AdmissionGuardrails(new App(), 'admission', {
      packs,
      honourSuppressionAnnotations: flags.honourSuppressionAnnotations === true,
      excludedNamespaces: flags.excludedNamespaces?.split(',').map(n => n.trim()).filter(n => n !== ''),
    });
    const yaml = Yaml.stringify(...chart.toJson());
    writeOutput(io, flags.output, [yaml], 'the policies');
    if (chart.ruleIds.length === 0) io.stderr('cdk8s-hardened policies: warning: none of these packs has a rule that an admission policy can enforce.\n');
    return EXIT_OK;
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Runs `cdk8s-hardened` with the arguments after the program name and returns the exit code:
 * 0 nothing at or above `--fail-on`, 1 findings at or above it, 2 bad usage or unreadable input.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('cdk8s-hardened')
    .description('Hardened-by-default constructs and guardrails for cdk8s; `scan` checks Kubernetes manifests from any source, `images` lists their container images.')
    .version(packageInfo().version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program.command('scan')
    .description('Check Kubernetes manifests (files, directories read recursively for .yaml/.yml/.json, or - for standard input) against the rule packs.')
    .argument('<paths...>', 'files, directories, or - for standard input')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .addOption(new Option('--packs <names>', `comma-separated rule packs to run (${Packs.names().join(', ')})`))
    .addOption(new Option('--fail-on <severity>', 'least severe unsuppressed finding that fails the run (exit 1)').choices(FAIL_ON_VALUES).default('error'))
    .addOption(new Option('--output <file>', 'write the report to a file instead of standard output'))
    .addOption(new Option('--kubernetes-version <version>', `Kubernetes version of the cluster, 1.NN (default: ${DEFAULT_KUBERNETES_VERSION}, the newest the packs know); a namespace defined in the files is judged at the Pod Security version it enforces, up to this one`))
    .addOption(new Option('--fail-on-skipped', 'fail the run (exit 1) when an object is passed over unchecked (a custom resource no rule reads, a document that is not a Kubernetes object), listing each one'))
    .addOption(new Option('--no-manifest-suppressions', 'ignore the manifests\' own cdk8s-hardened.io/suppress.<rule> annotations, so whoever writes the YAML cannot silence a finding (each ignored annotation is noted on its finding)'))
    .addOption(new Option('--external <objects>', 'comma-separated objects that exist in the cluster but not in the files, as Kind/namespace/name (* for any namespace or name), e.g. Secret/shop/db-credentials: references to them are not reported; may be repeated')
      .argParser((value: string, previous: string[]) => [...previous, ...value.split(',')]).default([]))
    .addHelpText('after', SCAN_EXIT_CODES)
    .action(async (paths: string[], flags: ScanFlags) => {
      exitCode = await runScan(paths, flags, io);
    });

  program.command('images')
    .description('List every container image of Kubernetes manifests once (files, directories read recursively for .yaml/.yml/.json, or - for standard input), with the workloads that run it: the input of an image scanner such as trivy.')
    .argument('<paths...>', 'files, directories, or - for standard input')
    .addOption(new Option('--format <format>', 'list format').choices(IMAGE_FORMATS).default('text'))
    .addOption(new Option('--output <file>', 'write the list to a file instead of standard output'))
    .addHelpText('after', IMAGES_HELP)
    .action(async (paths: string[], flags: ImagesFlags) => {
      exitCode = await runImages(paths, flags, io);
    });

  program.command('policies')
    .description('Print the ValidatingAdmissionPolicies and bindings that enforce the rules in the cluster (AdmissionGuardrails), as YAML for kubectl apply.')
    .addOption(new Option('--packs <names>', `comma-separated rule packs whose rules are enforced (${Packs.names().join(', ')})`))
    .addOption(new Option('--honour-suppression-annotations', 'let an object\'s cdk8s-hardened.io/suppress.<rule> annotation (with a reason) exempt it from that rule\'s policy'))
    .addOption(new Option('--excluded-namespaces <names>', 'comma-separated namespaces the policies do not apply to (default: kube-system)'))
    .addOption(new Option('--output <file>', 'write the policies to a file instead of standard output'))
    .action(async (flags: PolicyFlags) => {
      exitCode = await runPolicies(flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and --version end through here with exit code 0; every parse error is a usage error.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw e;
  }
  return exitCode;
}

async function runScan(paths: string[], flags: ScanFlags, io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`cdk8s-hardened scan: ${message}\n`);
    return EXIT_USAGE;
  };
  if (paths.filter(p => p === STDIN_PATH).length > 1) return usage('- (standard input) can be given only once.');

  let result;
  try {
    const failOn = parseFailOn(flags.failOn);
    if (flags.kubernetesVersion !== undefined) RuleContext.parseKubernetesMinor(flags.kubernetesVersion, '--kubernetes-version');
    ExternalObjects.parse(flags.external, '--external');
    // Read ahead of the scan (streams are asynchronous); past the limit the scan reports the input as too large.
    const stdin = paths.includes(STDIN_PATH) ? await io.readStdin(DEFAULT_MAX_FILE_BYTES) : undefined;
    const options: ScanOptions = {
      packs: flags.packs !== undefined ? flags.packs.split(',') : undefined,
      kubernetesVersion: flags.kubernetesVersion,
      manifestSuppressions: flags.manifestSuppressions,
      externalObjects: flags.external,
      cwd: io.cwd,
      stdin,
      expandedAhead: io.expandedAhead,
    };
    result = io.decodeHelper ? await scanAhead(paths, options, io.decodeHelper) : scan(paths, options);
    const rendered = render(result.report, flags.format);
    writeOutput(io, flags.output, rendered, 'the report');
    for (const problem of result.problems) io.stderr(`cdk8s-hardened scan: error: ${formatInputProblem(problem)}\n`);
    if (result.problems.length) {
      io.stderr(`cdk8s-hardened scan: ${result.problems.length} input${result.problems.length === 1 ? '' : 's'} could not be read; the objects in ${result.problems.length === 1 ? 'it were' : 'them were'} not checked.\n`);
    } else if (result.files === 0) {
      io.stderr(`cdk8s-hardened scan: warning: no .yaml, .yml or .json files found under ${paths.join(', ')}.\n`);
    }
    if (flags.failOnSkipped && result.report.skipped > 0) {
      io.stderr(`cdk8s-hardened scan: ${result.report.skipped} object${result.report.skipped === 1 ? ' was' : 's were'} not checked (--fail-on-skipped):\n`);
      for (const s of result.report.skippedObjects) io.stderr(`  ${describeSkipped(s)}\n`);
    }
    return exitCodeOf(result, failOn, flags.failOnSkipped === true);
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
}

async function runImages(paths: string[], flags: ImagesFlags, io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`cdk8s-hardened images: ${message}\n`);
    return EXIT_USAGE;
  };
  if (paths.filter(p => p === STDIN_PATH).length > 1) return usage('- (standard input) can be given only once.');
  try {
    const stdin = paths.includes(STDIN_PATH) ? await io.readStdin(DEFAULT_MAX_FILE_BYTES) : undefined;
    const { inventory, problems, files } = listImages(paths, { cwd: io.cwd, stdin });
    const rendered = flags.format === 'json' ? withNewline(jsonChunks(inventory.toJson())) : [inventory.toText()];
    writeOutput(io, flags.output, rendered, 'the image list');
    for (const u of inventory.unlistedContainers) io.stderr(`cdk8s-hardened images: warning: ${describeUnlisted(u)}.\n`);
    for (const problem of problems) io.stderr(`cdk8s-hardened images: error: ${formatInputProblem(problem)}\n`);
    if (problems.length) {
      io.stderr(`cdk8s-hardened images: ${problems.length} input${problems.length === 1 ? '' : 's'} could not be read; the images in ${problems.length === 1 ? 'it are' : 'them are'} not listed.\n`);
      return EXIT_USAGE;
    }
    if (files === 0) io.stderr(`cdk8s-hardened images: warning: no .yaml, .yml or .json files found under ${paths.join(', ')}.\n`);
    return EXIT_OK;
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The report in the format asked for, in pieces: a JSON or SARIF report of a large repository can pass the length
 * V8 allows one string, so it is written as it is produced (the same characters as JSON.stringify with 2 spaces).
 */
function render(report: { toText(): string; toJson(): any; toSarif(): any }, format: string): Iterable<string> {
  switch (format) {
    case 'json': return withNewline(jsonChunks(report.toJson()));
    case 'sarif': return withNewline(jsonChunks(report.toSarif()));
    default: return [report.toText()];
  }
}

function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}

/**
 * Writes a command's output: to the `--output` file (through a temporary file and a rename), or else to standard
 * output, returning once it is written there. Throws what writing failed with (a WriteFailure names the file); the
 * command reports it as a usage error.
 */
function writeOutput(io: CliIo, output: string | undefined, pieces: Iterable<string>, what: string): void {
  if (output) {
    writeFileAtomic(path.resolve(io.cwd, output), pieces, what, io.writer);
    return;
  }
  for (const piece of batched(pieces)) io.stdout(piece);
  io.flushStdout?.();
}

/**
 * The real process: standard streams and the current directory. With a relay, standard output is written by the
 * thread at the other end (stdout-relay.ts).
 */
export function processIo(relay?: StdoutRelay): CliIo {
  return {
    stdout: relay ? text => relay.write(text) : text => writeStdoutSync(text),
    // Synchronous too: in the worker thread the command runs in, process.stderr would reach the terminal through
    // the main thread, after standard output. What the relay holds is written first, to keep the two in order.
    stderr: text => { relay?.waitWritten(); writeStdoutSync(text, 2); },
    flushStdout: relay ? () => relay.drain() : undefined,
    cwd: process.cwd(),
    readStdin: maxBytes => new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let total = 0;
      process.stdin.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        total += chunk.length;
        if (total > maxBytes) {
          process.stdin.destroy();
          resolve(Buffer.concat(chunks, total));
        }
      });
      process.stdin.on('end', () => resolve(Buffer.concat(chunks, total)));
      process.stdin.on('error', reject);
    }),
  };
}
