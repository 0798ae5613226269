import { StartHelper } from './decode-ahead';
import { InputProblem } from './input-problem';
import { ManifestVisitor, readManifests, readManifestsAhead, ReadManifestsOptions, STDIN_NAME } from './read-manifests';
import { whySkipped } from './understood';
import { Evaluator } from '../engine/evaluator';
import { FailOn, failOnSeverity } from '../engine/fail-on';
import { SkippedObject } from '../engine/finding';
import { ManifestObject } from '../engine/manifest-object';
import { GuardrailReport } from '../engine/report';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import { Packs } from '../packs/packs';
import { isObject } from '../private/json';

export { STDIN_NAME };

/** How to scan. */
export interface ScanOptions extends ReadManifestsOptions {
  /** Names of the rule packs to run (see `Packs.names()`). @default - every shipped pack */
  readonly packs?: string[];
  /** Kubernetes version of the cluster, `1.NN`. @default - the newest version the packs know; pods in a namespace the input defines are judged at the Pod Security version it enforces */
  readonly kubernetesVersion?: string;
  /** Severity per rule ID, replacing the pack's. @default - the packs' severities */
  readonly severityOverrides?: { [ruleId: string]: Severity };
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
  const scanning = startScan(options);
  const { problems, files } = readManifests(paths, options, scanning.visitor);
  return { report: scanning.finish(), problems, files };
}

/**
 * `scan`, with the files decoded ahead by a helper thread (see `readManifestsAhead`): the same report, sooner on a
 * machine with a second core. The command line scans this way.
 */
export async function scanAhead(paths: string[], options: ScanOptions, startHelper: StartHelper): Promise<ScanResult> {
  const scanning = startScan(options);
  const { problems, files } = await readManifestsAhead(paths, options, scanning.visitor, startHelper);
  return { report: scanning.finish(), problems, files };
}

/** An evaluation fed by a reader: what it visits, and the report once every file is read. */
function startScan(options: ScanOptions): { visitor: ManifestVisitor; finish: () => GuardrailReport } {
  const evaluator = new Evaluator({
    packs: resolvePacks(options.packs),
    kubernetesVersion: options.kubernetesVersion,
    severityOverrides: options.severityOverrides,
    manifestSuppressions: options.manifestSuppressions,
    externalObjects: options.externalObjects,
  });
  // Each object is checked by the object-scope rules as soon as it is read; the app-scope rules run at the end.
  const session = evaluator._startSession();
  const skipped: SkippedObject[] = [];
  const visitor: ManifestVisitor = {
    object: (object, file) => {
      const reason = whySkipped(object.value);
      if (reason !== undefined) skipped.push(skippedObject(object.value, reason, file, object.line));
      else session.add(ManifestObject.fromJson(object.value, { file, line: object.line, locator: object.locator }));
    },
    // Documents kubectl would refuse (a Helm values file, a bare list) are passed over and listed with kubectl's
    // reason, in document order among the objects.
    refused: (reason, file, line) => { skipped.push(skippedObject({}, reason, file, line)); },
  };
  return { visitor, finish: () => session.finish({ skippedObjects: skipped }) };
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
