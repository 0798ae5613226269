import { IConstruct } from 'constructs';
import { AspectOptions, AspectPriority, IAspect } from './aspect';
import { SynthesisHook } from '../guardrails/private/synthesis-hook';

/** An aspect as added to a scope. */
export interface AspectApplication {
  readonly aspect: IAspect;
  readonly priority: number;
}

const REGISTRY = new WeakMap<IConstruct, Aspects>();
/** Apps (roots) that have at least one aspect somewhere in their tree. */
const ROOTS_WITH_ASPECTS = new WeakSet<IConstruct>();
/** Which aspects already visited which construct: an aspect visits a construct once, however often the app is synthesized. */
const INVOKED = new WeakMap<IConstruct, Map<IAspect, number>>();
/** The most passes over the tree before we decide aspects keep adding aspects forever. */
const MAX_PASSES = 100;

/**
 * Aspects for cdk8s: add an aspect to a scope and it visits every construct of that scope before synthesis.
 *
 * cdk8s has no aspects of its own. These run from the first validation of `app.synth()`, `app.synthYaml()`,
 * `cdk8s synth` and `Testing.synth(chart)`, before any manifest is rendered, lowest priority first. An aspect
 * added while aspects run is applied in the same synthesis; one whose priority is lower than an aspect that
 * already visited a construct is refused with an error, because it would see the tree out of order.
 */
export class Aspects {
  /** The aspects of a scope. */
  public static of(scope: IConstruct): Aspects {
    let aspects = REGISTRY.get(scope);
    if (!aspects) {
      aspects = new Aspects(scope);
      REGISTRY.set(scope, aspects);
      ensureAspectsRunAtSynthesis(scope.node.root);
    }
    return aspects;
  }

  /**
   * Applies every aspect of the tree under `root` to the constructs it has not visited yet. Synthesis calls this
   * for you; call it yourself to inspect the tree as it will be synthesized.
   */
  public static applyAll(root: IConstruct): void {
    // Most apps have no aspect at all: skip walking the tree for them.
    if (!ROOTS_WITH_ASPECTS.has(root.node.root)) return;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      if (!applyPass(root)) return;
    }
    throw new Error(`Aspects under "${root.node.path || '<app>'}" were still adding aspects or constructs after ${MAX_PASSES} passes: an aspect probably adds a new aspect or construct on every visit.`);
  }

  private readonly scope: IConstruct;
  private readonly list: AspectApplication[] = [];

  private constructor(scope: IConstruct) {
    this.scope = scope;
  }

  /** Adds an aspect to this scope. The same aspect added twice to one scope is kept once. */
  public add(aspect: IAspect, options: AspectOptions = {}): void {
    const priority = options.priority ?? AspectPriority.DEFAULT;
    if (!Number.isFinite(priority)) {
      throw new Error(`Aspect priority for "${this.scope.node.path || '<app>'}" must be a finite number, got ${priority}.`);
    }
    if (this.list.some(a => a.aspect === aspect)) return;
    this.list.push({ aspect, priority });
    ROOTS_WITH_ASPECTS.add(this.scope.node.root);
  }

  /** The aspects added to this scope, in the order they were added. */
  public get all(): AspectApplication[] {
    return [...this.list];
  }
}

/**
 * One pass: for each priority (ascending), visit the tree in pre-order and invoke every inherited aspect of that
 * priority on constructs it has not visited. Returns true when anything was invoked (the tree may have grown).
 */
function applyPass(root: IConstruct): boolean {
  const nodes = root.node.findAll();
  const inherited = new Map<IConstruct, AspectApplication[]>();
  const priorities = new Set<number>();
  for (const node of nodes) {
    const parent = node.node.scope;
    const fromParent = parent ? inherited.get(parent) ?? ancestorsAspects(parent) : [];
    const own = REGISTRY.get(node)?.all ?? [];
    const list = own.length ? [...fromParent, ...own] : fromParent;
    inherited.set(node, list);
    list.forEach(a => priorities.add(a.priority));
  }

  let invokedAny = false;
  for (const priority of [...priorities].sort((a, b) => a - b)) {
    for (const node of nodes) {
      for (const { aspect, priority: p } of inherited.get(node) ?? []) {
        if (p !== priority) continue;
        let done = INVOKED.get(node);
        if (!done) {
          done = new Map();
          INVOKED.set(node, done);
        }
        if (done.has(aspect)) continue;
        const highest = Math.max(-Infinity, ...done.values());
        if (priority < highest) {
          throw new Error(`Cannot apply aspect ${aspect.constructor?.name ?? 'aspect'} (priority ${priority}) to "${node.node.path || '<app>'}": an aspect of priority ${highest} has already visited it. Add the aspect before synthesis starts, or give it a priority of at least ${highest}.`);
        }
        done.set(aspect, priority);
        aspect.visit(node);
        invokedAny = true;
      }
    }
  }
  return invokedAny;
}

const ROOTS_WITH_ASPECT_STEP = new WeakSet<IConstruct>();

/** Makes synthesis of this app apply its aspects first, before any check (idempotent). */
export function ensureAspectsRunAtSynthesis(root: IConstruct): void {
  if (ROOTS_WITH_ASPECT_STEP.has(root)) return;
  ROOTS_WITH_ASPECT_STEP.add(root);
  SynthesisHook.of(root).addStep(0, () => Aspects.applyAll(root));
}

/** Aspects inherited by a construct outside the traversed tree (its ancestors'), for a root that is not the app. */
function ancestorsAspects(scope: IConstruct): AspectApplication[] {
  return scope.node.scopes.flatMap(s => REGISTRY.get(s)?.all ?? []);
}
