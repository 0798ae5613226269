/**
 * The cluster tests, run by cluster/run.sh against the kube-apiserver it started (never by the main jest run):
 *
 * 1. every example's output, with the ExternalSecret CRD installed first: all admitted;
 * 2. every hardened workload kind with its defaults, and fast-check samples of valid HardenedDeployment props, each
 *    in its own IsolatedNamespace: all admitted, their pod templates also as Pods;
 * 3. the conformance corpus: our PSS verdicts against Pod Security Admission's, per check ID, 100% required.
 *
 * Between 2 and 3, ApiAccess: its objects admitted, and a token of the workload's ServiceAccount allowed exactly
 * what its Role grants (`--only-api-access` runs the harness check and this alone); then what rbac-create-workloads
 * rests on: which kinds let a stored object's image be changed, and what a resourceNames limit voids
 * (`--only-workload-writes` runs the harness check and this alone).
 *
 * Before them, the admission policies AdmissionGuardrails generates are held against their rules object by object
 * (`admission-policy agreement N/M`, 100% required), with the server's defaulting of requests and the suppression
 * annotation checked on the way; sections 1 and 2 run with the policies in force.
 *
 * Every create is real (stored) and uses `--warnings-as-errors`. Prints `cluster agreement N/M` at the end and
 * exits 0 only when every test passes.
 *
 *   npx projen cluster [-- --samples 300] [-- --only-admission | --only-api-access | --only-workload-writes]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { checkAdmissionPolicies, checkRequestDefaulting, checkSuppressionAnnotations, removeAdmissionPolicies } from './admission';
import { admitAll, AdmitResult, pool } from './admit';
import { checkApiAccess } from './api-access';
import { CheckListResult } from './check-list';
import { agreementTable, Compared, compareCorpus, LEVELS } from './corpus';
import { externalSecretCrd } from './crd';
import { defaultWorkloads, deploymentSamples } from './hardened';
import { create, kubectl } from './kubectl';
import { checkPredictions } from './predictions';
import { checkWorkloadWrites } from './workload-writes';
import { loadExamples } from '../../conformance/examples';

const args = process.argv.slice(2);
const samplesArg = args.indexOf('--samples');
const SAMPLES = samplesArg >= 0 ? Number(args[samplesArg + 1]) : 300;
const CONCURRENCY = 8;

const failures: string[] = [];
const fail = (s: string) => { failures.push(s); console.log(`FAIL: ${s}`); };
const started = Date.now();
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

function report(results: AdmitResult[], verbose: boolean) {
  for (const r of results) {
    if (r.ok) { if (verbose) console.log(`  ok   ${r.name}: ${r.objects} objects and ${r.pods} pod(s) from their templates admitted`); continue; }
    fail(`${r.name}: not admitted (${r.objects} objects, ${r.pods} pods)\n    ${r.detail.split('\n').join('\n    ')}`);
  }
}

function readObjects(files: string[]): any[] {
  const out: any[] = [];
  for (const f of files) {
    for (const doc of parseAllDocuments(fs.readFileSync(f, 'utf-8'))) {
      const v = doc.toJS();
      if (v && typeof v === 'object') out.push(...(v.kind === 'List' ? v.items : [v]));
    }
  }
  return out;
}

/**
 * Disagreements understood but not yet resolved: an object with an exact (level, both verdicts) match is left out of the table
 * and printed with its reason on every run. Any other difference, or this one changing, fails the gate.
 */
const KNOWN_DIFFERENCES: { where: string; level: string; ours: string; server: string; reason: string }[] = [{
  where: 'generated-volumes.yaml Pod/volume-no-source',
  level: 'restricted',
  ours: 'restrictedVolumes',
  server: '',
  reason: 'the API server defaults a volume without a source to emptyDir (SetDefaults_Volume) before Pod Security Admission sees it, '
    + 'so it admits the pod at restricted; pss-restricted-volume-types, like the PSA library that the conformance suite runs on the raw '
    + 'manifest, reports restrictedVolumes. Resolving it means judging volumes after the server\'s defaulting, in the rule and in '
    + 'the conformance oracle together.',
}];

