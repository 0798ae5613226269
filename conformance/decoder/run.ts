/**
 * Differential test of our manifest decoder against kubectl's (conformance/yaml-oracle):
 *
 *   npx projen conformance:decoder [--count 100000] [--seed N] [--batch 1000] [--show 20]
 *                                  [--write-corpus FILE [--corpus-count 2500] [--corpus-extra 500] [--write-known FILE]]
 *                                  [--oracle PATH | --no-install]
 *
 * Generates `--count` files (conformance/decoder/generate.ts) from `--seed` (random when not given; both are
 * printed), sends them to one long-lived oracle process in batches and decodes each with our decoder through
 * conformance/decoder/ours.ts. Verdicts (conformance/decoder/verdict.ts): agree, refused by us, disagree. Prints the
 * counts, the shortest disagreeing inputs with both answers (the shortest of each kind of disagreement first: kubectl's
 * error, or the path of the first differing value, with how many inputs share it), and exits 1 on any disagreement.
 *
 * `--write-corpus FILE` also writes the replay corpus of test/decode/differential-replay.test.ts: every hand-picked
 * case (conformance/decoder/hand-picked.ts), the first `--corpus-count` generated files and up to
 * `--corpus-extra` more of the shortest disagreeing ones, each with the oracle's answer exactly as it printed it.
 * `--write-known FILE` writes the ids of the corpus cases that disagree today as the replay test's
 * KNOWN_DISAGREEMENTS module (test/decode/known-disagreements.ts); it empties as the decoder is fixed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { generateFiles } from './generate';
import { HAND_PICKED } from './hand-picked';
import { Oracle, oracleBinary, OracleReply } from './oracle';
import { decodeWithOurs, firstDifference, judge, Judgement } from './verdict';

interface Options {
  readonly count: number;
  readonly seed: number;
  readonly batch: number;
  readonly show: number;
  readonly writeCorpus?: string;
  readonly writeKnown?: string;
  readonly corpusCount: number;
  readonly corpusExtra: number;
  readonly oracle?: string;
  readonly install: boolean;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
    return argv[i + 1];
  };
  const int = (name: string, fallback: number) => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(v)}`);
    return n;
  };
  return {
    count: int('--count', 100_000),
    seed: int('--seed', Math.floor(Math.random() * 2 ** 31)),
    batch: Math.max(1, int('--batch', 1000)),
    show: int('--show', 20),
    writeCorpus: value('--write-corpus'),
    writeKnown: value('--write-known'),
    corpusCount: int('--corpus-count', 2500),
    corpusExtra: int('--corpus-extra', 500),
    oracle: value('--oracle'),
    install: !argv.includes('--no-install'),
  };
}

interface Case {
  readonly id: string;
  readonly text: string;
}

interface Result {
  readonly item: Case;
  readonly reply: OracleReply;
  readonly judgement: Judgement;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  console.log(`decoder differential: ${options.count} generated files, seed ${options.seed} (rerun: --count ${options.count} --seed ${options.seed})`);

  const binary = oracleBinary(options.oracle, options.install);
  const started = Date.now();
  const generated: Case[] = generateFiles(options.count, options.seed).map((text, i) => ({ id: `g${i}`, text }));
  const generation = (Date.now() - started) / 1000;
  const cases: Case[] = [...HAND_PICKED, ...generated];

  const oracle = new Oracle(binary);
  const results: Result[] = [];
  let ourSeconds = 0;
  const decodeStarted = Date.now();
  try {
    const batches: Case[][] = [];
    for (let i = 0; i < cases.length; i += options.batch) batches.push(cases.slice(i, i + options.batch));
    // The oracle works on the next batch while we decode and judge this one.
    if (batches.length) oracle.send(batches[0]);
    for (let b = 0; b < batches.length; b++) {
      if (b + 1 < batches.length) oracle.send(batches[b + 1]);
      const t = Date.now();
      const ours = batches[b].map(item => decodeWithOurs(item.text, `${item.id}.yaml`));
      ourSeconds += (Date.now() - t) / 1000;
      const replies = await oracle.receive(batches[b].map(item => item.id));
      batches[b].forEach((item, i) => results.push({ item, reply: replies[i], judgement: judge(replies[i].answer, ours[i]) }));
      if (process.stdout.isTTY) process.stdout.write(`\r  ${results.length}/${cases.length}`);
    }
  } finally {
    oracle.close();
  }
  if (process.stdout.isTTY) process.stdout.write('\n');
  const decoding = (Date.now() - decodeStarted) / 1000;

  const count = (f: (r: Result) => boolean) => results.filter(f).length;
  const disagreements = results.filter(r => r.judgement.verdict === 'disagree');
  const handPicked = results.slice(0, HAND_PICKED.length);
  const line = (label: string, n: number) => console.log(`  ${label.padEnd(44)} ${String(n).padStart(7)}`);

  console.log(`\nverdicts over ${results.length} files (${HAND_PICKED.length} hand-picked + ${generated.length} generated):`);
  line('agree', count(r => r.judgement.verdict === 'agree'));
  line('refused by us', count(r => r.judgement.verdict === 'refused'));
  line('  of which kubectl accepts', count(r => r.judgement.verdict === 'refused' && r.reply.answer.error === undefined));
  line('disagree', disagreements.length);
  line('  values differ', count(r => r.judgement.why === 'values'));
  line('  we accept what kubectl rejects', count(r => r.judgement.why === 'accepted'));
  line('  our decoder crashed', count(r => r.judgement.why === 'crashed'));
  line('oracle errors (kubectl rejects the file)', count(r => r.reply.answer.error !== undefined));
  line('hand-picked that disagree', count(r => handPicked.includes(r) && r.judgement.verdict === 'disagree'));
  console.log(`\ntiming: generation ${generation.toFixed(1)}s; oracle + ours ${decoding.toFixed(1)}s ` +
    `(ours ${ourSeconds.toFixed(1)}s); ${Math.round(results.length / (generation + decoding))} files/s overall, ` +
    `${Math.round(results.length / decoding)} files/s decoded`);

  const shortest = [...disagreements].sort((a, b) => a.item.text.length - b.item.text.length);
  if (shortest.length && options.show) {
    // One input per kind of disagreement before a second of any kind, so that one frequent cause does not hide the others.
    const kinds = new Map<string, Result[]>();
    for (const r of shortest) kinds.set(kindOf(r), [...(kinds.get(kindOf(r)) ?? []), r]);
    const shown: Result[] = [];
    for (let round = 0; shown.length < options.show && shown.length < shortest.length; round++) {
      for (const group of kinds.values()) if (group[round] && shown.length < options.show) shown.push(group[round]);
    }
    console.log(`\n${kinds.size} kinds of disagreement; the shortest input of each (up to ${options.show}):`);
    for (const r of shown) {
      console.log(`\n--- ${r.item.id}: ${kindOf(r)} (${kinds.get(kindOf(r))!.length} inputs)\ninput:   ${JSON.stringify(r.item.text)}`);
      console.log(`kubectl: ${r.reply.raw}`);
      console.log(`ours:    ${JSON.stringify(r.judgement.ours)}`);
    }
  }

  if (options.writeCorpus) writeCorpus(options, results, shortest);

  console.log(disagreements.length ? `\nFAIL: ${disagreements.length} disagreements (seed ${options.seed})` : '\nOK: no disagreement');
  return disagreements.length ? 1 : 0;
}

/** What a disagreement is about: kubectl's error without its specifics, or the first path where the values differ. */
function kindOf(r: Result): string {
  const ours = r.judgement.ours;
  if (r.judgement.why === 'crashed') return `our decoder crashed: ${'crashed' in ours ? ours.crashed.split(':')[0] : ''}`;
  if (r.judgement.why === 'accepted') {
    return `we accept, kubectl: ${(r.reply.answer.error ?? '').replace(/'\{.*\}'/s, "'{...}'").replace(/"[^"]*"/g, '"..."').replace(/line \d+/g, 'line N').replace(/`[^`]*`/g, '`...`').slice(0, 100)}`;
  }
  const where = 'objects' in ours ? firstDifference(ours.objects, r.reply.answer.objects) : undefined;
  return `values differ at ${(where ?? '').replace(/\[\d+\]/g, '[]')}`;
}

/** The replay corpus: one case per line, the oracle's answer as it printed it (its int64/float64 spellings kept). */
function writeCorpus(options: Options, results: Result[], shortestDisagreements: Result[]): void {
  const hand = results.slice(0, HAND_PICKED.length);
  const first = results.slice(HAND_PICKED.length, HAND_PICKED.length + options.corpusCount);
  const firstIds = new Set(first.map(r => r.item.id));
  const extra = shortestDisagreements.filter(r => !firstIds.has(r.item.id) && !r.item.id.startsWith('hand:')).slice(0, options.corpusExtra)
    .sort((a, b) => Number(a.item.id.slice(1)) - Number(b.item.id.slice(1)));
  const chosen = [...hand, ...first, ...extra];
  const header = {
    about: 'Replay corpus of the decoder differential test (conformance/decoder/run.ts --write-corpus): each case is a file and what kubectl 1.37.2 reads from it (conformance/yaml-oracle).',
    oracle: 'k8s.io/cli-runtime@v0.37.2 resource.Builder: Unstructured().Local().ContinueOnError().FilenameParam(FILE).Flatten()',
    seed: options.seed,
    count: options.count,
    generated: first.length,
    extraDisagreements: extra.length,
  };
  const lines = chosen.map(r => `    {"id":${JSON.stringify(r.item.id)},"text":${JSON.stringify(r.item.text)},"oracle":${r.reply.raw}}`);
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, ',\n  "cases": [\n');
  fs.mkdirSync(path.dirname(path.resolve(options.writeCorpus!)), { recursive: true });
  fs.writeFileSync(options.writeCorpus!, `${head}${lines.join(',\n')}\n  ]\n}\n`);
  JSON.parse(fs.readFileSync(options.writeCorpus!, 'utf-8'));
  const known = chosen.filter(r => r.judgement.verdict === 'disagree').map(r => r.item.id);
  console.log(`\nwrote ${options.writeCorpus}: ${chosen.length} cases (${hand.length} hand-picked, ${first.length} generated, ${extra.length} more that disagree)`);
  console.log(`${known.length} of them disagree today`);
  if (options.writeKnown) {
    writeKnown(options.writeKnown, known, options);
    console.log(`wrote ${options.writeKnown}: KNOWN_DISAGREEMENTS (${known.length} ids)`);
  }
}

function writeKnown(file: string, ids: string[], options: Options): void {
  const rows: string[] = [];
  for (const id of ids.map(i => `'${i}',`)) {
    if (rows.length && rows[rows.length - 1].length + id.length < 118) rows[rows.length - 1] += ` ${id}`;
    else rows.push(`  ${id}`);
  }
  fs.writeFileSync(file, [
    '/**',
    ' * Ids of the replay corpus (fixtures/oracle-corpus.json) where the decoder disagrees with kubectl today, as computed by',
    ` * \`npx projen conformance:decoder --count ${options.count} --seed ${options.seed} --write-corpus ... --write-known ...\`.`,
    ' * The replay test asserts that the disagreements are exactly these: fixing the decoder removes ids from here, and',
    ' * the set must end empty.',
    ' */',
    'export const KNOWN_DISAGREEMENTS: ReadonlySet<string> = new Set([',
    ...rows,
    ']);',
    '',
  ].join('\n'));
}

main().then(code => process.exit(code), e => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
