/**
 * The conformance suite: proves mechanically that our Pod Security Standards rules agree with the admission code
 * that defines them, and pins, count by count, where the scanners that users also run (checkov, kube-score) agree.
 *
 *   npx projen conformance [-- --no-install] [-- --versions 1.28,1.37] [-- --only psa|tools] [-- --corpus f.yaml] [-- --write-disagreements]
 *
 * 1. Every example app is synthesized; the PSA evaluator must find nothing at restricted, and checkov and
 *    kube-score must report none of the checks that our packs cover (conformance/tool-mapping.ts).
 * 2. Every object of conformance/corpus is scanned with our `scan()` (packs pss-baseline and pss-restricted) and
 *    with `pssFailedChecks`; both must equal the PSA evaluator's failed check IDs, per object, per level, at every
 *    version compared. The default versions are both sides of every version boundary our rules encode.
 * 3. checkov and kube-score over the whole corpus, per tool ID from our rules' `equivalents`: the objects where
 *    only we or only the tool fail must be exactly those recorded, with a reason, in conformance/disagreements.json.
 *    A tool result that cannot be placed on a corpus object fails the run.
 * With CI=true every checker must be available: a missing one fails the run with a line that names it. Locally a
 * missing checker is skipped, and the last line says that the run was partial.
 * The report is printed and written to <cache>/report.md. Exit 0 only when every gate holds.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { loadExamples } from './examples';
import { Tool, toolMapping } from './tool-mapping';
import { CACHE, checkov, kubeScore, psaEvaluate, readTools, ROOT, ToolName, ToolResult } from './tools';
import { scan } from '../src/cli/scan';
import { pssFailedChecks } from '../src/private/pss-evaluate';
import { safeSysctls } from '../src/rules/pss/private/sysctls';
import { PSA_SINCE } from '../src/rules/pss/private/versions';

/**
 * Policy versions compared by default: 1.0 and both sides of every boundary the rules encode (1.8, 1.19, 1.22,
 * 1.23, 1.25, 1.27, 1.29, 1.31, 1.32, 1.34, 1.35, 1.37), which from 1.21 on is every minor. A fixed list, so that
 * moving a boundary in the code cannot move the versions compared; `boundaries()` checks that it covers them.
 */
const DEFAULT_VERSIONS = ['1.0', '1.7', '1.8', '1.18', '1.19', ...Array.from({ length: 17 }, (_, i) => `1.${21 + i}`)];
const NEWEST = '1.37';
const CORPUS_DIR = path.join(ROOT, 'conformance', 'corpus');
const DISAGREEMENTS_FILE = path.join(ROOT, 'conformance', 'disagreements.json');
const MIN_CORPUS = 150;
const CI = !!process.env.CI && process.env.CI !== 'false';

const args = process.argv.slice(2);
const argValue = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const VERSIONS = argValue('--versions')?.split(',') ?? DEFAULT_VERSIONS;
const ONLY_PSA = argValue('--only') === 'psa';
const ONLY_TOOLS = argValue('--only') === 'tools';
const WRITE_DISAGREEMENTS = args.includes('--write-disagreements');

const lines: string[] = [];
const say = (s = '') => { lines.push(s); console.log(s); };
const failures: string[] = [];
const fail = (s: string) => { failures.push(s); say(`FAIL: ${s}`); };
const skipped: string[] = [];
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
const fmt = (a: string[]) => `[${a.join(', ')}]`;
const time = <T>(label: string, f: () => T): T => { const t = Date.now(); const r = f(); say(`  (${label}: ${((Date.now() - t) / 1000).toFixed(1)}s)`); return r; };

