import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * The pinned ESO v1 ExternalSecret schema, made strict: the API server prunes (or, with strict field validation,
 * rejects) unknown fields, so a typo in a field name must fail the test instead of silently disappearing.
 */
function strictSchema(): any {
  const schema = parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'external-secrets.io_v1_externalsecret.schema.yaml'), 'utf8'));
  const close = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'object' && node.properties && node.additionalProperties === undefined) {
      node.additionalProperties = false;
    }
    for (const value of Object.values(node)) close(value);
  };
  close(schema);
  return schema;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateFn = ajv.compile(strictSchema());

/** Validation errors of a manifest against the pinned ExternalSecret v1 schema ([] when valid). */
export function externalSecretSchemaErrors(manifest: any): string[] {
  if (validateFn(manifest)) return [];
  return (validateFn.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
