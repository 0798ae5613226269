import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SynthesisOutput } from './synthesis-output';
import { ManifestObject } from '../../engine/manifest-object';
import { DeclaredSuppression } from '../../engine/suppression';
import { Suppressions } from '../suppressions';

/** An object to judge, as the cluster will see it, with the construct that rendered it. */
export interface CollectedObject {
  /** The ApiObject whose document the object came from (undefined if it could not be traced). */
  readonly apiObject?: ApiObject;
  /** True when the object is the ApiObject's whole document, not an item of a List it renders. */
  readonly whole: boolean;
  readonly object: ManifestObject;
}

/**
 * The objects under `scope` in a synthesis output (raw ApiObjects, cdk8s-plus objects, Include/Helm imports and
 * patched escape hatches alike, lists flattened), with the suppressions declared on their construct and its scopes.
 * An output that does not hold every object of the app (`Chart.toJson` of one chart, `Guardrails.check`) first gets
 * the missing objects of the scope rendered into it; their order is then the construct tree's.
 */
export function collectObjects(scope: IConstruct, output: SynthesisOutput): CollectedObject[] {
  const root = scope.node.root;
  const suppressions = new SuppressionLookup();
  const collected: CollectedObject[] = [];
  const add = (value: unknown, apiObject: ApiObject | undefined, whole: boolean) => {
    collected.push({
      apiObject,
      whole,
      object: ManifestObject.fromJson(value, apiObject
        ? { constructPath: apiObject.node.path, suppressions: suppressions.of(apiObject) }
        : {}),
    });
  };

  if (output.complete) {
    for (const o of output.objects()) {
      if (o.apiObject ? isUnder(o.apiObject, scope, root) : scope === root) add(o.value, o.apiObject, o.whole);
    }
    return collected;
  }

  const apiObjects = apiObjectsUnder(scope);
  output.include(apiObjects);
  const byOwner = new Map<ApiObject, Array<{ value: unknown; whole: boolean }>>();
  const untraced: Array<{ value: unknown }> = [];
  for (const o of output.objects()) {
    if (!o.apiObject) {
      untraced.push(o);
      continue;
    }
    const list = byOwner.get(o.apiObject) ?? [];
    list.push(o);
    byOwner.set(o.apiObject, list);
  }
  for (const apiObject of apiObjects) {
    for (const o of byOwner.get(apiObject) ?? []) add(o.value, apiObject, o.whole);
  }
  if (scope === root) untraced.forEach(o => add(o.value, undefined, false));
  return collected;
}

/** Every ApiObject under `scope`, in construct tree order. */
export function apiObjectsUnder(scope: IConstruct): ApiObject[] {
  return scope.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
}

function isUnder(apiObject: ApiObject, scope: IConstruct, root: IConstruct): boolean {
  return scope === root || apiObject === scope || apiObject.node.scopes.includes(scope);
}

/** The suppressions that apply to a construct: those declared on it and on every scope above it. */
class SuppressionLookup {
  private readonly memo = new Map<IConstruct, DeclaredSuppression[]>();

  public of(node: IConstruct): DeclaredSuppression[] {
    const known = this.memo.get(node);
    if (known) return known;
    const parent = node.node.scope;
    const inherited = parent ? this.of(parent) : [];
    const own = Suppressions._declared(node);
    const result = own.length ? [...inherited, ...own] : inherited;
    this.memo.set(node, result);
    return result;
  }
}
