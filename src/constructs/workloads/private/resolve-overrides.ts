import { invalid, RefusalSubject } from './refusal';
import { suppressionProblem } from '../../../engine/suppression';

/** What every construct's override carries (HardeningOverride, ApiAccessOverride). */
export interface CheckOverride<C extends string> {
  readonly check: C;
  readonly reason: string;
  readonly expires?: string;
}

/**
 * The overrides by check, each with a known check, a reason and a valid expiry date; a check may appear once.
 * Shared by the constructs that accept overrides, so their refusals read alike in every language.
 * @param checkEnum the enum's name, for the message (`HardeningCheck`)
 * @param checks the enum's values
 */
export function resolveOverrides<C extends string, O extends CheckOverride<C>>(
  subject: RefusalSubject, overrides: readonly O[] | undefined, checkEnum: string, checks: readonly C[],
): Map<C, O> {
  const resolved = new Map<C, O>();
  (overrides ?? []).forEach((o, i) => {
    if (!checks.includes(o?.check)) {
      throw invalid(subject, `overrides[${i}].check`, o?.check, `use one of the values of ${checkEnum}: ${checks.join(', ')}`);
    }
    const problem = suppressionProblem({ ruleId: o.check, reason: o.reason, expires: o.expires });
    if (problem) {
      throw new Error(`${subject.construct} ${subject.path}: overrides[${i}] is the override of ${o.check}; ${problem.replace(/^the suppression of "[^"]*"/, 'it')}.`);
    }
    if (resolved.has(o.check)) {
      throw invalid(subject, `overrides[${i}].check`, o.check, 'each check may be overridden once: merge the reasons into one override');
    }
    resolved.set(o.check, o);
  });
  return resolved;
}
