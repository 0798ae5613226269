import { ManifestObject } from '../../../engine/manifest-object';
import { isObject } from '../../../private/pod-template';

/** One entry of a Role's or ClusterRole's `rules`, parsed once. */
export interface PolicyRule {
  readonly index: number;
  /** Dotted path, e.g. `rules[0]`. */
  readonly path: string;
  readonly apiGroups: string[];
  readonly resources: string[];
  readonly verbs: string[];
  readonly resourceNames: string[];
  readonly nonResourceURLs: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

// Rules are read by several rules per object (and by the workload rule for every pod bound to the role): parse
// them once per object. The manifests are read-only during an evaluation.
const PARSED = new WeakMap<ManifestObject, PolicyRule[]>();

/** The rules of a Role or ClusterRole, skipping entries that are not objects. */
export function policyRulesOf(role: ManifestObject): PolicyRule[] {
  let rules = PARSED.get(role);
  if (!rules) {
    rules = [];
    const list = role.manifest?.rules;
    if (Array.isArray(list)) {
      list.forEach((r, index) => {
        if (!isObject(r)) return;
        rules!.push({
          index,
          path: `rules[${index}]`,
          apiGroups: strings(r.apiGroups),
          resources: strings(r.resources),
          verbs: strings(r.verbs),
          resourceNames: strings(r.resourceNames),
          nonResourceURLs: strings(r.nonResourceURLs),
        });
      });
    }
    PARSED.set(role, rules);
  }
  return rules;
}

/** A resource a rule may name: `pods`, or `pods/exec` for a subresource. */
function resourceMatches(ruleResources: string[], resource: string, explicitOnly: boolean): boolean {
  if (ruleResources.includes(resource)) return true;
  if (explicitOnly) return false;
  if (ruleResources.includes('*')) return true;
  // A rule resource "*" + "/scale" names the scale subresource of every resource, as the authorizer reads it.
  const slash = resource.indexOf('/');
  return slash > 0 && ruleResources.includes(`*${resource.slice(slash)}`);
}

/**
 * Whether a rule allows a request (verb on resource of an API group), as the RBAC authorizer decides: `*` in
 * apiGroups, resources or verbs matches everything. With `explicitOnly`, the verb and the resource must be named
 * (a wildcard apiGroups still counts): the wildcard rules report what only a wildcard grants.
 */
export function ruleAllows(rule: PolicyRule, group: string, resource: string, verb: string, explicitOnly: boolean): boolean {
  if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(group)) return false;
  if (!resourceMatches(rule.resources, resource, explicitOnly)) return false;
  return rule.verbs.includes(verb) || (!explicitOnly && rule.verbs.includes('*'));
}

/** A family of requests that make a permission dangerous. */
export interface PermissionRequests {
  readonly groups: string[];
  readonly resources: string[];
  readonly verbs: string[];
  /** True for cluster-scoped resources, which a Role or a RoleBinding never grants. */
  readonly clusterScoped?: boolean;
  /**
   * True when a rule limited by resourceNames does not grant these requests: `create` cannot be limited by name
   * (the name of a new object is not known when it is authorized), so such a rule allows no create at all.
   */
  readonly namesLimit?: boolean;
}

/** A dangerous permission: what it lets a subject do and which requests grant it. */
export interface Permission {
  /** What the subject may do, completed by where: `read every Secret` (in the cluster). */
  readonly phrase: string;
  readonly requests: PermissionRequests[];
  /**
   * True when a rule limited by resourceNames does not grant any of it: reading named Secrets is least privilege.
   * (`PermissionRequests.namesLimit` says the same of some requests only.)
   */
  readonly namesLimit?: boolean;
}

/** What one rule grants of one permission. */
export interface PermissionGrant {
  readonly rule: PolicyRule;
  /** The matching requests, `get, list on secrets` style. */
  readonly description: string;
}

/**
 * The requests of the permission that a rule allows, or undefined when it allows none. `namespaced` drops the
 * cluster-scoped requests (the rule of a Role, or a ClusterRole bound by a RoleBinding).
 */
export function grantOf(
  rule: PolicyRule, permission: Permission, options: { explicitOnly: boolean; namespaced: boolean },
): PermissionGrant | undefined {
  if (permission.namesLimit && rule.resourceNames.length > 0) return undefined;
  const byResource = new Map<string, string[]>();
  for (const request of permission.requests) {
    if (options.namespaced && request.clusterScoped) continue;
    if (request.namesLimit && rule.resourceNames.length > 0) continue;
    for (const group of request.groups) {
      for (const resource of request.resources) {
        for (const verb of request.verbs) {
          if (!ruleAllows(rule, group, resource, verb, options.explicitOnly)) continue;
          const verbs = byResource.get(resource) ?? [];
          if (!verbs.includes(verb)) verbs.push(verb);
          byResource.set(resource, verbs);
        }
      }
    }
  }
  if (byResource.size === 0) return undefined;
  // Group the resources by the verbs allowed on them: `create on pods, deployments; get on pods/exec`.
  const byVerbs = new Map<string, string[]>();
  for (const [resource, verbs] of byResource) {
    const key = verbs.join(', ');
    byVerbs.set(key, [...(byVerbs.get(key) ?? []), resource]);
  }
  const description = [...byVerbs].map(([verbs, resources]) => `${verbs} on ${resources.join(', ')}`).join('; ');
  return { rule, description };
}

/** Wildcards of a rule, as written: `verbs ["*"]`, `resources ["*"]` (a resource "*" + "/scale" counts), `apiGroups ["*"]`. */
export function wildcardsOf(rule: PolicyRule): string[] {
  const found: string[] = [];
  const verbs = rule.verbs.filter(v => v === '*');
  const resources = rule.resources.filter(r => r === '*' || r.startsWith('*/'));
  const groups = rule.apiGroups.filter(g => g === '*');
  if (verbs.length) found.push(`verbs [${verbs.map(v => `"${v}"`).join(', ')}]`);
  if (resources.length) found.push(`resources [${resources.map(r => `"${r}"`).join(', ')}]`);
  if (groups.length) found.push(`apiGroups [${groups.map(g => `"${g}"`).join(', ')}]`);
  return found;
}

/** What a wildcard rule lets a subject do: `use every verb on every resource of every API group`. */
export function wildcardPhrase(rule: PolicyRule): string {
  const verbs = rule.verbs.includes('*') ? 'use every verb' : `${rule.verbs.join(', ') || 'no verb'}`;
  const resources = rule.resources.includes('*')
    ? 'every resource'
    : (rule.resources.length ? rule.resources.join(', ') : rule.nonResourceURLs.map(u => `"${u}"`).join(', ') || 'no resource');
  const groups = rule.resources.length === 0 ? '' : rule.apiGroups.includes('*') ? ' of every API group' : ` of API group${rule.apiGroups.length === 1 ? '' : 's'} ${rule.apiGroups.map(g => `"${g}"`).join(', ')}`;
  return `${verbs} on ${resources}${groups}`;
}
