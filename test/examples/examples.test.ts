import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { EXAMPLES } from '../../examples';
import { acmePack } from '../../examples/custom-rule/acme-pack';
import { Finding, Guardrails, IsolatedNamespace, NetworkFlows, Packs, Severity } from '../../src';
import { scan } from '../../src/cli/scan';
import { deployment, runPacks } from '../helpers/rule-harness';

function synthesize(name: string) {
  const example = EXAMPLES.find(e => e.name === name)!;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
  const app = example.build({ outdir, quiet: true });
  app.synth();
  const yamlFiles = fs.readdirSync(outdir).filter(f => f.endsWith('.k8s.yaml')).sort();
  return { outdir, report: Guardrails.of(app)!.lastReport!, yamlFiles };
}

const comparable = (f: Finding) => `${f.ruleId} ${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name} ${f.path ?? ''} ${f.suppressed}`;

describe.each(EXAMPLES.map(e => [e.name]))('example %s', name => {
  const { outdir, report, yamlFiles } = synthesize(name);

  test('synthesizes with zero unsuppressed errors or warnings', () => {
    expect(report.unsuppressed(Severity.WARNING).map(f => f.message)).toEqual([]);
  });

  test('manifests match the snapshot', () => {
    const manifests = Object.fromEntries(yamlFiles.map(f => [f, fs.readFileSync(path.join(outdir, f), 'utf-8')]));
    expect(manifests).toMatchSnapshot();
  });

  if (name !== 'custom-rule') {
    test('scanning the written YAML gives the same findings as the in-process check', () => {
      const scanned = scan(yamlFiles.map(f => path.join(outdir, f)));
      expect(scanned.problems).toEqual([]);
      expect(scanned.report.findings.map(comparable).sort()).toEqual(report.findings.map(comparable).sort());
    });
  }
});

