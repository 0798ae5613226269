import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { HardenedDeployment } from '../../src';

/** A Node.js HTTP service, built on node:22-alpine and started with `node server.js` (not npm). */
export function nodeApp(scope: Construct): HardenedDeployment {
  return new HardenedDeployment(scope, 'storefront', {
    containers: [{
      name: 'storefront',
      image: 'ghcr.io/acme/storefront:5.0.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      portNumber: 3000,
      envVariables: {
        NODE_ENV: kplus.EnvValue.fromValue('production'),
        // Keep the V8 heap below the container limit, so Node collects garbage before the kernel kills it.
        NODE_OPTIONS: kplus.EnvValue.fromValue('--max-old-space-size=384'),
        // uid 10001 has no home directory in the image; tools that cache under $HOME write to /tmp instead.
        HOME: kplus.EnvValue.fromValue('/tmp'),
      },
      resources: {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.units(1) },
        memory: { request: Size.mebibytes(512), limit: Size.mebibytes(512) },
      },
    }],
    probePath: '/healthz',
  });
}
