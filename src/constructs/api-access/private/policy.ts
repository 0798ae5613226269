import * as kplus from 'cdk8s-plus-28';
import { DANGEROUS_PERMISSIONS } from '../../../rules/rbac/private/permissions';
import { grantOf, PolicyRule } from '../../../rules/rbac/private/policy-rules';
import { invalid, RefusalSubject } from '../../workloads/private/refusal';
import { ApiAccessCheck } from '../api-access-check';
import { ApiAccessRule } from '../api-access-rule';
import { API_ACCESS_CHECKS, checkOf } from './checks';
import { clusterScoped } from './cluster-scoped';

/** The verbs the API server authorizes on resources: the request verbs, and the RBAC and impersonation verbs. */
export const KNOWN_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'escalate', 'bind', 'impersonate'];

/** Verbs the authorizer checks without an object name, so resourceNames can never match them. */
const UNNAMED_VERBS = ['create', 'deletecollection'];

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const API_GROUP = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
const RESOURCE = new RegExp(`^${LABEL}(/${LABEL})?$`);

/** One rule of the Role, for one API group of one `ApiAccessRule`. */
export interface RenderedRule {
  /** Index of the `ApiAccessRule` it comes from, for messages. */
  readonly source: number;
  readonly apiGroup: string;
  readonly resources: string[];
  readonly verbs: string[];
  readonly resourceNames: string[];
}

/** A dangerous permission that a rule grants, and the check whose override accepts it. */
export interface DangerousGrant {
  readonly check: ApiAccessCheck;
  readonly rule: RenderedRule;
  /** What the rule grants of it: `get, list on secrets`. */
  readonly description: string;
}

/**
 * Validates the rules and renders them as Role rules: one per API group and name list, in the order given.
 * Wildcards, unknown verbs, empty lists, cluster-scoped resources and names on verbs that cannot be limited by name
 * are refused, with no override: each would grant more than it says, or nothing at all.
 */
export function renderRules(subject: RefusalSubject, rules: ApiAccessRule[] | undefined, namespace: string | undefined): RenderedRule[] {
  if (!Array.isArray(rules) || rules.length === 0) {
    throw invalid(subject, 'rules', rules === undefined ? 'unset' : '[]',
      'list the verbs and resources the workload calls, e.g. [{ verbs: [\'get\', \'watch\'], resources: [kplus.ApiResource.CONFIG_MAPS], resourceNames: [\'settings\'] }]');
  }
  const rendered: RenderedRule[] = [];
  rules.forEach((rule, i) => rendered.push(...renderRule(subject, rule, i, namespace)));
  return rendered;
}

function renderRule(subject: RefusalSubject, rule: ApiAccessRule, i: number, namespace: string | undefined): RenderedRule[] {
  const at = `rules[${i}]`;
  const verbs = checkVerbs(subject, rule?.verbs, at);
  if (!Array.isArray(rule.resources) || rule.resources.length === 0) {
    throw invalid(subject, `${at}.resources`, rule.resources === undefined ? 'unset' : '[]',
      'name the resources the verbs apply to, e.g. [kplus.ApiResource.CONFIG_MAPS]');
  }
  const names = checkNames(subject, rule.resourceNames, at);

  // One Role rule per API group and list of names: a rule's resourceNames apply to every resource it names.
  const groups = new Map<string, RenderedRule>();
  rule.resources.forEach((resource, j) => {
    const { group, type, name } = checkResource(subject, resource, `${at}.resources[${j}]`, namespace);
    if (name !== undefined && names.length > 0) {
      throw invalid(subject, `${at}.resources[${j}]`, `${type} "${name}"`,
        `it is one object already, and ${at}.resourceNames names others: pass its kind (e.g. kplus.ApiResource.CONFIG_MAPS) with resourceNames, or the object alone`);
    }
    const ruleNames = name !== undefined ? [name] : names;
    const unnamed = verbs.filter(v => UNNAMED_VERBS.includes(v));
    if (ruleNames.length > 0 && unnamed.length > 0) {
      throw invalid(subject, `${at}.verbs`, unnamed,
        `${unnamed.join(' and ')} cannot be limited by name (the authorizer does not know the name of an object before it exists, or for a whole collection), so this rule would grant no ${unnamed.join(' or ')} at all: put ${unnamed.join(' and ')} in a rule without resourceNames`);
    }
    const key = `${group}\0${ruleNames.join('\0')}`;
    const existing = groups.get(key);
    if (existing) {
      if (!existing.resources.includes(type)) existing.resources.push(type);
    } else {
      groups.set(key, { source: i, apiGroup: group, resources: [type], verbs, resourceNames: ruleNames });
    }
  });
  return [...groups.values()];
}

function checkVerbs(subject: RefusalSubject, verbs: string[] | undefined, at: string): string[] {
  if (!Array.isArray(verbs) || verbs.length === 0) {
    throw invalid(subject, `${at}.verbs`, verbs === undefined ? 'unset' : '[]', 'list the verbs the workload calls, e.g. [\'get\', \'watch\']');
  }
  verbs.forEach((verb, j) => {
    if (typeof verb === 'string' && verb.includes('*')) {
      throw invalid(subject, `${at}.verbs[${j}]`, verb,
        'a wildcard grants every verb, including every one added later: list the verbs the workload calls, e.g. [\'get\', \'list\', \'watch\']');
    }
    if (!KNOWN_VERBS.includes(verb)) {
      throw invalid(subject, `${at}.verbs[${j}]`, verb, `the API server authorizes no such verb on resources: use one of ${KNOWN_VERBS.join(', ')}`);
    }
  });
  return verbs.filter((v, j) => verbs.indexOf(v) === j);
}

