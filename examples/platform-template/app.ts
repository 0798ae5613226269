import { App, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Guardrails, IsolatedNamespace } from '../../src';
import { ExampleOptions } from '../example';
import { WebService } from './web-service';

/** Two teams use the platform's WebService template with their own settings. */
export function build(options: ExampleOptions): App {
  const app = new App({ outdir: options.outdir });
  Guardrails.enable(app, { reportDir: options.outdir, quiet: options.quiet });

  // The payments team: one public service with secrets, three replicas.
  const payments = new IsolatedNamespace(app, 'payments');
  const checkout = new WebService(payments, 'checkout', {
    image: 'ghcr.io/acme/checkout:3.2.0',
    port: 8443,
    replicas: 3,
    secretKeys: ['stripe-api-key', 'signing-key'],
    public: true,
  });

  // The search team: a public query service and an internal indexer it calls, with a bigger quota.
  const search = new IsolatedNamespace(app, 'search', {
    quota: {
      requestsCpu: kplus.Cpu.units(8),
      requestsMemory: Size.gibibytes(16),
      limitsCpu: kplus.Cpu.units(16),
      limitsMemory: Size.gibibytes(32),
      pods: 100,
    },
  });
  const query = new WebService(search, 'query', { image: 'ghcr.io/acme/search-query:0.9.4', port: 8080, public: true });
  const indexer = new WebService(search, 'indexer', { image: 'ghcr.io/acme/search-indexer:0.9.4', port: 9000, replicas: 1 });
  indexer.allowCallsFrom(query);

  // Checkout asks the search team's query service for product data, across namespaces.
  query.allowCallsFrom(checkout);
  return app;
}
