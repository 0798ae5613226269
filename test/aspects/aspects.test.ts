import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AspectPriority, Aspects, IAspect } from '../../src';

class Recorder implements IAspect {
  public readonly visited: string[] = [];
  constructor(private readonly log: string[], private readonly name: string) {}
  public visit(node: IConstruct): void {
    this.visited.push(node.node.path);
    this.log.push(`${this.name}:${node.node.path}`);
  }
}

function chartWithObject(app: App, id = 'chart'): Chart {
  const chart = new Chart(app, id);
  new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap' });
  return chart;
}

describe('Aspects', () => {
  test('visits every construct of the scope before synthesis', () => {
    const app = Testing.app();
    const chart = chartWithObject(app);
    const recorder = new Recorder([], 'r');
    Aspects.of(chart).add(recorder);
    Testing.synth(chart);
    expect(recorder.visited).toEqual(['chart', 'chart/cm']);
  });

  test('runs lower priorities first across the whole tree', () => {
    const app = Testing.app();
    const chart = chartWithObject(app);
    const log: string[] = [];
    Aspects.of(chart).add(new Recorder(log, 'read'), { priority: AspectPriority.READONLY });
    Aspects.of(chart).add(new Recorder(log, 'mutate'), { priority: AspectPriority.MUTATING });
    Testing.synth(chart);
    expect(log).toEqual(['mutate:chart', 'mutate:chart/cm', 'read:chart', 'read:chart/cm']);
  });

  test('a mutation made by an aspect is in the synthesized manifest', () => {
    const app = Testing.app();
    const chart = chartWithObject(app);
    Aspects.of(chart).add({
      visit: (node: IConstruct) => { if (ApiObject.isApiObject(node)) node.metadata.addLabel('team', 'payments'); },
    }, { priority: AspectPriority.MUTATING });
    expect(Testing.synth(chart)[0].metadata.labels).toEqual({ team: 'payments' });
  });

  test('visits each construct once, even when the app is synthesized several times', () => {
    const app = new App({ outdir: Testing.app().outdir });
    chartWithObject(app, 'a');
    chartWithObject(app, 'b');
    const recorder = new Recorder([], 'r');
    Aspects.of(app).add(recorder);
    app.synth();
    app.synthYaml();
    expect(recorder.visited).toEqual(['', 'a', 'a/cm', 'b', 'b/cm']);
  });

  test('an aspect added during a visit is applied in the same synthesis, to new constructs too', () => {
    const app = Testing.app();
    const chart = chartWithObject(app);
    const late = new Recorder([], 'late');
    Aspects.of(chart).add({
      visit: (node: IConstruct) => {
        if (node === chart) {
          new ApiObject(chart, 'added', { apiVersion: 'v1', kind: 'ConfigMap' });
          Aspects.of(chart).add(late, { priority: AspectPriority.READONLY });
        }
      },
    }, { priority: AspectPriority.MUTATING });
    const manifests = Testing.synth(chart);
    expect(manifests.map(m => m.metadata.name)).toHaveLength(2);
    expect(late.visited).toEqual(['chart', 'chart/cm', 'chart/added']);
  });

  test('refuses an aspect added during a visit with a lower priority than one that already ran', () => {
    const app = Testing.app();
    const chart = chartWithObject(app);
    Aspects.of(chart).add({
      visit: (node: IConstruct) => {
        if (node === chart) Aspects.of(chart).add(new Recorder([], 'early'), { priority: AspectPriority.MUTATING });
      },
    }, { priority: AspectPriority.READONLY });
    expect(() => Testing.synth(chart)).toThrow(/priority 200.*already visited it.*priority of at least 1000/s);
  });

  test('adding the same aspect twice to a scope keeps it once', () => {
    const app = Testing.app();
    const chart = chartWithObject(app);
    const recorder = new Recorder([], 'r');
    Aspects.of(chart).add(recorder);
    Aspects.of(chart).add(recorder);
    expect(Aspects.of(chart).all).toHaveLength(1);
    Testing.synth(chart);
    expect(recorder.visited).toEqual(['chart', 'chart/cm']);
  });

  test('an aspect that keeps adding constructs is stopped with a clear error', () => {
    const app = Testing.app();
    const chart = chartWithObject(app);
    let n = 0;
    Aspects.of(chart).add({ visit: () => { new ApiObject(chart, `x${n++}`, { apiVersion: 'v1', kind: 'ConfigMap' }); } });
    expect(() => Aspects.applyAll(app)).toThrow(/still adding aspects or constructs after 100 passes/);
  });
});
