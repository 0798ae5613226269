import { isObject } from '../../private/json';
import { HardeningFix } from '../hardening-fix';
import { HardeningResources } from '../hardening-resources';
import { WritableDirectory } from '../writable-directory';

/** What to set, decided once per aspect. */
export interface PodHardeningSettings {
  readonly fixes: ReadonlySet<HardeningFix>;
  readonly runAsUser: number;
  readonly runAsGroup: number;
  readonly fsGroup?: number;
  readonly writableDirectories: WritableDirectory[];
  readonly resources?: HardeningResources;
  /** True when the pod's ServiceAccount is granted a role: its token is kept. */
  readonly tokenNeeded: boolean;
}

/** One field set, before it is attributed to an object. */
export interface FieldChange {
  readonly fix: HardeningFix;
  /** Dotted path inside the object, as finding paths are written. */
  readonly path: string;
  readonly before?: unknown;
  readonly after: unknown;
}

interface ContainerAt {
  readonly container: { [key: string]: any };
  readonly field: 'containers' | 'initContainers' | 'ephemeralContainers';
  readonly path: string;
}

/** Capabilities whose container the API server refuses with `allowPrivilegeEscalation: false`. */
const ESCALATING_CAPABILITIES = new Set(['SYS_ADMIN', 'CAP_SYS_ADMIN']);

const RESOURCE_FIELDS: Array<[keyof HardeningResources, 'requests' | 'limits', string]> = [
  ['cpuRequest', 'requests', 'cpu'],
  ['memoryRequest', 'requests', 'memory'],
  ['ephemeralStorageRequest', 'requests', 'ephemeral-storage'],
  ['cpuLimit', 'limits', 'cpu'],
  ['memoryLimit', 'limits', 'memory'],
  ['ephemeralStorageLimit', 'limits', 'ephemeral-storage'],
];

/**
 * Fills in the fields the selected fixes set on a pod spec, in place, and returns what it set. A field the spec
 * already has, whatever its value, is left as it is: an explicit value is the author's decision (ingress-nginx
 * allows privilege escalation on purpose), and changing it could break the workload, so it stays for the
 * guardrails to report and for the user to accept with a reason.
 *
 * @param spec a copy of the pod spec, changed in place
 * @param specPath dotted path of the pod spec in its object, e.g. `spec.template.spec`
 */
