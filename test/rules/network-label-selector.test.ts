import { describeLabels, LabelSelector, labelsOf } from '../../src/rules/network/private/label-selector';

describe('LabelSelector: Kubernetes label selector semantics', () => {
  const labels = { app: 'web', tier: 'api' };

  test('an empty or missing selector matches everything', () => {
    expect(LabelSelector.parse({}).matches(labels)).toBe(true);
    expect(LabelSelector.parse(undefined).matches({})).toBe(true);
    expect(LabelSelector.parse({ matchLabels: {}, matchExpressions: [] }).isEmpty).toBe(true);
  });

  test('matchLabels requires every pair', () => {
    expect(LabelSelector.parse({ matchLabels: { app: 'web' } }).matches(labels)).toBe(true);
    expect(LabelSelector.parse({ matchLabels: { app: 'web', tier: 'db' } }).matches(labels)).toBe(false);
  });

  test('In, NotIn, Exists and DoesNotExist follow the API', () => {
    const sel = (operator: string, values?: string[]) => LabelSelector.parse({ matchExpressions: [{ key: 'tier', operator, values }] });
    expect(sel('In', ['api', 'db']).matches(labels)).toBe(true);
    expect(sel('In', ['db']).matches(labels)).toBe(false);
    expect(sel('In', ['api']).matches({ app: 'web' })).toBe(false);
    expect(sel('NotIn', ['db']).matches(labels)).toBe(true);
    expect(sel('NotIn', ['api']).matches(labels)).toBe(false);
    // NotIn matches when the label is absent.
    expect(sel('NotIn', ['api']).matches({ app: 'web' })).toBe(true);
    expect(sel('Exists').matches(labels)).toBe(true);
    expect(sel('Exists').matches({})).toBe(false);
    expect(sel('DoesNotExist').matches(labels)).toBe(false);
    expect(sel('DoesNotExist').matches({})).toBe(true);
  });

  test('matchLabels and matchExpressions are ANDed', () => {
    const s = LabelSelector.parse({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }] });
    expect(s.matches(labels)).toBe(false);
  });

  test('a malformed selector matches nothing and says why, without throwing', () => {
    for (const raw of ['app=web', { matchLabels: ['x'] }, { matchExpressions: {} }, { matchExpressions: [{ operator: 'In' }] }, { matchExpressions: [{ key: 'a', operator: 'Equals' }] }]) {
      const s = LabelSelector.parse(raw);
      expect(s.valid).toBe(false);
      expect(s.problem).toBeTruthy();
      expect(s.matches(labels)).toBe(false);
    }
  });

  test('does not treat inherited object properties as labels', () => {
    expect(LabelSelector.parse({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }).matches({})).toBe(false);
  });

  test('prints in kubectl notation', () => {
    expect(LabelSelector.parse({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'x', operator: 'NotIn', values: ['c'] },
        { key: 'y', operator: 'Exists' }, { key: 'z', operator: 'DoesNotExist' },
      ],
    }).toString()).toBe('app=web,tier in (a,b),x notin (c),y,!z');
    expect(LabelSelector.parse({}).toString()).toBe('{}');
  });

  test('labelsOf reads metadata labels as strings and describeLabels prints them', () => {
    expect(labelsOf({ labels: { app: 'web', version: 2 } })).toEqual({ app: 'web', version: '2' });
    expect(labelsOf(undefined)).toEqual({});
    expect(describeLabels({ app: 'web', tier: 'api' })).toBe('app=web,tier=api');
    expect(describeLabels({})).toBe('no labels');
  });
});

describe('LabelSelector.requiredValue', () => {
  test('reads the value matchLabels or a single-value In requires', () => {
    expect(LabelSelector.parse({ matchLabels: { a: '1', b: '2' } }).requiredValue('b')).toBe('2');
    expect(LabelSelector.parse({ matchExpressions: [{ key: 'b', operator: 'In', values: ['3'] }] }).requiredValue('b')).toBe('3');
    expect(LabelSelector.parse({ matchExpressions: [{ key: 'b', operator: 'In', values: ['3', '4'] }] }).requiredValue('b')).toBeUndefined();
    expect(LabelSelector.parse({}).requiredValue('b')).toBeUndefined();
  });
});
