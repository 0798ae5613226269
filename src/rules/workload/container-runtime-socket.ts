import { hostPathVolumes, isSameOrAncestor, RUNTIME_SOCKETS } from './private/host-paths';
import { CEL_HOST_PATHS, celSameOrAncestor } from './private/host-paths-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, celStrings } from '../../private/cel-form';
import { podTemplateOf } from '../../private/pod-template';

/** The CEL form: no normalized host path other than `/` is a runtime socket or a directory that contains one. */
export const CONTAINER_RUNTIME_SOCKET_CEL: CelForm = {
  target: CelTarget.POD,
  compliant: `${CEL_HOST_PATHS}.all(p, p == '/' || !${celStrings(Object.keys(RUNTIME_SOCKETS))}.exists(s, ${celSameOrAncestor('p', 's')}))`,
  problem: 'mounts a container runtime socket (or a directory that contains one) from the host',
};

/**
 * No hostPath volume exposes a container runtime socket (Docker, containerd, CRI-O, Podman): neither the socket
 * itself nor a directory that contains it (`/var/run`, `/run/containerd`, ...). The root directory `/` is left to
 * the sensitive-host-path rule.
 */
export class ContainerRuntimeSocketCheck implements IRuleCheck {
  public readonly celForm = CONTAINER_RUNTIME_SOCKET_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    for (const volume of hostPathVolumes(pod.spec, pod.specPath)) {
      if (volume.hostPath === '/') continue;
      const socket = Object.keys(RUNTIME_SOCKETS).find(s => isSameOrAncestor(volume.hostPath, s));
      if (!socket) continue;
      violations.push({
        message: volume.hostPath === socket
          ? `volume "${volume.name}" mounts host path ${volume.hostPath}, ${RUNTIME_SOCKETS[socket]}`
          : `volume "${volume.name}" mounts host path ${volume.hostPath}, which contains ${socket} (${RUNTIME_SOCKETS[socket]})`,
        path: volume.path,
      });
    }
    return violations;
  }
}
