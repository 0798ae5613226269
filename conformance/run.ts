/**
 * The conformance suite: proves mechanically that our Pod Security Standards rules agree with the admission code
 * that defines them, and measures where the scanners that users also run (checkov, kube-score, Trivy) agree.
 *
 *   npm run conformance            (= npx projen conformance)
 *   npx ts-node --transpile-only --project tsconfig.dev.json conformance/run.ts [--no-install] [--versions 1.28,1.37]
 *
 * 1. Every example app is synthesized; the PSA evaluator must find nothing at restricted, and checkov, kube-score
 *    and Trivy must report none of the checks that our packs cover (conformance/tool-mapping.ts).
 * 2. Every object of conformance/corpus is scanned with our `scan()` (packs pss-baseline and pss-restricted) and
 *    with `pssFailedChecks`; both must equal the PSA evaluator's failed check IDs, per object, per level, at every
 *    version in VERSIONS.
 * 3. An agreement table with checkov and Trivy, per tool ID from our rules' `equivalents`, over the corpus; every
 *    ID with a disagreement must be explained in conformance/DISAGREEMENTS.md.
 * The report is printed and written to .conformance-cache/report.md. Exit 0 only when every gate holds.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { loadExamples } from './examples';
import { normalizeId, Tool, toolMapping, ToolCheck, UNGATED } from './tool-mapping';
import { CACHE, checkov, kubeScore, psaEvaluate, readTools, ROOT, ToolFailure, trivy } from './tools';
import { scan } from '../src/cli/scan';
import { Packs } from '../src/packs/packs';
import { pssFailedChecks } from '../src/private/pss-evaluate';

/** Policy versions compared: the newest our rules know (1.37) and every version where a check changes since 1.28. */
const DEFAULT_VERSIONS = ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.37'];
const NEWEST = '1.37';
const CORPUS_DIR = path.join(ROOT, 'conformance', 'corpus');
const MIN_CORPUS = 150;

const args = process.argv.slice(2);
const versionsArg = args.indexOf('--versions');
const VERSIONS = versionsArg >= 0 ? args[versionsArg + 1].split(',') : DEFAULT_VERSIONS;

const lines: string[] = [];
const say = (s = '') => { lines.push(s); console.log(s); };
const failures: string[] = [];
const fail = (s: string) => { failures.push(s); say(`FAIL: ${s}`); };
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
const fmt = (a: string[]) => `[${a.join(', ')}]`;
const time = <T>(label: string, f: () => T): T => { const t = Date.now(); const r = f(); say(`  (${label}: ${((Date.now() - t) / 1000).toFixed(1)}s)`); return r; };

interface CorpusObject { readonly index: number; readonly file: string; readonly value: any; readonly startLine: number; readonly endLine: number }

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Reads YAML files into objects (List items flattened), each with the line range of its own node: from its first
 * line to its last content line (comments before a document and the `---` after it excluded).
 */
function loadObjects(files: string[]): CorpusObject[] {
  const out: CorpusObject[] = [];
  const linesOf = (text: string, node: any) => {
    const range: number[] = node?.range ?? [0, 0, 0];
    return { startLine: lineOf(text, range[0]), endLine: lineOf(text, Math.max(range[0], range[1] - 1)) };
  };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf-8');
    for (const doc of parseAllDocuments(text)) {
      if ('errors' in doc && doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      const value = doc.toJS();
      if (!value || typeof value !== 'object') continue;
      if (value.kind === 'List') {
        const nodes: any[] = (doc.contents as any)?.get?.('items', true)?.items ?? [];
        (value.items ?? []).forEach((item: any, i: number) =>
          out.push({ index: out.length, file, value: item, ...linesOf(text, nodes[i] ?? doc.contents) }));
      } else {
        out.push({ index: out.length, file, value, ...linesOf(text, doc.contents) });
      }
    }
  }
  return out;
}

