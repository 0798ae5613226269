import { IConstruct } from 'constructs';

/**
 * Something that visits every construct of a scope before synthesis: to check it, or to change it.
 *
 * @example
 * class AddTeamLabel implements IAspect {
 *   public visit(node: IConstruct) {
 *     if (node instanceof ApiObject) node.metadata.addLabel('team', 'payments');
 *   }
 * }
 * Aspects.of(app).add(new AddTeamLabel(), { priority: AspectPriority.MUTATING });
 */
export interface IAspect {
  /** Called once for every construct in the scope the aspect was added to (the scope included). */
  visit(node: IConstruct): void;
}

/** Options for adding an aspect. */
export interface AspectOptions {
  /**
   * When the aspect runs relative to others: lower numbers first. Mutating aspects should run before the ones
   * that only read, so that checks see the final tree.
   * @default AspectPriority.DEFAULT
   */
  readonly priority?: number;
}

/** Conventional priorities. */
export class AspectPriority {
  /** For aspects that change the tree (add labels, patch security contexts). */
  public static readonly MUTATING = 200;
  /** For aspects without a declared priority. */
  public static readonly DEFAULT = 500;
  /** For aspects that only read the tree. */
  public static readonly READONLY = 1000;
}
