import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { goDistroless } from './go-distroless';
import { jvmApp } from './jvm-app';
import { mariadb } from './mariadb';
import { nginx } from './nginx';
import { nodeApp } from './node-app';
import { postgres } from './postgres';
import { rabbitmq } from './rabbitmq';
import { redis } from './redis';
import { Guardrails, IsolatedNamespace } from '../../src';
import { ExampleOptions } from '../example';

/** One section of docs/hardened-images.md: the file holding its code, and the function that file exports. */
export interface HardenedImage {
  /** Namespace the example puts it in, and the file's name without `.ts`. */
  readonly name: string;
  readonly build: (scope: Construct) => kplus.Workload;
}

/** Every image of the guide, in the guide's order. */
export const HARDENED_IMAGES: HardenedImage[] = [
  { name: 'nginx', build: nginx },
  { name: 'postgres', build: postgres },
  { name: 'redis', build: redis },
  { name: 'mariadb', build: mariadb },
  { name: 'rabbitmq', build: rabbitmq },
  { name: 'jvm-app', build: jvmApp },
  { name: 'node-app', build: nodeApp },
  { name: 'go-distroless', build: goDistroless },
];

/** Each image of the guide in an isolated namespace of its own. */
export function build(options: ExampleOptions): App {
  const app = new App({ outdir: options.outdir });
  Guardrails.enable(app, { reportDir: options.outdir, quiet: options.quiet });
  for (const image of HARDENED_IMAGES) image.build(new IsolatedNamespace(app, image.name));
  return app;
}
