import { isObject } from '../private/json';

/**
 * Why kubectl refuses a document whose type and object metadata do not decode into their Go types, or undefined.
 *
 * kubectl's resource builder decodes every document into `TypeMeta` and `ObjectMeta` as well as into an unstructured
 * object (cli-runtime's metadataValidatingDecoder), with encoding/json: field names match case-insensitively, `null`
 * is accepted everywhere, strings must be strings, integers integers, timestamps RFC 3339. A document that fails is
 * not applied, so it is reported as refused instead of being checked as something it is not.
 */
export function typedMetadataError(document: { [key: string]: unknown }): string | undefined {
  for (const [key, value] of Object.entries(document)) {
    const field = key.toLowerCase();
    if (field === 'kind' || field === 'apiversion') {
      if (value !== null && typeof value !== 'string') return mismatch(key, value, 'string');
    } else if (field === 'metadata') {
      if (value === null) continue;
      if (!isObject(value)) return mismatch(key, value, 'ObjectMeta');
      const error = objectMetaError(value);
      if (error) return error;
    }
  }
  return undefined;
}

const STRING_FIELDS = new Set(['name', 'generatename', 'namespace', 'selflink', 'uid', 'resourceversion']);
const INTEGER_FIELDS = new Set(['generation', 'deletiongraceperiodseconds']);
const TIME_FIELDS = new Set(['creationtimestamp', 'deletiontimestamp']);
const STRING_MAP_FIELDS = new Set(['labels', 'annotations']);

function objectMetaError(metadata: { [key: string]: unknown }): string | undefined {
  for (const [key, value] of Object.entries(metadata)) {
    if (value === null) continue;
    const field = key.toLowerCase();
    const where = `metadata.${key}`;
    if (STRING_FIELDS.has(field)) {
      if (typeof value !== 'string') return mismatch(where, value, 'string');
    } else if (INTEGER_FIELDS.has(field)) {
      if (!isGoInt64(value)) return mismatch(where, value, 'int64');
    } else if (TIME_FIELDS.has(field)) {
      if (typeof value !== 'string' || !isRfc3339(value)) return mismatch(where, value, 'an RFC 3339 time');
    } else if (STRING_MAP_FIELDS.has(field)) {
      if (!isObject(value)) return mismatch(where, value, 'map[string]string');
      for (const [k, v] of Object.entries(value)) if (v !== null && typeof v !== 'string') return mismatch(`${where}.${k}`, v, 'string');
    } else if (field === 'finalizers') {
      if (!Array.isArray(value)) return mismatch(where, value, '[]string');
      const bad = value.findIndex(v => v !== null && typeof v !== 'string');
      if (bad >= 0) return mismatch(`${where}[${bad}]`, value[bad], 'string');
    } else if (field === 'ownerreferences' || field === 'managedfields') {
      if (!Array.isArray(value)) return mismatch(where, value, 'a list');
      const bad = value.findIndex(v => v !== null && !isObject(v));
      if (bad >= 0) return mismatch(`${where}[${bad}]`, value[bad], 'an object');
    }
  }
  return undefined;
}

/** A number encoding/json decodes into int64: Go writes integral floats below 1e21 as plain digits. */
function isGoInt64(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e21 && Math.abs(value) <= 2 ** 63;
}

function isRfc3339(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(value);
}

function mismatch(field: string, value: unknown, want: string): string {
  const got = Array.isArray(value) ? 'a list' : isObject(value) ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
  return `kubectl refuses it: ${field} is ${got}, not ${want} ("json: cannot unmarshal")`;
}