function checkNames(subject: RefusalSubject, names: string[] | undefined, at: string): string[] {
  if (names === undefined) return [];
  if (!Array.isArray(names) || names.length === 0) {
    throw invalid(subject, `${at}.resourceNames`, '[]', 'omit resourceNames to allow every object of the resources, or name the objects');
  }
  names.forEach((name, j) => {
    if (typeof name !== 'string' || name.trim() === '') {
      throw invalid(subject, `${at}.resourceNames[${j}]`, name, 'give the name of an object');
    }
    if (name.includes('*')) {
      throw invalid(subject, `${at}.resourceNames[${j}]`, name, 'resourceNames are exact object names, RBAC has no patterns: list each name');
    }
  });
  return names.filter((n, j) => names.indexOf(n) === j);
}

function checkResource(
  subject: RefusalSubject, resource: kplus.IApiResource, at: string, namespace: string | undefined,
): { group: string; type: string; name?: string } {
  if (!resource || typeof resource.resourceType !== 'string' || typeof resource.apiGroup !== 'string') {
    throw invalid(subject, at, resource, 'give a kplus.ApiResource (e.g. kplus.ApiResource.CONFIG_MAPS, or kplus.ApiResource.custom({ apiGroup, resourceType })) or a cdk8s-plus object');
  }
  // cdk8s-plus writes the core group as "core" in some places; RBAC names it "".
  const group = resource.apiGroup === 'core' ? '' : resource.apiGroup;
  const type = resource.resourceType;
  if (group.includes('*')) {
    throw invalid(subject, `${at} apiGroup`, group, 'a wildcard grants the resources of every API group, including ones installed later: name the group, e.g. "apps"');
  }
  if (group !== '' && !API_GROUP.test(group)) {
    throw invalid(subject, `${at} apiGroup`, group, 'give the API group without a version, e.g. "apps" or "coordination.k8s.io" ("" for the core group)');
  }
  if (type.includes('*')) {
    throw invalid(subject, `${at} resourceType`, type, 'a wildcard grants every resource, including Secrets and every one added later: name the resources, e.g. "configmaps"');
  }
  if (!RESOURCE.test(type)) {
    throw invalid(subject, `${at} resourceType`, type, 'give the lowercase plural of the resource, optionally with a subresource, e.g. "configmaps" or "pods/log"');
  }
  const scoped = clusterScoped(group, type);
  if (scoped) {
    const danger = scoped.permission ? ` (a ClusterRole granting it would let the workload ${scoped.permission.phrase})` : '';
    throw invalid(subject, `${at}`, `${group ? `${group}/` : ''}${type}`,
      `it is cluster-scoped, so a Role in ${namespaceLabel(namespace)} grants nothing on it${danger}: ApiAccess grants access in the workload's namespace only; remove it`);
  }
  const name = resource.resourceName;
  if (name !== undefined && (typeof name !== 'string' || name === '' || name.includes('*'))) {
    throw invalid(subject, `${at} resourceName`, name, 'give the exact name of one object, or no name for every object');
  }
  return { group, type, name };
}

/** The rule as the rbac rules parse it, so the construct judges it with their code. */
export function asPolicyRule(rule: RenderedRule, index: number): PolicyRule {
  return {
    index,
    path: `rules[${index}]`,
    apiGroups: [rule.apiGroup],
    resources: rule.resources,
    verbs: rule.verbs,
    resourceNames: rule.resourceNames,
    nonResourceURLs: [],
  };
}

/** The dangerous permissions of the rbac table that the rules grant in the namespace, as the rbac rules decide. */
export function dangerousGrants(rules: RenderedRule[]): DangerousGrant[] {
  const found: DangerousGrant[] = [];
  rules.forEach((rule, index) => {
    for (const permission of DANGEROUS_PERMISSIONS) {
      const grant = grantOf(asPolicyRule(rule, index), permission, { explicitOnly: false, namespaced: true });
      if (!grant) continue;
      const check = checkOf(permission);
      if (!check) throw new Error(`internal: the rbac permission "${permission.phrase}" is granted by a Role but has no ApiAccessCheck`);
      found.push({ check, rule, description: grant.description });
    }
  });
  return found;
}

/** The Role rule as Kubernetes JSON. */
export function toKubeRule(rule: RenderedRule): kplus.k8s.PolicyRule {
  return {
    apiGroups: [rule.apiGroup],
    resources: [...rule.resources],
    verbs: [...rule.verbs],
    ...(rule.resourceNames.length > 0 ? { resourceNames: [...rule.resourceNames] } : {}),
  };
}

/** `namespace shop`, or `the workload's namespace` when it sets none. */
export function namespaceLabel(namespace: string | undefined): string {
  return namespace ? `namespace ${namespace}` : 'the workload\'s namespace';
}

/** The fix of a refused dangerous permission. */
export function fixOf(check: ApiAccessCheck): string {
  return API_ACCESS_CHECKS[check].fix;
}
