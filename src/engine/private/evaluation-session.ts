import { annotationSuppressions, decide, resourceOf, runCheck, toFinding } from './object-findings';
import type { HardeningChange } from '../../aspects/hardening-change';
import { enforcedVersionOf, podNamespaceOf } from '../../private/namespace-psa-version';
import { podTemplateOf } from '../../private/pod-template';
import { isNamespaceObject } from '../../rules/network/private/namespaces';
import { ExternalObjects } from '../external-objects';
import { Finding, ResourceRef, SeverityOverride, SkippedObject, UnusedSuppression } from '../finding';
import { ManifestObject } from '../manifest-object';
import { GuardrailReport } from '../report';
import { Rule, RuleScope } from '../rule';
import { RuleContext } from '../rule-context';
import { Severity } from '../severity';
import { DeclaredSuppression } from '../suppression';

/** What every evaluation of one Evaluator shares. */
export interface SessionSettings {
  readonly rules: Rule[];
  readonly kubernetesMinor: number;
  readonly severityOverrides: SeverityOverride[];
  /** The pack's severity of each rule whose severity an override changed. */
  readonly packSeverity: Map<string, Severity>;
  readonly date: string;
  readonly allowErrorSuppression: boolean;
  readonly manifestSuppressions: boolean;
  readonly externalObjects: ExternalObjects;
}

/** Objects passed over, as `EvaluateOptions` gives them. */
export interface SkippedInput {
  readonly skipped?: number;
  readonly skippedObjects?: SkippedObject[];
  /** What hardening aspects changed on the objects, for the report. */
  readonly hardening?: HardeningChange[];
}

/** A finding and the position of its rule in the evaluator's rule list, which orders an object's findings. */
interface RankedFinding {
  readonly rank: number;
  readonly finding: Finding;
}

/** What the object-scope rules found on one object, at the Pod Security version they ran at. */
interface ObjectRecord {
  readonly object: ManifestObject;
  readonly suppressions: DeclaredSuppression[];
  minor: number;
  findings: RankedFinding[];
  used: RankedSuppression[];
  /** Ranks of the object-scope rules that read the Kubernetes version on this object: only they can judge it otherwise at another. */
  versionReaders: Set<number>;
}

/** A suppression a rule's finding used, with the rule's rank. */
interface RankedSuppression {
  readonly rank: number;
  readonly suppression: DeclaredSuppression;
}

/** An object-scope context that notes when a rule reads its Kubernetes version. */
interface VersionWatch {
  readonly context: RuleContext;
  read: boolean;
}

/**
 * One evaluation, fed one object at a time. Rules of scope OBJECT run as each object is added, while its document
 * is at hand (so finding the lines they point at re-reads nothing), with a context that holds no objects; rules of
 * scope APP run in `finish`, over every object. The report is the one a single evaluation of all objects gives:
 * findings in object order, and in rule order within an object.
 *
 * A pod is judged at the Pod Security version its namespace enforces. When the Namespace object comes after the pod
 * (or a later one changes the version), `finish` runs the object-scope rules of that pod again at the final version.
 */
export class EvaluationSession {
  private readonly records: ObjectRecord[] = [];
  private readonly versions = new Map<string, number>();
  private readonly objectRules: Array<{ rule: Rule; rank: number }> = [];
  private readonly appRules: Array<{ rule: Rule; rank: number }> = [];
  private readonly objectContexts = new Map<number, VersionWatch>();

  /**
   * @param settings what the evaluator decided
   * @param known objects known in advance (all of them, for a one-shot evaluation): their Namespaces set the
   * versions from the start, so no pod is judged twice
   */
  constructor(private readonly settings: SessionSettings, known: ManifestObject[] = []) {
    settings.rules.forEach((rule, rank) => (rule.scope === RuleScope.OBJECT ? this.objectRules : this.appRules).push({ rule, rank }));
    for (const object of known) this.noteNamespace(object);
  }

  /** Adds one object, and runs the object-scope rules on it now. */
  public add(object: ManifestObject): void {
    this.noteNamespace(object);
    const fromAnnotations = annotationSuppressions(object, this.settings.manifestSuppressions && object.trustAnnotationSuppressions);
    const suppressions = fromAnnotations.length ? [...object.suppressions, ...fromAnnotations] : object.suppressions;
    const minor = this.minorOf(object, this.versions);
    const versionReaders = new Set<number>();
    const { findings, used } = this.findingsOf(this.objectRules, object, this.objectContext(minor), suppressions, versionReaders);
    this.records.push({ object, suppressions, minor, findings, used, versionReaders });
  }

  /** Runs the app-scope rules over every object added and builds the report. */
  public finish(skipped: SkippedInput = {}): GuardrailReport {
    const objects = this.records.map(r => r.object);
    const base = new RuleContext(objects, { kubernetesVersion: `1.${this.settings.kubernetesMinor}`, externalObjects: this.settings.externalObjects });
    const byMinor = new Map<number, RuleContext>([[base.kubernetesMinor, base]]);
    const appContext = (minor: number) => {
      let context = byMinor.get(minor);
      if (!context) byMinor.set(minor, context = base.atKubernetesVersion(`1.${minor}`));
      return context;
    };

    const findings: Finding[] = [];
    const used = new Set<DeclaredSuppression>();
    const declared = new Set<DeclaredSuppression>();
    for (const record of this.records) {
      const { object, suppressions } = record;
      for (const s of suppressions) declared.add(s);
      const minor = this.minorOf(object, this.versions);
      if (minor !== record.minor) this.judgeAgain(record, minor);
      const app = this.findingsOf(this.appRules, object, appContext(minor), suppressions);
      for (const s of record.used) used.add(s.suppression);
      for (const s of app.used) used.add(s.suppression);
      mergeByRank(record.findings, app.findings, findings);
    }

    const unused: UnusedSuppression[] = [...declared]
      .filter(s => !used.has(s))
      .map(s => ({ ruleId: s.ruleId, reason: s.reason, origin: s.origin }));
    return new GuardrailReport({
      objects: objects.length,
      findings,
      rules: this.settings.rules,
      unusedSuppressions: unused,
      skipped: skipped.skipped,
      skippedObjects: skipped.skippedObjects,
      severityOverrides: this.settings.severityOverrides,
      hardening: skipped.hardening,
    });
  }

