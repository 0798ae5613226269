/** The shortcuts of secretContentKind (a memo, no entropy check for short values) must not change an answer. */
import { HIGH_ENTROPY_MIN_LENGTH, isHighEntropyToken, secretContentKind } from '../../src/rules/secrets/private/secret-content';

const HIGH_ENTROPY = 'a high-entropy string (a random key or password)';

describe('secretContentKind shortcuts', () => {
  // 20 different characters: log2(20) = 4.32 bits per character, above the threshold.
  const shortest = 'aB3dE5fG7hJ9kL1mN2pQ';

  test('a token of exactly the minimum length is still measured', () => {
    expect(shortest.length).toBe(HIGH_ENTROPY_MIN_LENGTH);
    expect(isHighEntropyToken(shortest)).toBe(true);
    expect(secretContentKind(shortest)).toBe(HIGH_ENTROPY);
    expect(secretContentKind(shortest.slice(1))).toBeUndefined();
  });

  test('the same value gets the same answer when asked again, short or long', () => {
    const long = `${'word '.repeat(100)}${shortest}`;
    for (const value of [shortest, `x=${shortest}`, long, 'plain', '']) {
      const first = secretContentKind(value);
      expect(secretContentKind(value)).toBe(first);
    }
    expect(secretContentKind(long)).toBe(HIGH_ENTROPY);
  });
});
