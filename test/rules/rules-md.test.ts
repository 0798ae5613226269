import * as fs from 'fs';
import * as path from 'path';
import { AdmissionGuardrails, Packs, RuleScope } from '../../src';
import { renderRulesMarkdown } from '../../src/engine/rules-markdown';
import { celFormOf, noCelFormReasonOf } from '../../src/private/cel-form';

describe('RULES.md', () => {
  test('is up to date with the rule metadata (regenerate with `npx projen rules-md`)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '../../RULES.md'), 'utf-8');
    expect(committed).toEqual(renderRulesMarkdown(Packs.defaults(), AdmissionGuardrails.enforceableRuleIds()));
  });

  test('lists every shipped rule with its remediation', () => {
    const md = renderRulesMarkdown(Packs.defaults(), AdmissionGuardrails.enforceableRuleIds());
    for (const pack of Packs.defaults()) {
      for (const rule of pack.rules) {
        expect(md).toContain(`### ${rule.id}`);
        expect(md).toContain(rule.remediation);
      }
    }
  });
});

describe('rule metadata', () => {
  const rules = Packs.defaults().flatMap(p => p.rules);
  test.each(rules.map(r => [r.id, r]))('%s has full-sentence texts and the fields it reads', (_id, rule) => {
    for (const text of [rule.summary, rule.explanation, rule.remediation]) {
      expect(text).toMatch(/^[A-Z`].*[.)]$/s);
    }
    expect(rule.fields.length).toBeGreaterThan(0);
  });

  test('every rule of one object is enforced in the cluster (a CEL form, or Pod Security Admission), or says why not', () => {
    const unexplained = rules.filter(r => r.scope === RuleScope.OBJECT && !celFormOf(r) && !r.equivalents.pss && !noCelFormReasonOf(r));
    expect(unexplained.map(r => r.id)).toEqual([]);
    // A reason is for a rule without a form, and is a sentence RULES.md can print after "none: ".
    const both = rules.filter(r => celFormOf(r) && noCelFormReasonOf(r));
    expect(both.map(r => r.id)).toEqual([]);
    for (const r of rules.filter(x => noCelFormReasonOf(x))) expect(noCelFormReasonOf(r)).toMatch(/^[a-zA-Z].*[^.]$/s);
  });

  test('every PSS rule names its Pod Security Admission check', () => {
    const pss = Packs.defaults().filter(p => p.name.startsWith('pss-')).flatMap(p => p.rules);
    expect(pss.filter(r => !r.equivalents.pss).map(r => r.id)).toEqual([]);
  });
});
