// Rewrites test/rules/fixtures/pins.json from what each failing fixture produces now:
// `npx ts-node --project tsconfig.dev.json test/rules/update-pins.ts`. Review the diff: every changed pin is a
// changed behaviour of a rule.
import * as fs from 'fs';
import * as path from 'path';
import { Pin, pinKey, pinOf, PINS_FILE } from './fixture-pins';
import { Packs, Rule } from '../../src';
import { RuleFixtures, runRule } from '../helpers/rule-harness';

const rules = new Map<string, Rule>();
for (const pack of Packs.defaults()) for (const rule of pack.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
const dir = path.join(__dirname, 'fixtures');
const pins: { [key: string]: Pin } = {};
for (const f of fs.readdirSync(dir).filter(x => x.endsWith('.ts')).sort()) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const table of require(path.join(dir, f)).fixtures as RuleFixtures[]) {
    const rule = rules.get(table.ruleId);
    if (!rule) continue;
    for (const c of table.failing) pins[pinKey(rule.id, c.name)] = pinOf(rule.id, runRule(rule, c.objects, c.kubernetesVersion));
  }
}
fs.writeFileSync(PINS_FILE, JSON.stringify(pins, null, 1) + '\n');
process.stdout.write(`${Object.keys(pins).length} pins written to ${path.relative(process.cwd(), PINS_FILE)}\n`);
