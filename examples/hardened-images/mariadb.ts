import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecret, HardenedStatefulSet, SecretBackedEnv, SecretStoreKind } from '../../src';

/** A single MariaDB 11.8 (LTS) instance, its root password from Vault. */
export function mariadb(scope: Construct): HardenedStatefulSet {
  const password = new ExternalSecret(scope, 'mariadb-password', {
    storeName: 'vault',
    storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
    data: [{ secretKey: 'root-password', remoteKey: 'databases/mariadb', property: 'root-password' }],
  });

  const db = new HardenedStatefulSet(scope, 'mariadb', {
    replicas: 1,
    // InnoDB flushes its buffer pool on shutdown; cut short, the next start begins with crash recovery.
    terminationGracePeriod: Duration.minutes(2),
    securityContext: { fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH },
    // The socket and pid file; /tmp (a default) is the server's tmpdir.
    writablePaths: ['/run/mysqld'],
    volumeClaims: [{ name: 'data', mountPath: '/var/lib/mysql', storage: Size.gibibytes(20) }],
    // On-disk temporary tables can be large: back the writable paths by the node's disk, not by memory.
    writableVolumeMedium: kplus.EmptyDirMedium.DEFAULT,
    writableVolumeSizeLimit: Size.gibibytes(1),
    containers: [{
      name: 'mariadb',
      image: 'mariadb:11.8@sha256:2439dcd7d14010ecd1ff7a4e1c5abe8e208c34fe35290744deeeaac3569043c3',
      portNumber: 3306,
      envVariables: { MARIADB_ROOT_PASSWORD_FILE: kplus.EnvValue.fromValue('/run/secrets/mariadb/root-password') },
      // The image's own health check: connects with the healthcheck user it creates at initialisation.
      readiness: kplus.Probe.fromCommand(['healthcheck.sh', '--connect', '--innodb_initialized'], {
        periodSeconds: Duration.seconds(10), timeoutSeconds: Duration.seconds(5),
      }),
      startup: kplus.Probe.fromTcpSocket({ port: 3306, periodSeconds: Duration.seconds(10), failureThreshold: 30 }),
      resources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.units(1) },
        memory: { request: Size.gibibytes(1), limit: Size.gibibytes(1) },
        // Disk-backed emptyDirs count against the container's ephemeral storage: room for a full tmpdir.
        ephemeralStorage: { request: Size.gibibytes(2), limit: Size.gibibytes(4) },
      },
    }],
  });
  new SecretBackedEnv(scope, 'mariadb-secrets', {
    source: password,
    files: [{ key: 'root-password' }],
    mountPath: '/run/secrets/mariadb',
  }).addTo(db);
  return db;
}