const key = (file: string, kind?: string, name?: string) => `${path.resolve(file)}|${kind}|${name}`;

/** Our PSS verdict per object at one level and version, through the scan entry point. */
function ourVerdicts(dirOrFiles: string[], pack: 'pss-baseline' | 'pss-restricted', version: string): Map<string, string[]> {
  const result = scan(dirOrFiles, { packs: [pack], kubernetesVersion: version });
  if (result.problems.length) throw new Error(`scan problems: ${JSON.stringify(result.problems)}`);
  const map = new Map<string, Set<string>>();
  for (const f of result.report.findings) {
    const pss = f.equivalents.pss;
    if (!pss) continue;
    const k = key(f.file ?? '', f.resource.kind, f.resource.name);
    if (!map.has(k)) map.set(k, new Set());
    map.get(k)!.add(pss);
  }
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
}

// ------------------------------------------------------------------------------------------------- install
if (!args.includes('--no-install')) {
  say('== installing the external checkers (conformance/install.sh)');
  const r = spawnSync('bash', [path.join(ROOT, 'conformance', 'install.sh')], { stdio: 'inherit' });
  if (r.status !== 0) { console.error('conformance: the PSA evaluator could not be installed; see above.'); process.exit(1); }
}
const tools = readTools();
// With --no-install, tools.json is the last install's; Trivy still follows this run's CONFORMANCE_TRIVY, as install.sh
// does: off unless opted in, and a cached binary is used when the last install skipped it only for want of opting in.
{
  const trivyBin = path.join(CACHE, 'bin', 'trivy');
  if (process.env.CONFORMANCE_TRIVY !== '1') {
    tools.trivy = { available: false, reason: 'skipped: opt in with CONFORMANCE_TRIVY=1 (a source build of about 15 min)' };
  } else if (!tools.trivy.available && /opt in/.test(tools.trivy.reason ?? '') && fs.existsSync(trivyBin)) {
    const version = /TRIVY_VERSION="([^"]+)"/.exec(fs.readFileSync(path.join(ROOT, 'conformance', 'install.sh'), 'utf-8'))?.[1];
    tools.trivy = { available: true, version: `${version ?? 'unknown'} (cached)`, path: trivyBin };
  }
}
say('== tools');
for (const [name, t] of Object.entries(tools)) say(`  ${name.padEnd(10)} ${t.available ? `available (${t.version})` : `SKIPPED: ${t.reason}`}`);
const psa = tools['psa-eval'];
if (!psa.available) { console.error('psa-eval is required'); process.exit(1); }

