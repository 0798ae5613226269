import { IConstruct } from 'constructs';
import { DeclaredSuppression, Suppression, suppressionProblem } from '../engine/suppression';

const DECLARED = new WeakMap<IConstruct, DeclaredSuppression[]>();

/**
 * Suppressions attached to constructs: a suppression on a scope accepts the rule's findings on every object in
 * that scope's subtree, with the reason shown in every report. Unused suppressions are reported too.
 *
 * @example
 * Suppressions.add(legacy, { ruleId: 'workload-read-only-root-filesystem', reason: 'writes its cache to /var/cache; OPS-42' });
 */
export class Suppressions {
  /**
   * Accepts the findings of `suppression.ruleId` on every object under `scope`. Throws when the reason is
   * shorter than 10 characters, the rule ID is empty or the expiry date is malformed. A rule ID that none of the
   * guardrails' packs has is refused when the guardrails evaluate, with the closest known IDs.
   */
  public static add(scope: IConstruct, suppression: Suppression): void {
    const problem = suppressionProblem(suppression);
    if (problem) {
      throw new Error(`Suppressions.add on "${scope.node.path || '<app>'}": ${problem}.`);
    }
    const list = DECLARED.get(scope) ?? [];
    list.push({
      ruleId: suppression.ruleId.trim(),
      reason: suppression.reason.trim(),
      ...(suppression.expires ? { expires: suppression.expires } : {}),
      origin: scope.node.path || '<app>',
    });
    DECLARED.set(scope, list);
  }

  /** The suppressions declared on this construct itself (not its scopes). */
  public static declaredOn(scope: IConstruct): Suppression[] {
    return (DECLARED.get(scope) ?? []).map(({ ruleId, reason, expires }) => ({ ruleId, reason, ...(expires ? { expires } : {}) }));
  }

  /** @internal the declared records (identity matters: unused detection) on one construct. */
  public static _declared(scope: IConstruct): DeclaredSuppression[] {
    return DECLARED.get(scope) ?? [];
  }
}