  /**
   * Runs again, at the namespace's final Pod Security version, the object-scope rules that read the version on the
   * object: a rule that did not read it judged the object as it would at any version, so its findings stand.
   */
  private judgeAgain(record: ObjectRecord, minor: number): void {
    const readers = this.objectRules.filter(r => record.versionReaders.has(r.rank));
    record.minor = minor;
    if (readers.length === 0) return;
    const versionReaders = new Set<number>();
    const again = this.findingsOf(readers, record.object, this.objectContext(minor), record.suppressions, versionReaders);
    const kept = record.findings.filter(f => !record.versionReaders.has(f.rank));
    const findings: RankedFinding[] = [];
    mergeRanked(kept, again.findings, r => findings.push(r));
    record.findings = findings;
    record.used = [...record.used.filter(u => !record.versionReaders.has(u.rank)), ...again.used];
    record.versionReaders = versionReaders;
  }

  /** The Pod Security version an object is judged at: its namespace's for a pod, the target's otherwise. */
  private minorOf(object: ManifestObject, versions: Map<string, number>): number {
    if (versions.size === 0 || !podTemplateOf(object)) return this.settings.kubernetesMinor;
    return versions.get(podNamespaceOf(object)) ?? this.settings.kubernetesMinor;
  }

  private noteNamespace(object: ManifestObject): void {
    if (!isNamespaceObject(object) || !object.name) return;
    // The last Namespace object of a name wins, as the last `kubectl apply` of it does.
    this.versions.set(object.name, enforcedVersionOf(object, this.settings.kubernetesMinor));
  }

  /** A context without objects, at one version: what object-scope rules may read. */
  private objectContext(minor: number): VersionWatch {
    let watch = this.objectContexts.get(minor);
    if (!watch) {
      const context = new RuleContext([], { kubernetesVersion: `1.${minor}` });
      const misuse = () => {
        throw new Error('the rule is declared with scope OBJECT but reads other objects through its context: declare it RuleScope.APP');
      };
      Object.defineProperty(context, 'objects', { get: misuse });
      Object.defineProperty(context, '_memoize', { value: misuse });
      const created: VersionWatch = { context, read: false };
      // Every read of the version, by the rule or by a method of the context, goes through these getters.
      for (const key of ['kubernetesMinor', 'kubernetesVersion'] as const) {
        const value = context[key];
        Object.defineProperty(context, key, { get: () => { created.read = true; return value; } });
      }
      this.objectContexts.set(minor, watch = created);
    }
    return watch;
  }

  /**
   * Runs rules on an object. With a VersionWatch (object-scope rules), notes in `versionReaders` the ranks of the
   * rules that read the Kubernetes version.
   */
  private findingsOf(
    rules: Array<{ rule: Rule; rank: number }>, object: ManifestObject, at: RuleContext | VersionWatch, suppressions: DeclaredSuppression[],
    versionReaders?: Set<number>,
  ): { findings: RankedFinding[]; used: RankedSuppression[] } {
    const findings: RankedFinding[] = [];
    const used: RankedSuppression[] = [];
    const watch = at instanceof RuleContext ? undefined : at;
    const context = watch ? watch.context : at as RuleContext;
    // Shared by every finding of the object: findings are read-only.
    let target: { name: string; resource: ResourceRef } | undefined;
    for (const { rule, rank } of rules) {
      if (watch) watch.read = false;
      const violations = runCheck(rule, object, context);
      if (watch?.read) versionReaders!.add(rank);
      for (const violation of violations) {
        target ??= { name: object.displayName, resource: resourceOf(object) };
        const candidates = suppressions.length ? suppressions.filter(s => s.ruleId === rule.id) : [];
        // Every suppression naming the rule counts as used, even when another one (say, the same suppression
        // declared on the construct and written into the manifest) is the one applied.
        for (const suppression of candidates) used.push({ rank, suppression });
        const decision = candidates.length ? decide(candidates, rule, this.settings.date, this.settings.allowErrorSuppression) : {};
        const finding = toFinding(rule, object, target.name, target.resource, violation, decision, this.settings.packSeverity.get(rule.id));
        findings.push({ rank, finding });
      }
    }
    return { findings, used };
  }
}

/** Appends the findings of two rank-ordered lists to `out`, in rank order (the first list first on a tie). */
function mergeByRank(a: RankedFinding[], b: RankedFinding[], out: Finding[]): void {
  mergeRanked(a, b, r => out.push(r.finding));
}

function mergeRanked(a: RankedFinding[], b: RankedFinding[], push: (r: RankedFinding) => void): void {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].rank <= b[j].rank)) push(a[i++]);
    else push(b[j++]);
  }
}
