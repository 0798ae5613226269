import { boundedMemo } from '../../src/private/bounded-memo';

describe('boundedMemo', () => {
  test('computes each string once while it is remembered, and gives the same results', () => {
    const calls: string[] = [];
    const memo = boundedMemo((s: string) => { calls.push(s); return s.length === 0 ? undefined : s.toUpperCase(); }, 3, 10);
    expect([memo('a'), memo('b'), memo(''), memo('a'), memo(''), memo('b')]).toEqual(['A', 'B', undefined, 'A', undefined, 'B']);
    expect(calls).toEqual(['a', 'b', '']);
  });

  test('starts over when full, so it never keeps more than its capacity', () => {
    const calls: string[] = [];
    const memo = boundedMemo((s: string) => { calls.push(s); return s; }, 2, 10);
    ['a', 'b', 'c', 'a', 'c'].forEach(memo);
    // `c` found the memo full: it forgot `a` and `b`, and kept `c`.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });

  test('never keeps a string longer than the limit', () => {
    const calls: string[] = [];
    const memo = boundedMemo((s: string) => { calls.push(s); return s.length; }, 10, 3);
    expect([memo('abcd'), memo('abcd'), memo('abc'), memo('abc')]).toEqual([4, 4, 3, 3]);
    expect(calls).toEqual(['abcd', 'abcd', 'abc']);
  });
});
