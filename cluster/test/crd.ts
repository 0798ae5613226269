/**
 * The ExternalSecret CRD (external-secrets.io/v1) the examples need, made from the schema the repository pins in
 * test/schemas (copied from External Secrets Operator's own CRD, descriptions removed), so the server validates
 * ExternalSecrets with the same schema as the unit tests.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

export const ESO_SCHEMA = path.join(__dirname, '..', '..', 'test', 'schemas', 'external-secrets.io_v1_externalsecret.schema.yaml');

export function externalSecretCrd(): any {
  const schema = parse(fs.readFileSync(ESO_SCHEMA, 'utf-8'));
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'externalsecrets.external-secrets.io' },
    spec: {
      group: 'external-secrets.io',
      scope: 'Namespaced',
      names: { kind: 'ExternalSecret', listKind: 'ExternalSecretList', plural: 'externalsecrets', singular: 'externalsecret', shortNames: ['es'], categories: ['external-secrets'] },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema }, subresources: { status: {} } }],
    },
  };
}
