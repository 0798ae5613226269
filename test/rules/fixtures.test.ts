import * as fs from 'fs';
import * as path from 'path';
import { pinKey, pinOf, readPins } from './fixture-pins';
import { Packs, Rule } from '../../src';
import { describeFindings, RuleFixtures, runRule } from '../helpers/rule-harness';

// Every shipped rule, by ID, kept from the first pack that has it, as the evaluator does.
const rules = new Map<string, Rule>();
for (const pack of Packs.defaults()) for (const rule of pack.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);

// Fixture tables live in test/rules/fixtures/*.ts, one file per pack.
const fixtureDir = path.join(__dirname, 'fixtures');
const tables: RuleFixtures[] = fs.readdirSync(fixtureDir)
  .filter(f => f.endsWith('.ts'))
  .sort()
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .flatMap(f => require(path.join(fixtureDir, f)).fixtures as RuleFixtures[]);

const pins = readPins();

describe('rule fixtures', () => {
  test('every shipped rule has a failing and a passing fixture', () => {
    const missing = [...rules.keys()].filter(id => {
      const t = tables.filter(x => x.ruleId === id);
      return t.flatMap(x => x.failing).length === 0 || t.flatMap(x => x.passing).length === 0;
    });
    expect(missing).toEqual([]);
  });

  test('every fixture names a shipped rule', () => {
    expect(tables.map(t => t.ruleId).filter(id => !rules.has(id))).toEqual([]);
  });

  test('every failing fixture has a pin (rule ID, count, field paths), and every pin a failing fixture', () => {
    const keys = tables.flatMap(t => t.failing.map(c => pinKey(t.ruleId, c.name)));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(keys.filter(k => !pins[k])).toEqual([]);
    expect(Object.keys(pins).filter(k => !keys.includes(k))).toEqual([]);
  });

  for (const table of tables) {
    const rule = rules.get(table.ruleId);
    if (!rule) continue;
    describe(`${rule.id}: ${rule.summary}`, () => {
      for (const c of table.failing) {
        test(c.name, () => {
          const findings = runRule(rule, c.objects, c.kubernetesVersion);
          if (findings.length === 0) throw new Error('expected at least one finding, got none');
          // Exactly the pinned findings: each from this rule, as many as pinned, at the pinned field paths.
          const pin = pins[pinKey(rule.id, c.name)];
          if (pin) {
            expect(findings.map(f => f.ruleId).filter(id => id !== pin.ruleId)).toEqual([]);
            expect(pinOf(rule.id, findings)).toEqual(pin);
          }
          for (const text of c.messageIncludes ?? []) {
            if (!findings.some(f => f.message.includes(text))) {
              throw new Error(`no finding mentions ${JSON.stringify(text)}:\n${describeFindings(findings)}`);
            }
          }
          if (c.path && !findings.some(f => f.path === c.path)) {
            throw new Error(`no finding points at ${c.path}:\n${describeFindings(findings)}`);
          }
          expect(findings.every(f => !f.message.includes('could not evaluate'))).toBe(true);
        });
      }
      for (const c of table.passing) {
        test(c.name, () => {
          const findings = runRule(rule, c.objects, c.kubernetesVersion);
          if (findings.length > 0) throw new Error(`expected no finding, got:\n${describeFindings(findings)}`);
        });
      }
    });
  }
});
