import { parseQuantity } from './quantity';
import { ManifestObject } from '../../../engine/manifest-object';
import { RuleContext } from '../../../engine/rule-context';
import { effectiveNamespace } from '../../network/private/namespaces';

/** A ResourceQuota of the app that applies to every object of its namespace (no scopes). */
export interface NamespaceQuota {
  readonly object: ManifestObject;
  /** `spec.hard`, each value read as a quantity (unreadable values left out). */
  readonly hard: Map<string, number>;
  /** `spec.hard` as written, for messages. */
  readonly written: { [key: string]: string };
}

/**
 * The ResourceQuotas of each namespace that hold for all of its objects. Quotas with `scopes` or a `scopeSelector`
 * apply to some pods only and are left out, so no finding rests on a guess about which pods they cover.
 */
export function quotasByNamespace(context: RuleContext): Map<string, NamespaceQuota[]> {
  return context._memoize('namespace:quotas-by-namespace', () => {
    const index = new Map<string, NamespaceQuota[]>();
    for (const object of context.objectsOfKind('ResourceQuota', '')) {
      const spec = object.manifest?.spec ?? {};
      if ((Array.isArray(spec.scopes) && spec.scopes.length > 0) || spec.scopeSelector) continue;
      const written: { [key: string]: string } = {};
      const hard = new Map<string, number>();
      for (const [key, value] of Object.entries(spec.hard ?? {})) {
        const amount = parseQuantity(value);
        if (amount === undefined) continue;
        written[key] = String(value);
        hard.set(key, amount);
      }
      const ns = effectiveNamespace(object)!;
      if (!index.has(ns)) index.set(ns, []);
      index.get(ns)!.push({ object, hard, written });
    }
    return index;
  });
}

/** `ResourceQuota shop/default-quota`. */
export function quotaName(q: NamespaceQuota): string {
  return `ResourceQuota ${q.object.namespace ?? 'default'}/${q.object.name}`;
}
