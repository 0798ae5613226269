import { IConstruct } from 'constructs';

/**
 * The path a construct with this id gets under `scope` (`shop/web`; just the id under the app), known before the
 * construct exists: constructors refuse bad props before `super()`.
 */
export function constructPath(scope: IConstruct, id: string): string {
  return scope.node.path ? `${scope.node.path}/${id}` : id;
}
