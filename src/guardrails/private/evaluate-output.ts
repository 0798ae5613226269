import { ApiObject, Include } from 'cdk8s';
import { IConstruct } from 'constructs';
import { collectObjects, CollectedObject } from './collect-objects';
import { SynthesisOutput } from './synthesis-output';
import { refuseUnknownSuppressions } from './unknown-suppressions';
import { hardeningOf } from '../../aspects/private/hardening-log';
import { skippedObject } from '../../cli/scan';
import { whySkipped } from '../../cli/understood';
import { Evaluator } from '../../engine/evaluator';
import { SkippedObject } from '../../engine/finding';
import { ManifestObject } from '../../engine/manifest-object';
import { GuardrailReport } from '../../engine/report';
import { RulePack } from '../../engine/rule-pack';
import { SUPPRESS_ANNOTATION_PREFIX, SUPPRESS_EXPIRES_ANNOTATION_PREFIX } from '../../engine/suppression';
import { ExternalDeclarations } from '../external-declarations';

/** A report and the objects it judged. */
export interface OutputEvaluation {
  readonly report: GuardrailReport;
  readonly collected: CollectedObject[];
}

/**
 * Evaluates the objects under `scope` in a synthesis output, once. With `annotate`, each construct-level suppression
 * that accepted a finding is then written into its object's annotations, the objects concerned are rendered again
 * into the output and the output is evaluated again, so what is judged is exactly what is written.
 */
export function evaluateOutput(evaluator: Evaluator, scope: IConstruct, output: SynthesisOutput, options: EvaluateOutputOptions): OutputEvaluation {
  let collected = collectObjects(scope, output);
  let report = evaluate(evaluator, scope, output, collected, options);
  if (options.annotate) {
    const stamped = annotateConstructSuppressions(collected, report);
    if (stamped.size) {
      output.rerender(stamped);
      collected = collectObjects(scope, output);
      report = evaluate(evaluator, scope, output, collected, options);
    }
  }
  return { report, collected };
}

/** How the output is evaluated. */
export interface EvaluateOutputOptions {
  /** Write accepted construct suppressions into the manifests. */
  readonly annotate: boolean;
  /** Trust the suppression annotations of objects read by an Include (Helm included). */
  readonly trustIncludedSuppressions: boolean;
  /** The packs the evaluator runs: a suppression of a rule none of them has is refused. */
  readonly packs: RulePack[];
}

/** Evaluates the objects rules read, as scan does, and lists the others (and refused documents) as skipped. */
function evaluate(
  evaluator: Evaluator, scope: IConstruct, output: SynthesisOutput, collected: CollectedObject[], options: EvaluateOutputOptions,
): GuardrailReport {
  const root = scope.node.root;
  const refused = output.refused(o => (o ? scope === root || o.node.scopes.includes(scope) : scope === root));
  const skippedObjects: SkippedObject[] = [];
  for (let i = 0; i < refused; i++) skippedObjects.push({ reason: 'a document kubectl refuses to apply (no kind, or a type error in its metadata)' });
  const objects: ManifestObject[] = [];
  for (const { apiObject, object } of collected) {
    const reason = whySkipped(object.manifest);
    if (reason !== undefined) {
      const where = object.constructPath ? { constructPath: object.constructPath } : {};
      skippedObjects.push({ ...skippedObject(object.manifest, reason), ...where });
      continue;
    }
    const distrusted = !options.trustIncludedSuppressions && apiObject !== undefined && cameFromInclude(apiObject);
    objects.push(distrusted ? ManifestObject.fromJson(object.manifest, {
      constructPath: object.constructPath,
      suppressions: object.suppressions,
      trustAnnotationSuppressions: false,
    }) : object);
  }
  refuseUnknownSuppressions(scope, objects, options.packs);
  // An ApiObject whose output is a List renders several objects: its changes are listed once.
  const hardened = new Set<ApiObject>();
  for (const { apiObject } of collected) if (apiObject) hardened.add(apiObject);
  const hardening = [...hardened].flatMap(hardeningOf);
  // Objects declared external anywhere in the app are cluster facts, not scoped to the checked subtree.
  return evaluator.evaluate(objects, { skippedObjects, hardening, externalObjects: ExternalDeclarations.under(root) });
}

/** True when the object was read from YAML by an Include (Helm is one), not built by the app's code. */
function cameFromInclude(apiObject: ApiObject): boolean {
  return apiObject.node.scopes.some(scope => scope instanceof Include);
}

/**
 * Writes construct-level suppressions that accepted a finding into the annotations of the ApiObject, when the
 * object is that ApiObject's whole document (an annotation on a List would not reach its items). Returns the
 * ApiObjects that got an annotation.
 */
function annotateConstructSuppressions(collected: CollectedObject[], report: GuardrailReport): Set<ApiObject> {
  const byPath = new Map<string, CollectedObject>();
  for (const c of collected) {
    if (c.apiObject && c.whole && c.object.constructPath !== undefined) byPath.set(c.object.constructPath, c);
  }
  const stamped = new Set<ApiObject>();
  for (const f of report.findings) {
    if (!f.suppressed || !f.suppression || f.suppression.origin.startsWith('annotation on ') || f.constructPath === undefined) continue;
    const target = byPath.get(f.constructPath);
    if (!target?.apiObject) continue;
    const key = SUPPRESS_ANNOTATION_PREFIX + f.ruleId;
    if (target.object.annotations[key] !== undefined) continue;
    target.apiObject.metadata.addAnnotation(key, f.suppression.reason);
    if (f.suppression.expires) {
      target.apiObject.metadata.addAnnotation(SUPPRESS_EXPIRES_ANNOTATION_PREFIX + f.ruleId, f.suppression.expires);
    }
    stamped.add(target.apiObject);
  }
  return stamped;
}
