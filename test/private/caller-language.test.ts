import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ApiAccess, Guardrails, HardenedDeployment, HardeningCheck, IsolatedNamespace, NamespacePeer, NetworkPeer, SecretBackedEnv } from '../../src';
import { callerLanguage, CallerLanguage, memberName } from '../../src/private/caller-language';
import { IMAGE } from '../constructs/workloads/support';

/** Runs `body` as if the library were called through jsii by the runtime that sets JSII_AGENT to `agent`. */
function calledFrom<T>(agent: string | undefined, body: () => T): T {
  const before = process.env.JSII_AGENT;
  if (agent === undefined) delete process.env.JSII_AGENT;
  else process.env.JSII_AGENT = agent;
  try {
    return body();
  } finally {
    if (before === undefined) delete process.env.JSII_AGENT;
    else process.env.JSII_AGENT = before;
  }
}

function messageOf(body: () => unknown): string {
  try {
    body();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('it did not throw');
}

/** What TypeScript syntax looks like in a message: an object literal, an arrow, `new`, a TS string literal in code. */
const TYPESCRIPT_SYNTAX = /\{ ?[a-zA-Z]+: |=>|\bnew [A-Z]|\{ [a-zA-Z]+(, [a-zA-Z]+)* \}/;

describe('callerLanguage', () => {
  test.each([
    [undefined, CallerLanguage.TYPESCRIPT],
    ['', CallerLanguage.TYPESCRIPT],
    ['Python/3.11.2', CallerLanguage.PYTHON],
    ['Java/17.0.9', CallerLanguage.OTHER],
    ['golang/go1.22.1', CallerLanguage.OTHER],
    ['DotNet/8.0.1/.NETCoreApp,Version=v8.0/1.0.0.0', CallerLanguage.OTHER],
  ])('JSII_AGENT=%p is %s', (agent, language) => {
    expect(callerLanguage(agent === undefined ? {} : { JSII_AGENT: agent })).toBe(language);
  });

  test('memberName writes Python names in snake case and keeps the declared name elsewhere', () => {
    expect(memberName('listInfos', CallerLanguage.PYTHON)).toBe('list_infos');
    expect(memberName('fromSecretName', CallerLanguage.PYTHON)).toBe('from_secret_name');
    expect(memberName('pods', CallerLanguage.PYTHON)).toBe('pods');
    expect(memberName('listInfos', CallerLanguage.TYPESCRIPT)).toBe('listInfos');
    expect(memberName('listInfos', CallerLanguage.OTHER)).toBe('listInfos');
  });
});

describe('a refused prop names the override in the caller\'s language', () => {
  const refuse = () => new HardenedDeployment(Testing.chart(), 'web', { containers: [{ image: IMAGE, securityContext: { privileged: true } }] });

  test('TypeScript: the object literal to paste', () => {
    expect(calledFrom(undefined, () => messageOf(refuse)))
      .toContain("If this is deliberate, add { check: HardeningCheck.PRIVILEGED, reason: '<why, at least 10 characters>' } to overrides.");
  });

  test('Python: the struct to paste, with no TypeScript syntax', () => {
    const message = calledFrom('Python/3.11.2', () => messageOf(refuse));
    expect(message).toContain('If this is deliberate, add HardeningOverride(check=HardeningCheck.PRIVILEGED, reason="<why, at least 10 characters>") to overrides.');
    expect(message).not.toMatch(TYPESCRIPT_SYNTAX);
  });

  test('Java, Go, .NET: in words', () => {
    const message = calledFrom('golang/go1.22.1', () => messageOf(refuse));
    expect(message).toContain('If this is deliberate, add to overrides a HardeningOverride whose check is PRIVILEGED (of HardeningCheck) and whose reason says why, in at least 10 characters.');
    expect(message).not.toMatch(TYPESCRIPT_SYNTAX);
  });
});

describe('ApiAccess names its override in the caller\'s language too', () => {
  const refuse = () => {
    const chart = Testing.chart();
    const web = new HardenedDeployment(chart, 'web', { containers: [{ image: IMAGE }] });
    new ApiAccess(chart, 'access', { workload: web, rules: [{ verbs: ['create'], resources: [kplus.ApiResource.custom({ apiGroup: '', resourceType: 'serviceaccounts/token' })] }] });
  };

  test.each([
    [undefined, "add { check: ApiAccessCheck.IMPERSONATE, reason: '<why, at least 10 characters>' } to overrides."],
    ['Python/3.11.2', 'add ApiAccessOverride(check=ApiAccessCheck.IMPERSONATE, reason="<why, at least 10 characters>") to overrides.'],
    ['Java/17.0.9', 'add to overrides an ApiAccessOverride whose check is IMPERSONATE (of ApiAccessCheck) and whose reason says why'],
  ])('JSII_AGENT=%p', (agent, expected) => {
    const message = calledFrom(agent, () => messageOf(refuse));
    expect(message).toContain('grants create on serviceaccounts/token, which breaks rule rbac-impersonate');
    expect(message).toContain(expected);
    if (agent) expect(message).not.toMatch(TYPESCRIPT_SYNTAX);
  });
});

describe('messages that used to show TypeScript read the same in every language', () => {
  const chart = () => Testing.chart();
  const cases: Array<[string, () => unknown, string]> = [
    ['an unknown override check', () => new HardenedDeployment(chart(), 'web', { containers: [{ image: IMAGE }], overrides: [{ check: 'NOPE' as HardeningCheck, reason: 'a long enough reason' }] }),
      'overrides[0].check is "NOPE"; use one of the values of HardeningCheck: '],
    ['a short override reason', () => new HardenedDeployment(chart(), 'web', { containers: [{ image: IMAGE }], overrides: [{ check: HardeningCheck.PRIVILEGED, reason: 'short' }] }),
      'overrides[0] is the override of PRIVILEGED; it has reason "short"'],
    ['an invalid namespace name', () => new IsolatedNamespace(chart(), 'Bad_Name'), 'Pass a valid name, for example "shop".'],
    ['a flow without ports', () => new IsolatedNamespace(chart(), 'shop').allowIngressFrom('Any', NamespacePeer.named('ingress-nginx'), { ports: [] }),
      'ports is empty: name at least one port, for example port 8080'],
  ];
  test.each(cases)('%s', (_name, body, expected) => {
    for (const agent of [undefined, 'Python/3.11.2', 'Java/17.0.9']) {
      const message = calledFrom(agent, () => messageOf(body));
      expect(message).toContain(expected);
      expect(message).not.toMatch(TYPESCRIPT_SYNTAX);
    }
  });

  test('method names are written as Python writes them when called from Python', () => {
    expect(calledFrom('Python/3.11.2', () => messageOf(() => NetworkPeer.namespaceSelector({}))))
      .toBe('NetworkPeer.namespace_selector(labels): labels is empty, which selects every namespace; name the labels of the namespaces to allow');
    expect(calledFrom(undefined, () => messageOf(() => NetworkPeer.namespaceSelector({}))))
      .toBe('NetworkPeer.namespaceSelector(labels): labels is empty, which selects every namespace; name the labels of the namespaces to allow');
    expect(calledFrom('Python/3.11.2', () => messageOf(() => new SecretBackedEnv(chart(), 'env', {} as any))))
      .toContain('give an ExternalSecret, or a SecretSource made with SecretSource.from_secret_name from the name of an existing Secret.');
  });
});

describe('the guardrails name their options as the caller writes them', () => {
  test('failOnSkipped, from Python', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'caller-language-')) });
    Guardrails.enable(app, { quiet: true, failOnSkipped: true });
    new ApiObject(new Chart(app, 'c'), 'w', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } });
    // Through jsii the report goes to stderr; keep it out of the test output.
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(calledFrom('Python/3.11.2', () => messageOf(() => app.synth())))
        .toBe('cdk8s-hardened guardrails: 1 object was not checked and fail_on_skipped is set; remove them, or turn fail_on_skipped off to accept them unchecked:\n'
          + '  c/w: Widget w (example.com/v1) was not checked: a custom resource no rule reads\n'
          + 'The report is printed on standard error and kept in Guardrails.of(app).last_report.');
    } finally {
      spy.mockRestore();
    }
  });
});
