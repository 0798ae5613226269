/**
 * pssFailedChecksOf (an object under evaluation, checks and contexts prepared once per level and version) gives what
 * pssFailedChecks gives for the object's manifest, whatever order the levels and versions are asked in.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { ManifestObject } from '../../src/engine/manifest-object';
import { pssFailedChecks, pssFailedChecksOf } from '../../src/private/pss-evaluate';
import { PSA_NEWEST_MINOR } from '../../src/rules/pss/private/versions';

const CORPUS = path.join(__dirname, '..', '..', 'conformance', 'corpus');
const MANIFESTS: any[] = fs.readdirSync(CORPUS).filter(f => f.endsWith('.yaml')).sort()
  .flatMap(f => parseAllDocuments(fs.readFileSync(path.join(CORPUS, f), 'utf-8')).map(d => d.toJS()))
  .filter(v => v && typeof v === 'object');

describe('pssFailedChecksOf', () => {
  test('the corpus holds pods that fail checks at both levels', () => {
    expect(MANIFESTS.length).toBeGreaterThan(50);
    expect(MANIFESTS.some(m => pssFailedChecks(m, 'baseline', `1.${PSA_NEWEST_MINOR}`).length > 0)).toBe(true);
  });

  // Newest version first, then down and up again: a cache keyed wrongly would answer one version with another's.
  const versions = [PSA_NEWEST_MINOR, 0, 21, 22, 25, 35, 19, 34, PSA_NEWEST_MINOR - 1].map(m => `1.${m}`).concat('v1.28');
  const levels = ['restricted', 'baseline'] as const;

  test('gives, asked at every level and version in turn, what a fresh module gives at one', () => {
    const expected = new Map<string, string[][]>();
    for (const level of levels) {
      for (const version of versions) {
        // A module of its own has prepared nothing: its answer is the one computed from scratch.
        jest.isolateModules(() => {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const fresh: typeof import('../../src/private/pss-evaluate') = require('../../src/private/pss-evaluate');
          expected.set(`${level} ${version}`, MANIFESTS.map(m => fresh.pssFailedChecks(m, level, version)));
        });
      }
    }
    MANIFESTS.forEach((manifest, i) => {
      const object = ManifestObject.fromJson(manifest);
      for (const version of versions) {
        for (const level of levels) {
          expect([i, level, version, pssFailedChecksOf(object, level, version)])
            .toEqual([i, level, version, expected.get(`${level} ${version}`)![i]]);
        }
      }
    });
  });

  test('a version it cannot judge at is refused as a rule context refuses it', () => {
    const object = ManifestObject.fromJson(MANIFESTS[0]);
    expect(() => pssFailedChecksOf(object, 'restricted', `1.${PSA_NEWEST_MINOR + 1}`)).toThrow(/newer than the rule packs know/);
    expect(() => pssFailedChecksOf(object, 'baseline', 'latest')).toThrow(/is invalid/);
  });
});
