import { ContainerRef, containersOf, isObject, PodTemplate } from '../../../private/pod-template';
import { isSidecar } from '../../workload/private/containers';

/** One `ports[]` entry of a container. */
export interface DeclaredPort {
  readonly name?: string;
  readonly number?: number;
  readonly protocol: string;
}

/** The containers that serve traffic: regular containers and sidecars (init containers with restartPolicy Always). */
export function servingContainers(pod: PodTemplate): ContainerRef[] {
  return containersOf(pod).filter(c => c.field === 'containers' || isSidecar(c));
}

/** The ports a container declares. */
export function portsOf(container: any): DeclaredPort[] {
  return (Array.isArray(container.ports) ? container.ports : []).filter(isObject).map((p: any) => ({
    name: typeof p.name === 'string' && p.name ? p.name : undefined,
    number: typeof p.containerPort === 'number' ? p.containerPort : undefined,
    protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
  }));
}

/** The port names the serving containers of a pod declare, as the endpoints controller and network plugins resolve them. */
export function podPortNames(pod: PodTemplate): Set<string> {
  const names = new Set<string>();
  for (const c of servingContainers(pod)) for (const p of portsOf(c.container)) if (p.name) names.add(p.name);
  return names;
}
