// The README's Aspects snippet, run on the ingress-nginx release manifest; test/examples/examples.test.ts holds the two equal.
import * as path from 'path';
import { Chart, Include, Testing } from 'cdk8s';
import { AspectPriority, Aspects, Guardrails, HardeningFix, HardenWorkloads } from '../../src';

function hardenedVendor() {
  const chart = new Chart(Testing.app(), 'vendor');
  // README: Aspects (begin)
  const vendor = new Include(chart, 'ingress-nginx', { url: path.join(__dirname, '../aspects/fixtures/ingress-nginx-controller-v1.5.2.yaml') });
  const hardening = new HardenWorkloads({
    fixes: [...HardenWorkloads.DEFAULT_FIXES, HardeningFix.RESOURCES],
    resources: { memoryLimit: '512Mi', ephemeralStorageRequest: '100Mi', ephemeralStorageLimit: '1Gi' },
    writableDirectories: [{ path: '/tmp', sizeLimit: '64Mi' }],
  });
  Aspects.of(vendor).add(hardening, { priority: AspectPriority.MUTATING });
  // README: Aspects (end)
  return { chart, hardening };
}

test('the README snippet hardens the vendor workloads and lists what it set', () => {
  const { chart, hardening } = hardenedVendor();
  const report = Guardrails.check(chart);
  expect(report.hardening).toEqual(hardening.changes);
  expect(new Set(hardening.changes.map(c => c.resource.name))).toEqual(new Set([
    'ingress-nginx-controller', 'ingress-nginx-admission-create', 'ingress-nginx-admission-patch',
  ]));
  // The value the README names as kept.
  const controller = Testing.synth(chart).find((o: any) => o.metadata.name === 'ingress-nginx-controller');
  expect(controller.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation).toBe(true);
});
