import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecret, HardenedStatefulSet, SecretBackedEnv, SecretStoreKind } from '../../src';

/** A RabbitMQ 4.2 node whose Erlang cookie comes from Vault. */
export function rabbitmq(scope: Construct): HardenedStatefulSet {
  const cookie = new ExternalSecret(scope, 'rabbitmq-cookie', {
    storeName: 'vault',
    storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
    data: [{ secretKey: 'erlang-cookie', remoteKey: 'brokers/rabbitmq', property: 'erlang-cookie' }],
  });

  // A StatefulSet keeps the pod's hostname, and RabbitMQ stores its data under its node name, rabbit@<hostname>.
  const broker = new HardenedStatefulSet(scope, 'rabbitmq', {
    replicas: 1,
    securityContext: { fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH },
    // The image makes it writable for any user (mode 1777); with a read-only root it must be a volume.
    writablePaths: ['/var/log/rabbitmq'],
    // RabbitMQ's HOME: its database and the Erlang cookie, which the init container puts there.
    volumeClaims: [{
      name: 'data', mountPath: '/var/lib/rabbitmq', storage: Size.gibibytes(10), containers: ['rabbitmq', 'erlang-cookie'],
    }],
    initContainers: [{
      name: 'erlang-cookie',
      image: 'rabbitmq:4.2.9-alpine@sha256:d5d8797191db5828a2a2a3dabf295d2b558ae81e215e6c6cba26d567ae8fb236',
      // Erlang refuses a cookie that its group can read, and a Secret volume under fsGroup is group-readable:
      // copy it into the data volume (HOME) as the broker's own file, mode 0400, at every start.
      command: ['sh', '-c', 'rm -f "$HOME/.erlang.cookie" && cp /run/secrets/rabbitmq/erlang-cookie "$HOME/.erlang.cookie" && chmod 0400 "$HOME/.erlang.cookie"'],
    }],
    containers: [{
      name: 'rabbitmq',
      image: 'rabbitmq:4.2.9-alpine@sha256:d5d8797191db5828a2a2a3dabf295d2b558ae81e215e6c6cba26d567ae8fb236',
      portNumber: 5672,
      // The CLI starts an Erlang VM, so it gets seconds, not the default one.
      readiness: kplus.Probe.fromCommand(['rabbitmq-diagnostics', '--quiet', 'check_port_connectivity'], {
        periodSeconds: Duration.seconds(30), timeoutSeconds: Duration.seconds(15),
      }),
      startup: kplus.Probe.fromTcpSocket({ port: 5672, periodSeconds: Duration.seconds(10), failureThreshold: 30 }),
      resources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.units(1) },
        memory: { request: Size.gibibytes(1), limit: Size.gibibytes(1) },
      },
    }],
  });
  new SecretBackedEnv(scope, 'rabbitmq-secrets', {
    source: cookie,
    files: [{ key: 'erlang-cookie' }],
    mountPath: '/run/secrets/rabbitmq',
  }).addTo(broker, broker.initContainers[0]);
  return broker;
}
