import { Duration, JsonPatch, Testing } from 'cdk8s';
import { externalSecretSchemaErrors } from './eso-schema';
import { IsolatedNamespace } from '../../../src/constructs/namespace';
import {
  ExternalSecret, ExternalSecretApiVersion, ExternalSecretCreationPolicy, ExternalSecretDeletionPolicy, SecretStoreKind,
} from '../../../src/constructs/secrets';

const DATA = [{ secretKey: 'password', remoteKey: 'prod/shop/db', property: 'password' }];

function synthOne(props: any) {
  const chart = Testing.chart();
  const es = new ExternalSecret(chart, 'Db', props);
  const manifests = Testing.synth(chart);
  expect(manifests).toHaveLength(1);
  return { es, manifest: manifests[0] };
}

describe('ExternalSecret', () => {
  test('defaults: v1, SecretStore, refresh 1h, Owner/Retain, target named after the object', () => {
    const { es, manifest } = synthOne({ storeName: 'vault', data: DATA });
    expect(manifest.apiVersion).toBe('external-secrets.io/v1');
    expect(manifest.kind).toBe('ExternalSecret');
    expect(manifest.spec).toEqual({
      secretStoreRef: { name: 'vault', kind: 'SecretStore' },
      refreshInterval: '1h',
      target: { name: manifest.metadata.name, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: [{ secretKey: 'password', remoteRef: { key: 'prod/shop/db', property: 'password' } }],
    });
    expect(es.secretName).toBe(manifest.metadata.name);
    expect(es.secretKeys).toEqual(['password']);
  });

  test('validates against the pinned ESO v1 CRD schema', () => {
    const { manifest } = synthOne({ storeName: 'vault', data: DATA });
    expect(externalSecretSchemaErrors(manifest)).toEqual([]);
  });

  test('the schema check can fail: an unknown field or a bad enum value is reported', () => {
    const { manifest } = synthOne({ storeName: 'vault', data: DATA });
    expect(externalSecretSchemaErrors({ ...manifest, spec: { ...manifest.spec, refreshIntervall: '1h' } }).join()).toMatch(/additional properties/);
    expect(externalSecretSchemaErrors({ ...manifest, spec: { ...manifest.spec, target: { creationPolicy: 'Owned' } } }).join()).toMatch(/allowed values/);
  });

  test('every option is rendered and still validates', () => {
    const { manifest } = synthOne({
      storeName: 'aws-secrets',
      storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
      targetName: 'db-credentials',
      refreshInterval: Duration.minutes(90),
      creationPolicy: ExternalSecretCreationPolicy.ORPHAN,
      deletionPolicy: ExternalSecretDeletionPolicy.DELETE,
      metadata: { name: 'db', labels: { team: 'shop' } },
      data: [
        { secretKey: 'password', remoteKey: 'prod/shop/db', property: 'password', version: 'AWSCURRENT' },
        { secretKey: 'tls.key', remoteKey: 'prod/shop/tls' },
      ],
    });
    expect(manifest.metadata.name).toBe('db');
    expect(manifest.spec).toEqual({
      secretStoreRef: { name: 'aws-secrets', kind: 'ClusterSecretStore' },
      refreshInterval: '1h30m',
      target: { name: 'db-credentials', creationPolicy: 'Orphan', deletionPolicy: 'Delete' },
      data: [
        { secretKey: 'password', remoteRef: { key: 'prod/shop/db', property: 'password', version: 'AWSCURRENT' } },
        { secretKey: 'tls.key', remoteRef: { key: 'prod/shop/tls' } },
      ],
    });
    expect(externalSecretSchemaErrors(manifest)).toEqual([]);
  });

  test.each([
    ['0 seconds', Duration.seconds(0), '0s'],
    ['45 seconds', Duration.seconds(45), '45s'],
    ['15 minutes', Duration.minutes(15), '15m'],
    ['24 hours', Duration.hours(24), '24h'],
    ['3725 seconds', Duration.seconds(3725), '1h2m5s'],
  ])('refreshInterval of %s is written as the Go duration %p', (_label, interval, text) => {
    expect(synthOne({ storeName: 'vault', data: DATA, refreshInterval: interval }).manifest.spec.refreshInterval).toBe(text);
  });

  test('apiVersion v1beta1 by option', () => {
    expect(synthOne({ storeName: 'vault', data: DATA, apiVersion: ExternalSecretApiVersion.V1BETA1 }).manifest.apiVersion).toBe('external-secrets.io/v1beta1');
  });

  test('lands in the chart namespace', () => {
    const ns = new IsolatedNamespace(Testing.app(), 'shop');
    new ExternalSecret(ns, 'Db', { storeName: 'vault', data: DATA });
    expect(Testing.synth(ns).find(m => m.kind === 'ExternalSecret').metadata.namespace).toBe('shop');
  });

  test('escape hatch: the Resource child is the ApiObject and patches show in the output', () => {
    const chart = Testing.chart();
    const es = new ExternalSecret(chart, 'Db', { storeName: 'vault', data: DATA });
    expect(es.node.defaultChild).toBe(es.resource);
    es.resource.addJsonPatch(JsonPatch.add('/spec/target/immutable', true));
    const manifest = Testing.synth(chart)[0];
    expect(manifest.spec.target.immutable).toBe(true);
    expect(externalSecretSchemaErrors(manifest)).toEqual([]);
  });

  describe('refused input', () => {
    const make = (props: any) => () => new ExternalSecret(Testing.chart(), 'Db', props);
    test('a missing store name', () => {
      expect(make({ data: DATA })).toThrow(/storeName is "": it is empty. Give the name of the SecretStore or ClusterSecretStore/);
      expect(make({ storeName: '  ', data: DATA })).toThrow(/storeName is "  ": it is empty/);
    });
    test('an invalid store name', () => {
      expect(make({ storeName: 'Vault_Store', data: DATA })).toThrow(/storeName is "Vault_Store": Kubernetes accepts lowercase letters/);
    });
    test('an unknown store kind', () => {
      expect(make({ storeName: 'vault', storeKind: 'VaultStore', data: DATA })).toThrow(/storeKind is "VaultStore": allowed values are SecretStore, ClusterSecretStore/);
    });
    test('empty data', () => {
      expect(make({ storeName: 'vault', data: [] })).toThrow(/data is empty: list at least one entry, with its secretKey and remoteKey, to read from the store/);
      expect(make({ storeName: 'vault' })).toThrow(/data is empty/);
    });
    test('an empty remote key', () => {
      expect(make({ storeName: 'vault', data: [{ secretKey: 'password', remoteKey: '' }] }))
        .toThrow(/data\[0\].remoteKey \(for secretKey "password"\) is empty: give the name or path of the secret in the provider/);
      expect(make({ storeName: 'vault', data: [{ secretKey: 'password', remoteKey: ' ' }] })).toThrow(/remoteKey .* is empty/);
    });
    test('an invalid or duplicate secret key', () => {
      expect(make({ storeName: 'vault', data: [{ secretKey: 'db password', remoteKey: 'x' }] })).toThrow(/data\[0\].secretKey is "db password": a Secret key may hold only/);
      expect(make({ storeName: 'vault', data: [{ secretKey: 'a', remoteKey: 'x' }, { secretKey: 'a', remoteKey: 'y' }] })).toThrow(/data\[1\].secretKey "a" is listed twice/);
    });
    test('an empty property', () => {
      expect(make({ storeName: 'vault', data: [{ secretKey: 'a', remoteKey: 'x', property: '' }] })).toThrow(/data\[0\].property \(for secretKey "a"\) is empty/);
    });
    test('an invalid target name', () => {
      expect(make({ storeName: 'vault', data: DATA, targetName: 'DB' })).toThrow(/targetName is "DB"/);
    });
    test('a refresh interval that is not whole seconds', () => {
      expect(make({ storeName: 'vault', data: DATA, refreshInterval: Duration.millis(1500) })).toThrow(/refreshInterval .* whole number of seconds/);
    });
    test('unknown policies', () => {
      expect(make({ storeName: 'vault', data: DATA, creationPolicy: 'Owned' })).toThrow(/creationPolicy is "Owned": allowed values are Owner, Orphan, Merge, None/);
      expect(make({ storeName: 'vault', data: DATA, deletionPolicy: 'Keep' })).toThrow(/deletionPolicy is "Keep": allowed values are Retain, Delete, Merge/);
    });
  });
});
