import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { HardenedWorkloadProps, HardeningCheck, HardeningDefaults, HardeningOverride } from '../hardening';
import { invalid, RefusalSubject } from './refusal';
import { resolveOverrides } from './resolve-overrides';

/** Hardening options with every default filled in, shared by all the helpers of one workload. */
export interface ResolvedHardening {
  readonly subject: RefusalSubject;
  readonly overrides: Map<HardeningCheck, HardeningOverride>;
  readonly requireDigest: boolean;
  readonly writablePaths: string[];
  readonly writableVolumeSizeLimit: Size;
  readonly writableVolumeMedium: kplus.EmptyDirMedium;
  readonly defaultResources: kplus.ContainerResources;
  readonly probePath?: string;
  readonly allowDns: boolean;
  readonly dnsNamespaceLabels: { [key: string]: string };
  readonly dnsPodLabels: { [key: string]: string };
  /**
   * UID emitted on containers that set none: the pod's `securityContext.user` when given, else 10001; undefined
   * with the IMAGE_USER override and no pod user.
   */
  readonly userId?: number;
  /** GID emitted on containers that set none, chosen like `userId` from the pod's `securityContext.group`. */
  readonly groupId?: number;
  /** UID and GID emitted on the pod when its security context sets none: 10001, undefined with IMAGE_USER. */
  readonly podUserId?: number;
}

export const DEFAULT_RESOURCES: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) },
  memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
  // cdk8s-plus-28 renders ephemeral storage in whole GiB.
  ephemeralStorage: { request: Size.gibibytes(1), limit: Size.gibibytes(2) },
};

/** The hardening options and the pod-level user and group, which containers inherit. */
export interface HardenedPodProps extends HardenedWorkloadProps {
  readonly securityContext?: kplus.PodSecurityContextProps;
}

export function resolveHardening(subject: RefusalSubject, props: HardenedPodProps): ResolvedHardening {
  const overrides = resolveOverrides<HardeningCheck, HardeningOverride>(subject, props.overrides, 'HardeningCheck', Object.values(HardeningCheck));

  const extraPaths = props.writablePaths ?? [];
  extraPaths.forEach((p, i) => {
    if (!p.startsWith('/') || p === '/') {
      throw invalid(subject, `writablePaths[${i}]`, p, 'give an absolute path below the root, e.g. "/var/cache/nginx"');
    }
  });
  const writablePaths = [...((props.writableTmp ?? true) ? ['/tmp'] : []), ...extraPaths]
    .filter((p, i, all) => all.indexOf(p) === i);

  if (props.probePath !== undefined && !props.probePath.startsWith('/')) {
    throw invalid(subject, 'probePath', props.probePath, 'give an absolute HTTP path, e.g. "/healthz"');
  }

  const imageDefault = overrides.has(HardeningCheck.IMAGE_USER) ? undefined : HardeningDefaults.USER_ID;
  return {
    subject,
    overrides,
    requireDigest: props.requireDigest ?? false,
    writablePaths,
    writableVolumeSizeLimit: props.writableVolumeSizeLimit ?? Size.mebibytes(HardeningDefaults.WRITABLE_VOLUME_MIB),
    writableVolumeMedium: props.writableVolumeMedium ?? kplus.EmptyDirMedium.MEMORY,
    defaultResources: props.defaultResources ?? DEFAULT_RESOURCES,
    probePath: props.probePath,
    allowDns: props.allowDns ?? true,
    dnsNamespaceLabels: props.dnsEgress?.namespaceLabels ?? { 'kubernetes.io/metadata.name': 'kube-system' },
    dnsPodLabels: props.dnsEgress?.podLabels ?? { 'k8s-app': 'kube-dns' },
    // A container left without a user of its own runs as the pod's: a container-level default of 10001 would
    // silently win over the user the pod was given.
    userId: props.securityContext?.user ?? imageDefault,
    groupId: props.securityContext?.group ?? imageDefault,
    podUserId: imageDefault,
  };
}
