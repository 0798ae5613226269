import * as kplus from 'cdk8s-plus-28';
import { invalid, RefusalSubject } from '../../workloads/private/refusal';

/**
 * The containers that get the token: the ones given (each a container of the workload), or the workload's only
 * container; none may mount something at the mount path already.
 */
export function resolveContainers(
  subject: RefusalSubject, workload: kplus.AbstractPod, given: kplus.Container[] | undefined, mountPath: string,
): kplus.Container[] {
  let containers: kplus.Container[];
  if (given === undefined) {
    if (workload.containers.length !== 1) {
      throw invalid(subject, 'containers', 'unset', `${workload.node.path} has ${workload.containers.length} containers: `
        + 'name the ones that call the API, e.g. containers: [workload.containers[0]]; the token goes only to the containers that use it');
    }
    containers = workload.containers;
  } else {
    if (given.length === 0) {
      throw invalid(subject, 'containers', '[]', 'name the containers that call the API, or omit containers for the workload\'s only container');
    }
    given.forEach((c, i) => {
      if (!workload.containers.includes(c) && !workload.initContainers.includes(c)) {
        throw invalid(subject, `containers[${i}]`, c?.name, `it is not a container of ${workload.node.path}: pass one of its containers`);
      }
    });
    containers = given.filter((c, i) => given.indexOf(c) === i);
  }
  for (const c of containers) {
    if (c.mounts.some(m => m.path === mountPath)) {
      throw invalid(subject, 'mountPath', mountPath, `container "${c.name}" already mounts something there: give ApiAccess another mountPath`);
    }
  }
  return containers;
}
