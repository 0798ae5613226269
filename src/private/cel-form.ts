import { IRuleCheck, Rule } from '../engine/rule';

/**
 * The CEL form of a rule whose verdict depends on one object: the same check as the rule's TypeScript logic, stated
 * for a ValidatingAdmissionPolicy on the object as the API server holds it after decoding, defaulting and validation
 * (so fields are well-typed: no malformed values to guard against, but defaults already applied). A check class
 * carries its form as `celForm` next to its `check`; AdmissionGuardrails collects the forms of the rules it is
 * given, and the cluster tests hold each form against its rule on the rule's fixtures and the conformance corpus.
 */
export interface CelForm {
  readonly target: CelTarget;
  /**
   * When the object complies. For CONTAINERS: a predicate on one container `c`. For POD: an expression on the pod
   * spec (`variables.podSpec`). For OBJECT: an expression on `object`.
   */
  readonly compliant: string;
  /** For CONTAINERS: the container lists the predicate applies to. */
  readonly containerLists?: ContainerList[];
  /** For CONTAINERS and POD: an expression that holds for pods the rule does not judge (Windows pods for Linux-only settings). */
  readonly exempt?: string;
  /** For OBJECT: the kinds the policy matches. */
  readonly resources?: CelResources[];
  /** What the message says of an offending container, pod or object, before the fix. */
  readonly problem: string;
}

/** What a policy matches, and what its expression reads. */
export enum CelTarget {
  /** The pod-bearing kinds; `compliant` is a predicate on one container `c`. */
  CONTAINERS = 'containers',
  /** The pod-bearing kinds; `compliant` is an expression on the pod spec (`variables.podSpec`). */
  POD = 'pod',
  /** The kinds of `resources`; `compliant` is an expression on `object`. */
  OBJECT = 'object',
}

/** A container list of the pod spec; `sidecars` are the init containers with `restartPolicy: Always`. */
export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers' | 'sidecars';

/** One resource rule of a policy's matchConstraints (operations are added by the policy). */
export interface CelResources {
  readonly apiGroups: string[];
  readonly apiVersions: string[];
  readonly resources: string[];
}

/** A check that has a CEL form. */
export interface CelExpressibleCheck extends IRuleCheck {
  readonly celForm: CelForm;
}

/** A check of one object that has no CEL form, with the reason (a sentence RULES.md prints). */
export interface CelInexpressibleCheck extends IRuleCheck {
  readonly noCelForm: string;
}

/**
 * The rule's CEL form, if its check has one. A rule whose check was replaced (`withCheck`) has the new check's
 * form, so a version-limited or configured variant never inherits a form that says something else.
 */
export function celFormOf(rule: Rule): CelForm | undefined {
  const form = (rule.check as Partial<CelExpressibleCheck>).celForm;
  return form && typeof form.compliant === 'string' ? form : undefined;
}

/** Why the rule's check, though it reads one object only, has no CEL form; undefined when it has one or none is declared. */
export function noCelFormReasonOf(rule: Rule): string | undefined {
  const reason = (rule.check as Partial<CelInexpressibleCheck>).noCelForm;
  return typeof reason === 'string' ? reason : undefined;
}

/** Every container list. */
export const ALL_CONTAINERS: ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];
/** The containers that can carry resources (the API refuses `resources` on ephemeral containers). */
export const RESOURCE_CONTAINERS: ContainerList[] = ['containers', 'initContainers'];
/** Containers that can serve and carry probes: regular ones and sidecars. */
export const SERVING_CONTAINERS: ContainerList[] = ['containers', 'sidecars'];

/** Holds for a pod that declares itself a Windows pod, where Linux-only fields do not apply. */
export const WINDOWS_POD = "has(variables.podSpec.os) && has(variables.podSpec.os.name) && variables.podSpec.os.name == 'windows'";

/** The containers of the pod spec in the given lists, in the rules' order. */
export function containersExpression(lists: ContainerList[]): string {
  return lists.map(l => (l === 'sidecars'
    ? "(has(variables.podSpec.initContainers) ? variables.podSpec.initContainers.filter(i, has(i.restartPolicy) && i.restartPolicy == 'Always') : [])"
    : `(has(variables.podSpec.${l}) ? variables.podSpec.${l} : [])`)).join(' + ');
}

/** A CEL string literal. */
export function celString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A CEL list of string literals. */
export function celStrings(texts: readonly string[]): string {
  return `[${texts.map(celString).join(', ')}]`;
}
