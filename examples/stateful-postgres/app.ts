import { App, Cron, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ExternalSecret, Guardrails, HardenedCronJob, HardenedDeployment, HardenedStatefulSet, IsolatedNamespace, NamespacePeer,
  NetworkPeer, SecretBackedEnv, SecretStoreKind,
} from '../../src';
import { ExampleOptions } from '../example';

/**
 * The image of the database and of its backup job, so pg_dump always matches the server's major version. Pinned by
 * digest as in docs/hardened-images.md (which says where the digest comes from and how to refresh it).
 */
const POSTGRES_IMAGE = 'postgres:18.2-alpine@sha256:035b9ab53cfa147d7202b61f5f7782b939ae815b7d6bc81c96b7b42ff1fca950';

/**
 * A stateful service: PostgreSQL in a StatefulSet with a claim of its own, its credentials from Vault, the API that
 * uses it, a nightly pg_dump to a backup volume, and network policies that let only the API and the backup job
 * reach the database.
 */
export function build(options: ExampleOptions): App {
  const app = new App({ outdir: options.outdir });
  Guardrails.enable(app, { reportDir: options.outdir, quiet: options.quiet });

  const ledger = new IsolatedNamespace(app, 'ledger');

  // The owner role of the ledger database; only references to it appear in the manifests.
  const credentials = new ExternalSecret(ledger, 'db-credentials', {
    storeName: 'vault',
    storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
    data: [
      { secretKey: 'username', remoteKey: 'ledger/postgres', property: 'username' },
      { secretKey: 'password', remoteKey: 'ledger/postgres', property: 'password' },
    ],
  });

  const db = new HardenedStatefulSet(ledger, 'postgres', {
    replicas: 1,
    // Time for the checkpoint of a fast shutdown (the image's stop signal, SIGINT), so the next start needs no
    // crash recovery.
    terminationGracePeriod: Duration.minutes(2),
    // Group ownership of the claim is set once, on the first mount, not on every database file at each start.
    securityContext: { fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH },
    // The Unix socket and lock file; /tmp (a default) takes the passwd entry the entrypoint fakes for initdb.
    writablePaths: ['/var/run/postgresql'],
    // A claim per replica, kept across restarts; PGDATA is /var/lib/postgresql/18/docker, a subdirectory of it,
    // which initdb creates with mode 0700.
    volumeClaims: [{ name: 'data', mountPath: '/var/lib/postgresql', storage: Size.gibibytes(50) }],
    containers: [{
      name: 'postgres',
      image: POSTGRES_IMAGE,
      portNumber: 5432,
      envVariables: {
        POSTGRES_DB: kplus.EnvValue.fromValue('ledger'),
        // The entrypoint reads both from files, so neither is in the environment.
        POSTGRES_USER_FILE: kplus.EnvValue.fromValue('/run/secrets/postgres/username'),
        POSTGRES_PASSWORD_FILE: kplus.EnvValue.fromValue('/run/secrets/postgres/password'),
      },
      // Over TCP: during initdb a temporary server listens on the Unix socket only.
      readiness: kplus.Probe.fromCommand(['pg_isready', '--host', '127.0.0.1', '--port', '5432'], {
        periodSeconds: Duration.seconds(10), timeoutSeconds: Duration.seconds(5),
      }),
      // Up to five minutes for initdb or crash recovery before the liveness probe counts.
      startup: kplus.Probe.fromTcpSocket({ port: 5432, periodSeconds: Duration.seconds(10), failureThreshold: 30 }),
      resources: {
        cpu: { request: kplus.Cpu.millis(500), limit: kplus.Cpu.units(2) },
        memory: { request: Size.gibibytes(2), limit: Size.gibibytes(2) },
      },
    }],
  });
  new SecretBackedEnv(ledger, 'postgres-credentials', {
    source: credentials,
    files: [{ key: 'username' }, { key: 'password' }],
    mountPath: '/run/secrets/postgres',
  }).addTo(db);

  const api = new HardenedDeployment(ledger, 'api', {
    replicas: 2,
    containers: [{
      name: 'api',
      // The digest your CI pushed for this build.
      image: 'ghcr.io/acme/ledger-api:2.3.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      portNumber: 8080,
      envVariables: {
        // The StatefulSet's headless Service: its name resolves to the database pod.
        DB_HOST: kplus.EnvValue.fromValue(db.service.name),
        DB_NAME: kplus.EnvValue.fromValue('ledger'),
        DB_USER_FILE: kplus.EnvValue.fromValue('/run/secrets/db/username'),
        DB_PASSWORD_FILE: kplus.EnvValue.fromValue('/run/secrets/db/password'),
      },
    }],
    probePath: '/healthz',
  });
  api.exposeViaService({ ports: [{ port: 8080 }] });
  new SecretBackedEnv(ledger, 'api-credentials', {
    source: credentials,
    files: [{ key: 'username' }, { key: 'password' }],
    mountPath: '/run/secrets/db',
  }).addTo(api);

  // A dump a night, kept for 14 days on a volume of its own (snapshot or copy it off the cluster from there).
  const backups = new kplus.PersistentVolumeClaim(ledger, 'backups', {
    storage: Size.gibibytes(100),
    accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
  });
  const backup = new HardenedCronJob(ledger, 'backup', {
    schedule: Cron.schedule({ minute: '15', hour: '2' }),
    timeZone: 'Etc/UTC',
    // A slow dump must not overlap the next one, and a missed night is not made up hours later.
    concurrencyPolicy: kplus.ConcurrencyPolicy.FORBID,
    startingDeadline: Duration.hours(1),
    backoffLimit: 2,
    activeDeadline: Duration.hours(3),
    successfulJobsRetained: 3,
    failedJobsRetained: 3,
    containers: [{
      name: 'pg-dump',
      image: POSTGRES_IMAGE,
      // Written under a temporary name and renamed when complete, so a failed run never leaves a dump that looks good.
      command: ['sh', '-c', [
        'set -eu',
        'file="/backups/ledger-$(date -u +%Y%m%dT%H%M%SZ).dump"',
        'pg_dump --format=custom --file="$file.partial"',
        'mv "$file.partial" "$file"',
        "find /backups -name 'ledger-*.dump' -mtime +14 -delete",
      ].join('\n')],
      envVariables: {
        PGHOST: kplus.EnvValue.fromValue(db.service.name),
        PGDATABASE: kplus.EnvValue.fromValue('ledger'),
      },
      resources: {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.units(1) },
        memory: { request: Size.mebibytes(256), limit: Size.mebibytes(256) },
      },
    }],
  });
  backup.containers[0].mount('/backups', kplus.Volume.fromPersistentVolumeClaim(ledger, 'backups-volume', backups));
  // libpq ignores a password file its group can read, which a Secret volume under fsGroup is: the job, which runs
  // for minutes, takes the credentials as variables instead.
  new SecretBackedEnv(ledger, 'backup-credentials', {
    source: credentials,
    variables: [{ name: 'PGUSER', key: 'username' }, { name: 'PGPASSWORD', key: 'password' }],
  }).addTo(backup);

  // Who may talk to whom: the ingress controller to the API, and only the API and the backup job to the database.
  ledger.allowIngressFrom('FromIngressController', NamespacePeer.named('ingress-nginx', {
    podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' },
  }), { podLabels: api.matchLabels, ports: [{ port: 8080 }] });
  api.allowEgressTo(NetworkPeer.workload(db), [kplus.NetworkPolicyPort.tcp(5432)]);
  backup.allowEgressTo(NetworkPeer.workload(db), [kplus.NetworkPolicyPort.tcp(5432)]);

  return app;
}
