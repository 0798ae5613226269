import { ApiObject } from 'cdk8s';
import { startWritingYaml } from './write-yaml';
import { formatInputProblem, InputError } from '../../cli/input-error';
import { decodeManifests, DecodedObject } from '../../decode';

/**
 * One YAML text of a synthesis: a manifest file `app.synth()` writes, the string `app.synthYaml()` returns, or the
 * YAML cdk8s would write for one object (`Testing.synth`, `Guardrails.check`), with the rendered JSON of each of
 * its documents and what the text decodes to.
 */
export interface OutputText {
  /** The file path, `synthYaml()`, or the construct path of the one object. */
  readonly name: string;
  /** The rendered JSON of each YAML document, in order. */
  readonly docs: unknown[];
  /** The ApiObject that rendered each document, where known. */
  readonly owners: Array<ApiObject | undefined>;
  /** True for an object only checked: synthesis neither writes nor returns it. */
  readonly extra: boolean;
  /** The YAML text, exactly as cdk8s writes it. */
  readonly text: string;
  /** The objects kubectl would send for the text. */
  readonly objects: DecodedObject[];
  /** How many documents kubectl would refuse (no object is sent for them). */
  readonly refused: number;
}

/** An object of the output as the cluster will see it, with the ApiObject whose document it came from. */
export interface OutputObject {
  readonly value: unknown;
  readonly apiObject?: ApiObject;
  /**
   * True when the object is its ApiObject's whole document (not one of the items of a List the ApiObject renders),
   * so an annotation added to the ApiObject lands on this object.
   */
  readonly whole: boolean;
}

/** A text to decode: its name, the text and the documents it was stringified from. */
export interface TextToDecode {
  readonly name: string;
  readonly text: string;
  readonly docs: unknown[];
  readonly owners: Array<ApiObject | undefined>;
  /** `provenReadBack` of each document, when it was taken as the text was written. */
  readonly proven?: ReadonlyArray<object | undefined>;
}

/**
 * What a synthesis produces, decoded as the cluster will decode it: the texts, and for each decoded object the
 * ApiObject that rendered it. Checks read `objects()`; a check that changes ApiObjects (a suppression annotation)
 * calls `rerender` so that the texts, and what is judged, stay exactly what is written.
 */
export class SynthesisOutput {
  /** The texts of `app.synth()` or `app.synthYaml()`: every object of the app is in them. */
  public static ofTexts(texts: TextToDecode[]): SynthesisOutput {
    return new SynthesisOutput(texts.map(t => decodeText(t.name, t.text, t.docs, t.owners, false, t.proven)), true);
  }

  /** The objects `Chart.toJson()` returns, each judged from the YAML cdk8s would write for it. */
  public static ofJson(docs: unknown[], owners: Array<ApiObject | undefined>): SynthesisOutput {
    return new SynthesisOutput(docs.map((doc, i) => jsonText(doc, owners[i], false)), false);
  }

  /** Nothing yet: checks add the objects they need with `include`. */
  public static empty(): SynthesisOutput {
    return new SynthesisOutput([], false);
  }

  /**
   * True when every object of the app is in the output (`app.synth()`, `app.synthYaml()`); otherwise checks
   * render and `include` the objects of their scope that are missing.
   */
  public readonly complete: boolean;
  private readonly texts: OutputText[];
  private covered?: Set<ApiObject>;

  private constructor(texts: OutputText[], complete: boolean) {
    this.texts = texts;
    this.complete = complete;
  }

  /** The texts, in order (written and returned ones, then the ones only checked). */
  public get all(): readonly OutputText[] {
    return this.texts;
  }

  /** The rendered JSON of the documents that are returned (not the ones only checked), in order. */
  public returnedJson(): unknown[] {
    return this.texts.filter(t => !t.extra).flatMap(t => t.docs);
  }

