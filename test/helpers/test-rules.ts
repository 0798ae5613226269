import { IRuleCheck, ManifestObject, Rule, RuleContext, RulePack, RuleViolation, Severity } from '../../src';

/** Flags every object whose `metadata.labels.bad` is "true": a rule whose verdict a test controls directly. */
export class BadLabelCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    return object.labels.bad === 'true' ? [{ message: 'sets label bad=true', path: 'metadata.labels.bad' }] : [];
  }
}

/** Throws on every object labelled `explode`. */
export class ExplodingCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    if (object.labels.explode) throw new Error('boom');
    return [];
  }
}

/** Counts the objects of the whole evaluation, to check that whole-app rules see everything. */
export class CountingCheck implements IRuleCheck {
  public seen: number[] = [];
  public check(_object: ManifestObject, context: RuleContext): RuleViolation[] {
    this.seen.push(context.objects.length);
    return [];
  }
}

export function testRule(id: string, severity: Severity, check: IRuleCheck): Rule {
  return new Rule({
    id,
    severity,
    summary: `Test rule ${id}.`,
    explanation: 'A rule used only by the engine tests.',
    remediation: 'Remove the label that triggers it.',
    fields: ['metadata.labels'],
    equivalents: { checkov: 'CKV_TEST_1' },
    check,
  });
}

export function testPack(...rules: Rule[]): RulePack {
  return new RulePack({ name: 'test-pack', description: 'Rules for the engine tests.', rules });
}

export const BAD_LABEL_ERROR = testRule('test-bad-label', Severity.ERROR, new BadLabelCheck());
export const BAD_LABEL_WARNING = testRule('test-bad-label-warning', Severity.WARNING, new BadLabelCheck());
