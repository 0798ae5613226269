import { Yaml } from 'cdk8s';
import { StringifyHelper } from './stringify-helper';
import { provenReadBack } from '../../decode/proven-read-back';

/** cdk8s's own stringify, as it was when the library loaded. */
export const CDK8S_STRINGIFY = Yaml.stringify;

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

/**
 * Starts writing the YAML of `docs` as `Yaml.stringify(...docs)` does: the second half of the documents that
 * `provenReadBack` vouches for is written by the StringifyHelper while this thread writes the rest, and the text is
 * put together when it is asked for (so this thread may go on rendering other charts in the meantime).
 *
 * The split rests on cdk8s writing each document on its own and joining them with `---` lines; that is checked
 * once, and with a stringify replaced since the library loaded (or no helper ready) everything is written here.
 */
export function startWritingYaml(docs: unknown[]): YamlInWriting {
  const helper = Yaml.stringify === CDK8S_STRINGIFY && docs.length > 0 && joinsDocuments() ? StringifyHelper.ready() : undefined;
  if (!helper) {
    const text = Yaml.stringify(...docs);
    return { text: () => text };
  }
  const proven = docs.map(provenReadBack);
  const sent: number[] = [];
  for (let i = Math.floor(docs.length / 2); i < docs.length; i++) if (proven[i] !== undefined) sent.push(i);
  const pending = helper.send(sent.map(i => proven[i]!));
  const parts: string[] = new Array(docs.length);
  const isSent = new Set(sent);
  const started = Date.now();
  for (let i = 0; i < docs.length; i++) if (!isSent.has(i)) parts[i] = CDK8S_STRINGIFY(docs[i]);
  // The helper writes about as much as this thread did: far longer means it is gone or stuck.
  const patienceMs = MIN_PATIENCE_MS + PATIENCE_FACTOR * (Date.now() - started);
  let text: string | undefined;
  return {
    proven,
    text: () => {
      if (text === undefined) {
        const texts = pending.take(patienceMs);
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
