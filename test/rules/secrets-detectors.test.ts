import { SAMPLES } from './fixtures/secrets';
import {
  HIGH_ENTROPY_MIN_LENGTH, HIGH_ENTROPY_THRESHOLD, isHighEntropyToken, secretContentKind, shannonEntropy,
} from '../../src/rules/secrets/private/secret-content';
import { looksLikeSecretName } from '../../src/rules/secrets/private/secret-names';

describe('secret recognizers (secrets pack)', () => {
  test('Shannon entropy is measured in bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('0123456789abcdef')).toBe(4);
  });

  test('the documented threshold: 20 characters and more than 4.2 bits per character', () => {
    expect(HIGH_ENTROPY_MIN_LENGTH).toBe(20);
    expect(HIGH_ENTROPY_THRESHOLD).toBe(4.2);
    expect(isHighEntropyToken(SAMPLES.awsSecret)).toBe(true);
    // Same characters, too short.
    expect(isHighEntropyToken(SAMPLES.awsSecret.slice(0, HIGH_ENTROPY_MIN_LENGTH - 1))).toBe(false);
    // Long and mixed, but repetitive: low entropy.
    expect(isHighEntropyToken('Aa1Aa1Aa1Aa1Aa1Aa1Aa1Aa1')).toBe(false);
  });

  test.each([
    ['a lower-case hex digest', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a CamelCase identifier', 'HelloWorldApplication2024v2'],
    ['a URL', 'https://example.com/A1b2C3d4E5f6G7h8I9j0'],
    ['a path', '/A1b2C3d4E5f6G7h8I9j0K1l2'],
    ['a sentence', 'The quick brown fox jumps over the lazy dog 42 times'],
  ])('does not flag %s', (_what, value) => {
    expect(secretContentKind(value)).toBeUndefined();
  });

  test.each([
    ['DB_PASSWORD', true], ['dbPassword', true], ['db.password', true], ['PGPASSWORD', true], ['API_KEY', true],
    ['apikey', true], ['AWS_SECRET_ACCESS_KEY', true], ['GOOGLE_APPLICATION_CREDENTIALS', true], ['DB_PWD', true],
    ['private_key', true], ['SLACK_BEARER', true],
    ['PWD', false], ['PASSWORD_FILE', false], ['TOKEN_TTL', false], ['TOKENIZER', false], ['PASSPORT', false],
    ['AWS_ACCESS_KEY_ID', false], ['LOG_LEVEL', false], ['', false],
    // Names Polaris flags that hold a key by their last words; names that describe a key or hold a non-secret one.
    ['AZURE_BATCH_KEY', true], ['OCI_CLI_KEY_CONTENT', true], ['stripeKey', true], ['SIGNING_KEY_PEM', true],
    ['KEY_FILE_PATH', false], ['OCI_CLI_KEY_FILE', false], ['PUBLIC_KEY', false], ['CACHE_KEY', false], ['DYNAMODB_SORT_KEY', false],
    ['KEY', false], ['MONKEY', false], ['KEY_CONTENT_TYPE', false],
  ])('name %j looks like a secret: %s', (name, expected) => {
    expect(looksLikeSecretName(name as string)).toBe(expected);
  });
});
