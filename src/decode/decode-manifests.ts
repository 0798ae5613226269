import { AmbiguousYamlError, ComposedDocument, composeFirstDocument } from './compose-value';
import { DecodedObject, DecodeResult, RefusedDocument } from './decoded-object';
import { FieldLineIndex, FieldLines } from './field-lines';
import { FlattenResult, flattenLikeKubectl } from './flatten-lists';
import { YamlSyntaxError } from './goyaml/events';
import { YamlResolveError } from './goyaml/resolve';
import { readJsonStream } from './json-stream';
import { ChunkFieldLocator } from './locate-field';
import { readPlainBlockDocument } from './plain-block-document';
import { provenReadBack } from './proven-read-back';
import { RecordedFieldLocator } from './recorded-field-locator';
import { DocumentChunk, looksLikeJsonStream, splitDocuments } from './split-documents';
import { yamlEvents } from './yaml-events';
import { InputError } from '../cli/input-error';

/** How to decode. */
export interface DecodeOptions {
  /**
   * Whether to record the line of every field while composing, so that the lines findings point at cost nothing
   * later. Without it, a finding's line re-reads its document. The guardrails, which report construct paths rather
   * than lines, turn it off.
   * @default true
   */
  readonly fieldLines?: boolean;
  /**
   * The values the text's documents were written from, in order, when the text is a YAML emitter's output of them
   * (cdk8s's `Yaml.stringify`). A document whose value passes `provenReadBack` is not parsed: the copy of its value
   * is what the cluster reads. Used without field lines only, and only when the text splits into exactly that many
   * documents.
   * @default - every document is parsed
   */
  readonly writtenFrom?: readonly unknown[];
  /**
   * `provenReadBack` of each document of `writtenFrom`, when the caller took it as it wrote the text: the values
   * the text was written from, not the documents as they may be now.
   * @default - taken here
   */
  readonly proven?: ReadonlyArray<object | undefined>;
  /**
   * Whether string values are copies of their own. V8 keeps a substring of 13 or more characters as a view of the
   * whole text, so values kept after the text is gone must be copies; values serialized at once (to cross to
   * another thread) need not be.
   * @default true
   */
  readonly ownStrings?: boolean;
}

/**
 * Decodes the text of a manifest file into the objects kubectl would send to the API server, by the same steps
 * kubectl takes: a JSON stream when the file starts with `{` (apimachinery's YAMLOrJSONDecoder), else documents
 * split line by line at `---` (its YAMLReader), each read as go-yaml v2 reads it (sigs.k8s.io/yaml), then lists
 * flattened as the resource builder flattens them.
 *
 * Throws an InputError with the file, line and column for malformed input and for input that YAML readers may read
 * differently (see `composeFirstDocument`): such a file is refused as a whole, never read one way.
 */
export function decodeManifests(text: string, file: string, options: DecodeOptions = {}): DecodeResult {
  // kubectl's file reader drops a UTF-8 byte-order mark.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksLikeJsonStream(text)) {
    const json = decodeJsonStream(text, file);
    if (json) return json;
  }
  const objects: DecodedObject[] = [];
  const refused: RefusedDocument[] = [];
  const record = options.fieldLines !== false;
  const chunks = splitDocuments(text, file);
  const writtenFrom = !record && options.writtenFrom?.length === chunks.length ? options.writtenFrom : undefined;
  chunks.forEach((chunk, documentIndex) => {
    const proven = !writtenFrom ? undefined : options.proven ? options.proven[documentIndex] : provenReadBack(writtenFrom[documentIndex]);
    // A list is parsed: its items' lines come from the parse.
    if (proven !== undefined && !('items' in proven)) {
      // The emitter starts a document's root mapping on its first line.
      const line = chunk.firstLine;
      add(flattenLikeKubectl(proven), file, documentIndex, line, objects, refused, path => ({ line, locator: new ChunkFieldLocator(chunk, path) }));
      return;
    }
    const plain = readPlainBlockDocument(chunk.text, record, options.ownStrings !== false);
    const recorded = plain === undefined && record ? new FieldLines() : undefined;
    const composed: ComposedDocument = plain ?? composeChunk(chunk, file, recorded);
    const lines: FieldLineIndex | undefined = plain ? plain.lines : recorded;
    if (composed.value === undefined || composed.value === null) return; // kubectl skips empty and null documents
    const line = chunk.firstLine + composed.line;
    add(flattenLikeKubectl(composed.value), file, documentIndex, line, objects, refused, (path, value) => ({
      line: path.length === 0 ? line : chunk.firstLine + (composed.itemLines.get(value) ?? composed.line),
      locator: lines
        ? new RecordedFieldLocator(composed.value, path, chunk.firstLine, composed.line, lines)
        : new ChunkFieldLocator(chunk, path),
    }));
  });
  return { objects, refused };
}

