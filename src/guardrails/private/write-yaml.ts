import { Yaml } from 'cdk8s';
import { StringifyHelper } from './stringify-helper';
import { provenReadBack } from '../../decode/proven-read-back';

/** cdk8s's own stringify, as it was when the library loaded. */
const CDK8S_STRINGIFY = Yaml.stringify;

/** The YAML of a file's documents, being written. */
export interface YamlInWriting {
  /**
   * `provenReadBack` of each document, taken when writing started, when it was taken (the decoder need not take it
   * again, and judges the very values the text was written from).
   */
  readonly proven?: ReadonlyArray<object | undefined>;
  /** The text, exactly `Yaml.stringify(...docs)` of the documents as they were when writing started. */
  text(): string;
}

/** How to write. */
export interface WritingOptions {
  /** The stringify cdk8s would call: `Yaml.stringify` unless a caller has replaced it for the while. */
  readonly stringify?: typeof Yaml.stringify;
  /** Write everything in this thread (for a text needed at once, of a document or a few). */
  readonly inThisThread?: boolean;
  /**
   * This thread has more to render once it started this text (other charts of the app): the helper then writes
   * every document it can, and this thread goes on. Otherwise the two write half each, since the text is needed next.
   */
  readonly moreToRender?: boolean;
}

/**
 * Starts writing the YAML of `docs` as `Yaml.stringify(...docs)` does, and returns it with what the decoder judges.
 *
 * Each document is read once: `provenReadBack` takes its copy, and a document it vouches for is written from that
 * copy, which is also the value the checks judge. A document read twice could give two answers (a `toJson()` that
 * returns a getter, say), be judged by one and written with the other; the others are parsed back from the text.
 *
 * The second half of the documents vouched for (all of them, when this thread has more charts to render) is written
 * by the StringifyHelper while this thread writes the rest, and the text is put together when it is asked for (so
 * this thread may go on rendering other charts meanwhile).
 * That rests on cdk8s writing each document on its own and joining them with `---` lines, which is checked once.
 * With a stringify replaced since the library loaded, the replacement writes everything and nothing is vouched for.
 */
export function startWritingYaml(docs: unknown[], options: WritingOptions = {}): YamlInWriting {
  const stringify = options.stringify ?? Yaml.stringify;
  if (stringify !== CDK8S_STRINGIFY || !joinsDocuments()) {
    const text = stringify.apply(Yaml, docs);
    return { text: () => text };
  }
  const proven = docs.map(provenReadBack);
  const helper = options.inThisThread ? undefined : StringifyHelper.ready();
  const firstToHelper = options.moreToRender ? 0 : Math.floor(docs.length / 2);
  const toHelper = (i: number) => helper !== undefined && i >= firstToHelper && proven[i] !== undefined;
  const sent = docs.flatMap((_, i) => (toHelper(i) ? [i] : []));
  const pending = sent.length ? helper!.send(sent.map(i => proven[i]!)) : undefined;
  const parts: string[] = new Array(docs.length);
  const started = Date.now();
  docs.forEach((doc, i) => { if (!toHelper(i)) parts[i] = CDK8S_STRINGIFY(proven[i] ?? doc); });
  // The helper writes about as much as this thread did: far longer means it is gone or stuck.
  const patienceMs = MIN_PATIENCE_MS + PATIENCE_FACTOR * (Date.now() - started);
  let text: string | undefined;
  return {
    proven,
    text: () => {
      if (text === undefined) {
        const texts = pending?.take(patienceMs);
        // Without the helper's answer, the same documents are written here, from the copies it was sent.
        sent.forEach((index, k) => { parts[index] = texts ? texts[k] : CDK8S_STRINGIFY(proven[index]); });
        text = parts.join(SEPARATOR);
      }
      return text;
    },
  };
}

const SEPARATOR = '---\n';
const MIN_PATIENCE_MS = 5000;
const PATIENCE_FACTOR = 50;
let joins: boolean | undefined;

/** True when cdk8s's stringify of several documents is each one's, joined with `---` lines (cdk8s 2 does so). */
function joinsDocuments(): boolean {
  if (joins === undefined) {
    const a = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } };
    const b = { apiVersion: 'v1', kind: 'ConfigMap', data: { key: 'value: 1\nsecond' } };
    joins = CDK8S_STRINGIFY(a, undefined, b) === [CDK8S_STRINGIFY(a), CDK8S_STRINGIFY(undefined), CDK8S_STRINGIFY(b)].join(SEPARATOR);
  }
  return joins;
}
