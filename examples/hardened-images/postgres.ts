import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecret, HardenedStatefulSet, SecretBackedEnv, SecretStoreKind } from '../../src';

/** A single PostgreSQL 18 instance, its superuser password from Vault. */
export function postgres(scope: Construct): HardenedStatefulSet {
  const password = new ExternalSecret(scope, 'postgres-password', {
    storeName: 'vault',
    storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
    data: [{ secretKey: 'password', remoteKey: 'databases/postgres', property: 'password' }],
  });

  const db = new HardenedStatefulSet(scope, 'postgres', {
    replicas: 1,
    // The image stops PostgreSQL with SIGINT (fast shutdown), which still writes a checkpoint; cut short after the
    // default 30 seconds, the next start begins with crash recovery.
    terminationGracePeriod: Duration.minutes(2),
    // The kubelet hands the volume to group 10001 on the first mount only, instead of changing the group and
    // mode of every database file at each start.
    securityContext: { fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH },
    // The Unix socket and its lock file; /tmp (a default) takes the passwd entry the entrypoint fakes for
    // initdb with nss_wrapper, since uid 10001 is not in the image's /etc/passwd.
    writablePaths: ['/var/run/postgresql'],
    // PostgreSQL 18 images keep PGDATA in /var/lib/postgresql/18/docker: a subdirectory of the claim, which
    // initdb creates with the owner and mode (0700) it insists on, whatever else the volume root holds.
    volumeClaims: [{ name: 'data', mountPath: '/var/lib/postgresql', storage: Size.gibibytes(20) }],
    containers: [{
      name: 'postgres',
      image: 'postgres:18.2-alpine@sha256:035b9ab53cfa147d7202b61f5f7782b939ae815b7d6bc81c96b7b42ff1fca950',
      portNumber: 5432,
      // The entrypoint reads the password from this file (the image's `*_FILE` convention), so the password
      // is never in the environment.
      envVariables: { POSTGRES_PASSWORD_FILE: kplus.EnvValue.fromValue('/run/secrets/postgres/password') },
      // Over TCP, not the socket: while initdb runs, a temporary server listens on the socket only.
      readiness: kplus.Probe.fromCommand(['pg_isready', '--host', '127.0.0.1', '--port', '5432'], {
        periodSeconds: Duration.seconds(10), timeoutSeconds: Duration.seconds(5),
      }),
      // Up to five minutes for initdb on first start or crash recovery later, before liveness counts.
      startup: kplus.Probe.fromTcpSocket({ port: 5432, periodSeconds: Duration.seconds(10), failureThreshold: 30 }),
      resources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.units(1) },
        memory: { request: Size.gibibytes(1), limit: Size.gibibytes(1) },
      },
    }],
  });
  new SecretBackedEnv(scope, 'postgres-secrets', {
    source: password,
    files: [{ key: 'password' }],
    mountPath: '/run/secrets/postgres',
  }).addTo(db);
  return db;
}