export function hardenPodSpec(spec: { [key: string]: any }, specPath: string, settings: PodHardeningSettings): FieldChange[] {
  const changes: FieldChange[] = [];
  const on = (fix: HardeningFix) => settings.fixes.has(fix);
  const set = (fix: HardeningFix, owner: { [key: string]: any }, key: string, value: unknown, path: string) => {
    changes.push({ fix, path, ...(owner[key] !== undefined ? { before: owner[key] } : {}), after: value });
    owner[key] = value;
  };
  const containers = containersOf(spec, specPath);
  // Pod Security exempts Windows pods from the Linux settings, and the kubelet rejects some of them there.
  const linux = !(isObject(spec.os) && spec.os.name === 'windows');

  if (linux) {
    const pod = objectAt(spec, 'securityContext');
    const podPath = `${specPath}.securityContext`;
    const own = (c: ContainerAt) => (isObject(c.container.securityContext) ? c.container.securityContext : {});

    if (on(HardeningFix.RUN_AS_USER)) {
      const vendorChoseUser = pod.runAsUser !== undefined;
      if (!vendorChoseUser && containers.some(c => own(c).runAsUser === undefined)) {
        set(HardeningFix.RUN_AS_USER, pod, 'runAsUser', settings.runAsUser, `${podPath}.runAsUser`);
      }
      // A container or pod that names its user has chosen its identity: it gets no group it did not ask for.
      if (!vendorChoseUser && pod.runAsGroup === undefined
        && containers.some(c => own(c).runAsUser === undefined && own(c).runAsGroup === undefined)) {
        set(HardeningFix.RUN_AS_USER, pod, 'runAsGroup', settings.runAsGroup, `${podPath}.runAsGroup`);
      }
      if (settings.fsGroup !== undefined && pod.fsGroup === undefined) {
        set(HardeningFix.RUN_AS_USER, pod, 'fsGroup', settings.fsGroup, `${podPath}.fsGroup`);
      }
    }

    if (on(HardeningFix.RUN_AS_NON_ROOT) && pod.runAsNonRoot === undefined
      && pod.runAsUser !== 0 && !containers.some(c => own(c).runAsUser === 0)) {
      set(HardeningFix.RUN_AS_NON_ROOT, pod, 'runAsNonRoot', true, `${podPath}.runAsNonRoot`);
    }

    if (on(HardeningFix.SECCOMP) && pod.seccompProfile === undefined && containers.some(c => own(c).seccompProfile === undefined)) {
      set(HardeningFix.SECCOMP, pod, 'seccompProfile', { type: 'RuntimeDefault' }, `${podPath}.seccompProfile`);
    }
    if (Object.keys(pod).length) spec.securityContext = pod;

    for (const c of containers) hardenContainer(c, settings, set);
  }

  if (on(HardeningFix.AUTOMOUNT_TOKEN) && spec.automountServiceAccountToken === undefined && !settings.tokenNeeded) {
    set(HardeningFix.AUTOMOUNT_TOKEN, spec, 'automountServiceAccountToken', false, `${specPath}.automountServiceAccountToken`);
  }

  if (on(HardeningFix.RESOURCES) && settings.resources) {
    for (const c of containers.filter(x => x.field !== 'ephemeralContainers')) addResources(c, settings.resources, set);
  }

  if (on(HardeningFix.PROBES)) {
    for (const c of containers.filter(x => x.field === 'containers')) addProbes(c, set);
  }
  return changes;
}

type Setter = (fix: HardeningFix, owner: { [key: string]: any }, key: string, value: unknown, path: string) => void;

function hardenContainer(c: ContainerAt, settings: PodHardeningSettings, set: Setter): void {
  const sc = objectAt(c.container, 'securityContext');
  const scPath = `${c.path}.securityContext`;
  const capabilities = isObject(sc.capabilities) ? sc.capabilities : undefined;
  const added: unknown[] = Array.isArray(capabilities?.add) ? capabilities!.add : [];

  if (settings.fixes.has(HardeningFix.DROP_CAPABILITIES)) {
    const drop: unknown[] | undefined = Array.isArray(capabilities?.drop) ? capabilities!.drop : undefined;
    if (!drop?.includes('ALL')) {
      const caps = capabilities ?? {};
      set(HardeningFix.DROP_CAPABILITIES, caps, 'drop', ['ALL'], `${scPath}.capabilities.drop`);
      sc.capabilities = caps;
    }
  }

  if (settings.fixes.has(HardeningFix.NO_PRIVILEGE_ESCALATION) && sc.allowPrivilegeEscalation === undefined
    && sc.privileged !== true && !added.some(a => typeof a === 'string' && ESCALATING_CAPABILITIES.has(a))) {
    set(HardeningFix.NO_PRIVILEGE_ESCALATION, sc, 'allowPrivilegeEscalation', false, `${scPath}.allowPrivilegeEscalation`);
  }

  if (settings.fixes.has(HardeningFix.READ_ONLY_ROOT_FILESYSTEM) && sc.readOnlyRootFilesystem === undefined) {
    set(HardeningFix.READ_ONLY_ROOT_FILESYSTEM, sc, 'readOnlyRootFilesystem', true, `${scPath}.readOnlyRootFilesystem`);
  }
  if (Object.keys(sc).length) c.container.securityContext = sc;
}

/**
 * Mounts the writable directories into the containers whose root the fix made read-only, adding one emptyDir
 * volume per directory that at least one container mounts. Returns what it set.
 */
