import { ManifestObject } from '../../../engine/manifest-object';
import { ContainerRef, containersOf, isObject, PodTemplate, podTemplateOf } from '../../../private/pod-template';

/** The three container lists of a pod spec. */
export type ContainerField = ContainerRef['field'];

/** Every container list: regular, init and ephemeral containers. */
export const ALL_CONTAINER_FIELDS: ContainerField[] = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * Containers that can carry resources: ephemeral containers cannot (the API rejects `resources` on them).
 */
export const RESOURCE_CONTAINER_FIELDS: ContainerField[] = ['containers', 'initContainers'];

/** The pod template of the object and its containers of the given lists; undefined for objects that run no pods. */
export function podContainers(object: ManifestObject, fields: ContainerField[] = ALL_CONTAINER_FIELDS):
{ pod: PodTemplate; containers: ContainerRef[] } | undefined {
  const pod = podTemplateOf(object);
  if (!pod) return undefined;
  return { pod, containers: containersOf(pod).filter(ref => fields.includes(ref.field)) };
}

/** The container's securityContext, or an empty object when unset or malformed. */
export function securityContextOf(ref: ContainerRef): { [key: string]: any } {
  return isObject(ref.container.securityContext) ? ref.container.securityContext : {};
}

/** The pod's securityContext, or an empty object when unset or malformed. */
export function podSecurityContextOf(pod: PodTemplate): { [key: string]: any } {
  return isObject(pod.spec.securityContext) ? pod.spec.securityContext : {};
}

/** True when the pod declares itself a Windows pod, where Linux-only fields do not apply. */
export function isWindowsPod(pod: PodTemplate): boolean {
  return isObject(pod.spec.os) && pod.spec.os.name === 'windows';
}

/**
 * A sidecar: an init container with `restartPolicy: Always` (Kubernetes 1.28+), which keeps running next to the
 * regular containers and may carry probes.
 */
export function isSidecar(ref: ContainerRef): boolean {
  return ref.field === 'initContainers' && ref.container.restartPolicy === 'Always';
}