describe('deploy-repo network flows', () => {
  const { outdir } = synthesize('deploy-repo');
  const manifests = fs.readdirSync(outdir).filter(f => f.endsWith('.k8s.yaml'))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .flatMap(f => require('yaml').parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf-8')).map((d: any) => d.toJS()));
  const flows = NetworkFlows.fromManifests(manifests);

  test('are exactly the declared ones', () => {
    expect(flows.flows.map(f => `${f.source.label} -> ${f.destination.label} [${f.ports.join(', ') || 'all ports'}]`)).toEqual([
      'Deployment shop-api-c8f8f8d3 -> 10.0.0.0/28 [TCP 443]',
      'Deployment shop-api-c8f8f8d3 -> 10.20.0.0/16 [TCP 5432]',
      'Deployment shop-api-c8f8f8d3 -> kube-system: k8s-app=kube-dns [TCP 53, UDP 53]',
      'Deployment shop-web-c81100ac -> Deployment shop-api-c8f8f8d3 [TCP 9090]',
      'Deployment shop-web-c81100ac -> kube-system: k8s-app=kube-dns [TCP 53, UDP 53]',
      'ingress-nginx: app.kubernetes.io/name=ingress-nginx -> Deployment shop-web-c81100ac [TCP 8080]',
    ]);
  });

  test('the Mermaid diagram written beside the report is the one in the README', () => {
    const written = fs.readFileSync(path.join(outdir, 'network-flows.mmd'), 'utf-8');
    expect(written).toEqual(flows.toMermaid());
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf-8');
    const block = /```mermaid\n([\s\S]*?)```/.exec(readme);
    expect(block && block[1]).toEqual(written);
  });
});

describe('stateful-postgres network flows', () => {
  const { outdir } = synthesize('stateful-postgres');
  const manifests = fs.readdirSync(outdir).filter(f => f.endsWith('.k8s.yaml'))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .flatMap(f => require('yaml').parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf-8')).map((d: any) => d.toJS()));
  const flows = NetworkFlows.fromManifests(manifests).flows
    .map(f => `${f.source.label} -> ${f.destination.label} [${f.ports.join(', ') || 'all ports'}]`);

  test('let only the API and the backup job reach the database, on 5432 alone', () => {
    expect(flows.filter(f => /-> StatefulSet /.test(f))).toEqual([
      'CronJob ledger-backup-c89901ee -> StatefulSet ledger-postgres-c8d34271 [TCP 5432]',
      'Deployment ledger-api-c87d1aa8 -> StatefulSet ledger-postgres-c8d34271 [TCP 5432]',
    ]);
  });

  test('let the database itself reach nothing but the cluster DNS', () => {
    expect(flows.filter(f => f.startsWith('StatefulSet '))).toEqual(['StatefulSet ledger-postgres-c8d34271 -> kube-system: k8s-app=kube-dns [TCP 53, UDP 53]']);
  });

  test('give the database a claim per replica, mounted where PGDATA lives', () => {
    const sts = manifests.find((o: any) => o.kind === 'StatefulSet');
    expect(sts.spec.volumeClaimTemplates.map((c: any) => [c.metadata.name, c.spec.resources.requests.storage])).toEqual([['data', '50Gi']]);
    expect(sts.spec.template.spec.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/var/lib/postgresql' });
  });
});

describe('custom-rule example: acme-team-label', () => {
  const rule = acmePack().rules[0];
  test('fails a Deployment without a team label', () => {
    const findings = runPacks([acmePack()], [deployment({ containers: [] })]).unsuppressed();
    expect(findings.map(f => f.message)).toEqual(['Deployment fixtures/fixture: has no "team" label: nobody is on call for it']);
  });
  test('passes a Deployment with one', () => {
    expect(runPacks([acmePack()], [deployment({ containers: [] }, { labels: { team: 'billing' } })]).unsuppressed()).toEqual([]);
  });
  test('is an error with a remediation', () => {
    expect(rule.severity).toBe(Severity.ERROR);
    expect(rule.remediation).toMatch(/metadata.labels.team/);
  });
});

describe('README', () => {
  const readme = () => fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf-8');

  test('the rule count it states is the number of rules the default packs run', () => {
    const ids = new Set(Packs.defaults().flatMap(p => p.rules.map(r => r.id)));
    expect(/and (\d+) rules in eight packs/.exec(readme())?.[1]).toEqual(String(ids.size));
    expect(Packs.defaults().length).toBe(8);
  });

  test('the failed synthesis it shows for a plain kplus.Deployment is what the guardrails print, line for line', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'readme-plain-')) });
    Guardrails.enable(app);
    const shop = new IsolatedNamespace(app, 'shop');
    new kplus.Deployment(shop, 'web', { containers: [{ image: 'ghcr.io/acme/web:2.4.1', portNumber: 8080 }] });
    let printed = '';
    try {
      app.synth();
    } catch (e) {
      printed = (e as Error).message;
    }
    const block = /plain `new kplus.Deployment\(shop, 'web', ...\)`[\s\S]*?```text\n([\s\S]*?)```/.exec(readme());
    // The README abridges the report with "..."; every other line is printed exactly, first and last line included.
    const shown = block![1].split('\n').filter(line => line.trim() !== '' && line.trim() !== '...');
    const lines = printed.split('\n');
    expect(shown.filter(line => !lines.includes(line))).toEqual([]);
    expect(shown[0]).toEqual(lines[0]);
    expect(shown[shown.length - 1]).toEqual(lines.filter(line => line.trim() !== '').pop());
    // And in the order printed: errors, then warnings, then the line counting the infos.
    let at = -1;
    const outOfOrder = shown.filter(line => {
      const next = lines.indexOf(line, at + 1);
      if (next < 0) return true;
      at = next;
      return false;
    });
    expect(outOfOrder).toEqual([]);
  });

  test('the jest suite it shows is the one test/examples/readme-jest.test.ts runs', () => {
    const block = /`test\/shop.test.ts` for the example above[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme());
    const file = fs.readFileSync(path.join(__dirname, 'readme-jest.test.ts'), 'utf-8')
      .split('\n').filter((line, i) => !(i === 0 && line.startsWith('//'))).join('\n')
      .replace("from '../../src'", "from 'cdk8s-hardened'");
    expect(block && block[1].trim()).toEqual(file.trim());
  });

  test('the Aspects snippet it shows is the one test/examples/readme-aspects.test.ts runs', () => {
    const block = /\*\*Aspects\*\*[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme());
    const file = fs.readFileSync(path.join(__dirname, 'readme-aspects.test.ts'), 'utf-8');
    const snippet = /\/\/ README: Aspects \(begin\)\n([\s\S]*?)\n\s*\/\/ README: Aspects \(end\)/.exec(file)![1]
      .split('\n').map(line => line.replace(/^ {2}/, '')).join('\n')
      .replace("path.join(__dirname, '../aspects/fixtures/ingress-nginx-controller-v1.5.2.yaml')", "'vendor/ingress-nginx.yaml'");
    expect(block && block[1].trim()).toEqual(snippet.trim());
  });

  test('the Python example is the file the bindings smoke test runs', () => {
    const block = /```python\n([\s\S]*?)```/.exec(readme());
    const file = fs.readFileSync(path.join(__dirname, '../bindings/python/readme_example.py'), 'utf-8')
      .split('\n').filter((line, i) => !(i === 0 && line.startsWith('#'))).join('\n');
    expect(block && block[1].trim()).toEqual(file.trim());
  });
});
