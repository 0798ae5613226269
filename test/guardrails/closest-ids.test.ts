import { closestIds, editDistance } from '../../src/guardrails/private/unknown-suppressions';

describe('editDistance', () => {
  test.each([['', '', 0], ['abc', '', 3], ['', 'abc', 3], ['kitten', 'sitting', 3], ['pss-privileged', 'pss-privileged', 0], ['pss-privilegd', 'pss-privileged', 1], ['ab', 'ba', 2]])(
    '%j to %j is %d', (a, b, d) => {
      expect(editDistance(a as string, b as string)).toBe(d);
    });
});

describe('closestIds', () => {
  const known = ['pss-run-as-non-root', 'pss-run-as-user', 'pss-privileged', 'workload-image-digest', 'workload-image-tag'];
  test('the nearest IDs first, those one edit further after them, at most three', () => {
    expect(closestIds('pss-run-as-nonroot', known)).toEqual(['pss-run-as-non-root']);
    expect(closestIds('workload-image-dig', known)).toEqual(['workload-image-tag', 'workload-image-digest']);
    expect(closestIds('pss-run-as', ['pss-run-as-a', 'pss-run-as-b', 'pss-run-as-c', 'pss-run-as-d'])).toEqual(['pss-run-as-a', 'pss-run-as-b', 'pss-run-as-c']);
  });
  test('nothing when every known ID is far off', () => {
    expect(closestIds('totally-unrelated-thing', known)).toEqual([]);
  });
});
