import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ManifestObject } from '../../engine/manifest-object';
import { DeclaredSuppression } from '../../engine/suppression';
import { Suppressions } from '../suppressions';

/** A rendered object with the construct that rendered it. */
export interface CollectedObject {
  readonly apiObject: ApiObject;
  readonly object: ManifestObject;
}

/**
 * Renders every ApiObject under `scope` (raw ApiObjects, cdk8s-plus objects, Include/Helm imports, patched
 * escape hatches alike) and attaches the suppressions declared on it and on its scopes.
 */
export function collectObjects(scope: IConstruct): CollectedObject[] {
  const collected: CollectedObject[] = [];
  const inherited = new Map<IConstruct, DeclaredSuppression[]>();
  const above = scope.node.scopes.slice(0, -1).flatMap(s => Suppressions._declared(s));
  for (const node of scope.node.findAll()) {
    const parent = node.node.scope;
    const fromParent = node === scope ? above : (parent ? inherited.get(parent) ?? [] : []);
    const own = Suppressions._declared(node);
    const suppressions = own.length ? [...fromParent, ...own] : fromParent;
    inherited.set(node, suppressions);
    if (ApiObject.isApiObject(node)) {
      collected.push({
        apiObject: node,
        object: ManifestObject.fromJson(node.toJson(), { constructPath: node.node.path, suppressions }),
      });
    }
  }
  return collected;
}
