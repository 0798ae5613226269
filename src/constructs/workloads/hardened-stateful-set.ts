import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { HardenedWorkloadProps, HardeningDefaults } from './hardening';
import { NetworkPeer } from '../network/network-peer';
import { markHardenedContainer } from './private/container';
import { WorkloadHardening } from './private/core';
import { resolveHardening } from './private/options';
import { hardenPodProps } from './private/pod';
import { refusalSubject } from './private/refusal';
import { claimProblems, claimTemplates, ResolvedVolumeClaim, resolveVolumeClaims, withClaimMounts } from './private/volume-claims';
import { HardenedVolumeClaim } from './volume-claim';

/** Props for `HardenedStatefulSet`: the cdk8s-plus `StatefulSet` props plus the hardening options. */
export interface HardenedStatefulSetProps extends kplus.StatefulSetProps, HardenedWorkloadProps {
  /**
   * How many old revisions (ReplicaSets or ControllerRevisions) to keep for rollbacks.
   * @default 5
   */
  readonly revisionHistoryLimit?: number;

  /**
   * Whether a PodDisruptionBudget (`maxUnavailable: 1`) is added when there is more than one replica.
   * @default true
   */
  readonly disruptionBudget?: boolean;

  /**
   * Whether replicas are spread across nodes (preferred pod anti-affinity on the hostname) when there is more
   * than one replica.
   * @default true
   */
  readonly spreadReplicas?: boolean;

  /**
   * Claims the StatefulSet controller creates for each replica (`volumeClaimTemplates`), each mounted into the
   * containers it names (every container by default). cdk8s-plus-28 has no API for them.
   * @default - none
   */
  readonly volumeClaims?: HardenedVolumeClaim[];
}

/**
 * A StatefulSet whose pods are hardened by default, like `HardenedDeployment`: non-root UID/GID 10001,
 * seccomp RuntimeDefault, all capabilities dropped, read-only root filesystem with a memory-backed `/tmp`,
 * resources, probes for served ports, its own ServiceAccount without a token, and a NetworkPolicy that isolates it
 * except for DNS. With more than one replica it also gets a PodDisruptionBudget and is spread across nodes.
 *
 * Like the cdk8s-plus `StatefulSet` it extends, it needs a container port for its headless Service unless
 * `service` is given.
 *
 * @example
 * new HardenedStatefulSet(chart, 'db', {
 *   replicas: 3,
 *   containers: [{ image: 'ghcr.io/acme/store:2.0.1', portNumber: 7000 }],
 * });
 */
// Extends the cdk8s-plus class rather than wrapping it, so users keep its whole API (connections, scheduling,
// exposeViaService, env and mounts on containers). The base constructor adds the props' containers before this
// class's fields exist, so they are hardened before super() and the overrides below recognise them as such.
export class HardenedStatefulSet extends kplus.StatefulSet {
  private readonly hardening?: WorkloadHardening;
  private readonly volumeClaims?: ResolvedVolumeClaim[];

  constructor(scope: Construct, id: string, props: HardenedStatefulSetProps = {}) {
    const subject = refusalSubject('HardenedStatefulSet', scope, id);
    const options = resolveHardening(subject, props);
    const claims = resolveVolumeClaims(subject, props.volumeClaims);
    super(scope, id, hardenPodProps(props, options));
    this.volumeClaims = claims;
    // Containers and their mounts can change until synthesis, so conflicts with them are found then.
    if (claims.length > 0) this.node.addValidation({ validate: () => claimProblems(subject, claims, this) });
    this.hardening = new WorkloadHardening(this, {
      options,
      apiObject: this.apiObject,
      podSpecPointer: '/spec/template/spec',
      serviceAccountGiven: props.serviceAccount !== undefined,
      revisionHistoryLimit: props.revisionHistoryLimit ?? HardeningDefaults.REVISION_HISTORY_LIMIT,
      replicas: props.replicas ?? 1,
      disruptionBudget: props.disruptionBudget,
      spreadReplicas: props.spreadReplicas,
    });
  }

  /** Adds a container, hardened like the ones given as props. */
  public addContainer(cont: kplus.ContainerProps): kplus.Container {
    return WorkloadHardening.addContainer(this, this.hardening, cont);
  }

  /**
   * Attaches a container built elsewhere. Its security context and resources are hardened in place; what cannot be
   * fixed in place (a served port without probes, an insecure value) is refused.
   */
  public attachContainer(cont: kplus.Container): void {
    WorkloadHardening.beforeAttach(this.hardening, cont, this.containers);
    super.attachContainer(cont);
    this.hardening?.finishContainer(cont);
  }

  /** Adds an init container, hardened like the containers (probes only for sidecars that serve a port). */
  public addInitContainer(cont: kplus.ContainerProps): kplus.Container {
    const impl = markHardenedContainer(super.addInitContainer(WorkloadHardening.initContainerProps(this.hardening, cont)));
    this.hardening?.finishContainer(impl);
    return impl;
  }

  /** Adds a volume; hostPath volumes are refused unless overridden. */
  public addVolume(vol: kplus.Volume): void {
    WorkloadHardening.checkVolume(this.hardening, vol);
    super.addVolume(vol);
  }

  /**
   * Allows traffic from the peer into these pods. When the peer is another hardened workload, its matching egress
   * rule is added too.
   * @param peer where traffic may come from
   * @param ports the ports it may reach; default: every port this workload's containers declare
   */
  public allowIngressFrom(peer: NetworkPeer, ports?: kplus.NetworkPolicyPort[]): void {
    this.core.allowIngressFrom(peer, ports);
  }

  /**
   * Allows traffic from these pods to the peer. When the peer is another hardened workload, its matching ingress
   * rule is added too.
   * @param peer where traffic may go
   * @param ports the ports it may reach; default: every port the peer workload's containers declare (required for
   * peers that are not workloads)
   */
  public allowEgressTo(peer: NetworkPeer, ports?: kplus.NetworkPolicyPort[]): void {
    this.core.allowEgressTo(peer, ports);
  }

  /**
   * The spec cdk8s-plus renders, with the claim templates and their mounts.
   * @internal
   */
  public _toKube(): kplus.k8s.StatefulSetSpec {
    const spec = super._toKube();
    const claims = this.volumeClaims ?? [];
    if (claims.length === 0) return spec;
    const pod = spec.template.spec!;
    return {
      ...spec,
      template: {
        ...spec.template,
        spec: {
          ...pod,
          containers: pod.containers.map(c => withClaimMounts(c, claims, false)),
          ...(pod.initContainers ? { initContainers: pod.initContainers.map(c => withClaimMounts(c, claims, true)) } : {}),
        },
      },
      volumeClaimTemplates: claimTemplates(claims),
    };
  }

  private get core(): WorkloadHardening {
    return this.hardening!;
  }
}
