import { collectFiles, STDIN_PATH } from './collect-files';
import { decodeText } from './decode-text';
import { InputError } from './input-error';
import { InputProblem } from './input-problem';
import { DEFAULT_MAX_FILE_BYTES, readFileBytes, readStdinBytes } from './read-bytes';
import { whySkipped } from './understood';
import { decodeManifests } from '../decode/decode-manifests';
import { Evaluator } from '../engine/evaluator';
import { FailOn, failOnSeverity } from '../engine/fail-on';
import { SkippedObject } from '../engine/finding';
import { ManifestObject } from '../engine/manifest-object';
import { GuardrailReport } from '../engine/report';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import { Packs } from '../packs/packs';
import { isObject } from '../private/json';

/** The name standard input gets in reports. */
export const STDIN_NAME = '<stdin>';

/** How to scan. */
export interface ScanOptions {
  /** Names of the rule packs to run (see `Packs.names()`). @default - every shipped pack */
  readonly packs?: string[];
  /** Kubernetes version of the cluster, `1.NN`. @default - the newest version the packs know; pods in a namespace the input defines are judged at the Pod Security version it enforces */
  readonly kubernetesVersion?: string;
  /** Severity per rule ID, replacing the pack's. @default - the packs' severities */
  readonly severityOverrides?: { [ruleId: string]: Severity };
  /** Directory relative paths are resolved against. @default - process.cwd() */
  readonly cwd?: string;
  /** The content of standard input, for the path `-`. @default - read from file descriptor 0 */
  readonly stdin?: string | Uint8Array;
  /** The name standard input gets in the report. @default "<stdin>" */
  readonly stdinName?: string;
  /** Largest file read, in bytes. @default 64 MiB */
  readonly maxFileBytes?: number;
  /**
   * Whether the manifests' own `cdk8s-hardened.io/suppress.<ruleId>` annotations may suppress findings.
   * @default true
   */
  readonly manifestSuppressions?: boolean;
  /**
   * Objects that exist in the cluster but not in the scanned files, as `Kind/namespace/name` (`*` for any
   * namespace or name): references to them are not reported.
   * @default - none
   */
  readonly externalObjects?: string[];
}

/** What a scan found. */
export interface ScanResult {
  /** Findings over every object that could be read, with `skipped` counting the objects passed over. */
  readonly report: GuardrailReport;
  /** Inputs that could not be read; their objects are not in the report. */
  readonly problems: InputProblem[];
  /** Files read (standard input counts as one). */
  readonly files: number;
}

/**
 * Scans files, directories (recursively, `.yaml`/`.yml`/`.json`, sorted) and standard input (`-`) and evaluates
 * every understood object with one Evaluator, so whole-app rules see all files together. Object-scope rules run as
 * each document is read; the report is the one a single evaluation of all objects gives.
 *
 * An unreadable input never hides the findings of the others: it is returned in `problems`. Bad options (an unknown
 * pack, a malformed Kubernetes version) throw.
 */