/** The minor versions at which a check, or its revision, changes: from PSA_SINCE and the safe sysctl list. */
function boundaries(): number[] {
  const out = new Set<number>(Object.values(PSA_SINCE));
  for (let minor = 1; minor <= Number(NEWEST.split('.')[1]); minor++) {
    if (safeSysctls(minor).length !== safeSysctls(minor - 1).length) out.add(minor);
  }
  return [...out].filter(m => m > 0).sort((a, b) => a - b);
}

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
/** How an object is named in the report and in disagreements.json: `file.yaml Kind/name`. */
const short = (k: string) => { const [f, kind, name] = k.split('|'); return `${path.basename(f)} ${kind}/${name}`; };

/** Our PSS verdict per object at one level and version, through the scan entry point. */
function ourVerdicts(dirOrFiles: string[], pack: 'pss-baseline' | 'pss-restricted', version: string): Map<string, string[]> {
  const result = scan(dirOrFiles, { packs: [pack], kubernetesVersion: version });
  if (result.problems.length) throw new Error(`scan problems: ${JSON.stringify(result.problems)}`);
  const map = new Map<string, Set<string>>();
  for (const f of result.report.findings) {
    if (f.message.includes('could not evaluate')) fail(`our ${f.ruleId} could not evaluate ${f.resource.kind}/${f.resource.name} @${version}: ${f.message}`);
    const pss = f.equivalents.pss;
    if (!pss) continue;
    const k = key(f.file ?? '', f.resource.kind, f.resource.name);
    if (!map.has(k)) map.set(k, new Set());
    map.get(k)!.add(pss);
  }
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
}

// ------------------------------------------------------------------------------------------------- install
say(`== conformance${CI ? ' (CI=true: every checker is required)' : ''}; cache ${CACHE}`);
if (!args.includes('--no-install')) {
  say('== installing the external checkers (conformance/install.sh)');
  const r = spawnSync('bash', [path.join(ROOT, 'conformance', 'install.sh')], { stdio: 'inherit' });
  if (r.status !== 0) say(`  conformance/install.sh exited ${r.status}; each missing checker is named below`);
}
const tools = readTools();
const required: ToolName[] = ONLY_PSA ? ['psa-eval'] : ['psa-eval', 'checkov', 'kube-score'];
say('== tools');
for (const name of required) {
  const t = tools[name];
  if (t.available) {
    say(`  ${name.padEnd(10)} available (${t.version})`);
  } else if (CI || name === 'psa-eval') {
    fail(`${name} is missing: ${t.reason}. ${name === 'psa-eval' ? 'Nothing can be compared without it' : 'With CI=true every checker must run'}; conformance/install.sh installs it into ${CACHE}.`);
  } else {
    skipped.push(name);
    say(`  ${name.padEnd(10)} SKIPPED (not in CI): ${t.reason}`);
  }
}
const ready = (name: ToolName) => tools[name].available;
if (!ready('psa-eval')) finish();

