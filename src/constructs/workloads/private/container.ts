import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { HardeningCheck } from '../hardening';
import { checkImage } from './image';
import { DEFAULT_RESOURCES as DEFAULTS_FALLBACK, ResolvedHardening } from './options';
import { invalid, refusal } from './refusal';

/** The lowest UID/GID emitted or accepted without an override (kube-score and checkov want at least 10000). */
export const MIN_USER_ID = 10000;

/** Container props that went through `hardenContainerProps`: the constructor pre-hardens them before `super()`. */
const HARDENED_PROPS = new WeakSet<kplus.ContainerProps>();
/** Containers created from hardened props, or hardened in place by `hardenAttachedContainer`. */
const HARDENED_CONTAINERS = new WeakSet<kplus.Container>();

export function isHardenedProps(props: kplus.ContainerProps): boolean {
  return HARDENED_PROPS.has(props);
}
export function isHardenedContainer(cont: kplus.Container): boolean {
  return HARDENED_CONTAINERS.has(cont);
}
export function markHardenedContainer(cont: kplus.Container): kplus.Container {
  HARDENED_CONTAINERS.add(cont);
  return cont;
}

/** Regular containers get default probes on served ports; init containers only when they are sidecars. */
export enum ContainerRole { MAIN, INIT }

/**
 * Returns hardened container props: refuses insecure values (unless overridden), and fills in the secure defaults:
 * security context, resources, and readiness/liveness probes for served ports. Pure: it depends only on its
 * arguments, so it can run before the workload exists.
 */
export function hardenContainerProps(props: kplus.ContainerProps, o: ResolvedHardening, prefix: string, role: ContainerRole): kplus.ContainerProps {
  if (isHardenedProps(props)) return props;
  checkImage(props.image, `${prefix}.image`, o);
  checkName(props.name, `${prefix}.name`, o);
  checkPortNumber(props.portNumber, `${prefix}.portNumber`, o);
  checkPortNumber(props.port, `${prefix}.port`, o);
  (props.ports ?? []).forEach((p, i) => checkPortNumber(p.number, `${prefix}.ports[${i}].number`, o));
  checkPorts(props.ports ?? [], `${prefix}.ports`, o);
  checkMounts(props.volumeMounts ?? [], `${prefix}.volumeMounts`, o);
  const served = servedTcpPort(props.portNumber ?? props.port, props.ports ?? []);
  const probes = role === ContainerRole.MAIN || props.restartPolicy === kplus.ContainerRestartPolicy.ALWAYS;
  const hardened: kplus.ContainerProps = {
    ...props,
    securityContext: hardenSecurityContext(props.securityContext ?? {}, `${prefix}.securityContext`, o),
    resources: completeResources(props.resources, o),
    readiness: props.readiness ?? (probes && served !== undefined ? defaultProbe(served, o, false) : undefined),
    liveness: props.liveness ?? (probes && served !== undefined ? defaultProbe(served, o, true) : undefined),
  };
  HARDENED_PROPS.add(hardened);
  return hardened;
}

/**
 * Hardens a container that was built elsewhere and handed to `attachContainer`: its security context and resources
 * are replaced by hardened ones (the user's explicit values are kept when allowed), and what cannot be fixed in place
 * is refused.
 */
export function hardenAttachedContainer(cont: kplus.Container, o: ResolvedHardening, prefix: string): void {
  if (isHardenedContainer(cont)) return;
  checkImage(cont.image, `${prefix}.image`, o);
  checkPorts(cont.ports, `${prefix}.ports`, o);
  checkMounts(cont.mounts, `${prefix}.volumeMounts`, o);
  // cdk8s-plus-28 2.5.6 (its final release) keeps probes private; its own rendering is the only way to read them.
  const rendered = cont._toKube();
  const served = servedTcpPort(cont.portNumber, cont.ports);
  if (served !== undefined && (!rendered.readinessProbe || !rendered.livenessProbe)) {
    throw invalid(o.subject, `${prefix}.readiness/liveness`, 'unset', `container "${cont.name}" serves port ${served}: `
      + 'give it readiness and liveness probes (e.g. kplus.Probe.fromTcpSocket()), or add it with addContainer(), which adds them');
  }
  // Container's fields are readonly in TypeScript only; replacing them is how a hardened copy takes effect while the
  // caller keeps its reference (env, mounts) to the same object.
  const mutable = cont as { -readonly [K in keyof kplus.Container]: kplus.Container[K] };
  mutable.securityContext = new kplus.ContainerSecurityContext(hardenSecurityContext(cont.securityContext, `${prefix}.securityContext`, o));
  mutable.resources = completeResources(cont.resources, o);
  markHardenedContainer(cont);
}