export function scan(paths: string[], options: ScanOptions = {}): ScanResult {
  const evaluator = new Evaluator({
    packs: resolvePacks(options.packs),
    kubernetesVersion: options.kubernetesVersion,
    severityOverrides: options.severityOverrides,
    manifestSuppressions: options.manifestSuppressions,
    externalObjects: options.externalObjects,
  });
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const cwd = options.cwd ?? process.cwd();
  const problems: InputProblem[] = [];
  // Each object is checked by the object-scope rules as soon as it is read; the app-scope rules run at the end.
  const session = evaluator._startSession();
  const skipped: SkippedObject[] = [];
  let files = 0;

  const read = (file: string, load: () => Uint8Array | string) => {
    files++;
    try {
      const loaded = load();
      const text = typeof loaded === 'string' ? loaded : decodeText(loaded, file);
      const decoded = decodeManifests(text, file);
      // Documents kubectl would refuse (a Helm values file, a bare list) are passed over and listed with kubectl's
      // reason, in document order among the objects.
      let next = 0;
      const refusedBefore = (documentIndex: number) => {
        for (; next < decoded.refused.length && decoded.refused[next].documentIndex <= documentIndex; next++) {
          skipped.push(skippedObject({}, decoded.refused[next].reason, file, decoded.refused[next].line));
        }
      };
      for (const object of decoded.objects) {
        refusedBefore(object.documentIndex);
        const reason = whySkipped(object.value);
        if (reason !== undefined) {
          skipped.push(skippedObject(object.value, reason, file, object.line));
          continue;
        }
        session.add(ManifestObject.fromJson(object.value, { file, line: object.line, locator: object.locator }));
      }
      refusedBefore(Infinity);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(e.problem);
    }
  };

  // Standard input is read where `-` appears among the paths, so the report follows the command line's order.
  const groups: string[][] = [[]];
  for (const p of paths) {
    if (p === STDIN_PATH) groups.push([STDIN_PATH], []);
    else groups[groups.length - 1].push(p);
  }
  for (const group of groups) {
    if (group.length === 1 && group[0] === STDIN_PATH) {
      const name = options.stdinName ?? STDIN_NAME;
      read(name, () => stdinContent(options.stdin, maxBytes, name));
      continue;
    }
    const collected = collectFiles(group, cwd);
    problems.push(...collected.errors.map(e => e.problem));
    for (const entry of collected.files) read(entry.display, () => readFileBytes(entry.absolute, entry.display, maxBytes));
  }

  return { report: session.finish({ skippedObjects: skipped }), problems, files };
}

/** What the report says about a document that was passed over. */
export function skippedObject(value: unknown, reason: string, file?: string, line?: number): SkippedObject {
  const object = isObject(value) ? value : {};
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const entries: { [key: string]: string | number | undefined } = {
    apiVersion: text(object.apiVersion),
    kind: text(object.kind),
    name: text(metadata.name),
    namespace: text(metadata.namespace),
    file,
    line,
  };
  const result: { -readonly [K in keyof SkippedObject]: SkippedObject[K] } = { reason };
  for (const [key, v] of Object.entries(entries)) if (v !== undefined) (result as any)[key] = v;
  return result;
}

/**
 * The exit code of a scan: 2 when an input could not be read, else 1 when an unsuppressed finding is at or above
 * `failOn` (or, with `failOnSkipped`, when an object was passed over unchecked), else 0.
 */
export function exitCodeOf(result: Pick<ScanResult, 'report' | 'problems'>, failOn: FailOn = FailOn.ERROR, failOnSkipped = false): number {
  if (result.problems.length > 0) return 2;
  if (failOnSkipped && result.report.skipped > 0) return 1;
  const threshold = failOnSeverity(failOn);
  return threshold && result.report.hasFindingsAtOrAbove(threshold) ? 1 : 0;
}

/** One line per skipped object, `file:line: Kind ns/name (apiVersion): reason`, for --fail-on-skipped. */
export function describeSkipped(s: SkippedObject): string {
  const where = [s.file ?? s.constructPath, s.line].filter(x => x !== undefined).join(':');
  const what = s.kind ? `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name ?? '<unnamed>'} (${s.apiVersion ?? 'no apiVersion'})` : 'a document';
  return `${where ? `${where}: ` : ''}${what} was not checked: ${s.reason}`;
}

/** The shipped packs with these names, in the order given; every pack when none are named. */
export function resolvePacks(names?: string[]): RulePack[] {
  if (names === undefined) return Packs.defaults();
  const cleaned = names.map(n => n.trim()).filter(n => n !== '');
  if (cleaned.length === 0) {
    throw new Error(`No rule pack named: give one or more of ${Packs.names().join(', ')}.`);
  }
  return cleaned.map(name => Packs.byName(name));
}

function stdinContent(given: string | Uint8Array | undefined, maxBytes: number, name: string): Uint8Array | string {
  if (given === undefined) return readStdinBytes(maxBytes, name);
  const bytes = typeof given === 'string' ? Buffer.from(given, 'utf8') : given;
  if (bytes.length > maxBytes) {
    throw new InputError({ file: name, message: `the input is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB, the most scan reads from one file; split it` });
  }
  return bytes;
}