/** The first document of a chunk, as go-yaml's Unmarshal reads it, with errors placed on the file's lines. */
function composeChunk(chunk: DocumentChunk, file: string, lines: FieldLines | undefined) {
  try {
    const composed = composeFirstDocument(yamlEvents(chunk.text), lines);
    if (composed.moreDocuments) {
      throw new InputError({
        file,
        line: chunk.firstLine,
        message: 'content after a YAML document end marker ("..."): kubectl reads only the first document between two "---" lines and silently drops the rest; separate documents with a "---" line',
      });
    }
    return composed;
  } catch (e) {
    if (e instanceof YamlSyntaxError) {
      throw new InputError({ file, line: chunk.firstLine + e.line - 1, column: e.column, message: `malformed YAML: ${e.message}` });
    }
    if (e instanceof AmbiguousYamlError) {
      throw new InputError({ file, line: chunk.firstLine + e.line, column: e.column + 1, message: `refused: ${e.message}` });
    }
    if (e instanceof YamlResolveError) {
      throw new InputError({ file, line: chunk.firstLine, message: `refused: ${e.message}` });
    }
    throw e;
  }
}

/**
 * A file kubectl reads as a JSON stream. kubectl switches to YAML when the first value is not valid JSON (so
 * `{a: 1}` is YAML), and stays with JSON once it read two values; a file that starts as JSON and goes on as YAML
 * is refused, since most tools read it one way only. Returns undefined when the file is YAML for kubectl.
 */
function decodeJsonStream(text: string, file: string): DecodeResult | undefined {
  const { values, failure } = readJsonStream(text, file);
  if (failure && values.length === 0) return undefined;
  if (failure && values.length === 1) {
    throw new InputError({
      ...failure.problem,
      message: `${failure.problem.message.replace(/^malformed JSON: /, '')}: the file starts with a JSON object and goes on as something else; kubectl then reads the rest as YAML, other tools refuse it: write the whole file as JSON or as YAML`,
    });
  }
  if (failure) throw failure;
  const objects: DecodedObject[] = [];
  const refused: RefusedDocument[] = [];
  values.forEach(({ value, line, text: valueText, refusal }, documentIndex) => {
    if (refusal) {
      refused.push({ documentIndex, line, reason: refusal });
      return;
    }
    if (value === null) return;
    // JSON is YAML to go-yaml's parser, which the locator uses to find the lines of fields.
    const chunk = { text: valueText, firstLine: line };
    add(flattenLikeKubectl(value), file, documentIndex, line, objects, refused, path => ({ line, locator: new ChunkFieldLocator(chunk, path) }));
  });
  return { objects, refused };
}

function add(
  flattened: FlattenResult,
  file: string,
  documentIndex: number,
  line: number,
  objects: DecodedObject[],
  refused: RefusedDocument[],
  where: (path: Array<string | number>, source: object) => Pick<DecodedObject, 'line' | 'locator'>,
): void {
  if (flattened.ambiguous) throw new InputError({ file: file, line, message: `refused: ${flattened.ambiguous}` });
  for (const reason of flattened.refusals) refused.push({ documentIndex, line, reason });
  for (const object of flattened.objects) objects.push({ value: object.value, documentIndex, ...where(object.path, object.source) });
}