// ------------------------------------------------------------------------------------------------- part 2 (first: the gate)
// --corpus a.yaml,b.yaml: part 2 on some corpus files only (what the mutation check uses, for speed).
const CORPUS_ONLY = argValue('--corpus')?.split(',');
const corpusFiles = fs.readdirSync(CORPUS_DIR).filter(f => /\.ya?ml$/.test(f) && (!CORPUS_ONLY || CORPUS_ONLY.includes(f))).sort().map(f => path.join(CORPUS_DIR, f));
if (CORPUS_ONLY) skipped.push(`the corpus files other than ${CORPUS_ONLY.join(', ')} (--corpus)`);
const corpus = loadObjects(corpusFiles);
say();
say(`== 2. PSS verdicts on the corpus: ${corpus.length} objects in ${corpusFiles.length} files, at ${VERSIONS.length} versions`);
if (corpus.length < MIN_CORPUS && !CORPUS_ONLY) fail(`the corpus has ${corpus.length} objects, fewer than ${MIN_CORPUS}`);
{
  const seen = new Set<string>();
  for (const o of corpus) {
    const k = key(o.file, o.value.kind, o.value.metadata?.name);
    if (seen.has(k)) fail(`duplicate object ${k}: names must be unique per file and kind`);
    seen.add(k);
  }
  const uncovered = boundaries().flatMap(b => [b - 1, b]).map(m => `1.${m}`).filter(v => !VERSIONS.includes(v));
  say(`  version boundaries in the rules: ${boundaries().map(b => `1.${b}`).join(', ')}`);
  if (uncovered.length) {
    const what = `versions ${[...new Set(uncovered)].join(', ')} (a side of a boundary) are not compared`;
    if (VERSIONS === DEFAULT_VERSIONS) fail(`${what}: add them to DEFAULT_VERSIONS in conformance/run.ts`);
    else say(`  NOTE: ${what} in this run (--versions)`);
  }
}
let podObjects = 0;
const mismatches: string[] = [];
const perVersion: string[] = [];
if (ONLY_TOOLS) say('  SKIPPED here (--only tools): a partial run');
time('part 2', () => {
  for (const version of ONLY_TOOLS ? [] : VERSIONS) {
    const psaResults = psaEvaluate(tools['psa-eval'], corpus.map(o => o.value), version);
    const ours = { baseline: ourVerdicts(corpusFiles, 'pss-baseline', version), restricted: ourVerdicts(corpusFiles, 'pss-restricted', version) };
    let compared = 0; let agreed = 0; let failing = 0;
    for (const o of corpus) {
      const p = psaResults[o.index];
      if (p.error) { fail(`${path.basename(o.file)} ${o.value.kind}/${o.value.metadata?.name}: PSA could not decode it: ${p.error}`); continue; }
      if (version === VERSIONS[0] && p.hasPod) podObjects++;
      for (const level of ['baseline', 'restricted'] as const) {
        const expected = p[level];
        const scanned = ours[level].get(key(o.file, o.value.kind, o.value.metadata?.name)) ?? [];
        const helper = pssFailedChecks(o.value, level, version);
        compared++;
        if (expected.length) failing++;
        const where = `${path.relative(ROOT, o.file)}:${o.startLine} ${o.value.kind}/${o.value.metadata?.name} @${version} ${level}`;
        let ok = true;
        if (!sameSet(expected, scanned)) { ok = false; mismatches.push(`${where}: PSA ${fmt(expected)}, scan ${fmt(scanned)}`); }
        if (!sameSet(expected, helper)) { ok = false; mismatches.push(`${where}: PSA ${fmt(expected)}, pssFailedChecks ${fmt(helper)}`); }
        if (ok) agreed++;
      }
    }
    perVersion.push(`  ${version.padEnd(5)} ${compared} verdicts (${failing} failing), ${(agreed / Math.max(compared, 1) * 100).toFixed(agreed === compared ? 0 : 1)}% agreement`);
  }
});
say(`  ${podObjects} objects carry a pod; per version (object x level, each compared per check ID, through scan and pssFailedChecks):`);
for (const l of perVersion) say(l);
if (ONLY_TOOLS) {
  skipped.push('part 2 (--only tools)');
} else if (mismatches.length) {
  fail(`${mismatches.length} verdicts differ from the PSA evaluator:`);
  for (const m of mismatches.slice(0, 200)) say(`    ${m}`);
  if (mismatches.length > 200) say(`    ... and ${mismatches.length - 200} more`);
} else {
  say(`  100% agreement with k8s.io/pod-security-admission (${tools['psa-eval'].version}) at ${VERSIONS.join(', ')}`);
}
if (ONLY_PSA) { skipped.push('parts 1 and 3 (--only psa)'); finish(); }

// ------------------------------------------------------------------------------------------------- part 1
const mapping = toolMapping();
const covered = (tool: Tool, id: string) => mapping.find(m => m.tool === tool && m.id === id);
const TOOL_RUNS: { name: 'checkov' | 'kube-score'; tool: Tool; run: (files: string[]) => ToolResult[] }[] = [
  { name: 'checkov', tool: 'checkov', run: files => checkov(tools.checkov, files) },
  { name: 'kube-score', tool: 'kubeScore', run: files => kubeScore(tools['kube-score'], files) },
];

