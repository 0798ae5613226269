import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { HardenedDeployment } from '../../src';

/** A static Go binary shipped on gcr.io/distroless/static-debian12:nonroot. */
export function goDistroless(scope: Construct): HardenedDeployment {
  return new HardenedDeployment(scope, 'inventory', {
    // The image's own user (nonroot, uid and gid 65532) is above 10000, so keep it.
    securityContext: { user: 65532, group: 65532, fsGroup: 65532 },
    // A binary that writes no temporary files needs no writable directory at all.
    writableTmp: false,
    containers: [{
      name: 'inventory',
      image: 'ghcr.io/acme/inventory:1.7.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      portNumber: 8080,
      // A soft limit for the Go garbage collector, below the container's memory limit.
      envVariables: { GOMEMLIMIT: kplus.EnvValue.fromValue('100MiB') },
      resources: {
        cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(500) },
        memory: { request: Size.mebibytes(128), limit: Size.mebibytes(128) },
      },
    }],
    probePath: '/healthz',
  });
}