/** Also accepts a `ContainerSecurityContext` instance: its fields have the same names as the props. */
export function hardenSecurityContext(
  sc: kplus.ContainerSecurityContextProps, prefix: string, o: ResolvedHardening,
): kplus.ContainerSecurityContextProps {
  checkUserIds(IdLevel.CONTAINER, sc.user, sc.group, prefix, o);
  if (sc.ensureNonRoot === false && !o.overrides.has(HardeningCheck.RUN_AS_ROOT)) {
    throw refusal(o.subject, `${prefix}.ensureNonRoot`, false, HardeningCheck.RUN_AS_ROOT, 'remove ensureNonRoot (the default is true) and build the image to run as a non-root user');
  }
  if (sc.privileged === true && !o.overrides.has(HardeningCheck.PRIVILEGED)) {
    throw refusal(o.subject, `${prefix}.privileged`, true, HardeningCheck.PRIVILEGED, 'remove privileged (the default is false) and add only the capability the process needs');
  }
  if (sc.allowPrivilegeEscalation === true && !o.overrides.has(HardeningCheck.PRIVILEGE_ESCALATION)) {
    throw refusal(o.subject, `${prefix}.allowPrivilegeEscalation`, true, HardeningCheck.PRIVILEGE_ESCALATION, 'remove allowPrivilegeEscalation (the default is false)');
  }
  if (sc.readOnlyRootFilesystem === false && !o.overrides.has(HardeningCheck.WRITABLE_ROOT_FILESYSTEM)) {
    throw refusal(o.subject, `${prefix}.readOnlyRootFilesystem`, false, HardeningCheck.WRITABLE_ROOT_FILESYSTEM,
      'remove readOnlyRootFilesystem (the default is true) and list the directories the app writes to in writablePaths');
  }
  const added = (sc.capabilities?.add ?? []).filter((c, i, all) => all.indexOf(c) === i);
  const extra = added.filter(c => c !== kplus.Capability.NET_BIND_SERVICE);
  if (extra.length > 0 && !o.overrides.has(HardeningCheck.CAPABILITIES)) {
    throw refusal(o.subject, `${prefix}.capabilities.add`, extra, HardeningCheck.CAPABILITIES, 'add no capability other than NET_BIND_SERVICE');
  }
  if (sc.seccompProfile?.type === kplus.SeccompProfileType.UNCONFINED && !o.overrides.has(HardeningCheck.SECCOMP)) {
    throw refusal(o.subject, `${prefix}.seccompProfile.type`, 'Unconfined', HardeningCheck.SECCOMP, 'remove seccompProfile (the default is RuntimeDefault) or use a Localhost profile');
  }
  return {
    ensureNonRoot: sc.ensureNonRoot ?? true,
    privileged: sc.privileged ?? false,
    readOnlyRootFilesystem: sc.readOnlyRootFilesystem ?? true,
    allowPrivilegeEscalation: sc.allowPrivilegeEscalation ?? false,
    user: sc.user ?? o.userId,
    group: sc.group ?? o.groupId,
    // ALL covers any other dropped capability, so the list stays the one value every scanner looks for.
    capabilities: { drop: [kplus.Capability.ALL], ...(added.length > 0 ? { add: added } : {}) },
    seccompProfile: sc.seccompProfile ?? { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
  };
}

/** Which security context a user check reads: the pod's fields default to the library's IDs, a container's to the pod's. */
export enum IdLevel { POD, CONTAINER }

/** Refuses UID/GID 0 (RUN_AS_ROOT) and 1-9999 (LOW_USER_ID). */
export function checkUserIds(
  level: IdLevel, user: number | undefined, group: number | undefined, prefix: string, o: ResolvedHardening, fsGroup?: number,
): void {
  const pod = level === IdLevel.POD;
  const defaults: { [field: string]: number | undefined } = pod
    ? { user: o.podUserId, group: o.podUserId, fsGroup: o.podUserId }
    : { user: o.userId, group: o.groupId };
  const ids: [string, number | undefined][] = [['user', user], ['group', group], ['fsGroup', fsGroup]];
  for (const [field, id] of ids) {
    if (id === undefined) continue;
    if (!Number.isInteger(id) || id < 0) {
      throw invalid(o.subject, `${prefix}.${field}`, id, 'give a non-negative integer, e.g. 10001');
    }
    if (id === 0 && !o.overrides.has(HardeningCheck.RUN_AS_ROOT)) {
      throw refusal(o.subject, `${prefix}.${field}`, 0, HardeningCheck.RUN_AS_ROOT, `remove ${field} (the default is ${defaults[field] ?? 'the image\'s user'}) or use a UID/GID of at least ${MIN_USER_ID}, e.g. 10001`);
    }
    if (id > 0 && id < MIN_USER_ID && !o.overrides.has(HardeningCheck.LOW_USER_ID)) {
      throw refusal(o.subject, `${prefix}.${field}`, id, HardeningCheck.LOW_USER_ID, `use a UID/GID of at least ${MIN_USER_ID}, e.g. 10001`);
    }
  }
}

/** The API server accepts only DNS-1123 labels as container names; refuse others here, where the prop is known. */
function checkName(name: string | undefined, prop: string, o: ResolvedHardening): void {
  if (name === undefined) return;
  if (typeof name !== 'string' || name.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
    throw invalid(o.subject, prop, name, 'give a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit');
  }
}

/** Container ports are 1 to 65535; the API server refuses anything else. */
function checkPortNumber(port: number | undefined, prop: string, o: ResolvedHardening): void {
  if (port === undefined) return;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalid(o.subject, prop, port, 'give a port number from 1 to 65535');
  }
}