/** The corpus (or example) object a tool result is about: by kind and name in its file, else by its line. */
function objectAt(objects: CorpusObject[], f: ToolResult): CorpusObject | undefined {
  const inFile = objects.filter(x => path.resolve(x.file) === path.resolve(f.file));
  const byName = inFile.find(x => x.value.kind === f.kind && x.value.metadata?.name === f.name);
  if (byName) return byName;
  const line = f.startLine;
  return line === undefined ? undefined : inFile.find(x => x.startLine <= line && line <= x.endLine);
}

say();
say('== 1. examples: synthesized output against PSA restricted and the covered checks of checkov and kube-score');
const exampleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-examples-'));
const examples = loadExamples(exampleDir);
const exampleFiles = examples.files;
say(`  ${examples.names.length} example app(s): ${examples.names.join(', ')}; ${exampleFiles.length} manifest file(s)`);
const exampleObjects = loadObjects(exampleFiles);
time('part 1', () => {
  for (const version of ['1.28', NEWEST]) {
    for (const p of psaEvaluate(tools['psa-eval'], exampleObjects.map(o => o.value), version)) {
      const o = exampleObjects[p.index];
      if (p.error) fail(`example ${path.basename(o.file)} ${p.kind}/${p.name}: PSA could not decode it: ${p.error}`);
      else if (p.restricted.length) fail(`example ${path.basename(o.file)} ${p.kind}/${p.name} fails PSA restricted @${version}: ${fmt(p.restricted)}`);
    }
  }
  // A tool failure that our own report also carries (as info, or suppressed with a reason) is acknowledged.
  const ourReport = scan(exampleFiles, { kubernetesVersion: NEWEST }).report;
  for (const { name, tool, run } of TOOL_RUNS) {
    if (!ready(name)) continue;
    const found = run(exampleFiles).filter(f => !f.passed);
    let bad = 0; let ack = 0;
    for (const f of found) {
      const m = covered(tool, f.id);
      if (!m) continue;
      const o = objectAt(exampleObjects, f);
      if (!o) { fail(`example ${path.basename(f.file)}:${f.startLine ?? '-'}: ${name} ${f.id} on ${f.kind}/${f.name}, which is no object of the file`); continue; }
      const obj = `${o.value.kind}/${o.value.metadata?.name}`;
      const ours = (x: { ruleId: string; resource: { kind: string; name: string } }) =>
        m.ruleIds.includes(x.ruleId) && x.resource.kind === o.value.kind && x.resource.name === o.value.metadata?.name;
      if (ourReport.findings.some(ours)) {
        ack++; say(`  ${name}: ${f.id} on ${obj} (also reported by our ${m.ruleIds.join('/')}; acknowledged)`); continue;
      }
      bad++;
      fail(`example ${path.basename(f.file)} ${obj}: ${name} ${f.id} fails (covered by ${m.ruleIds.join(', ')})`);
    }
    say(`  ${name}: ${found.length} failed checks in total, ${bad} among covered checks${ack ? `, ${ack} acknowledged` : ''}`);
  }
});