// ------------------------------------------------------------------------------------------------- part 2 (first: the gate)
const corpusFiles = fs.readdirSync(CORPUS_DIR).filter(f => /\.ya?ml$/.test(f)).sort().map(f => path.join(CORPUS_DIR, f));
const corpus = loadObjects(corpusFiles);
say();
say(`== 2. PSS verdicts on the corpus: ${corpus.length} objects in ${corpusFiles.length} files, versions ${VERSIONS.join(', ')}`);
if (corpus.length < MIN_CORPUS) fail(`the corpus has ${corpus.length} objects, fewer than ${MIN_CORPUS}`);
{
  const seen = new Set<string>();
  for (const o of corpus) {
    const k = key(o.file, o.value.kind, o.value.metadata?.name);
    if (seen.has(k)) fail(`duplicate object ${k}: names must be unique per file and kind`);
    seen.add(k);
  }
}
let comparisons = 0;
let podObjects = 0;
const mismatches: string[] = [];
time('part 2', () => {
  for (const version of VERSIONS) {
    const psaResults = psaEvaluate(psa, corpus.map(o => o.value), version);
    const ours = { baseline: ourVerdicts([CORPUS_DIR], 'pss-baseline', version), restricted: ourVerdicts([CORPUS_DIR], 'pss-restricted', version) };
    for (const o of corpus) {
      const p = psaResults[o.index];
      if (p.error) { fail(`${path.basename(o.file)} ${o.value.kind}/${o.value.metadata?.name}: PSA could not decode it: ${p.error}`); continue; }
      if (version === VERSIONS[0] && p.hasPod) podObjects++;
      for (const level of ['baseline', 'restricted'] as const) {
        const expected = p[level];
        const scanned = ours[level].get(key(o.file, o.value.kind, o.value.metadata?.name)) ?? [];
        const helper = pssFailedChecks(o.value, level, version);
        comparisons++;
        const where = `${path.relative(ROOT, o.file)}:${o.startLine} ${o.value.kind}/${o.value.metadata?.name} @${version} ${level}`;
        if (!sameSet(expected, scanned)) mismatches.push(`${where}: PSA ${fmt(expected)}, scan ${fmt(scanned)}`);
        if (!sameSet(expected, helper)) mismatches.push(`${where}: PSA ${fmt(expected)}, pssFailedChecks ${fmt(helper)}`);
      }
    }
  }
});
const checkIds = new Set<string>();
say(`  ${podObjects} objects carry a pod; ${comparisons} (object, version, level) verdicts compared, each also per check ID`);
if (mismatches.length) {
  fail(`${mismatches.length} verdicts differ from the PSA evaluator:`);
  for (const m of mismatches.slice(0, 200)) say(`    ${m}`);
  if (mismatches.length > 200) say(`    ... and ${mismatches.length - 200} more`);
} else {
  say(`  100% agreement with k8s.io/pod-security-admission (${psa.version}) per object, per level, per check ID`);
}
void checkIds;

// ------------------------------------------------------------------------------------------------- part 1
say();
say('== 1. examples: synthesized output against PSA restricted and the covered checks of checkov, kube-score, Trivy');
const mapping = toolMapping();
const covered = (tool: Tool, id: string) => mapping.find(m => m.tool === tool && m.id === normalizeId(tool, id));
const exampleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-examples-'));
const examples = loadExamples(exampleDir);
const f0 = (name: string): Tool => (name === 'kube-score' ? 'kubeScore' : name as Tool);
for (const note of examples.notes) say(`  NOTE: ${note}`);
const exampleFiles = examples.files;
say(`  ${examples.names.length} example app(s): ${examples.names.join(', ')}; ${exampleFiles.length} manifest file(s)`);
const exampleObjects = loadObjects(exampleFiles);
time('part 1', () => {
  for (const version of ['1.28', NEWEST]) {
    for (const p of psaEvaluate(psa, exampleObjects.map(o => o.value), version)) {
      const o = exampleObjects[p.index];
      if (p.error) fail(`example ${path.basename(o.file)} ${p.kind}/${p.name}: PSA could not decode it: ${p.error}`);
      else if (p.restricted.length) fail(`example ${path.basename(o.file)} ${p.kind}/${p.name} fails PSA restricted @${version}: ${fmt(p.restricted)}`);
    }
  }
  // Our own findings on the examples: a tool failure that our report also carries (as info, or suppressed with a
  // reason) is acknowledged, not a construct bug.
  const ourReport = scan(exampleFiles, { kubernetesVersion: NEWEST }).report;
  const acknowledged = (f: ToolFailure, ruleIds: string[]) => {
    const obj = f.name ? { kind: f.kind, name: f.name } : objectAt(exampleObjects, f);
    return ourReport.findings.some(x => ruleIds.includes(x.ruleId) && x.resource.kind === obj?.kind && x.resource.name === obj?.name);
  };
  const toolRuns: [string, () => ToolFailure[]][] = [
    ['checkov', () => checkov(tools.checkov, exampleFiles)],
    ['kube-score', () => kubeScore(tools['kube-score'], exampleFiles)],
    ['trivy', () => trivy(tools.trivy, exampleDir, NEWEST)],
  ];
  for (const [name, runTool] of toolRuns) {
    if (!tools[name as 'checkov'].available) { say(`  ${name}: SKIPPED (${tools[name as 'checkov'].reason})`); continue; }
    const found = runTool();
    let bad = 0; let ack = 0;
    for (const f of found) {
      const m = covered(f.tool, f.id);
      if (!m) continue;
      const obj = f.name ? `${f.kind}/${f.name}` : (() => { const o = objectAt(exampleObjects, f); return o ? `${o.kind}/${o.name}` : `${path.basename(f.file)}:${f.startLine}`; })();
      const ungated = UNGATED.find(u => u.tool === f.tool && u.id === normalizeId(f.tool, f.id));
      if (ungated) { ack++; continue; }
      if (acknowledged(f, m.ruleIds)) { ack++; say(`  ${name}: ${f.id} on ${obj} (also reported by our ${m.ruleIds.join('/')}; acknowledged)`); continue; }
      bad++;
      fail(`example ${path.basename(f.file)} ${obj}: ${name} ${f.id} fails (covered by ${m.ruleIds.join(', ')})`);
    }
    say(`  ${name}: ${found.length} failed checks in total, ${bad} among covered checks${ack ? `, ${ack} acknowledged (reported by our own findings too, or ungated: ${UNGATED.filter(u => u.tool === f0(name)).map(u => u.id).join(', ') || 'none'})` : ''}`);
  }
});

