/**
 * The hardened workload kinds with their defaults, and fast-check samples of valid HardenedDeployment props, each
 * in its own IsolatedNamespace (restricted enforced, its quota and LimitRange).
 */
import { App, Cron, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { IsolatedNamespace } from '../../src/constructs/namespace';
import { HardenedCronJob, HardenedDaemonSet, HardenedDeployment, HardenedJob, HardenedStatefulSet } from '../../src/constructs/workloads';
import { Evaluator } from '../../src/engine/evaluator';
import { ManifestObject } from '../../src/engine/manifest-object';
import { Severity } from '../../src/engine/severity';
import { Packs } from '../../src/packs/packs';

/** Pinned by tag and digest, as the unit tests' images. */
export const IMAGE = 'ghcr.io/acme/web:1.4.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
export const SIDECAR_IMAGE = 'ghcr.io/acme/proxy:2.0.0@sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

/** A test case: a name and the synthesized objects of its namespace. */
export interface Case { readonly name: string; readonly objects: any[] }

function inNamespace(app: App, name: string, add: (ns: IsolatedNamespace) => void): Case {
  const ns = new IsolatedNamespace(app, name);
  add(ns);
  return { name, objects: Testing.synth(ns) };
}

/** Each hardened workload kind with nothing but an image (and a port where the kind needs one). */
export function defaultWorkloads(): Case[] {
  const app = Testing.app();
  return [
    inNamespace(app, 'hardened-deployment', ns => new HardenedDeployment(ns, 'web', { containers: [{ image: IMAGE, portNumber: 8080 }] })),
    inNamespace(app, 'hardened-statefulset', ns => new HardenedStatefulSet(ns, 'db', { containers: [{ image: IMAGE, portNumber: 7000 }] })),
    inNamespace(app, 'hardened-daemonset', ns => new HardenedDaemonSet(ns, 'agent', { containers: [{ image: IMAGE }] })),
    inNamespace(app, 'hardened-job', ns => new HardenedJob(ns, 'migrate', { containers: [{ image: IMAGE }] })),
    inNamespace(app, 'hardened-cronjob', ns => new HardenedCronJob(ns, 'report', { schedule: Cron.daily(), containers: [{ image: IMAGE }] })),
  ];
}

// The valid half of test/property/hardened-deployment.test.ts's props: values the construct accepts, no overrides.
const securityContext = fc.record({
  ensureNonRoot: fc.constant(true),
  privileged: fc.constant(false),
  allowPrivilegeEscalation: fc.constant(false),
  readOnlyRootFilesystem: fc.constant(true),
  user: fc.constantFrom(10001, 65534),
  group: fc.constantFrom(10001, 20000),
}, { requiredKeys: [] });
const container = fc.record({
  image: fc.constantFrom(IMAGE, SIDECAR_IMAGE),
  portNumber: fc.constantFrom(80, 8080, 9443),
  securityContext: fc.option(securityContext, { nil: undefined }),
  resources: fc.option(fc.record({
    cpu: fc.constant({ request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(250) }),
    memory: fc.constantFrom(
      { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
      { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
    ),
  }), { nil: undefined }),
}, { requiredKeys: ['image'] });
const props = fc.record({
  replicas: fc.integer({ min: 0, max: 5 }),
  containers: fc.array(container, { minLength: 1, maxLength: 3 }),
  requireDigest: fc.boolean(),
  writablePaths: fc.uniqueArray(fc.constantFrom('/var/cache/app', '/data', '/tmp'), { maxLength: 3 }),
  writableTmp: fc.boolean(),
  writableVolumeSizeLimit: fc.constantFrom(Size.mebibytes(16), Size.gibibytes(1)),
  writableVolumeMedium: fc.constantFrom(kplus.EmptyDirMedium.DEFAULT, kplus.EmptyDirMedium.MEMORY),
  probePath: fc.constantFrom('/healthz', '/'),
  allowDns: fc.boolean(),
  revisionHistoryLimit: fc.integer({ min: 1, max: 10 }),
  disruptionBudget: fc.boolean(),
  spreadReplicas: fc.boolean(),
}, { requiredKeys: ['containers'] });

/** What sampling produced: the cases, and how many samples the construct refused (and why, first few). */
export interface Samples { readonly cases: Case[]; readonly refused: number; readonly refusals: string[] }

/**
 * `count` HardenedDeployment samples that construct and synthesize with no unsuppressed error or warning from the
 * default packs, each in its own IsolatedNamespace. Containers get distinct names and ports. Deterministic:
 * fast-check's seed is fixed.
 */
export function deploymentSamples(count: number, seed = 20260): Samples {
  const app = Testing.app();
  const cases: Case[] = [];
  const refusals: string[] = [];
  let refused = 0;
  const generated = fc.sample(props, { numRuns: count * 3, seed });
  for (const p of generated) {
    if (cases.length >= count) break;
    const name = `sample-${cases.length}`;
    // Distinct names (the construct refuses duplicates) and distinct ports: containers of a pod share its network
    // namespace, and the API server warns on a port two containers declare (the construct accepts that today).
    const containers = p.containers.map((c, i) => ({ ...c, name: i === 0 ? 'app' : `side-${i}`, ...(c.portNumber ? { portNumber: c.portNumber + i } : {}) }));
    try {
      const built = inNamespace(app, name, ns => new HardenedDeployment(ns, 'web', { ...(p as any), containers }));
      const findings = new Evaluator({ packs: Packs.defaults() })
        .evaluate(built.objects.map(o => ManifestObject.fromJson(o)))
        .unsuppressed(Severity.WARNING);
      if (findings.length > 0) throw new Error(findings.map(f => `${f.ruleId}: ${f.message}`).join('; '));
      cases.push({ name, objects: built.objects });
    } catch (e) {
      refused++;
      if (refusals.length < 3) refusals.push((e as Error).message.split('\n')[0]);
      // The namespace construct stays in the app; name the next one afresh.
      app.node.tryRemoveChild(name);
    }
  }
  if (cases.length < count) throw new Error(`only ${cases.length} of ${count} samples constructed cleanly (${refused} refused: ${refusals.join(' | ')})`);
  return { cases, refused, refusals };
}
