import { App } from 'cdk8s';
import { Guardrails, HardenedDeployment, IsolatedNamespace } from '../../src';
import { ExampleOptions } from '../example';
import { acmePacks } from './acme-pack';

/** A custom rule and pack, run with the shipped packs. */
export function build(options: ExampleOptions): App {
  const app = new App({ outdir: options.outdir });
  Guardrails.enable(app, { packs: acmePacks(), reportDir: options.outdir, quiet: options.quiet });

  const billing = new IsolatedNamespace(app, 'billing');
  new HardenedDeployment(billing, 'invoices', {
    metadata: { labels: { team: 'billing' } },
    containers: [{ name: 'invoices', image: 'ghcr.io/acme/invoices:5.0.2', portNumber: 8080 }],
  });
  return app;
}