// ------------------------------------------------------------------------------------------------- part 3
/** One row of disagreements.json: a tool ID, the objects it evaluated, and where it and our rules differ. */
interface Row {
  tool: string;
  id: string;
  rules: string[];
  evaluated: number;
  onlyOursCount: number;
  onlyToolCount: number;
  onlyOurs: string[];
  onlyTool: string[];
  reason?: string;
}
say();
say('== 3. agreement with checkov and kube-score on the whole corpus, per tool ID named in our equivalents');
const recorded: Row[] = fs.existsSync(DISAGREEMENTS_FILE) ? JSON.parse(fs.readFileSync(DISAGREEMENTS_FILE, 'utf-8')).rows : [];
const observed: Row[] = [];
const table: string[] = ['| tool | ID | our rule(s) | evaluated | both | only ours | only tool | neither | agreement |', '|---|---|---|---:|---:|---:|---:|---:|---:|'];
time('part 3', () => {
  const ourReport = scan([CORPUS_DIR], { kubernetesVersion: NEWEST }).report;
  for (const f of ourReport.findings) {
    if (f.message.includes('could not evaluate')) fail(`our ${f.ruleId} could not evaluate ${f.resource.kind}/${f.resource.name} in ${f.file}: ${f.message}`);
  }
  for (const { name, tool, run } of TOOL_RUNS) {
    if (!ready(name)) continue;
    const results = run(corpusFiles);
    const theirs = new Map<string, Set<string>>(); // id -> failing object keys
    const evaluatedKinds = new Map<string, Set<string>>(); // id -> kinds the tool judged with it
    const unplaced: string[] = [];
    for (const f of results) {
      const o = objectAt(corpus, f);
      if (!o) { unplaced.push(`${f.id} ${f.passed ? 'passed' : 'failed'} on ${f.kind}/${f.name} (${path.basename(f.file)}:${f.startLine ?? '-'})`); continue; }
      if (!evaluatedKinds.has(f.id)) evaluatedKinds.set(f.id, new Set());
      evaluatedKinds.get(f.id)!.add(o.value.kind);
      if (f.passed) continue;
      if (!theirs.has(f.id)) theirs.set(f.id, new Set());
      theirs.get(f.id)!.add(key(o.file, o.value.kind, o.value.metadata?.name));
    }
    say(`  ${name}: ${results.length} results (${results.filter(r => !r.passed).length} failed)`);
    if (unplaced.length) {
      fail(`${name}: ${unplaced.length} results cannot be placed on a corpus object: ${unplaced.slice(0, 8).join('; ')}${unplaced.length > 8 ? ' ...' : ''}`);
    }
    for (const m of mapping.filter(x => x.tool === tool && x.source === 'equivalents')) {
      const ours = new Set(ourReport.findings.filter(f => (f.equivalents as any)[tool] === m.id).map(f => key(f.file ?? '', f.resource.kind, f.resource.name)));
      const tool_ = theirs.get(m.id) ?? new Set<string>();
      // The objects the tool judges with this ID: every corpus object of a kind it evaluated the ID on.
      const kinds = evaluatedKinds.get(m.id) ?? new Set<string>();
      const universe = corpus.filter(o => kinds.has(o.value.kind)).map(o => key(o.file, o.value.kind, o.value.metadata?.name));
      let both = 0; let neither = 0;
      const onlyOurs: string[] = []; const onlyTool: string[] = [];
      for (const u of universe) {
        const x = ours.has(u); const y = tool_.has(u);
        if (x && y) both++; else if (x) onlyOurs.push(short(u)); else if (y) onlyTool.push(short(u)); else neither++;
      }
      const pct = universe.length ? `${((both + neither) / universe.length * 100).toFixed(1)}%` : '-';
      table.push(`| ${name} | ${m.id} | ${m.ruleIds.join(', ')} | ${universe.length} | ${both} | ${onlyOurs.length} | ${onlyTool.length} | ${neither} | ${pct} |`);
      observed.push({
        tool: name,
        id: m.id,
        rules: m.ruleIds,
        evaluated: universe.length,
        onlyOursCount: onlyOurs.length,
        onlyToolCount: onlyTool.length,
        onlyOurs: onlyOurs.sort(),
        onlyTool: onlyTool.sort(),
      });
    }
  }
});
say();
for (const t of table) say(t);

