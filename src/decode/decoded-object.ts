import { IFieldLocator } from '../engine/manifest-object';

/** One object of a file, exactly as kubectl would send it to the API server. */
export interface DecodedObject {
  /** The object (a JSON value: plain objects, arrays, strings, numbers, booleans, null). Treat it as read-only. */
  readonly value: any;
  /** 0-based index of the document it came from, counting documents as kubectl splits the file. */
  readonly documentIndex: number;
  /** 1-based line where the object starts. */
  readonly line?: number;
  /** Finds the lines of fields inside the object (computed only when asked). */
  readonly locator?: IFieldLocator;
}

/** A document that kubectl would refuse to apply (not a mapping, or no `kind`): no object is sent for it. */
export interface RefusedDocument {
  /** 0-based index of the document, as kubectl splits the file. */
  readonly documentIndex: number;
  /** 1-based line where the document starts. */
  readonly line?: number;
  /** Why kubectl refuses it, as one sentence. */
  readonly reason: string;
}

/** What a file decodes to. */
export interface DecodeResult {
  /** Every object kubectl would send, in order, with lists flattened as kubectl flattens them. */
  readonly objects: DecodedObject[];
  /** Documents kubectl would refuse (a Helm values file, a bare list): they are not checked. */
  readonly refused: RefusedDocument[];
}
