import { Rule, RuleContext, RulePack, Severity } from '../../src';
import { PSA_NEWEST_MINOR } from '../../src/rules/pss/private/versions';
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
  test.each([['1.0', 0], [`1.${PSA_NEWEST_MINOR}`, PSA_NEWEST_MINOR]])('accepts %s, an end of the range the packs know', (version, minor) => {
    expect(RuleContext.parseKubernetesMinor(version as string)).toBe(minor);
  });
  test.each([`1.${PSA_NEWEST_MINOR + 1}`, 'v1.99', '1.100.2'])('refuses %s, newer than the packs know, naming the range and the fix', version => {
    expect(() => new RuleContext([], { kubernetesVersion: version })).toThrow(
      `Kubernetes version "${version}" is newer than the rule packs know: they know 1.0 to 1.${PSA_NEWEST_MINOR}. `
      + `Give a version in that range; for a newer cluster give 1.${PSA_NEWEST_MINOR}, or leave the version out (it defaults to 1.${PSA_NEWEST_MINOR}).`);
  });
  test('names what the version was given as', () => {
    expect(() => RuleContext.parseKubernetesMinor('1.99', '--kubernetes-version')).toThrow(/^--kubernetes-version "1.99" is newer than the rule packs know/);
    expect(() => RuleContext.parseKubernetesMinor('one', '--kubernetes-version')).toThrow(/^--kubernetes-version "one" is invalid/);
  });
});
