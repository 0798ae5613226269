import { App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { installRenderLog } from './render-log';
import { SynthesisOutput } from './synthesis-output';
import { renderChart, synthesizeFiles, synthesizeYaml } from './synthesize';

/** A step run at the start of every synthesis, before cdk8s renders anything. Throws to stop the synthesis. */
export type SynthesisStep = () => void;

/** A check of what a synthesis produces, run before anything is written or returned. Throws to stop the synthesis. */
export type OutputCheck = (output: SynthesisOutput) => void;

const HOOKS = new WeakMap<IConstruct, SynthesisHook>();

/**
 * The one place where cdk8s-hardened plugs into cdk8s synthesis, at two points.
 *
 * Steps (the aspects) run at the start: cdk8s has no "before synthesis" event, but every synthesis path
 * (`App.synth`, `App.synthYaml`, `Chart.toJson` and so `Testing.synth`) validates every construct of the app, root
 * first, before rendering, so a validation on the root is the earliest point all paths share.
 *
 * Output checks (the guardrails) run at the end, on the final output: after every validation ran (one may create
 * objects) and every Lazy was resolved for the render that is written. `App.synth` holds its files back until the
 * checks passed; `App.synthYaml` and `Chart.toJson` return only after them.
 *
 * Within one `App.synth`/`synthYaml` or `Chart.toJson` call (the synthesis window), steps run on the first
 * validation only (`App.synth` validates once per chart plus once) and the checks run once.
 */
export class SynthesisHook {
  public static of(root: IConstruct): SynthesisHook {
    let hook = HOOKS.get(root);
    if (!hook) {
      hook = new SynthesisHook(root);
      HOOKS.set(root, hook);
    }
    return hook;
  }

  /** The hook of this app, if it has one (without creating it). */
  public static existing(root: IConstruct): SynthesisHook | undefined {
    return HOOKS.get(root);
  }

  private readonly root: IConstruct;
  private readonly steps: { order: number; step: SynthesisStep }[] = [];
  private readonly checks: { order: number; check: OutputCheck }[] = [];
  private windowDepth = 0;
  private ranInWindow = false;

  private constructor(root: IConstruct) {
    this.root = root;
    root.node.addValidation({ validate: () => { this.run(); return []; } });
    installRenderLog();
    wrapSynthesisMethods(root);
    wrapChartToJson();
  }

  /** Adds a step; steps run in ascending `order` (aspects first). */
  public addStep(order: number, step: SynthesisStep): void {
    this.steps.push({ order, step });
    this.steps.sort((a, b) => a.order - b.order);
  }

  /**
   * Adds an output check; checks run in ascending `order`. Throws when the root is an app of another copy of cdk8s
   * than the one this library loads: its synthesis would write its files past the check.
   */
  public addOutputCheck(order: number, check: OutputCheck): void {
    assertSameCdk8s(this.root);
    this.checks.push({ order, check });
    this.checks.sort((a, b) => a.order - b.order);
  }

  /** True inside `App.synth()`, `App.synthYaml()` and `Chart.toJson()`. */
  public get inWindow(): boolean {
    return this.windowDepth > 0;
  }

  /** True when output checks were added (without them, synthesis is left to cdk8s alone). */
  public get checksOutput(): boolean {
    return this.checks.length > 0;
  }

  /** Runs the output checks over what a synthesis produced. */
  public checkOutput(output: SynthesisOutput): void {
    for (const { check } of this.checks) check(output);
  }

  /** @internal */
  public _beginWindow(): void {
    this.windowDepth++;
  }

  /** @internal */
  public _endWindow(): void {
    this.windowDepth--;
    if (this.windowDepth > 0) return;
    this.ranInWindow = false;
  }

  /** Runs `fn` as one synthesis window. */
  public window<T>(fn: () => T): T {
    this._beginWindow();
    try {
      return fn();
    } finally {
      this._endWindow();
    }
  }

  private run(): void {
    if (this.inWindow && this.ranInWindow) return;
    if (this.inWindow) this.ranInWindow = true;
    for (const { step } of this.steps) step();
  }
}

function assertSameCdk8s(root: IConstruct): void {
  if (typeof (root as any).synth !== 'function' || Object.prototype.isPrototypeOf.call(App.prototype, root)) return;
  throw new Error(
    `Guardrails.enable: the root of "${root.node.path || '<app>'}" has a synth() method but is not an App of the cdk8s `
    + `that cdk8s-hardened loads (${describeCdk8s()}), so its synthesis could not be checked. Install a single copy of `
    + 'cdk8s (see `npm ls cdk8s`, then `npm dedupe`).');
}

function describeCdk8s(): string {
  try {
    return require.resolve('cdk8s');
  } catch {
    return 'cdk8s';
  }
}

const WRAPPED = Symbol.for('cdk8s-hardened.synthesis-window');

/**
 * Wraps `synth()` and `synthYaml()` of apps that have a hook. The wrapper sits on the prototype that defines the
 * method (cdk8s's App), not on the instance: the jsii kernel that serves Python, Java and Go calls the prototype's
 * method, so an instance property would be skipped there. Apps without a hook go straight to the original method.
 */
function wrapSynthesisMethods(root: IConstruct): void {
  for (const method of ['synth', 'synthYaml']) {
    let owner = Object.getPrototypeOf(root);
    while (owner && !Object.prototype.hasOwnProperty.call(owner, method)) owner = Object.getPrototypeOf(owner);
    if (!owner || typeof owner[method] !== 'function' || owner[method][WRAPPED]) continue;
    const original = owner[method];
    const wrapped = function wrapped(this: App, ...args: unknown[]) {
      const hook = HOOKS.get(this);
      // A synthesis started inside another (from a validation, say) is part of the outer one.
      if (!hook || hook.inWindow) return original.apply(this, args);
      if (!hook.checksOutput) return hook.window(() => original.apply(this, args));
      const check = (output: SynthesisOutput) => hook.checkOutput(output);
      return hook.window(() => method === 'synth'
        ? synthesizeFiles(this, () => original.apply(this, args), check)
        : synthesizeYaml(() => original.apply(this, args), check));
    };
    Object.defineProperty(wrapped, WRAPPED, { value: true });
    owner[method] = wrapped;
  }
}

/**
 * Wraps `Chart.prototype.toJson` (what `Testing.synth` calls), for the same reason as above. Inside `App.synth` it
 * only records which ApiObject rendered each object; outside, it is a synthesis of its own and runs the checks.
 */
function wrapChartToJson(): void {
  const proto = Chart.prototype as any;
  if (proto.toJson[WRAPPED]) return;
  const original = proto.toJson;
  const wrapped = function toJson(this: Chart, ...args: unknown[]) {
    const hook = HOOKS.get(this.node.root);
    if (!hook) return original.apply(this, args);
    const render = () => original.apply(this, args);
    if (!hook.checksOutput) return hook.inWindow ? render() : hook.window(render);
    if (hook.inWindow) return renderChart(this, render).result;
    return hook.window(() => {
      const { result, owners } = renderChart(this, render);
      const output = SynthesisOutput.ofJson(result, owners);
      hook.checkOutput(output);
      return output.returnedJson();
    });
  };
  Object.defineProperty(wrapped, WRAPPED, { value: true });
  proto.toJson = wrapped;
}
