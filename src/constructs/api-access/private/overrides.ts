import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SUPPRESS_ANNOTATION_PREFIX, SUPPRESS_EXPIRES_ANNOTATION_PREFIX } from '../../../engine/suppression';
import { RefusalSubject } from '../../workloads/private/refusal';
import { resolveOverrides } from '../../workloads/private/resolve-overrides';
import { ApiAccessCheck, ApiAccessOverride } from '../api-access-check';
import { API_ACCESS_CHECKS, WORKLOAD_RULE } from './checks';

/** The overrides by check, checked as every construct's overrides are. */
export function resolveApiAccessOverrides(
  subject: RefusalSubject, overrides: ApiAccessOverride[] | undefined,
): Map<ApiAccessCheck, ApiAccessOverride> {
  return resolveOverrides<ApiAccessCheck, ApiAccessOverride>(subject, overrides, 'ApiAccessCheck', Object.values(ApiAccessCheck));
}

/**
 * Writes each override as a suppression of its rbac rule on the Role, and once, with every reason, as a suppression
 * of the workload rule on the workload, whose ServiceAccount holds the permissions.
 */
export function recordOverrides(role: ApiObject, workload: kplus.AbstractPod, overrides: Map<ApiAccessCheck, ApiAccessOverride>): void {
  const accepted = [...overrides.values()];
  if (accepted.length === 0) return;
  for (const o of accepted) {
    const rule = API_ACCESS_CHECKS[o.check].rule;
    role.metadata.addAnnotation(`${SUPPRESS_ANNOTATION_PREFIX}${rule}`, o.reason.trim());
    if (o.expires !== undefined) role.metadata.addAnnotation(`${SUPPRESS_EXPIRES_ANNOTATION_PREFIX}${rule}`, o.expires);
  }
  const reason = accepted.length === 1 ? accepted[0].reason.trim() : accepted.map(o => `${o.check}: ${o.reason.trim()}`).join('; ');
  workload.metadata.addAnnotation(`${SUPPRESS_ANNOTATION_PREFIX}${WORKLOAD_RULE}`, reason);
  // The workload's suppression covers every accepted permission, so it lapses with the first of them.
  const expiries = accepted.map(o => o.expires).filter((e): e is string => e !== undefined).sort();
  if (expiries.length > 0) workload.metadata.addAnnotation(`${SUPPRESS_EXPIRES_ANNOTATION_PREFIX}${WORKLOAD_RULE}`, expiries[0]);
}
