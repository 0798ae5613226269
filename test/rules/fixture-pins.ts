import * as fs from 'fs';
import * as path from 'path';
import { Finding } from '../../src';

/**
 * What each failing fixture must produce, pinned in fixtures/pins.json: the rule ID of every finding, their number
 * and the field path of each (sorted). Keyed by `<rule id> > <case name>`. The table test compares exactly; the file
 * changes only through `npx ts-node --project tsconfig.dev.json test/rules/update-pins.ts` (review the diff).
 */
export interface Pin {
  readonly ruleId: string;
  readonly count: number;
  readonly paths: string[];
}

export const PINS_FILE = path.join(__dirname, 'fixtures', 'pins.json');

export function readPins(): { [key: string]: Pin } {
  return fs.existsSync(PINS_FILE) ? JSON.parse(fs.readFileSync(PINS_FILE, 'utf-8')) : {};
}

export const pinKey = (ruleId: string, caseName: string) => `${ruleId} > ${caseName}`;

export function pinOf(ruleId: string, findings: Finding[]): Pin {
  return { ruleId, count: findings.length, paths: findings.map(f => f.path ?? '(no path)').sort() };
}
