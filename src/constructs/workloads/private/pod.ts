import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { HardeningCheck, HardeningDefaults } from '../hardening';
import { checkUserIds, checkVolume, ContainerRole, hardenContainerProps, IdLevel } from './container';
import { ResolvedHardening } from './options';
import { checkPodPorts, portsOfProps } from './pod-ports';
import { refusal } from './refusal';

/**
 * Returns the cdk8s-plus props a hardened workload passes to `super()`: pod-level refusals and defaults applied,
 * containers and init containers pre-hardened. Pure, because it runs before the workload exists.
 */
export function hardenPodProps<P extends kplus.WorkloadProps>(props: P, o: ResolvedHardening): P {
  if (props.hostNetwork === true && !o.overrides.has(HardeningCheck.HOST_NAMESPACES)) {
    throw refusal(o.subject, 'hostNetwork', true, HardeningCheck.HOST_NAMESPACES, 'remove hostNetwork (the default is false) and reach the pod through a Service');
  }
  if (props.automountServiceAccountToken === true && !o.overrides.has(HardeningCheck.SERVICE_ACCOUNT_TOKEN)) {
    throw refusal(o.subject, 'automountServiceAccountToken', true, HardeningCheck.SERVICE_ACCOUNT_TOKEN,
      'remove automountServiceAccountToken (the default is false); where the app calls the API, give it an ApiAccess, which mounts a projected token with a short expiry and binds a Role of what it calls');
  }
  const sc = props.securityContext ?? {};
  checkUserIds(IdLevel.POD, sc.user, sc.group, 'securityContext', o, sc.fsGroup);
  if (sc.ensureNonRoot === false && !o.overrides.has(HardeningCheck.RUN_AS_ROOT)) {
    throw refusal(o.subject, 'securityContext.ensureNonRoot', false, HardeningCheck.RUN_AS_ROOT, 'remove ensureNonRoot (the default is true) and build the image to run as a non-root user');
  }
  (props.volumes ?? []).forEach((v, i) => checkVolume(v, `volumes[${i}]`, o));
  checkPodPorts((props.containers ?? []).map((c, i) => portsOfProps(c, `containers[${i}]`)), o);

  return {
    ...props,
    securityContext: {
      ...sc,
      ensureNonRoot: sc.ensureNonRoot ?? true,
      user: sc.user ?? o.podUserId,
      group: sc.group ?? o.podUserId,
      // fsGroup stays set with IMAGE_USER: it only decides who owns mounted volumes.
      fsGroup: sc.fsGroup ?? HardeningDefaults.USER_ID,
    },
    automountServiceAccountToken: props.automountServiceAccountToken ?? false,
    terminationGracePeriod: props.terminationGracePeriod ?? Duration.seconds(HardeningDefaults.TERMINATION_GRACE_PERIOD_SECONDS),
    containers: props.containers?.map((c, i) => hardenContainerProps(c, o, `containers[${i}]`, ContainerRole.MAIN)),
    initContainers: props.initContainers?.map((c, i) => hardenContainerProps(c, o, `initContainers[${i}]`, ContainerRole.INIT)),
  };
}
