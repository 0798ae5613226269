import { Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { externalSecretSchemaErrors } from './eso-schema';
import { Packs } from '../../../src';
import { IsolatedNamespace } from '../../../src/constructs/namespace';
import { ExternalSecret, SecretBackedEnv, SecretSource, SecretStoreKind } from '../../../src/constructs/secrets';
import { HardenedDeployment } from '../../../src/constructs/workloads';
import { describeFindings, runPacks } from '../../helpers/rule-harness';

const IMAGE = 'ghcr.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

function dbSecret(scope: any) {
  return new ExternalSecret(scope, 'DbSecret', {
    storeName: 'vault',
    storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
    data: [
      { secretKey: 'username', remoteKey: 'prod/shop/db', property: 'username' },
      { secretKey: 'password', remoteKey: 'prod/shop/db', property: 'password' },
      { secretKey: 'tls.key', remoteKey: 'prod/shop/tls', property: 'key' },
    ],
  });
}

const podSpecOf = (manifests: any[]) => manifests.find(m => m.kind === 'Deployment').spec.template.spec;

/** Every secretKeyRef of every container of every pod template. */
function secretKeyRefs(manifests: any[]): Array<{ env: string; name: string; key: string }> {
  return manifests.filter(m => m.spec?.template?.spec).flatMap(m => m.spec.template.spec.containers)
    .flatMap((c: any) => (c.env ?? []).filter((e: any) => e.valueFrom?.secretKeyRef).map((e: any) => ({ env: e.name, ...e.valueFrom.secretKeyRef })));
}

/** A HardenedDeployment in an IsolatedNamespace reading a database password from Vault, as a variable and as a file. */
function hardenedShop() {
  const ns = new IsolatedNamespace(Testing.app(), 'shop');
  const db = dbSecret(ns);
  const api = new HardenedDeployment(ns, 'api', { containers: [{ name: 'api', image: IMAGE, portNumber: 8080 }] });
  const env = new SecretBackedEnv(ns, 'DbEnv', {
    source: db,
    variables: [{ name: 'DB_USER', key: 'username' }, { name: 'DB_PASSWORD', key: 'password' }],
    files: [{ key: 'tls.key' }],
    reloadOnChange: true,
  });
  env.addTo(api, api.containers[0]);
  return { ns, db, api, env, manifests: Testing.synth(ns) };
}

describe('SecretBackedEnv', () => {
  describe('with an ExternalSecret and a HardenedDeployment', () => {
    test('every secretKeyRef points at the ExternalSecret target name and a key it produces', () => {
      const { manifests } = hardenedShop();
      const es = manifests.find(m => m.kind === 'ExternalSecret');
      const produced = es.spec.data.map((d: any) => d.secretKey);
      const refs = secretKeyRefs(manifests);
      expect(refs.map(r => r.env)).toEqual(['DB_USER', 'DB_PASSWORD']);
      for (const ref of refs) {
        expect(ref.name).toBe(es.spec.target.name);
        expect(produced).toContain(ref.key);
      }
    });

    test('the ExternalSecret validates against the pinned ESO v1 CRD schema', () => {
      const { manifests } = hardenedShop();
      expect(externalSecretSchemaErrors(manifests.find(m => m.kind === 'ExternalSecret'))).toEqual([]);
    });

    test('files come from a read-only secret volume with mode 0400 under /run/secrets', () => {
      const { manifests, db, env } = hardenedShop();
      const spec = podSpecOf(manifests);
      const volume = spec.volumes.find((v: any) => v.secret);
      expect(volume.secret).toEqual({ secretName: db.secretName, defaultMode: 0o400, items: [{ key: 'tls.key', path: 'tls.key' }] });
      const mount = spec.containers[0].volumeMounts.find((m: any) => m.name === volume.name);
      expect(mount).toEqual({ name: volume.name, mountPath: `/run/secrets/${db.secretName}`, readOnly: true });
      expect(env.mountPath).toBe(`/run/secrets/${db.secretName}`);
    });

    test('gives zero unsuppressed findings from every default pack', () => {
      const { manifests } = hardenedShop();
      expect(describeFindings(runPacks(Packs.defaults(), manifests).unsuppressed())).toBe('(none)');
    });

    test('the YAML holds no secret value: no literal env value, no Secret object, no data or stringData', () => {
      const { manifests } = hardenedShop();
      expect(manifests.filter(m => m.kind === 'Secret')).toEqual([]);
      for (const c of podSpecOf(manifests).containers) {
        for (const e of c.env ?? []) expect(e.value).toBeUndefined();
      }
      const yaml = Yaml.stringify(...manifests);
      expect(yaml).not.toMatch(/stringData|\bvalue:/);
    });

    test('reloadOnChange names the Secret in the Reloader annotation of the workload', () => {
      const { manifests, db } = hardenedShop();
      const deployment = manifests.find(m => m.kind === 'Deployment');
      expect(deployment.metadata.annotations['secret.reloader.stakater.com/reload']).toBe(db.secretName);
    });

    test('matches the snapshot', () => {
      expect(hardenedShop().manifests).toMatchSnapshot();
    });
  });

  describe('with plain cdk8s-plus containers', () => {
    test('bind adds secretKeyRef variables through the cdk8s-plus Container API', () => {
      const chart = Testing.chart();
      const container = new kplus.Container({ image: IMAGE, name: 'app' });
      const env = new SecretBackedEnv(chart, 'Env', { source: SecretSource.fromSecretName('legacy-db'), variables: [{ name: 'DB_PASSWORD', key: 'password' }] });
      env.bind(container);
      expect(container.env.variables.DB_PASSWORD.valueFrom).toEqual({ secretKeyRef: { name: 'legacy-db', key: 'password' } });
      expect(env.variableNames).toEqual(['DB_PASSWORD']);
    });

    test('one SecretBackedEnv can serve two containers of one pod (the volume is shared)', () => {
      const chart = Testing.chart();
      const deployment = new kplus.Deployment(chart, 'd', { containers: [{ name: 'a', image: IMAGE }, { name: 'b', image: IMAGE }] });
      const env = new SecretBackedEnv(chart, 'Env', { source: SecretSource.fromSecretName('certs'), files: [{ key: 'tls.crt', path: 'certs/tls.crt' }] });
      env.addTo(deployment, deployment.containers[0]);
      env.addTo(deployment, deployment.containers[1]);
      const spec = podSpecOf(Testing.synth(chart));
      expect(spec.volumes).toHaveLength(1);
      expect(spec.volumes[0].secret.items).toEqual([{ key: 'tls.crt', path: 'certs/tls.crt' }]);
      expect(spec.containers.map((c: any) => c.volumeMounts)).toEqual([
        [{ name: spec.volumes[0].name, mountPath: '/run/secrets/certs', readOnly: true }],
        [{ name: spec.volumes[0].name, mountPath: '/run/secrets/certs', readOnly: true }],
      ]);
    });

    test('revision annotates the pod template so a bump rolls the pods', () => {
      const chart = Testing.chart();
      const deployment = new kplus.Deployment(chart, 'd', { containers: [{ image: IMAGE }] });
      new SecretBackedEnv(chart, 'Env', { source: SecretSource.fromSecretName('db'), variables: [{ name: 'PW', key: 'pw' }], revision: '7' })
        .addTo(deployment);
      const d = Testing.synth(chart).find(m => m.kind === 'Deployment');
      expect(d.spec.template.metadata.annotations).toEqual({ 'secret-revision.cdk8s-hardened.io/db': '7' });
      expect(d.metadata.annotations).toBeUndefined();
    });

    test('Reloader annotations of two sources are merged', () => {
      const chart = Testing.chart();
      const deployment = new kplus.Deployment(chart, 'd', { containers: [{ image: IMAGE }] });
      for (const name of ['db', 'api-keys']) {
        new SecretBackedEnv(chart, name, { source: SecretSource.fromSecretName(name), variables: [{ name: `${name.toUpperCase().replace('-', '_')}_X`, key: 'x' }], reloadOnChange: true })
          .addTo(deployment);
      }
      const d = Testing.synth(chart).find(m => m.kind === 'Deployment');
      expect(d.metadata.annotations).toEqual({ 'secret.reloader.stakater.com/reload': 'db,api-keys' });
    });

    test('an existing Secret declared with keys refuses other keys', () => {
      const source = SecretSource.fromSecretName('db', { keys: ['password'] });
      expect(() => new SecretBackedEnv(Testing.chart(), 'Env', { source, variables: [{ name: 'PW', key: 'passwd' }] }))
        .toThrow(/variables\[0\].key \(for PW\) is "passwd", which Secret "db" does not hold \(its keys: password\)/);
    });
  });

  describe('refused input', () => {
    const source = () => SecretSource.fromSecretName('db');
    const make = (props: any) => () => new SecretBackedEnv(Testing.chart(), 'Env', { source: source(), ...props });

    test('duplicate env names', () => {
      expect(make({ variables: [{ name: 'PW', key: 'a' }, { name: 'PW', key: 'b' }] }))
        .toThrow(/variables\[1\].name "PW" is declared twice/);
    });

    test.each(['1PASSWORD', 'DB PASSWORD', 'DB=PW', ''])('an env name Kubernetes rejects: %j', name => {
      expect(make({ variables: [{ name, key: 'a' }] })).toThrow(/variables\[0\].name is .*(\[-._a-zA-Z\]\[-._a-zA-Z0-9\]\*|it is empty)/);
    });

    test('accepts env names with dots and dashes, as Kubernetes does', () => {
      expect(make({ variables: [{ name: 'my.app-PASSWORD', key: 'a' }] })).not.toThrow();
    });

    test('a key the ExternalSecret does not produce', () => {
      const chart = Testing.chart();
      const db = dbSecret(chart);
      expect(() => new SecretBackedEnv(chart, 'Env', { source: db, files: [{ key: 'tls.crt' }] }))
        .toThrow(/files\[0\].key is "tls.crt", which Secret ".*" does not hold \(its keys: username, password, tls.key\)/);
    });

    test('a missing source', () => {
      expect(() => new SecretBackedEnv(Testing.chart(), 'Env', { variables: [{ name: 'PW', key: 'a' }] } as any)).toThrow(/source is missing/);
    });

    test('nothing to bind', () => {
      expect(make({})).toThrow(/neither variables nor files are declared/);
    });

    test.each([['../etc/passwd'], ['/abs'], ['a//b']])('a file path escaping the mount: %j', path => {
      expect(make({ files: [{ key: 'a', path }] })).toThrow(/files\[0\].path is/);
    });

    test.each([['relative'], ['/'], ['/run/secrets/../etc'], ['/a:b']])('mountPath %j', mountPath => {
      expect(make({ files: [{ key: 'a' }], mountPath })).toThrow(/mountPath is/);
    });

    test('an empty revision', () => {
      expect(make({ variables: [{ name: 'PW', key: 'a' }], revision: ' ' })).toThrow(/revision is " ": omit it or give a non-empty revision/);
    });

    test('a variable the container already has', () => {
      const container = new kplus.Container({ image: IMAGE, name: 'app', envVariables: { PW: kplus.EnvValue.fromValue('x') } });
      expect(() => make({ variables: [{ name: 'PW', key: 'a' }] })().bind(container))
        .toThrow(/container "app" already has an environment variable "PW"/);
    });

    test('binding the same container twice', () => {
      const container = new kplus.Container({ image: IMAGE, name: 'app' });
      const env = make({ variables: [{ name: 'PW', key: 'a' }] })();
      env.bind(container);
      expect(() => env.bind(container)).toThrow(/container "app" is already bound/);
    });

    test('addTo a workload with several containers and no container named', () => {
      const chart = Testing.chart();
      const d = new kplus.Deployment(chart, 'd', { containers: [{ name: 'a', image: IMAGE }, { name: 'b', image: IMAGE }] });
      const env = new SecretBackedEnv(chart, 'Env', { source: source(), variables: [{ name: 'PW', key: 'a' }] });
      expect(() => env.addTo(d)).toThrow(/has 2 containers: pass the one that needs the secrets/);
    });

    test('addTo with a container of another workload', () => {
      const chart = Testing.chart();
      const d = new kplus.Deployment(chart, 'd', { containers: [{ name: 'a', image: IMAGE }] });
      const env = new SecretBackedEnv(chart, 'Env', { source: source(), variables: [{ name: 'PW', key: 'a' }] });
      expect(() => env.addTo(d, new kplus.Container({ image: IMAGE, name: 'stray' }))).toThrow(/container "stray" is not a container of/);
    });

    test('an invalid existing Secret name', () => {
      expect(() => SecretSource.fromSecretName('')).toThrow(/SecretSource.fromSecretName: name is "": it is empty/);
      expect(() => SecretSource.fromSecretName('DB')).toThrow(/name is "DB"/);
    });
  });
});
