import { ManifestObject } from '../../../engine/manifest-object';
import { ContainerRef, containersOf, isObject, PodTemplate, podTemplateOf } from '../../../private/pod-template';

/** What every PSS check reads: the pod template of a pod-bearing object and all of its containers. */
export interface PssPod {
  readonly template: PodTemplate;
  /** `containers`, `initContainers` and `ephemeralContainers`, as the admission code visits all three. */
  readonly containers: ContainerRef[];
}

/** The pod of a pod-bearing object, or undefined for any other object (PSS checks then report nothing). */
export function pssPodOf(object: ManifestObject): PssPod | undefined {
  const template = podTemplateOf(object);
  if (!template) return undefined;
  // The 19 checks ask for the same object's pod one after the other: one PssPod for all of them.
  if (template !== lastPod?.template) lastPod = { template, containers: containersOf(template) };
  return lastPod;
}

let lastPod: PssPod | undefined;

/** `value[key]` when it is a JSON object; undefined for anything else, so odd shapes read as "unset". */
export function objectAt(value: unknown, key: string): { [key: string]: any } | undefined {
  if (!isObject(value)) return undefined;
  const child = value[key];
  return isObject(child) ? child : undefined;
}

/** `value[key]` when it is an array; an empty list otherwise. */
export function arrayAt(value: unknown, key: string): unknown[] {
  if (!isObject(value)) return [];
  const child = value[key];
  return Array.isArray(child) ? child : [];
}

/** The pod-level `securityContext`, when it is an object. */
export function podSecurityContext(pod: PssPod): { [key: string]: any } | undefined {
  return objectAt(pod.template.spec, 'securityContext');
}

/** A container's `securityContext`, when it is an object. */
export function containerSecurityContext(ref: ContainerRef): { [key: string]: any } | undefined {
  return objectAt(ref.container, 'securityContext');
}

/** True for `spec.os.name: windows`, which exempts a pod from the Linux-only restricted checks from 1.25. */
export function isWindowsPod(pod: PssPod): boolean {
  return objectAt(pod.template.spec, 'os')?.name === 'windows';
}

/**
 * True for `spec.hostUsers: false` (a pod in its own user namespace), which relaxes `procMount` (baseline),
 * `runAsNonRoot` and `runAsUser` from 1.35. Only an explicit boolean `false` counts, as in the admission code.
 */
export function usesUserNamespace(pod: PssPod): boolean {
  return pod.template.spec.hostUsers === false;
}

/** How messages show a value: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}

/** How messages show several values: `"A", "B"`. */
export function showAll(values: unknown[]): string {
  return values.map(show).join(', ');
}
