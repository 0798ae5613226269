/**
 * The rules that predict what the API server admits, checked against it: every fixture of
 * test/rules/fixtures/cluster-predictions.ts is created in a namespace of its own (workloads' pod templates also as
 * Pods). A failing fixture (the rule reports an error) must be refused, a passing one admitted.
 */
import { admitAll, AdmitResult, pool } from './admit';
import { Evaluator } from '../../src/engine/evaluator';
import { ManifestObject } from '../../src/engine/manifest-object';
import { Packs } from '../../src/packs/packs';
import { fixtures } from '../../test/rules/fixtures/cluster-predictions';

/** One fixture, our verdict and the server's. */
export interface Prediction {
  readonly ruleId: string;
  readonly name: string;
  /** The fixture's role: failing (the rule must report it) or passing. */
  readonly failingFixture: boolean;
  /** The rule reports an unsuppressed finding on the case: it predicts a refusal. */
  readonly predictsRefusal: boolean;
  readonly result: AdmitResult;
}

/** The fixtures with the namespace `shop` renamed to `to`, everywhere it is named. */
function renamed(objects: any[], to: string): any[] {
  return objects.map(o => {
    const copy = JSON.parse(JSON.stringify(o));
    if (copy.kind === 'Namespace' && copy.metadata?.name === 'shop') copy.metadata.name = to;
    if (copy.metadata?.namespace === 'shop') copy.metadata.namespace = to;
    return copy;
  });
}

export async function checkPredictions(concurrency: number): Promise<Prediction[]> {
  const cases = fixtures.flatMap(table => [
    ...table.failing.map(c => ({ ruleId: table.ruleId, name: c.name, objects: c.objects, failing: true })),
    ...table.passing.map(c => ({ ruleId: table.ruleId, name: c.name, objects: c.objects, failing: false })),
  ]);
  const evaluator = new Evaluator({ packs: Packs.defaults(), kubernetesVersion: '1.37' });
  return pool(cases, concurrency, async (c, i) => ({
    ruleId: c.ruleId,
    name: c.name,
    failingFixture: c.failing,
    predictsRefusal: evaluator.evaluate(c.objects.map(o => ManifestObject.fromJson(o))).unsuppressed().some(f => f.ruleId === c.ruleId),
    result: await admitAll(`${c.ruleId}: ${c.name}`, renamed(c.objects, `predict-${i}`)),
  }));
}