export function addWritableDirectories(
  spec: { [key: string]: any }, specPath: string, changes: FieldChange[], directories: WritableDirectory[],
): FieldChange[] {
  const readOnlyNow = new Set(changes
    .filter(c => c.fix === HardeningFix.READ_ONLY_ROOT_FILESYSTEM)
    .map(c => c.path.slice(0, -'.securityContext.readOnlyRootFilesystem'.length)));
  const targets = containersOf(spec, specPath).filter(c => c.field !== 'ephemeralContainers' && readOnlyNow.has(c.path));
  const added: FieldChange[] = [];
  if (!targets.length) return added;
  for (const directory of directories) {
    const mountPath = normalizePath(directory.path);
    const needing = targets.filter(c => !(Array.isArray(c.container.volumeMounts) ? c.container.volumeMounts : [])
      .some((m: unknown) => isObject(m) && typeof m.mountPath === 'string' && normalizePath(m.mountPath) === mountPath));
    if (!needing.length) continue;
    const volumes: unknown[] = Array.isArray(spec.volumes) ? spec.volumes : (spec.volumes = []);
    const name = freeVolumeName(volumes, volumeNameFor(mountPath));
    const volume = {
      name,
      emptyDir: {
        ...(directory.inMemory ? { medium: 'Memory' } : {}),
        ...(directory.sizeLimit !== undefined ? { sizeLimit: directory.sizeLimit } : {}),
      },
    };
    added.push({ fix: HardeningFix.READ_ONLY_ROOT_FILESYSTEM, path: `${specPath}.volumes[${volumes.length}]`, after: volume });
    volumes.push(volume);
    for (const c of needing) {
      const mounts: unknown[] = Array.isArray(c.container.volumeMounts) ? c.container.volumeMounts : (c.container.volumeMounts = []);
      const mount = { name, mountPath };
      added.push({ fix: HardeningFix.READ_ONLY_ROOT_FILESYSTEM, path: `${c.path}.volumeMounts[${mounts.length}]`, after: mount });
      mounts.push(mount);
    }
  }
  return added;
}

function addResources(c: ContainerAt, resources: HardeningResources, set: Setter): void {
  const wanted = RESOURCE_FIELDS.filter(([prop]) => resources[prop] !== undefined);
  if (!wanted.length) return;
  const res = objectAt(c.container, 'resources');
  for (const [prop, group, name] of wanted) {
    const values = objectAt(res, group);
    if (values[name] === undefined) set(HardeningFix.RESOURCES, values, name, resources[prop], `${c.path}.resources.${group}.${name}`);
    if (Object.keys(values).length) res[group] = values;
  }
  if (Object.keys(res).length) c.container.resources = res;
}

function addProbes(c: ContainerAt, set: Setter): void {
  const ports: unknown[] = Array.isArray(c.container.ports) ? c.container.ports : [];
  const first = ports.find((p): p is { containerPort: number } => isObject(p) && typeof p.containerPort === 'number');
  if (!first) return;
  for (const probe of ['readinessProbe', 'livenessProbe']) {
    if (c.container[probe] === undefined) {
      set(HardeningFix.PROBES, c.container, probe, { tcpSocket: { port: first.containerPort } }, `${c.path}.${probe}`);
    }
  }
}

function containersOf(spec: { [key: string]: any }, specPath: string): ContainerAt[] {
  const found: ContainerAt[] = [];
  for (const field of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container, i) => {
      if (isObject(container)) found.push({ container, field, path: `${specPath}.${field}[${i}]` });
    });
  }
  return found;
}

/** The object at `key` (a new empty one when absent; the caller attaches it once it holds something). */
function objectAt(owner: { [key: string]: any }, key: string): { [key: string]: any } {
  return isObject(owner[key]) ? owner[key] : {};
}

function normalizePath(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** `/var/cache/nginx` -> `var-cache-nginx`: a DNS label, as volume names must be. */
export function volumeNameFor(mountPath: string): string {
  return mountPath.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
}

function freeVolumeName(volumes: unknown[], wanted: string): string {
  const taken = new Set(volumes.filter(isObject).map(v => v.name));
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted.slice(0, 60)}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}
