/**
 * The hardened workload kinds with their defaults, and fast-check samples of valid HardenedDeployment props, each
 * in its own IsolatedNamespace (restricted enforced, its quota and LimitRange).
 */
import { App, Cron, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { IsolatedNamespace } from '../../src/constructs/namespace';
import { HardenedCronJob, HardenedDaemonSet, HardenedDeployment, HardenedJob, HardenedStatefulSet } from '../../src/constructs/workloads';
import { Evaluator } from '../../src/engine/evaluator';
import { ManifestObject } from '../../src/engine/manifest-object';
import { Severity } from '../../src/engine/severity';
import { Packs } from '../../src/packs/packs';

import { IMAGE } from '../../test/constructs/workloads/support';
import { validHardenedDeploymentProps } from '../../test/helpers/hardened-deployment-props';

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
  const generated = fc.sample(validHardenedDeploymentProps, { numRuns: count * 3, seed });
  for (const p of generated) {
    if (cases.length >= count) break;
    const name = `sample-${cases.length}`;
    try {
      const built = inNamespace(app, name, ns => new HardenedDeployment(ns, 'web', p as any));
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
