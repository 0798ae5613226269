import * as kplus from 'cdk8s-plus-28';
import { invalid, RefusalSubject } from './refusal';
import { HardenedVolumeClaim } from '../volume-claim';

/** A claim checked at construction, with its size rendered once. */
export interface ResolvedVolumeClaim {
  readonly claim: HardenedVolumeClaim;
  readonly gibibytes: number;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Refuses what the API server would: a bad name, a relative path, a size that is not whole GiB, a duplicate. */
export function resolveVolumeClaims(subject: RefusalSubject, claims: HardenedVolumeClaim[] | undefined): ResolvedVolumeClaim[] {
  const seen = new Set<string>();
  const paths = new Set<string>();
  return (claims ?? []).map((claim, i) => {
    const prop = `volumeClaims[${i}]`;
    if (typeof claim.name !== 'string' || claim.name.length > 63 || !DNS_LABEL.test(claim.name)) {
      throw invalid(subject, `${prop}.name`, claim.name, 'give a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit');
    }
    if (seen.has(claim.name)) {
      throw invalid(subject, `${prop}.name`, claim.name, 'each claim needs a name of its own');
    }
    seen.add(claim.name);
    if (typeof claim.mountPath !== 'string' || !claim.mountPath.startsWith('/') || claim.mountPath === '/') {
      throw invalid(subject, `${prop}.mountPath`, claim.mountPath, 'give an absolute path below the root, e.g. "/var/lib/postgresql"');
    }
    if (paths.has(claim.mountPath)) {
      throw invalid(subject, `${prop}.mountPath`, claim.mountPath, 'each claim needs a path of its own');
    }
    paths.add(claim.mountPath);
    if (claim.containers !== undefined && claim.containers.length === 0) {
      throw invalid(subject, `${prop}.containers`, [], 'name at least one container, or leave containers out to mount the claim into every container (the API server refuses a claim no container mounts)');
    }
    let gibibytes: number;
    try {
      gibibytes = claim.storage.toGibibytes();
    } catch {
      throw invalid(subject, `${prop}.storage`, `${claim.storage.toKibibytes() / 1024 / 1024} GiB`, 'give a whole number of GiB, e.g. Size.gibibytes(20)');
    }
    if (!(gibibytes >= 1)) {
      throw invalid(subject, `${prop}.storage`, `${gibibytes} GiB`, 'give at least Size.gibibytes(1)');
    }
    return { claim, gibibytes };
  });
}

/** The `volumeClaimTemplates` of the StatefulSet spec. */
export function claimTemplates(claims: ResolvedVolumeClaim[]): kplus.k8s.KubePersistentVolumeClaimProps[] {
  return claims.map(({ claim, gibibytes }) => ({
    metadata: { name: claim.name },
    spec: {
      accessModes: claim.accessModes ?? [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
      resources: { requests: { storage: kplus.k8s.Quantity.fromString(`${gibibytes}Gi`) } },
      ...(claim.storageClassName !== undefined ? { storageClassName: claim.storageClassName } : {}),
    },
  }));
}

/** Whether the claim is mounted into the container: a named one, or every regular container by default. */
export function mountsInto(claim: HardenedVolumeClaim, containerName: string, init: boolean): boolean {
  return claim.containers ? claim.containers.includes(containerName) : !init;
}

/** The claims' mounts added to a rendered container. */
export function withClaimMounts(container: kplus.k8s.Container, claims: ResolvedVolumeClaim[], init: boolean): kplus.k8s.Container {
  const mounts = claims.filter(c => mountsInto(c.claim, container.name, init)).map(c => ({ name: c.claim.name, mountPath: c.claim.mountPath }));
  return mounts.length === 0 ? container : { ...container, volumeMounts: [...(container.volumeMounts ?? []), ...mounts] };
}

/**
 * What the final pod makes impossible, found at synthesis: a named container that does not exist, a claim whose
 * name is also a pod volume, or a path the container already mounts something at.
 */
export function claimProblems(subject: RefusalSubject, claims: ResolvedVolumeClaim[], workload: kplus.Workload): string[] {
  const problems: string[] = [];
  const containers = [
    ...workload.containers.map(c => ({ c, init: false })),
    ...workload.initContainers.map(c => ({ c, init: true })),
  ];
  const volumes = new Set([...workload.volumes, ...containers.flatMap(({ c }) => c.mounts.map(m => m.volume))].map(v => v.name));
  claims.forEach(({ claim }, i) => {
    const prop = `volumeClaims[${i}]`;
    for (const name of claim.containers ?? []) {
      if (!containers.some(({ c }) => c.name === name)) {
        problems.push(invalid(subject, `${prop}.containers`, name, `name one of the workload's containers (${containers.map(({ c }) => c.name).join(', ')})`).message);
      }
    }
    if (volumes.has(claim.name)) {
      problems.push(invalid(subject, `${prop}.name`, claim.name, 'the pod already has a volume of that name: give the claim another name').message);
    }
    for (const { c, init } of containers) {
      if (mountsInto(claim, c.name, init) && c.mounts.some(m => m.path === claim.mountPath)) {
        problems.push(invalid(subject, `${prop}.mountPath`, claim.mountPath, `container "${c.name}" already mounts a volume there: give the claim another path`).message);
      }
    }
  });
  return problems;
}
