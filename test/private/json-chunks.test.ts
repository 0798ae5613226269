import * as fc from 'fast-check';
import { batched, jsonChunks } from '../../src/private/json-chunks';

const joined = (value: unknown) => [...jsonChunks(value)].join('');

describe('jsonChunks', () => {
  test('is JSON.stringify(value, null, 2), character for character, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), value => {
      expect(joined(value)).toBe(JSON.stringify(value, null, 2));
    }), { numRuns: 500 });
  });

  test('is the same for large arrays at every depth, with undefined members and toJSON, as a report has them', () => {
    const deep = fc.array(fc.array(fc.oneof(fc.string(), fc.constant(undefined)), { maxLength: 40 }), { maxLength: 40 });
    fc.assert(fc.property(fc.array(fc.record({ id: fc.string(), n: fc.integer(), deep }), { maxLength: 120 }), items => {
      const report = { version: '1', findings: items, summary: { n: items.length, none: undefined }, when: new Date(0), nested: { a: { b: { c: items.slice(0, 40) } } } };
      expect(joined(report)).toBe(JSON.stringify(report, null, 2));
    }), { numRuns: 100 });
  });

  test('hands a large array over in many pieces, and batched joins them back unchanged', () => {
    const value = { findings: Array.from({ length: 10_000 }, (_, i) => ({ i, message: `finding ${i}` })) };
    const chunks = [...jsonChunks(value)];
    const whole = JSON.stringify(value, null, 2);
    // Never one string: runs of elements, each a small part of the whole.
    expect(chunks.length).toBeGreaterThan(30);
    const longest = Math.max(...chunks.map(c => c.length));
    expect(longest).toBeLessThan(whole.length / 20);
    const batches = [...batched(chunks, 4096)];
    expect(batches.length).toBeGreaterThan(10);
    expect(batches.every(b => b.length < 4096 + longest)).toBe(true);
    expect(batches.join('')).toBe(whole);
  });

  test('calls each element toJSON with its index in the array, as JSON.stringify does, among elements written in runs', () => {
    const marked = (i: number) => ({ toJSON: (key: string) => ({ key, i }) });
    const value = { items: Array.from({ length: 600 }, (_, i) => (i % 7 === 0 ? marked(i) : { i, nested: [i, { deep: i % 3 === 0 ? undefined : 'x' }] })) };
    expect(joined(value)).toBe(JSON.stringify(value, null, 2));
    const top = Array.from({ length: 300 }, (_, i) => (i % 50 === 0 ? marked(i) : i % 3 ? null : `s${i}`));
    expect(joined(top)).toBe(JSON.stringify(top, null, 2));
  });
});
