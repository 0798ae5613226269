import * as kplus from 'cdk8s-plus-28';
import { ResolvedHardening } from './options';
import { invalid } from './refusal';

/** A container's declared ports, as the pod will hold them. */
export interface DeclaredPorts {
  readonly container: string;
  /** Where the container was given, for the message (`containers[1]`, `addContainer() container "sidecar"`). */
  readonly prop: string;
  readonly ports: ReadonlyArray<{ readonly number: number; readonly protocol?: string; readonly name?: string }>;
}

/** The ports of container props: `portNumber` (or the deprecated `port`) and `ports`, as cdk8s-plus renders them. */
export function portsOfProps(props: kplus.ContainerProps, prop: string): DeclaredPorts {
  const single = props.portNumber ?? props.port;
  const ports = [...(props.ports ?? [])];
  if (single !== undefined && !ports.some(p => p.number === single && (p.protocol ?? kplus.Protocol.TCP) === kplus.Protocol.TCP)) {
    ports.push({ number: single });
  }
  return { container: props.name ?? 'main', prop, ports };
}

/** The ports of a container that exists: cdk8s-plus keeps `portNumber` among `ports`. */
export function portsOfContainer(cont: kplus.Container, prop: string): DeclaredPorts {
  return { container: cont.name, prop, ports: cont.ports };
}

/**
 * Refuses a port number and protocol, or a port name, that two containers of one pod both declare. The containers
 * of a pod share its network namespace: the second one cannot bind the port (the API server warns "duplicate port
 * definition"), and a Service or probe naming the port would be ambiguous (the API server refuses duplicate names).
 * cdk8s-plus already refuses duplicates within one container.
 */
export function checkPodPorts(containers: DeclaredPorts[], o: ResolvedHardening): void {
  const byNumber = new Map<string, DeclaredPorts>();
  const byName = new Map<string, DeclaredPorts>();
  for (const c of containers) {
    for (const p of c.ports) {
      const key = `${p.number}/${p.protocol ?? kplus.Protocol.TCP}`;
      const other = byNumber.get(key);
      if (other && other !== c) {
        throw invalid(o.subject, `${c.prop} port`, key, `container "${other.container}" of the same pod already declares port ${key}, and `
          + 'containers of a pod share its network: give one of them another port');
      }
      byNumber.set(key, c);
      if (p.name) {
        const named = byName.get(p.name);
        if (named && named !== c) {
          throw invalid(o.subject, `${c.prop} port name`, p.name, `container "${named.container}" of the same pod already has a port named "${p.name}", `
            + 'and port names must be unique in a pod: give one of them another name');
        }
        byName.set(p.name, c);
      }
    }
  }
}
