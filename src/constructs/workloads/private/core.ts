import { createHash } from 'crypto';
import { ApiObject, JsonPatch, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { SUPPRESS_ANNOTATION_PREFIX, SUPPRESS_EXPIRES_ANNOTATION_PREFIX } from '../../../engine/suppression';
import { NetworkPeer } from '../../network/network-peer';
import { HardeningCheck, HardeningOverride } from '../hardening';
import {
  checkVolume, ContainerRole, hardenAttachedContainer, hardenContainerProps, isHardenedContainer, isHardenedProps,
  markHardenedContainer,
} from './container';
import { WorkloadNetworkPolicy } from './network-policy';
import { ResolvedHardening } from './options';
import { checkPodPorts, portsOfContainer, portsOfProps } from './pod-ports';
import { invalid, refusal } from './refusal';
import { CHECKS } from './rule-ids';

/** How a kind plugs into the shared hardening. */
export interface WorkloadHardeningProps {
  readonly options: ResolvedHardening;
  /** The workload's primary ApiObject (`Resource`). */
  readonly apiObject: ApiObject;
  /** JSON pointer of the pod spec inside the object, e.g. `/spec/template/spec`. */
  readonly podSpecPointer: string;
  /** Whether the user passed a ServiceAccount; otherwise the workload gets one of its own. */
  readonly serviceAccountGiven: boolean;
  /** `revisionHistoryLimit` to write, for kinds that have one. */
  readonly revisionHistoryLimit?: number;
  /** Replicas, for kinds that have them: above 1, a PodDisruptionBudget and spreading are added. */
  readonly replicas?: number;
  readonly disruptionBudget?: boolean;
  readonly spreadReplicas?: boolean;
}

const REGISTRY = new WeakMap<kplus.Workload, WorkloadHardening>();

/**
 * The hardening shared by every hardened workload kind, attached once the cdk8s-plus workload exists:
 * pod-level seccomp, the ServiceAccount, suppressions for overrides, writable emptyDirs, the NetworkPolicy,
 * the PodDisruptionBudget and spreading, and the hardening of containers added later.
 */
export class WorkloadHardening {
  /** The hardening of a workload, if it is a hardened one. */
  public static of(workload: kplus.Workload): WorkloadHardening | undefined {
    return REGISTRY.get(workload);
  }

  /** `addContainer` of a hardened workload. `hardening` is undefined while the base constructor runs. */
  public static addContainer(workload: kplus.Workload, hardening: WorkloadHardening | undefined, cont: kplus.ContainerProps): kplus.Container {
    if (!isHardenedProps(cont) && !hardening) throw new Error('internal: container props reached a hardened workload unhardened');
    const prop = `addContainer() container "${cont.name ?? 'main'}"`;
    const props = hardening ? hardenContainerProps(cont, hardening.options, prop, ContainerRole.MAIN) : cont;
    if (hardening) checkPodPorts([...workload.containers.map(c => portsOfContainer(c, `container "${c.name}"`)), portsOfProps(props, prop)], hardening.options);
    // Same two steps as AbstractPod.addContainer, so the container is marked hardened before attachContainer sees it.
    const impl = markHardenedContainer(new kplus.Container(props));
    workload.attachContainer(impl);
    return impl;
  }

  /** `attachContainer` of a hardened workload, before the base implementation stores the container. */
  public static beforeAttach(hardening: WorkloadHardening | undefined, cont: kplus.Container, existing: kplus.Container[]): void {
    if (isHardenedContainer(cont)) return;
    if (!hardening) throw new Error('internal: a container reached a hardened workload unhardened');
    const prop = `attachContainer() container "${cont.name}"`;
    hardenAttachedContainer(cont, hardening.options, prop);
    checkPodPorts([...existing.map(c => portsOfContainer(c, `container "${c.name}"`)), portsOfContainer(cont, prop)], hardening.options);
  }

  /** Init container props of a hardened workload. */
  public static initContainerProps(hardening: WorkloadHardening | undefined, cont: kplus.ContainerProps): kplus.ContainerProps {
    if (isHardenedProps(cont)) return cont;
    if (!hardening) throw new Error('internal: init container props reached a hardened workload unhardened');
    return hardenContainerProps(cont, hardening.options, `addInitContainer() container "${cont.name ?? 'init'}"`, ContainerRole.INIT);
  }

  /** `addVolume` of a hardened workload. */
  public static checkVolume(hardening: WorkloadHardening | undefined, vol: kplus.Volume): void {
    // Volumes given as props were checked before super(); later ones are checked here.
    if (hardening) checkVolume(vol, `addVolume() volume "${vol.name}"`, hardening.options);
  }

  public readonly options: ResolvedHardening;
  public readonly networkPolicy: WorkloadNetworkPolicy;
  private readonly finished = new WeakSet<kplus.Container>();
  /** The checks whose override the construct relied on (recorded on the object that needed it). */
  private readonly relied = new Set<HardeningCheck>();

  constructor(private readonly workload: kplus.Workload, props: WorkloadHardeningProps) {
    REGISTRY.set(workload, this);
    const o = props.options;
    this.options = o;
    const namespace = workload.metadata.namespace;

    // cdk8s-plus-28 has no pod-level seccompProfile in its API; the L1 schema keeps the patched field.
    props.apiObject.addJsonPatch(JsonPatch.add(`${props.podSpecPointer}/securityContext/seccompProfile`, { type: 'RuntimeDefault' }));
    if (props.revisionHistoryLimit !== undefined) {
      if (!Number.isInteger(props.revisionHistoryLimit) || props.revisionHistoryLimit < 1) {
        throw invalid(o.subject, 'revisionHistoryLimit', props.revisionHistoryLimit, 'give a whole number of at least 1 so a rollback has a revision to go back to');
      }
      props.apiObject.addJsonPatch(JsonPatch.add('/spec/revisionHistoryLimit', props.revisionHistoryLimit));
    }

    if (!props.serviceAccountGiven) {
      const sa = new kplus.ServiceAccount(workload, 'ServiceAccount', { automountToken: false, metadata: { namespace } });
      // AbstractPod takes its service account in its constructor, before the workload can have children; the
      // field is readonly in TypeScript only.
      (workload as { serviceAccount?: kplus.IServiceAccount }).serviceAccount = sa;
    }

    // An override whose rules read the workload is recorded on it now; the others where they are relied on.
    for (const override of o.overrides.values()) {
      if (!CHECKS[override.check].recordedWhereRelied) addSuppressions(workload.metadata, override);
    }

    this.networkPolicy = new WorkloadNetworkPolicy(workload, o);

    if (props.replicas !== undefined && (!Number.isInteger(props.replicas) || props.replicas < 0)) {
      throw invalid(o.subject, 'replicas', props.replicas, 'give a whole number of at least 0');
    }
    if ((props.replicas ?? 1) > 1) {
      if (props.disruptionBudget ?? true) {
        new kplus.k8s.KubePodDisruptionBudget(workload, 'DisruptionBudget', {
          metadata: { namespace },
          spec: {
            maxUnavailable: kplus.k8s.IntOrString.fromNumber(1),
            selector: Lazy.any({ produce: () => selectorOf(workload) }),
          },
        });
      }
      if (props.spreadReplicas ?? true) {
        // Preferred, not required: a required anti-affinity leaves replicas pending on clusters with fewer nodes.
        workload.scheduling.spread({ topology: kplus.Topology.HOSTNAME, weight: 100 });
      }
    }

    workload.containers.forEach(c => this.finishContainer(c));
    workload.initContainers.forEach(c => this.finishContainer(c));

    // Containers and volumes can change after construction (container.mount()); check the final pod at synthesis.
    workload.node.addValidation({
      validate: () => {
        this.recordUnreliedOverrides();
        return this.deferredProblems();
      },
    });
  }

  /**
   * Writes the overrides that nothing relied on (EXPOSED_SERVICE without a NodePort or LoadBalancer Service) on the
   * workload, where the report shows them as unused suppressions to remove.
   */
  private recordUnreliedOverrides(): void {
    for (const override of this.options.overrides.values()) {
      if (CHECKS[override.check].recordedWhereRelied && !this.relied.has(override.check)) addSuppressions(this.workload.metadata, override);
    }
  }

  /** Mounts a writable emptyDir at each writable path the container has no mount for yet. */
  public finishContainer(cont: kplus.Container): void {
    if (this.finished.has(cont)) return;
    this.finished.add(cont);
    for (const path of this.options.writablePaths) {
      if (cont.mounts.some(m => m.path === path)) continue;
      const name = volumeName(cont.name, path);
      const volume = kplus.Volume.fromEmptyDir(this.workload, `Writable-${name}`, name, {
        medium: this.options.writableVolumeMedium,
        sizeLimit: this.options.writableVolumeSizeLimit,
      });
      cont.mount(path, volume);
    }
  }

  /** Allows ingress from the peer; a hardened peer workload gets the matching egress rule. */
  public allowIngressFrom(peer: NetworkPeer, ports: kplus.NetworkPolicyPort[] | undefined): void {
    const rendered = this.portsOr(ports, () => servedPorts(this.workload), 'allowIngressFrom', 'this workload serves no port');
    this.networkPolicy.addIngress(peer._toPeer(this.workload), rendered);
    const other = peer.targetWorkload && WorkloadHardening.of(peer.targetWorkload);
    if (other && other !== this) other.networkPolicy.addEgress(NetworkPeer.workload(this.workload)._toPeer(peer.targetWorkload!), rendered);
  }

  /** Allows egress to the peer; a hardened peer workload gets the matching ingress rule. */
  public allowEgressTo(peer: NetworkPeer, ports: kplus.NetworkPolicyPort[] | undefined): void {
    const target = peer.targetWorkload;
    const rendered = this.portsOr(ports, () => (target ? servedPorts(target) : []), 'allowEgressTo',
      target ? `workload ${target.node.path} serves no port` : 'the peer is not a workload');
    this.networkPolicy.addEgress(peer._toPeer(this.workload), rendered);
    const other = target && WorkloadHardening.of(target);
    if (other && other !== this) other.networkPolicy.addIngress(NetworkPeer.workload(this.workload)._toPeer(target!), rendered);
  }

  /** Refuses NodePort and LoadBalancer unless EXPOSED_SERVICE is overridden; returns the override to record. */
  public checkServiceType(type: kplus.ServiceType | undefined): HardeningOverride | undefined {
    if (type === undefined || type === kplus.ServiceType.CLUSTER_IP) return undefined;
    const override = this.options.overrides.get(HardeningCheck.EXPOSED_SERVICE);
    if (!override) {
      throw refusal(this.options.subject, 'exposeViaService() serviceType', type, HardeningCheck.EXPOSED_SERVICE,
        'keep the default ClusterIP Service and expose it through an Ingress or Gateway');
    }
    this.relied.add(HardeningCheck.EXPOSED_SERVICE);
    return override;
  }

  private portsOr(
    ports: kplus.NetworkPolicyPort[] | undefined, fallback: () => kplus.k8s.NetworkPolicyPort[], method: string, why: string,
  ): kplus.k8s.NetworkPolicyPort[] {
    if (ports !== undefined && ports.length > 0) return ports.map(p => p._toKube());
    const derived = fallback();
    if (derived.length === 0) {
      throw invalid(this.options.subject, `${method}() ports`, ports === undefined ? 'unset' : '[]',
        `${why}, so the ports cannot be derived: name them, e.g. [kplus.NetworkPolicyPort.tcp(8080)]`);
    }
    return derived;
  }

  private deferredProblems(): string[] {
    const problems: string[] = [];
    const containers = [...this.workload.containers, ...this.workload.initContainers];
    const volumes = [...this.workload.volumes, ...containers.flatMap(c => c.mounts.map(m => m.volume))];
    for (const vol of volumes.filter((v, i, all) => all.indexOf(v) === i)) {
      try {
        checkVolume(vol, `volume "${vol.name}"`, this.options);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    return problems;
  }
}

/** Writes the override as suppression annotations for each rule it accepts findings of. */
export function addSuppressions(metadata: { addAnnotation(key: string, value: string): void }, override: HardeningOverride): void {
  for (const ruleId of CHECKS[override.check].suppresses) {
    metadata.addAnnotation(`${SUPPRESS_ANNOTATION_PREFIX}${ruleId}`, override.reason.trim());
    if (override.expires !== undefined) metadata.addAnnotation(`${SUPPRESS_EXPIRES_ANNOTATION_PREFIX}${ruleId}`, override.expires);
  }
}

function selectorOf(workload: kplus.Workload): kplus.k8s.LabelSelector {
  const expressions = workload.matchExpressions;
  return {
    matchLabels: workload.matchLabels,
    ...(expressions.length > 0 ? { matchExpressions: expressions } : {}),
  };
}

/** The container ports of a workload, as NetworkPolicy ports. */
function servedPorts(workload: kplus.Workload): kplus.k8s.NetworkPolicyPort[] {
  const seen = new Set<string>();
  const result: kplus.k8s.NetworkPolicyPort[] = [];
  for (const port of workload.containers.flatMap(c => c.ports)) {
    const protocol = port.protocol ?? kplus.Protocol.TCP;
    const key = `${protocol}/${port.number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ port: kplus.k8s.IntOrString.fromNumber(port.number), protocol });
  }
  return result;
}

/** `<container>-<path>` as a DNS label, shortened with a hash when longer than 63 characters. */
function volumeName(container: string, path: string): string {
  const slug = `${container}-${path}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= 63) return slug;
  const hash = createHash('sha256').update(`${container}\0${path}`).digest('hex').slice(0, 8);
  return `${slug.slice(0, 54).replace(/-+$/, '')}-${hash}`;
}
