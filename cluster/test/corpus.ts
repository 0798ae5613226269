/**
 * Our Pod Security Standards verdicts on the conformance corpus against the API server's: each object's pod is
 * created as a Pod in a namespace enforcing baseline, then in one enforcing restricted (both at `latest`, that is
 * v1.37), and the check IDs PodSecurity refuses it for are compared with the `equivalents.pss` of the findings of
 * `scan()` with the packs pss-baseline and pss-restricted at 1.37.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { pool } from './admit';
import { create } from './kubectl';
import { podOf, podTemplate } from './pods';
import { ServerVerdict, verdictOf } from './psa-message';
import { scan } from '../../src/cli/scan';

export const CORPUS_DIR = path.join(__dirname, '..', '..', 'conformance', 'corpus');
export const LEVELS = ['baseline', 'restricted'] as const;
export type Level = typeof LEVELS[number];
const VERSION = '1.37';

/** One object of the corpus, list items included. */
export interface CorpusObject { readonly index: number; readonly file: string; readonly value: any }

const key = (file: string, kind?: string, name?: string) => `${path.resolve(file)}|${kind}|${name}`;

/** The corpus files, sorted. */
export function corpusFiles(): string[] {
  return fs.readdirSync(CORPUS_DIR).filter(f => /\.ya?ml$/.test(f)).sort().map(f => path.join(CORPUS_DIR, f));
}

/** The objects of the corpus files, in order, List items flattened. */
export function loadCorpus(files: string[]): CorpusObject[] {
  const out: CorpusObject[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf-8'))) {
      const value = doc.toJS();
      if (!value || typeof value !== 'object') continue;
      for (const v of value.kind === 'List' ? value.items ?? [] : [value]) out.push({ index: out.length, file, value: v });
    }
  }
  return out;
}

function ourVerdicts(files: string[], level: Level): Map<string, string[]> {
  const result = scan(files, { packs: [`pss-${level}`], kubernetesVersion: VERSION });
  if (result.problems.length) throw new Error(`scan could not read the corpus: ${JSON.stringify(result.problems)}`);
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

/** One compared object. */
export interface Compared {
  readonly where: string;
  readonly ours: { [level: string]: string[] };
  readonly server: { [level: string]: ServerVerdict };
}

/** The comparison over the corpus. */
export interface CorpusComparison {
  readonly compared: Compared[];
  /** Objects the server refused for a reason other than Pod Security, with that reason. */
  readonly excluded: { where: string; reason: string }[];
  /** Objects without a pod (not compared). */
  readonly withoutPod: number;
  readonly files: number;
}

const namespaceOf = (level: Level) => `psa-${level}`;

export async function compareCorpus(): Promise<CorpusComparison> {
  const files = corpusFiles();
  const corpus = loadCorpus(files);
  const ours = { baseline: ourVerdicts(files, 'baseline'), restricted: ourVerdicts(files, 'restricted') };
  const withPod = corpus.filter(o => podTemplate(o.value) !== undefined);

  // Two namespaces, each enforcing one level at the server's own version, with every ServiceAccount the pods name
  // (the ServiceAccount admission refuses a Pod whose account does not exist).
  const accounts = new Set<string>(['default']);
  for (const o of withPod) {
    const sa = podTemplate(o.value)!.spec.serviceAccountName ?? podTemplate(o.value)!.spec.serviceAccount;
    if (typeof sa === 'string' && sa) accounts.add(sa);
  }
  const setup: any[] = [];
  for (const level of LEVELS) {
    const ns = namespaceOf(level);
    setup.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'pod-security.kubernetes.io/enforce': level, 'pod-security.kubernetes.io/enforce-version': 'latest' } } });
    for (const sa of accounts) setup.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: ns } });
  }
  const made = await create(setup);
  if (!made.ok) throw new Error(`could not create the corpus namespaces: ${made.stderr}`);

  const runs = withPod.flatMap(o => LEVELS.map(level => ({ o, level })));
  const verdicts = await pool(runs, 4, async ({ o, level }) => {
    const pod = podOf(o.value, `corpus-${o.index}`, namespaceOf(level));
    const r = await create([pod]);
    return verdictOf(r.created.has(`pod/corpus-${o.index}`), r.stderr, level);
  });

  const compared: Compared[] = [];
  const excluded: { where: string; reason: string }[] = [];
  withPod.forEach((o, i) => {
    const where = `${path.basename(o.file)} ${o.value.kind}/${o.value.metadata?.name}`;
    const server = { baseline: verdicts[2 * i], restricted: verdicts[2 * i + 1] };
    const other = LEVELS.map(l => server[l]).find(v => v.outcome === 'other');
    if (other) {
      excluded.push({ where, reason: other.message.split('\n').filter(l => !/^Warning:/.test(l)).join(' ').replace(/^Error from server \(\w+\): error when creating "STDIN": /, '') });
      return;
    }
    const k = key(o.file, o.value.kind, o.value.metadata?.name);
    compared.push({ where, ours: { baseline: ours.baseline.get(k) ?? [], restricted: ours.restricted.get(k) ?? [] }, server });
  });
  return { compared, excluded, withoutPod: corpus.length - withPod.length, files: files.length };
}

/** One row of the agreement table. */
export interface AgreementRow {
  readonly check: string;
  readonly both: number;
  readonly onlyOurs: number;
  readonly onlyServer: number;
  readonly neither: number;
}

/** Per check ID, over every (object, level): both refuse, only ours, only the server, neither. */
export function agreementTable(c: CorpusComparison): AgreementRow[] {
  const checks = new Set<string>();
  for (const x of c.compared) for (const l of LEVELS) [...x.ours[l], ...x.server[l].checks].forEach(id => checks.add(id));
  return [...checks].sort().map(check => {
    const row = { check, both: 0, onlyOurs: 0, onlyServer: 0, neither: 0 };
    for (const x of c.compared) {
      for (const l of LEVELS) {
        const a = x.ours[l].includes(check);
        const b = x.server[l].checks.includes(check);
        if (a && b) row.both++; else if (a) row.onlyOurs++; else if (b) row.onlyServer++; else row.neither++;
      }
    }
    return row;
  });
}
