import { podSpecLocation } from '../private/pod-spec-paths';

/**
 * The API groups built into Kubernetes. Custom resources live in other groups (a CRD's group must contain a dot and
 * is never one of these), so their objects are passed over.
 */
const BUILT_IN_GROUPS = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'extensions',
  'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'authentication.k8s.io',
  'authorization.k8s.io', 'certificates.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io',
  'flowcontrol.apiserver.k8s.io', 'internal.apiserver.k8s.io', 'networking.k8s.io', 'node.k8s.io',
  'rbac.authorization.k8s.io', 'resource.k8s.io', 'scheduling.k8s.io', 'storage.k8s.io', 'storagemigration.k8s.io',
]);

/** Groups of custom resources that rules read: the External Secrets Operator, the secrets backend the library builds on. */
const UNDERSTOOD_CUSTOM_GROUPS = new Set(['external-secrets.io']);

/** Kinds passed over even in a built-in group: a CRD describes other objects and runs nothing itself. */
const PASSED_OVER_KINDS = new Set(['CustomResourceDefinition']);

/**
 * Whether scan evaluates a top-level value. It is "understood" when it is a mapping with string `apiVersion` and
 * `kind` and a `metadata` mapping, in a built-in API group, the External Secrets group, or one of the pod-bearing
 * custom resources of pod-spec-paths.ts, and not a CRD. Everything else (scalars, lists of values, Helm values
 * files, other custom resources, CRDs) is passed over and counted in the report's `skipped`.
 */
export function isUnderstood(value: unknown): boolean {
  return whySkipped(value) === undefined;
}

/** Why a top-level value is passed over, in a few words for the report, or undefined when it is evaluated. */
export function whySkipped(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a Kubernetes object';
  const object = value as { [key: string]: unknown };
  const { apiVersion, kind, metadata } = object;
  if (typeof apiVersion !== 'string' || !apiVersion || typeof kind !== 'string' || !kind) return 'not a Kubernetes object (no apiVersion and kind)';
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return 'not a Kubernetes object (no metadata)';
  if (PASSED_OVER_KINDS.has(kind)) return 'a CRD describes other objects and runs nothing';
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  if (BUILT_IN_GROUPS.has(group) || UNDERSTOOD_CUSTOM_GROUPS.has(group) || podSpecLocation(kind, group)) return undefined;
  return 'a custom resource no rule reads';
}
