/**
 * Properties of HardenedDeployment over random props, in two halves that cannot pass each other's cases:
 * - valid props always construct and synthesize, with zero error- or warning-level findings from every default
 *   pack and nothing failing the Pod Security Admission restricted profile at 1.28 and 1.37;
 * - valid props with exactly one invalid or insecure value are always refused at construction, by an `Error`
 *   (never a TypeError or another crash) whose message starts with `HardenedDeployment test/web: ` followed by the
 *   prop that carries the value.
 */
import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { HardenedDeployment, HardenedDeploymentProps, HardeningCheck } from '../../src/constructs/workloads';
import { Severity } from '../../src/engine/severity';
import { pssFailedChecks } from '../../src/private/pss-evaluate';
import { NAMESPACE, namespacedChart, report } from '../constructs/workloads/support';
import { validHardenedDeploymentProps as validProps } from '../helpers/hardened-deployment-props';

type Props = { [key: string]: any; containers: any[] };
/** One invalid or insecure value: where it goes, and the prop the refusal must name. */
interface Breakage { readonly prop: string; readonly apply: (p: Props) => void }
const inContainer = (field: string, values: unknown[]): fc.Arbitrary<(n: number) => Breakage> =>
  fc.constantFrom(...values).map(v => (n: number) => {
    const i = n;
    return { prop: `containers[${i}].${field}`, apply: (p: Props) => { p.containers[i] = { ...p.containers[i], [field]: v }; } };
  });
const inSecurityContext = (field: string, values: unknown[]): fc.Arbitrary<(n: number) => Breakage> =>
  fc.constantFrom(...values).map(v => (i: number) => ({
    prop: `containers[${i}].securityContext.${field}`,
    apply: (p: Props) => { p.containers[i] = { ...p.containers[i], securityContext: { ...p.containers[i].securityContext, [field]: v } }; },
  }));
const topLevel = (prop: string, field: string, values: unknown[]): fc.Arbitrary<(n: number) => Breakage> =>
  fc.constantFrom(...values).map(v => () => ({ prop, apply: (p: Props) => { p[field] = v; } }));

const breakage: fc.Arbitrary<(containerIndex: number) => Breakage> = fc.oneof(
  inContainer('image', ['ghcr.io/acme/web:latest', 'nginx', '', 'ghcr.io/acme/web']),
  fc.constant((i: number) => ({
    prop: `containers[${i}].image`,
    apply: (p: Props) => { p.requireDigest = true; p.containers[i] = { ...p.containers[i], image: 'ghcr.io/acme/web:1.4.2' }; },
  })),
  inContainer('name', ['Bad_Name', '-web', 'a'.repeat(64)]),
  inContainer('portNumber', [0, -1, 65536, 70000, 80.5]),
  inSecurityContext('user', [0, 1, 1000, 9999, -1, 1.5]),
  inSecurityContext('group', [0, 1000]),
  inSecurityContext('privileged', [true]),
  inSecurityContext('allowPrivilegeEscalation', [true]),
  inSecurityContext('readOnlyRootFilesystem', [false]),
  inSecurityContext('ensureNonRoot', [false]),
  fc.constantFrom('NOT_A_CHECK', '').map(check => () => ({
    prop: 'overrides[0].check',
    apply: (p: Props) => { p.overrides = [{ check, reason: 'runs a legacy image that needs it; tracked in OPS-1234' }]; },
  })),
  fc.constantFrom('', '   ', 'too short').map(reason => () => ({
    prop: 'overrides[0]',
    apply: (p: Props) => { p.overrides = [{ check: HardeningCheck.PRIVILEGED, reason }]; },
  })),
  fc.constantFrom('relative', '/', 'var/cache').map(path => () => ({
    prop: 'writablePaths[0]',
    apply: (p: Props) => { p.writablePaths = [path]; },
  })),
  topLevel('probePath', 'probePath', ['healthz', 'http://x/healthz']),
  topLevel('revisionHistoryLimit', 'revisionHistoryLimit', [0, -1, 2.5]),
  topLevel('replicas', 'replicas', [-1, 1.5]),
);

function build(p: Props) {
  const chart = namespacedChart();
  new HardenedDeployment(chart, 'web', { metadata: { namespace: NAMESPACE }, ...(p as HardenedDeploymentProps) });
  return { chart, manifests: Testing.synth(chart) };
}

describe('HardenedDeployment (property-based)', () => {
  test('valid props always build, with zero findings and nothing PSA restricted rejects', () => {
    fc.assert(fc.property(validProps, p => {
      const { chart, manifests } = build(p);
      // Info-level advice is allowed (workload-explicit-user and the like); nothing at warning or above.
      const findings = report(chart).unsuppressed(Severity.WARNING).map(f => `${f.ruleId} ${f.resource.kind}/${f.resource.name}: ${f.message}`);
      expect(findings).toEqual([]);
      expect(manifests.some(m => m.kind === 'Deployment')).toBe(true);
      for (const m of manifests) {
        expect(pssFailedChecks(m, 'restricted', '1.28')).toEqual([]);
        expect(pssFailedChecks(m, 'restricted', '1.37')).toEqual([]);
      }
    }), { numRuns: 100 });
  });

  test('one invalid or insecure value is always refused: an Error that starts with the construct and names the prop', () => {
    fc.assert(fc.property(validProps, breakage, fc.nat(), (valid, breakOne, n) => {
      const p: Props = JSON.parse(JSON.stringify({ ...valid, writableVolumeSizeLimit: undefined, writableVolumeMedium: undefined }));
      p.writableVolumeSizeLimit = valid.writableVolumeSizeLimit;
      p.writableVolumeMedium = valid.writableVolumeMedium;
      const b = breakOne(n % p.containers.length);
      b.apply(p);
      let error: unknown;
      try {
        build(p);
      } catch (e) {
        error = e;
      }
      if (error === undefined) throw new Error(`built although ${b.prop} is invalid: ${JSON.stringify(p)}`);
      // A plain Error: a TypeError or RangeError is a crash, not a refusal.
      expect((error as Error).constructor).toBe(Error);
      const prefix = `HardenedDeployment test/web: ${b.prop} is `;
      expect((error as Error).message.slice(0, prefix.length)).toBe(prefix);
    }), { numRuns: 150 });
  });
});
