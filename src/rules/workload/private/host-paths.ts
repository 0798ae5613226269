import * as path from 'path';

/** Container runtime sockets: whoever can reach one controls every container on the node. */
export const RUNTIME_SOCKETS: { [socket: string]: string } = {
  '/var/run/docker.sock': 'the Docker daemon socket',
  '/run/docker.sock': 'the Docker daemon socket',
  '/var/run/dockershim.sock': 'the dockershim socket',
  '/var/run/cri-dockerd.sock': 'the cri-dockerd socket',
  '/run/cri-dockerd.sock': 'the cri-dockerd socket',
  '/var/run/containerd/containerd.sock': 'the containerd socket',
  '/run/containerd/containerd.sock': 'the containerd socket',
  '/run/k3s/containerd/containerd.sock': 'the k3s containerd socket',
  '/var/run/crio/crio.sock': 'the CRI-O socket',
  '/run/crio/crio.sock': 'the CRI-O socket',
  '/run/podman/podman.sock': 'the Podman socket',
  '/var/run/podman/podman.sock': 'the Podman socket',
};

/**
 * Host directories whose contents give control over the node (or read its secrets) when mounted: the directory
 * itself and everything below it.
 */
export const SENSITIVE_HOST_PATHS: { [dir: string]: string } = {
  '/boot': 'the kernel and boot loader',
  '/dev': 'the host devices',
  '/etc': 'the host configuration and credentials',
  '/lib': 'the host libraries',
  '/lib64': 'the host libraries',
  '/bin': 'the host binaries',
  '/sbin': 'the host binaries',
  '/usr': 'the host binaries and libraries',
  '/proc': 'the host processes and kernel settings',
  '/sys': 'the kernel and cgroup settings',
  '/root': 'the root user\'s home',
  '/var/lib/docker': 'the Docker data directory',
  '/var/lib/containerd': 'the containerd data directory',
  '/var/lib/kubelet': 'the kubelet data directory, with every pod\'s volumes and tokens',
  '/var/lib/etcd': 'the etcd data directory',
};

/** Read-only conveniences that sit under a sensitive directory but expose nothing of value. */
export const BENIGN_HOST_PATHS = ['/etc/localtime', '/etc/timezone', '/usr/share/zoneinfo'];

/** Normalizes a host path (`//var/run/../run/` → `/run`); undefined for anything that is not an absolute path. */
export function normalizeHostPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  const normalized = path.posix.normalize(value);
  return normalized.length > 1 ? normalized.replace(/\/+$/, '') : normalized;
}

/** True when `dir` is `candidate` or one of its ancestors. */
export function isSameOrAncestor(dir: string, candidate: string): boolean {
  return candidate === dir || candidate.startsWith(dir === '/' ? '/' : `${dir}/`);
}

/** One hostPath volume of a pod. */
export interface HostPathVolume {
  /** The volume's name, or `#<index>`. */
  readonly name: string;
  /** The normalized host path. */
  readonly hostPath: string;
  /** Dotted path of `hostPath.path`. */
  readonly path: string;
}

/** The hostPath volumes of a pod spec, with normalized paths. */
export function hostPathVolumes(spec: any, specPath: string): HostPathVolume[] {
  const volumes = spec.volumes;
  if (!Array.isArray(volumes)) return [];
  const result: HostPathVolume[] = [];
  volumes.forEach((volume: any, i: number) => {
    if (typeof volume !== 'object' || volume === null || typeof volume.hostPath !== 'object' || volume.hostPath === null) return;
    const hostPath = normalizeHostPath(volume.hostPath.path);
    if (hostPath === undefined) return;
    const name = typeof volume.name === 'string' && volume.name ? volume.name : `#${i}`;
    result.push({ name, hostPath, path: `${specPath}.volumes[${i}].hostPath.path` });
  });
  return result;
}
