import { IConstruct } from 'constructs';

/** A step run at the start of every synthesis, before cdk8s renders anything. Throws to stop the synthesis. */
export type SynthesisStep = () => void;

const HOOKS = new WeakMap<IConstruct, SynthesisHook>();

/**
 * The one place where cdk8s-hardened plugs into cdk8s synthesis.
 *
 * cdk8s has no "before synthesis" event, but every synthesis path (`App.synth`, `App.synthYaml`, `Chart.toJson`
 * and so `Testing.synth`) validates every construct of the app, root first, before rendering. A validation on the
 * root is therefore the earliest point that all paths share. `App.synth` validates once per chart plus once, so
 * within an `App.synth`/`synthYaml` call (the synthesis window) the steps run only on the first validation, and
 * the JSON rendered for the checks is reused for writing instead of being rendered again.
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

  private readonly steps: { order: number; step: SynthesisStep }[] = [];
  private windowDepth = 0;
  private ranInWindow = false;
  private readonly windowCleanups: (() => void)[] = [];

  private constructor(root: IConstruct) {
    root.node.addValidation({ validate: () => { this.run(); return []; } });
    wrapSynthesisMethods(root);
  }

  /** Adds a step; steps run in ascending `order` (aspects first, then checks). */
  public addStep(order: number, step: SynthesisStep): void {
    this.steps.push({ order, step });
    this.steps.sort((a, b) => a.order - b.order);
  }

  /** True inside `App.synth()`/`App.synthYaml()`. */
  public get inWindow(): boolean {
    return this.windowDepth > 0;
  }

  /** Registers something to undo when the current synthesis window closes (no-op outside a window). */
  public onWindowEnd(cleanup: () => void): void {
    if (this.inWindow) this.windowCleanups.push(cleanup);
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
    while (this.windowCleanups.length) this.windowCleanups.pop()!();
  }

  private run(): void {
    if (this.inWindow && this.ranInWindow) return;
    if (this.inWindow) this.ranInWindow = true;
    for (const { step } of this.steps) step();
  }
}

const WRAPPED = Symbol.for('cdk8s-hardened.synthesis-window');

/**
 * Marks the duration of `synth()` and `synthYaml()` of apps that have a hook, so their repeated validations share
 * one run. The wrapper sits on the prototype that defines the method (cdk8s's App), not on the instance: the jsii
 * kernel that serves Python, Java and Go calls the prototype's method, so an instance property would be skipped
 * there. Apps without a hook go straight to the original method.
 */
function wrapSynthesisMethods(root: IConstruct): void {
  for (const method of ['synth', 'synthYaml']) {
    let owner = Object.getPrototypeOf(root);
    while (owner && !Object.prototype.hasOwnProperty.call(owner, method)) owner = Object.getPrototypeOf(owner);
    if (!owner || typeof owner[method] !== 'function' || owner[method][WRAPPED]) continue;
    const original = owner[method];
    const wrapped = function wrapped(this: IConstruct, ...args: unknown[]) {
      const hook = HOOKS.get(this);
      if (!hook) return original.apply(this, args);
      hook._beginWindow();
      try {
        return original.apply(this, args);
      } finally {
        hook._endWindow();
      }
    };
    Object.defineProperty(wrapped, WRAPPED, { value: true });
    owner[method] = wrapped;
  }
}
