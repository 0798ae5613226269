import * as path from 'path';
import { App, Include } from 'cdk8s';
import { AspectPriority, Aspects, Guardrails, IsolatedNamespace, Suppressions } from '../../src';
import { ExampleOptions } from '../example';
import { HardenIncludedPods } from './harden-pods';

/**
 * Bringing a vendor's YAML in with Include: the guardrails check it like our own objects, a mutating aspect
 * fixes what can be fixed from outside, and the rest is suppressed with reasons that show in every report.
 */
export function build(options: ExampleOptions): App {
  const app = new App({ outdir: options.outdir });
  Guardrails.enable(app, { reportDir: options.outdir, quiet: options.quiet });

  const reports = new IsolatedNamespace(app, 'reports');
  const vendor = new Include(reports, 'vendor', { url: path.join(__dirname, 'legacy.yaml') });
  Aspects.of(vendor).add(new HardenIncludedPods(), { priority: AspectPriority.MUTATING });

  // What the aspect cannot fix without the vendor's help, accepted with a reason and a date to look again.
  Suppressions.add(vendor, {
    ruleId: 'workload-dedicated-service-account',
    reason: 'the vendor chart uses the namespace default account, whose token is not mounted (VEND-12)',
    expires: '2027-06-30',
  });
  return app;
}