function checkPorts(ports: kplus.ContainerPort[], prefix: string, o: ResolvedHardening): void {
  ports.forEach((p, i) => {
    if (p.hostPort !== undefined && !o.overrides.has(HardeningCheck.HOST_PORT)) {
      throw refusal(o.subject, `${prefix}[${i}].hostPort`, p.hostPort, HardeningCheck.HOST_PORT, 'remove hostPort and reach the pod through a Service');
    }
  });
}

function checkMounts(mounts: kplus.VolumeMount[], prefix: string, o: ResolvedHardening): void {
  mounts.forEach((m, i) => checkVolume(m.volume, `${prefix}[${i}].volume`, o));
}

/** Refuses hostPath volumes unless HOST_PATH is overridden. */
export function checkVolume(volume: kplus.Volume, prop: string, o: ResolvedHardening): void {
  const hostPath = volume._toKube().hostPath;
  if (hostPath && !o.overrides.has(HardeningCheck.HOST_PATH)) {
    throw refusal(o.subject, prop, `hostPath ${hostPath.path}`, HardeningCheck.HOST_PATH, 'use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim instead');
  }
}

/** The first TCP port the container serves, if any: the one default probes check. */
function servedTcpPort(portNumber: number | undefined, ports: kplus.ContainerPort[]): number | undefined {
  if (portNumber !== undefined) return portNumber;
  return ports.find(p => (p.protocol ?? kplus.Protocol.TCP) === kplus.Protocol.TCP)?.number;
}

/** Readiness and liveness differ in timing so that scanners checking for identical probes stay quiet. */
function defaultProbe(port: number, o: ResolvedHardening, liveness: boolean): kplus.Probe {
  const timing = liveness
    ? { periodSeconds: Duration.seconds(20), failureThreshold: 3, timeoutSeconds: Duration.seconds(3) }
    : { periodSeconds: Duration.seconds(10), failureThreshold: 3, timeoutSeconds: Duration.seconds(3) };
  return o.probePath !== undefined
    ? kplus.Probe.fromHttpGet(o.probePath, { port, ...timing })
    : kplus.Probe.fromTcpSocket({ port, ...timing });
}

/** Fills each missing resource from the defaults; a lone request or limit gets its other half equal to it. */
export function completeResources(given: kplus.ContainerResources | undefined, o: ResolvedHardening): kplus.ContainerResources {
  const d = o.defaultResources;
  const pair = <T>(g: { request?: T; limit?: T } | undefined, def: { request?: T; limit?: T } | undefined) =>
    g && (g.request !== undefined || g.limit !== undefined)
      ? { request: g.request ?? g.limit, limit: g.limit ?? g.request }
      : { request: def?.request ?? def?.limit, limit: def?.limit ?? def?.request };
  return {
    cpu: pair(given?.cpu, d.cpu ?? DEFAULTS_FALLBACK.cpu),
    memory: pair(given?.memory, d.memory ?? DEFAULTS_FALLBACK.memory),
    ephemeralStorage: pair(given?.ephemeralStorage, d.ephemeralStorage ?? DEFAULTS_FALLBACK.ephemeralStorage),
  };
}