// Every row, with or without disagreement, must match disagreements.json exactly: objects evaluated, the objects
// only we fail and the objects only the tool fails; every disagreement has a reason.
say();
say(`== disagreements: compared with ${path.relative(ROOT, DISAGREEMENTS_FILE)}`);
{
  const rkey = (r: { tool: string; id: string }) => `${r.tool} ${r.id}`;
  const rec = new Map(recorded.map(r => [rkey(r), r]));
  const diff = (a: string[], b: string[]) => a.filter(x => !b.includes(x));
  let differing = 0;
  for (const o of observed) {
    if (skipped.includes(o.tool)) continue;
    const r = rec.get(rkey(o));
    if (!r) { differing++; fail(`${rkey(o)} is not in disagreements.json (evaluated ${o.evaluated}, only ours ${o.onlyOurs.length}, only tool ${o.onlyTool.length})`); continue; }
    if (r.evaluated !== o.evaluated) { differing++; fail(`${rkey(o)}: the tool evaluated ${o.evaluated} objects, disagreements.json records ${r.evaluated}`); }
    for (const side of ['onlyOurs', 'onlyTool'] as const) {
      const count = side === 'onlyOurs' ? 'onlyOursCount' : 'onlyToolCount';
      const added = diff(o[side], r[side] ?? []); const gone = diff(r[side] ?? [], o[side]);
      if (added.length || gone.length || r[count] !== o[side].length) {
        differing++;
        fail(`${rkey(o)} ${side === 'onlyOurs' ? 'only ours' : 'only tool'}: ${o[side].length} objects, disagreements.json records ${r[count]}`
          + `${added.length ? `; new: ${added.slice(0, 6).join(', ')}${added.length > 6 ? ' ...' : ''}` : ''}${gone.length ? `; no longer: ${gone.slice(0, 6).join(', ')}${gone.length > 6 ? ' ...' : ''}` : ''}`);
      }
    }
    if ((o.onlyOurs.length || o.onlyTool.length) && !(r.reason && r.reason.trim() && !/^TODO/.test(r.reason))) {
      differing++; fail(`${rkey(o)} disagrees on ${o.onlyOurs.length + o.onlyTool.length} objects and disagreements.json gives no reason`);
    }
  }
  for (const r of recorded) {
    // A checker that did not run has already failed the run (CI) or been reported as skipped.
    if (ready(r.tool as ToolName) && !observed.some(o => rkey(o) === rkey(r))) { differing++; fail(`${rkey(r)} is recorded in disagreements.json but no longer compared: remove it`); }
  }
  const total = observed.reduce((n, o) => n + o.onlyOurs.length + o.onlyTool.length, 0);
  if (!differing) say(`  every row matches: ${observed.length} rows, ${observed.filter(o => o.onlyOurs.length + o.onlyTool.length).length} with disagreements (${total} object-level), each with its reason`);
  if (WRITE_DISAGREEMENTS) {
    const rows = observed.map(o => ({ ...o, reason: rec.get(rkey(o))?.reason ?? (o.onlyOurs.length + o.onlyTool.length ? 'TODO: explain' : undefined) }));
    const versions = Object.fromEntries(TOOL_RUNS.map(t => [t.name, tools[t.name].version]));
    fs.writeFileSync(DISAGREEMENTS_FILE, JSON.stringify({
      about: 'Written by `conformance/run.ts --write-disagreements`, reasons kept by hand; conformance fails when a run differs from it. See DISAGREEMENTS.md.',
      tools: versions,
      kubernetesVersion: NEWEST,
      corpusObjects: corpus.length,
      rows,
    }, null, 2) + '\n');
    say(`  wrote ${path.relative(ROOT, DISAGREEMENTS_FILE)}: review the diff, and explain every row with a disagreement`);
  }
}
fs.rmSync(exampleDir, { recursive: true, force: true });
finish();

function finish(): never {
  say();
  if (failures.length) say(`conformance: ${failures.length} gate(s) failed`);
  else if (skipped.length) say(`conformance: PARTIAL run: the gates that ran passed; not run: ${skipped.join(', ')}`);
  else say(`conformance: all gates passed (${required.join(', ')})`);
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(path.join(CACHE, 'report.md'), lines.join('\n') + '\n');
  process.exit(failures.length ? 1 : 0);
}
