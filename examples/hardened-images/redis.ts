import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecret, HardenedStatefulSet, SecretBackedEnv, SecretStoreKind } from '../../src';

/** A persistent Redis 8 with its users and passwords in an ACL file from Vault. */
export function redis(scope: Construct): HardenedStatefulSet {
  // The Vault entry holds the ACL file itself, e.g. "user default on >... ~* &* +@all".
  const acl = new ExternalSecret(scope, 'redis-acl', {
    storeName: 'vault',
    storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
    data: [{ secretKey: 'users.acl', remoteKey: 'caches/redis', property: 'users.acl' }],
  });

  const cache = new HardenedStatefulSet(scope, 'redis', {
    replicas: 1,
    // /data is the image's working directory: the RDB snapshot and the append-only files go there.
    volumeClaims: [{ name: 'data', mountPath: '/data', storage: Size.gibibytes(5) }],
    containers: [{
      name: 'redis',
      image: 'redis:8.2-alpine@sha256:b51665e66f00759be7c3152ad5ac3c66fb2f619c13ef62dea7cc1f9914524635',
      portNumber: 6379,
      // The entrypoint runs anything starting with "-" as redis-server arguments. An ACL file keeps the
      // passwords out of the command line and the environment, where `--requirepass` would put them.
      args: ['--aclfile', '/run/secrets/redis/users.acl', '--appendonly', 'yes'],
      // The default TCP probes: `redis-cli ping` would need a password, and the image has nothing else.
      resources: {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) },
        memory: { request: Size.mebibytes(512), limit: Size.mebibytes(512) },
      },
    }],
  });
  new SecretBackedEnv(scope, 'redis-secrets', {
    source: acl,
    files: [{ key: 'users.acl' }],
    mountPath: '/run/secrets/redis',
  }).addTo(cache);
  return cache;
}
