import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { HardenedWorkloadProps } from './hardening';
import { NetworkPeer } from '../network/network-peer';
import { markHardenedContainer } from './private/container';
import { WorkloadHardening } from './private/core';
import { resolveHardening } from './private/options';
import { hardenPodProps } from './private/pod';
import { refusalSubject } from './private/refusal';

/** Props for `HardenedCronJob`: the cdk8s-plus `CronJob` props plus the hardening options. */
export interface HardenedCronJobProps extends kplus.CronJobProps, HardenedWorkloadProps {}

/**
 * A CronJob whose pods are hardened by default, like `HardenedDeployment`: non-root UID/GID 10001,
 * seccomp RuntimeDefault, all capabilities dropped, read-only root filesystem with a memory-backed `/tmp`,
 * resources, its own ServiceAccount without a token, and a NetworkPolicy that isolates it except for DNS.
 *
 * @example
 * new HardenedCronJob(chart, 'report', {
 *   schedule: Cron.daily(),
 *   containers: [{ image: 'ghcr.io/acme/report:1.0.0' }],
 * });
 */
// Extends the cdk8s-plus class rather than wrapping it, so users keep its whole API (connections, scheduling,
// exposeViaService, env and mounts on containers). The base constructor adds the props' containers before this
// class's fields exist, so they are hardened before super() and the overrides below recognise them as such.
export class HardenedCronJob extends kplus.CronJob {
  private readonly hardening?: WorkloadHardening;

  constructor(scope: Construct, id: string, props: HardenedCronJobProps) {
    const options = resolveHardening(refusalSubject('HardenedCronJob', scope, id), props);
    super(scope, id, hardenPodProps(props, options));
    this.hardening = new WorkloadHardening(this, {
      options,
      apiObject: this.apiObject,
      podSpecPointer: '/spec/jobTemplate/spec/template/spec',
      serviceAccountGiven: props.serviceAccount !== undefined,
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

  private get core(): WorkloadHardening {
    return this.hardening!;
  }
}