  /** Every decoded object, in output order. */
  public objects(): OutputObject[] {
    const result: OutputObject[] = [];
    for (const text of this.texts) {
      const perDocument = new Map<number, number>();
      for (const o of text.objects) perDocument.set(o.documentIndex, (perDocument.get(o.documentIndex) ?? 0) + 1);
      for (const o of text.objects) {
        const apiObject = text.owners[o.documentIndex];
        const doc = text.docs[o.documentIndex] as any;
        const whole = perDocument.get(o.documentIndex) === 1 && (o.value as any)?.kind === doc?.kind;
        result.push(apiObject ? { value: o.value, apiObject, whole } : { value: o.value, whole: false });
      }
    }
    return result;
  }

  /** How many documents kubectl would refuse, over all texts (or those whose ApiObject passes `filter`). */
  public refused(filter?: (apiObject: ApiObject | undefined) => boolean): number {
    return this.texts.reduce((n, t) => n + (filter && !t.owners.some(filter) ? 0 : t.refused), 0);
  }

  /** True when the output holds the documents of this ApiObject. */
  public covers(apiObject: ApiObject): boolean {
    this.covered ??= new Set(this.texts.flatMap(t => t.owners.filter((o): o is ApiObject => o !== undefined)));
    return this.covered.has(apiObject);
  }

  /** Renders the ApiObjects the output lacks and adds them, each as the YAML cdk8s would write for it. */
  public include(apiObjects: ApiObject[]): void {
    for (const apiObject of apiObjects) {
      if (this.covers(apiObject)) continue;
      this.texts.push(jsonText(apiObject.toJson(), apiObject, true));
      this.covered!.add(apiObject);
    }
  }

  /** Renders these ApiObjects again and rebuilds and decodes every text that holds one of them. */
  public rerender(apiObjects: Set<ApiObject>): void {
    this.texts.forEach((text, index) => {
      if (!text.owners.some(o => o !== undefined && apiObjects.has(o))) return;
      const docs = text.docs.map((doc, i) => {
        const owner = text.owners[i];
        return owner && apiObjects.has(owner) ? owner.toJson() : doc;
      });
      const writing = startWritingYaml(docs, { inThisThread: true });
      this.texts[index] = decodeText(text.name, writing.text(), docs, text.owners, text.extra, writing.proven);
    });
  }
}

function jsonText(doc: unknown, owner: ApiObject | undefined, extra: boolean): OutputText {
  const name = owner ? owner.node.path : '<object>';
  const writing = startWritingYaml([doc], { inThisThread: true });
  return decodeText(name, writing.text(), [doc], [owner], extra, writing.proven);
}

/** Decodes a text; a text the decoder refuses fails the synthesis, naming the construct whose document it is. */
function decodeText(
  name: string, text: string, docs: unknown[], owners: Array<ApiObject | undefined>, extra: boolean, proven?: ReadonlyArray<object | undefined>,
): OutputText {
  try {
    // Guardrail findings name constructs, not lines of the output: no field lines to record. Documents whose values
    // provably read back as themselves are not parsed; that proof rests on the text being cdk8s's stringify of the
    // proven copies, which startWritingYaml gives only when it wrote the text so.
    const decoded = decodeManifests(text, name, { fieldLines: false, writtenFrom: proven ? docs : undefined, proven });
    return { name, docs, owners, extra, text, objects: decoded.objects, refused: decoded.refused.length };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const owner = owners[documentOfLine(text, e.problem.line)];
    const what = owner ? `the YAML cdk8s writes for ${owner.node.path || '<app>'} (${owner.kind} ${owner.name})` : `the YAML of ${name}`;
    throw new Error(`cdk8s-hardened guardrails: ${what} cannot be checked, because YAML readers may read it differently: ${formatInputProblem(e.problem)}`);
  }
}

/** The document a line of a cdk8s text is in: cdk8s separates documents with a `---` line. */
function documentOfLine(text: string, line: number | undefined): number {
  if (line === undefined) return 0;
  let document = 0;
  let start = 0;
  for (let current = 1; current < line; current++) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    start = end + 1;
    if (text.startsWith('---', start)) document++;
  }
  return document;
}
