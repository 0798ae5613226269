import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { collectObjects, CollectedObject } from './collect-objects';
import { SynthesisOutput } from './synthesis-output';
import { Evaluator } from '../../engine/evaluator';
import { GuardrailReport } from '../../engine/report';
import { SUPPRESS_ANNOTATION_PREFIX, SUPPRESS_EXPIRES_ANNOTATION_PREFIX } from '../../engine/suppression';

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
export function evaluateOutput(evaluator: Evaluator, scope: IConstruct, output: SynthesisOutput, annotate: boolean): OutputEvaluation {
  let collected = collectObjects(scope, output);
  let report = evaluate(evaluator, scope, output, collected);
  if (annotate) {
    const stamped = annotateConstructSuppressions(collected, report);
    if (stamped.size) {
      output.rerender(stamped);
      collected = collectObjects(scope, output);
      report = evaluate(evaluator, scope, output, collected);
    }
  }
  return { report, collected };
}

function evaluate(evaluator: Evaluator, scope: IConstruct, output: SynthesisOutput, collected: CollectedObject[]): GuardrailReport {
  const root = scope.node.root;
  const skipped = output.refused(o => (o ? scope === root || o.node.scopes.includes(scope) : scope === root));
  return evaluator.evaluate(collected.map(c => c.object), skipped ? { skipped } : {});
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
