import { Rule, RuleContext, RulePack, Severity } from '../../src';
import { BAD_LABEL_ERROR, BAD_LABEL_WARNING, BadLabelCheck, testPack } from '../helpers/test-rules';

describe('Rule', () => {
  test.each(['Has-Capitals', 'under_score', '-leading', 'x'.repeat(47)])('refuses the id %s', id => {
    expect(() => new Rule({ id, severity: Severity.ERROR, summary: 's.', explanation: 'e.', remediation: 'r.', fields: [], check: new BadLabelCheck() }))
      .toThrow(/Rule id .* is invalid/);
  });

  test('refuses a rule without remediation', () => {
    expect(() => new Rule({ id: 'x-y', severity: Severity.ERROR, summary: 's.', explanation: 'e.', remediation: ' ', fields: [], check: new BadLabelCheck() }))
      .toThrow('Rule "x-y" has an empty remediation');
  });
});

describe('RulePack', () => {
  test('combining packs keeps a shared rule once', () => {
    const combined = RulePack.combine('both', [testPack(BAD_LABEL_ERROR), testPack(BAD_LABEL_ERROR, BAD_LABEL_WARNING)]);
    expect(combined.rules.map(r => r.id)).toEqual(['test-bad-label', 'test-bad-label-warning']);
  });

  test('withSeverity and withoutRules return new packs and leave the original alone', () => {
    const pack = testPack(BAD_LABEL_ERROR, BAD_LABEL_WARNING);
    const relaxed = pack.withSeverity('test-bad-label', Severity.WARNING).withoutRules('test-bad-label-warning');
    expect(relaxed.rules.map(r => [r.id, r.severity])).toEqual([['test-bad-label', 'warning']]);
    expect(pack.rules.map(r => r.severity)).toEqual(['error', 'warning']);
  });

  test('names the valid rules when asked for an unknown one', () => {
    expect(() => testPack(BAD_LABEL_ERROR).withoutRules('nope')).toThrow('Rule pack "test-pack" has no rule "nope". Its rules are: test-bad-label.');
  });

  test('refuses duplicate rule IDs and bad names', () => {
    expect(() => testPack(BAD_LABEL_ERROR, BAD_LABEL_ERROR)).toThrow(/contains rule "test-bad-label" twice/);
    expect(() => new RulePack({ name: 'My Pack', description: 'd', rules: [] })).toThrow(/Rule pack name "My Pack" is invalid/);
  });
});

describe('RuleContext', () => {
  test.each([['1.28', 28], ['v1.30', 30], ['1.29.4', 29]])('parses %s', (version, minor) => {
    expect(new RuleContext([], { kubernetesVersion: version as string }).kubernetesMinor).toBe(minor);
  });
  test.each(['2.0', 'latest', '1.x', ''])('refuses %j', version => {
    expect(() => new RuleContext([], { kubernetesVersion: version })).toThrow(/give it as 1.NN/);
  });
});