// ------------------------------------------------------------------------------------------------- part 3
say();
say('== 3. agreement with checkov and Trivy on the corpus, per tool ID named in our equivalents');
/**
 * The object a tool failure is about: by kind and name when the tool gives them (checkov, kube-score); otherwise by
 * the line (Trivy), cross-checked with the resource name in the tool's message: when the message names exactly one
 * object of the file and the object at the line is not it (or no object contains the line, or the tool gave no
 * line), the named object wins.
 */
function objectAt(objects: CorpusObject[], f: ToolFailure): { kind: string; name: string; o: CorpusObject; by: 'resource' | 'line' | 'name' } | undefined {
  const found = (o: CorpusObject | undefined, by: 'resource' | 'line' | 'name') => (o ? { kind: o.value.kind, name: o.value.metadata?.name, o, by } : undefined);
  const inFile = objects.filter(x => path.resolve(x.file) === path.resolve(f.file));
  if (f.name) return found(inFile.find(x => x.value.kind === f.kind && x.value.metadata?.name === f.name), 'resource');
  const line = f.startLine;
  const byLine = line === undefined ? undefined : inFile.find(x => x.startLine <= line && line <= x.endLine);
  const named = (o: CorpusObject) => {
    const n = o.value.metadata?.name;
    return typeof n === 'string' && !!f.message && new RegExp(`(^|[\\s'"\`])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s'"\`,.:;])`).test(f.message);
  };
  if (byLine && named(byLine)) return found(byLine, 'line');
  const byName = inFile.filter(named);
  return byName.length === 1 ? found(byName[0], 'name') : found(byLine, 'line');
}
const disagreementsDoc = fs.existsSync(path.join(ROOT, 'conformance', 'DISAGREEMENTS.md')) ? fs.readFileSync(path.join(ROOT, 'conformance', 'DISAGREEMENTS.md'), 'utf-8') : '';
const table: string[] = [];
time('part 3', () => {
  const ourReport = scan([CORPUS_DIR], { kubernetesVersion: NEWEST }).report;
  const ours = new Map<string, Set<string>>(); // tool:id -> object keys
  for (const f of ourReport.findings) {
    for (const tool of ['checkov', 'trivy'] as Tool[]) {
      const id = (f.equivalents as any)[tool];
      if (!id) continue;
      const k = `${tool}:${normalizeId(tool, id)}`;
      if (!ours.has(k)) ours.set(k, new Set());
      ours.get(k)!.add(key(f.file ?? '', f.resource.kind, f.resource.name));
    }
  }
  table.push('| tool | ID | our rule(s) | both | only ours | only tool | neither | agreement |', '|---|---|---|---:|---:|---:|---:|---:|');
  for (const tool of ['checkov', 'trivy'] as Tool[]) {
    const name = tool as 'checkov' | 'trivy';
    if (!tools[name].available) { say(`  ${tool}: SKIPPED (${tools[name].reason})`); continue; }
    const found = tool === 'checkov' ? checkov(tools.checkov, corpusFiles) : trivy(tools.trivy, CORPUS_DIR, NEWEST);
    const theirs = new Map<string, Set<string>>();
    let unplaced = 0; const byName: string[] = [];
    for (const f of found) {
      const at = objectAt(corpus, f);
      if (!at) { unplaced++; continue; }
      if (at.by === 'name') byName.push(`${f.id} ${path.basename(f.file)}:${f.startLine ?? '-'} -> ${at.kind}/${at.name}`);
      const k = `${tool}:${normalizeId(tool, f.id)}`;
      if (!theirs.has(k)) theirs.set(k, new Set());
      theirs.get(k)!.add(key(at.o.file, at.kind, at.name));
    }
    if (unplaced) say(`  ${tool}: ${unplaced} failures could not be placed on a corpus object`);
    if (byName.length) say(`  ${tool}: ${byName.length} failures placed by the resource name in the message (no line, or the line is in another object): ${byName.slice(0, 8).join('; ')}${byName.length > 8 ? ' ...' : ''}`);
    // Only objects that the tool evaluates at all: workloads and pods (both tools skip other kinds for these IDs).
    const podKinds = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate']);
    const universe = corpus.filter(o => podKinds.has(o.value.kind)).map(o => key(o.file, o.value.kind, o.value.metadata?.name));
    for (const m of mapping.filter(x => x.tool === tool && x.source === 'equivalents')) {
      const a = ours.get(`${tool}:${m.id}`) ?? new Set();
      const b = theirs.get(`${tool}:${m.id}`) ?? new Set();
      let both = 0; let onlyOurs = 0; let onlyTool = 0; let neither = 0;
      const examplesOurs: string[] = []; const examplesTool: string[] = [];
      for (const u of universe) {
        const x = a.has(u); const y = b.has(u);
        if (x && y) {both++;} else if (x) { onlyOurs++; examplesOurs.push(u); } else if (y) { onlyTool++; examplesTool.push(u); } else {neither++;}
      }
      const pct = ((both + neither) / universe.length * 100).toFixed(1);
      table.push(`| ${tool} | ${m.id} | ${m.ruleIds.join(', ')} | ${both} | ${onlyOurs} | ${onlyTool} | ${neither} | ${pct}% |`);
      if (onlyOurs + onlyTool > 0) {
        const short = (u: string) => { const [f, k, n] = u.split('|'); return `${path.basename(f)} ${k}/${n}`; };
        say(`  ${tool} ${m.id}: only ours: ${examplesOurs.slice(0, 6).map(short).join('; ')}${examplesOurs.length > 6 ? ' ...' : ''}`);
        say(`  ${' '.repeat(tool.length)} ${m.id}: only tool: ${examplesTool.slice(0, 6).map(short).join('; ')}${examplesTool.length > 6 ? ' ...' : ''}`);
        if (!disagreementsDoc.includes(m.id)) fail(`${tool} ${m.id} disagrees with our rules on ${onlyOurs + onlyTool} objects and conformance/DISAGREEMENTS.md does not explain it`);
      }
    }
  }
});
say();
for (const t of table) say(t);

say();
say(failures.length ? `conformance: ${failures.length} gate(s) failed` : 'conformance: all gates passed');
fs.mkdirSync(CACHE, { recursive: true });
fs.writeFileSync(path.join(CACHE, 'report.md'), lines.join('\n') + '\n');
fs.rmSync(exampleDir, { recursive: true, force: true });
void Packs;
void ({} as ToolCheck);
process.exit(failures.length ? 1 : 0);