/** What the API server says when it refuses what each predicting rule reports. */
const PREDICTED_REASON: { [ruleId: string]: RegExp } = {
  'namespace-quota-object-count': /exceeded quota/,
  'namespace-quota-pod-resources': /must specify|(maximum|minimum) \S+ usage per Container/,
  'namespace-psa-admits-pods': /violates PodSecurity/,
};

/** The first error line of kubectl's output, without the `Error from server (...): error when creating "STDIN":` prefix. */
function firstRefusal(detail: string): string {
  const line = detail.split('\n').find(l => /^Error from server|^error:/.test(l)) ?? detail.split('\n')[0];
  return line.replace(/^Error from server \(\w+\): error when creating "STDIN": /, '');
}

/**
 * The harness itself must be able to fail: a workload that PodSecurity only warns about, and a field that strict
 * field validation refuses, are both reported as not admitted, with the server's words.
 */
async function harnessCanFail(): Promise<void> {
  const restricted = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'harness-restricted', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } };
  const container = { name: 'app', image: 'registry.example/app:1.0', securityContext: { privileged: true } };
  const warned = await admitAll('harness: privileged Deployment', [restricted, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'privileged', namespace: 'harness-restricted' },
    spec: { selector: { matchLabels: { app: 'p' } }, template: { metadata: { labels: { app: 'p' } }, spec: { containers: [container] } } },
  }]);
  if (warned.ok || !/Warning: would violate PodSecurity "restricted:latest"/.test(warned.detail)) {
    fail(`harness: a privileged Deployment in a namespace enforcing restricted must fail on the PodSecurity warning; got ${warned.ok ? 'admitted' : warned.detail}`);
  }
  const unknown = await admitAll('harness: unknown field', [{
    apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unknown-field', namespace: 'harness-strict' }, data: {}, dta: {},
  }]);
  if (unknown.ok || !/strict decoding error: unknown field "dta"/.test(unknown.detail)) {
    fail(`harness: a ConfigMap with an unknown field must be refused by strict field validation; got ${unknown.ok ? 'admitted' : unknown.detail}`);
  }
  console.log(`  ${warned.ok || unknown.ok ? 'FAIL' : 'ok  '} a PodSecurity warning and an unknown field are failures`);
}

/** Runs a list of checks against the server under a heading, and prints its lines and time. */
async function checkSection(heading: string, run: () => Promise<CheckListResult>): Promise<void> {
  const t = Date.now();
  console.log(`\n== ${heading}`);
  const result = await run();
  for (const line of result.lines) console.log(`  ${line}`);
  result.failures.forEach(fail);
  console.log(`  (${elapsed(t)})`);
}

const apiAccess = () => checkSection('ApiAccess: its objects admitted, and the workload\'s token allowed exactly what its Role grants', checkApiAccess);
const workloadWrites = () => checkSection('rbac-create-workloads: which kinds let a stored object\'s image be changed, and what resourceNames voids', checkWorkloadWrites);

