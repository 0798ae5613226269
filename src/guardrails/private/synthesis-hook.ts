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
    wrapSynthesisMethods(root, this);
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

/** Marks the duration of `synth()` and `synthYaml()` on the root App instance, so their repeated validations share one run. */
function wrapSynthesisMethods(root: IConstruct, hook: SynthesisHook): void {
  const target = root as any;
  for (const method of ['synth', 'synthYaml']) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    target[method] = function wrapped(this: unknown, ...args: unknown[]) {
      hook._beginWindow();
      try {
        return original.apply(target, args);
      } finally {
        hook._endWindow();
      }
    };
  }
}
