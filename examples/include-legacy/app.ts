import * as path from 'path';
import { App, Include } from 'cdk8s';
import { AspectPriority, Aspects, Guardrails, HardeningFix, HardenWorkloads, IsolatedNamespace, Suppressions } from '../../src';
import { ExampleOptions } from '../example';

/**
 * Bringing a vendor's YAML in with Include: the guardrails check it like our own objects, HardenWorkloads fills in
 * what the vendor left unset (the report lists each field it set), and the rest is suppressed with reasons that
 * show in every report.
 */
export function build(options: ExampleOptions): App {
  const app = new App({ outdir: options.outdir });
  Guardrails.enable(app, { reportDir: options.outdir, quiet: options.quiet });

  const reports = new IsolatedNamespace(app, 'reports');
  const vendor = new Include(reports, 'vendor', { url: path.join(__dirname, 'legacy.yaml') });
  Aspects.of(vendor).add(new HardenWorkloads({
    // The renderer's image tolerates any non-root user, writes only to /tmp and answers on its port from the start:
    // on top of the defaults it gets resources and TCP probes, which need that knowledge.
    fixes: [...HardenWorkloads.DEFAULT_FIXES, HardeningFix.RESOURCES, HardeningFix.PROBES],
    fsGroup: 10001,
    writableDirectories: [{ path: '/tmp', sizeLimit: '64Mi', inMemory: true }],
    resources: {
      cpuRequest: '250m',
      memoryRequest: '256Mi',
      ephemeralStorageRequest: '1Gi',
      cpuLimit: '1',
      memoryLimit: '512Mi',
      ephemeralStorageLimit: '2Gi',
    },
  }), { priority: AspectPriority.MUTATING });

  // What the aspect cannot fix without the vendor's help, accepted with a reason and a date to look again.
  Suppressions.add(vendor, {
    ruleId: 'workload-dedicated-service-account',
    reason: 'the vendor chart uses the namespace default account, whose token is not mounted (VEND-12)',
    expires: '2027-06-30',
  });
  return app;
}