async function main() {
  let t = Date.now();
  console.log('== 0. the harness can fail');
  await harnessCanFail();
  console.log(`  (${elapsed(t)})`);
  if (args.includes('--only-api-access') || args.includes('--only-workload-writes')) {
    if (args.includes('--only-api-access')) await apiAccess();
    if (args.includes('--only-workload-writes')) await workloadWrites();
    console.log(`\ncluster: ${failures.length ? `${failures.length} failure(s)` : 'all tests passed'} in ${elapsed(started)}`);
    process.exit(failures.length ? 1 : 0);
  }

  // ------------------------------------------------------------------------------------------------ admission policies
  t = Date.now();
  console.log('\n== admission policies: what AdmissionGuardrails generates, against the rules (fixtures and corpus, object by object)');
  const admission = await checkAdmissionPolicies();
  admission.failures.forEach(fail);
  let policyAgreed = 0;
  let policyCompared = 0;
  for (const row of admission.rows) {
    policyAgreed += row.agreed;
    policyCompared += row.compared;
    console.log(`  admission-policy agreement ${row.ruleId} ${row.agreed}/${row.compared}, ${row.flagged} flagged by both`);
    for (const d of row.differences) fail(`admission policy ${row.ruleId}: ${d}`);
    if (row.flagged === 0 || row.flagged === row.compared) fail(`admission policy ${row.ruleId}: no object both passes and fails it: the comparison proves nothing`);
  }
  const invalid = admission.rows[0]?.notCreatable ?? 0;
  console.log(`  ${invalid} fixture and corpus objects are not valid API objects and were not compared, e.g.:`);
  for (const sample of admission.invalidSamples) console.log(`    ${sample}`);
  console.log('  the policies are in force with their real actions (errors deny, warnings warn) for the examples and the hardened defaults');
  console.log('  what the request rules rest on, the server\'s defaulting of requests:');
  (await checkRequestDefaulting()).forEach(fail);
  console.log('  the suppression annotation, at admission:');
  (await checkSuppressionAnnotations()).forEach(fail);
  console.log(`  (${elapsed(t)})`);
  if (args.includes('--only-admission')) {
    console.log(`admission-policy agreement ${policyAgreed}/${policyCompared}`);
    process.exit(failures.length ? 1 : 0);
  }

  // ------------------------------------------------------------------------------------------------ 1. examples
  t = Date.now();
  console.log('\n== 1. examples, with the ExternalSecret CRD (external-secrets.io/v1) installed first, and the admission policies in force');
  const crd = await create([externalSecretCrd()]);
  if (!crd.ok) throw new Error(`the ExternalSecret CRD was not admitted: ${crd.stderr}`);
  const established = await kubectl(['wait', '--for', 'condition=Established', '--timeout', '60s', 'crd/externalsecrets.external-secrets.io']);
  if (established.status !== 0) throw new Error(`the ExternalSecret CRD was not established: ${established.stderr}`);
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-examples-'));
  try {
    const examples = loadExamples(outdir);
    const cases = examples.names.map(name => ({ name: `example ${name}`, objects: readObjects(examples.files.filter(f => f.startsWith(path.join(outdir, name) + path.sep))) }));
    report(await pool(cases, CONCURRENCY, c => admitAll(c.name, c.objects)), true);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  console.log(`  (${elapsed(t)})`);

  // ------------------------------------------------------------------------------------------------ 2. hardened
  t = Date.now();
  console.log('\n== 2. hardened workloads with their defaults, each in an IsolatedNamespace (restricted enforced, quota, LimitRange), admission policies in force');
  const defaults = defaultWorkloads();
  report(await pool(defaults, CONCURRENCY, c => admitAll(c.name, c.objects)), true);
  const samples = deploymentSamples(SAMPLES);
  console.log(`  ${samples.cases.length} fast-check samples of valid HardenedDeployment props (${samples.refused} generated props refused by the construct and not used${samples.refusals.length ? `, e.g. "${samples.refusals[0]}"` : ''})`);
  const sampleResults = await pool(samples.cases, CONCURRENCY, c => admitAll(c.name, c.objects));
  report(sampleResults, false);
  const samplesOk = sampleResults.filter(r => r.ok).length;
  console.log(`  ${samplesOk}/${sampleResults.length} samples admitted, ${sampleResults.reduce((n, r) => n + r.objects, 0)} objects and ${sampleResults.reduce((n, r) => n + r.pods, 0)} pods in all`);
  console.log(`  (${elapsed(t)})`);

  await apiAccess();

  // The corpus and the predictions are about Pod Security and quotas: without our policies in the way.
  await removeAdmissionPolicies(admission.manifests);

  await workloadWrites();

  // ------------------------------------------------------------------------------------------------ 3. corpus
  t = Date.now();
  console.log('\n== 3. conformance corpus: our PSS verdicts (scan, pss-baseline/pss-restricted @1.37) against PodSecurity at latest (v1.37)');
  const c = await compareCorpus();
  console.log(`  ${c.compared.length + c.excluded.length} objects with a pod in ${c.files} files (${c.withoutPod} without a pod not compared), each created as a Pod at ${LEVELS.join(' and ')}`);
  for (const e of c.excluded) console.log(`  excluded ${e.where}: the server refuses it for a reason other than Pod Security: ${e.reason}`);
  const explained: string[] = [];
  const isKnown = (x: Compared, l: string) => KNOWN_DIFFERENCES.some(k => k.where === x.where && k.level === l
    && k.ours === [...x.ours[l]].sort().join(',') && k.server === [...x.server[l].checks].sort().join(','));
  for (const x of c.compared) for (const l of LEVELS) if (isKnown(x, l)) explained.push(`${x.where} @${l}`);
  for (const k of KNOWN_DIFFERENCES) {
    const seen = explained.includes(`${k.where} @${k.level}`);
    console.log(`  known difference${seen ? '' : ' (no longer seen: remove it from KNOWN_DIFFERENCES)'}, left out of the table: ${k.where} @${k.level}: ours [${k.ours}], server [${k.server}]: ${k.reason}`);
    if (!seen) fail(`known difference ${k.where} @${k.level} is no longer seen`);
  }
  const comparedLevels = c.compared.map(x => ({ ...x, levels: LEVELS.filter(l => !isKnown(x, l)) }));
  const rows = agreementTable({ ...c, compared: comparedLevels.filter(x => x.levels.length === LEVELS.length) });
  console.log('\n| check | both | only ours | only server | neither | agreement |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const total = r.both + r.onlyOurs + r.onlyServer + r.neither;
    console.log(`| ${r.check} | ${r.both} | ${r.onlyOurs} | ${r.onlyServer} | ${r.neither} | ${((r.both + r.neither) / total * 100).toFixed(1)}% |`);
    if (r.onlyOurs + r.onlyServer > 0) fail(`${r.check}: ${r.onlyOurs} verdicts only ours, ${r.onlyServer} only the server's`);
  }
  let agreeing = 0;
  let total = 0;
  for (const x of comparedLevels) {
    for (const l of x.levels) {
      total++;
      const a = [...x.ours[l]].sort().join(',');
      const b = [...x.server[l].checks].sort().join(',');
      if (a === b) agreeing++;
      else console.log(`  differs: ${x.where} @${l}: ours [${a}], server [${b}]${x.server[l].message ? ` (${x.server[l].message})` : ''}`);
    }
  }
  if (c.compared.length === 0) fail('no corpus object was compared');
  console.log(`  (${elapsed(t)})`);

  // ------------------------------------------------------------------------------------------------ 4. predictions
  t = Date.now();
  console.log('\n== 4. rules that predict admission (test/rules/fixtures/cluster-predictions.ts): our verdict against the server\'s');
  for (const p of await checkPredictions(CONCURRENCY)) {
    const server = p.result.ok ? 'admitted' : 'refused';
    const ours = p.predictsRefusal ? 'refused' : 'admitted';
    // A refusal counts only when it is for the reason the rule predicts.
    const forTheReason = p.result.ok || (PREDICTED_REASON[p.ruleId]?.test(p.result.detail) ?? false);
    const agree = ours === server && p.predictsRefusal === p.failingFixture && forTheReason;
    console.log(`  ${agree ? 'ok  ' : 'FAIL'} ${p.ruleId}: ${p.name}: ours ${ours}, server ${server}`);
    if (!p.result.ok) console.log(`       server: ${firstRefusal(p.result.detail)}`);
    if (!agree) fail(`${p.ruleId}: ${p.name}: ours ${ours}, server ${server} (fixture ${p.failingFixture ? 'failing' : 'passing'})\n    ${p.result.detail}`);
  }
  console.log(`  (${elapsed(t)})`);

  console.log(`\ncluster: ${failures.length ? `${failures.length} failure(s)` : 'all tests passed'} in ${elapsed(started)}`);
  console.log(`cluster agreement ${agreeing}/${total}`);
  console.log(`admission-policy agreement ${policyAgreed}/${policyCompared}`);
  process.exit(failures.length ? 1 : 0);
}

main().catch(e => {
  console.error(`cluster: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
