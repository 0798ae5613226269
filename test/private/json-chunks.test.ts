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
    expect(chunks.length).toBeGreaterThan(10_000);
    const batches = [...batched(chunks, 4096)];
    expect(batches.length).toBeGreaterThan(10);
    expect(batches.every(b => b.length < 4096 + 200)).toBe(true);
    expect(batches.join('')).toBe(JSON.stringify(value, null, 2));
  });
});
