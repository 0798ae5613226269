/**
 * Property: random HardenedDeployment props either construct and synthesize to manifests with zero unsuppressed
 * error- or warning-level findings from every default pack (and nothing failing the Pod Security Admission restricted profile at 1.28 and
 * 1.37), or the constructor throws an Error whose message names the construct and the offending prop.
 */
import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { HardenedDeployment, HardeningCheck } from '../../src/constructs/workloads';
import { Severity } from '../../src/engine/severity';
import { pssFailedChecks } from '../../src/private/pss-evaluate';
import { IMAGE, NAMESPACE, namespacedChart, report, SIDECAR_IMAGE } from '../constructs/workloads/support';

/** Mostly valid values, sometimes an invalid one, so that both outcomes are frequent. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: invalid, weight: 1 });

const image = mostly(
  fc.constantFrom(IMAGE, SIDECAR_IMAGE, 'ghcr.io/acme/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
  fc.constantFrom('ghcr.io/acme/web:latest', 'nginx', 'ghcr.io/acme/web:1.4.2', ''),
);
const securityContext = fc.record({
  ensureNonRoot: fc.boolean(),
  privileged: fc.boolean(),
  allowPrivilegeEscalation: fc.boolean(),
  readOnlyRootFilesystem: fc.boolean(),
  user: fc.constantFrom(0, 1, 1000, 10001, 65534),
  group: fc.constantFrom(0, 1000, 10001),
}, { requiredKeys: [] });
const container = fc.record({
  image,
  name: mostly(fc.constantFrom('app', 'web', 'side-car'), fc.constant('Bad_Name')),
  portNumber: mostly(fc.constantFrom(80, 8080, 9443), fc.constantFrom(0, 70000)),
  securityContext: mostly(fc.constant(undefined), securityContext),
}, { requiredKeys: ['image'] });
const override = fc.record({
  check: mostly(fc.constantFrom(...Object.values(HardeningCheck)), fc.constant('NOT_A_CHECK' as HardeningCheck)),
  reason: mostly(fc.constant('runs a legacy image that needs it; tracked in OPS-1234'), fc.constantFrom('', '   ')),
}, { requiredKeys: ['check', 'reason'] });

const props = fc.record({
  replicas: fc.integer({ min: 0, max: 5 }),
  containers: fc.array(container, { minLength: 1, maxLength: 3 }),
  overrides: mostly(fc.constant([]), fc.array(override, { maxLength: 2 })),
  requireDigest: fc.boolean(),
  writablePaths: mostly(fc.array(fc.constantFrom('/var/cache/app', '/data', '/tmp'), { maxLength: 3 }), fc.constant(['relative', '/'])),
  writableTmp: fc.boolean(),
  writableVolumeSizeLimit: fc.constantFrom(Size.mebibytes(16), Size.gibibytes(1)),
  writableVolumeMedium: fc.constantFrom(kplus.EmptyDirMedium.DEFAULT, kplus.EmptyDirMedium.MEMORY),
  probePath: mostly(fc.constantFrom('/healthz', '/'), fc.constant('healthz')),
  allowDns: fc.boolean(),
  revisionHistoryLimit: fc.integer({ min: 0, max: 10 }),
  disruptionBudget: fc.boolean(),
  spreadReplicas: fc.boolean(),
}, { requiredKeys: [] });

describe('HardenedDeployment (property-based)', () => {
  test('random props: zero findings, or a clear error', () => {
    let built = 0;
    let refused = 0;
    fc.assert(fc.property(props, p => {
      const chart = namespacedChart();
      let manifests: any[];
      try {
        new HardenedDeployment(chart, 'web', { metadata: { namespace: NAMESPACE }, ...(p as any) });
        manifests = Testing.synth(chart);
      } catch (e) {
        refused++;
        expect(e).toBeInstanceOf(Error);
        const message = (e as Error).message;
        // A clear error: names the construct (or the prop) and is more than a stack fragment.
        expect(message).toMatch(/HardenedDeployment|web|container|image|port|name/i);
        expect(message.length).toBeGreaterThan(20);
        return;
      }
      built++;
      // Info-level advice is allowed: a tag-only image is accepted and gets the info finding workload-image-digest.
      const findings = report(chart).unsuppressed(Severity.WARNING).map(f => `${f.ruleId} ${f.resource.kind}/${f.resource.name}: ${f.message}`);
      expect(findings).toEqual([]);
      for (const m of manifests) {
        expect(pssFailedChecks(m, 'restricted', '1.28')).toEqual([]);
        expect(pssFailedChecks(m, 'restricted', '1.37')).toEqual([]);
      }
    }), { numRuns: 150 });
    // Both outcomes are exercised, so neither branch is vacuous.
    expect(built).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
