import { BENIGN_HOST_PATHS, hostPathVolumes, isSameOrAncestor, SENSITIVE_HOST_PATHS } from './private/host-paths';
import { celAnyAtOrAbove, CEL_HOST_PATHS, celSameOrAncestor } from './private/host-paths-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, celStrings } from '../../private/cel-form';
import { podTemplateOf } from '../../private/pod-template';

/**
 * The CEL form: no normalized host path is `/`, and each is a benign file (or below one), or neither inside nor
 * above a sensitive directory.
 */
export const SENSITIVE_HOST_PATH_CEL: CelForm = {
  target: CelTarget.POD,
  compliant: `${CEL_HOST_PATHS}.all(p, p != '/' && (${celAnyAtOrAbove(BENIGN_HOST_PATHS, 'p')}`
    + ` || !${celStrings(Object.keys(SENSITIVE_HOST_PATHS))}.exists(d, ${celSameOrAncestor('d', 'p')} || ${celSameOrAncestor('p', 'd')})))`,
  problem: 'mounts a sensitive host directory (the root, a system directory, or one that contains one)',
};

/**
 * No hostPath volume mounts a sensitive host directory (`SENSITIVE_HOST_PATHS`), anything below one, a directory
 * that contains one (`/var` contains `/var/lib/kubelet`), or the root `/`. A few harmless files such as
 * `/etc/localtime` are allowed (`BENIGN_HOST_PATHS`).
 */
export class SensitiveHostPathCheck implements IRuleCheck {
  public readonly celForm = SENSITIVE_HOST_PATH_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    for (const volume of hostPathVolumes(pod.spec, pod.specPath)) {
      const message = describe(volume.hostPath);
      if (message) violations.push({ message: `volume "${volume.name}" mounts host path ${volume.hostPath}${message}`, path: volume.path });
    }
    return violations;
  }
}

function describe(hostPath: string): string | undefined {
  if (hostPath === '/') return ', the whole host filesystem';
  if (BENIGN_HOST_PATHS.some(b => isSameOrAncestor(b, hostPath))) return undefined;
  const dirs = Object.keys(SENSITIVE_HOST_PATHS);
  const inside = dirs.find(d => isSameOrAncestor(d, hostPath));
  if (inside) return inside === hostPath ? `, ${SENSITIVE_HOST_PATHS[inside]}` : ` (under ${inside}: ${SENSITIVE_HOST_PATHS[inside]})`;
  const contains = dirs.find(d => isSameOrAncestor(hostPath, d));
  if (contains) return `, which contains ${contains} (${SENSITIVE_HOST_PATHS[contains]})`;
  return undefined;
}
