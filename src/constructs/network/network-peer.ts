import * as kplus from 'cdk8s-plus-28';
import { memberName } from '../../private/caller-language';

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Something a hardened workload may exchange traffic with: another workload, a namespace, pods chosen by labels, or
 * an IP block. Pass it to `allowIngressFrom` / `allowEgressTo` of a hardened workload.
 *
 * @example
 * api.allowIngressFrom(NetworkPeer.workload(web), [kplus.NetworkPolicyPort.tcp(8080)]);
 * api.allowEgressTo(NetworkPeer.ipBlock('10.20.0.0/16'), [kplus.NetworkPolicyPort.tcp(5432)]);
 */
export class NetworkPeer {
  /**
   * The pods of a workload. When the workload is hardened too, the matching rule is added on its side as well
   * (ingress for an egress rule and the other way round), since both ends are isolated.
   */
  public static workload(workload: kplus.Workload): NetworkPeer {
    return new NetworkPeer(undefined, workload);
  }

  /** Every pod of the namespace with this name (selected by its `kubernetes.io/metadata.name` label). */
  public static namespace(name: string): NetworkPeer {
    checkLabelValue(name, 'NetworkPeer.namespace(name)');
    return new NetworkPeer({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: name } } });
  }

  /** Every pod of the namespaces carrying these labels. */
  public static namespaceSelector(labels: { [key: string]: string }): NetworkPeer {
    if (Object.keys(labels).length === 0) {
      throw new Error(`NetworkPeer.${memberName('namespaceSelector')}(labels): labels is empty, which selects every namespace; name the labels of the namespaces to allow`);
    }
    return new NetworkPeer({ namespaceSelector: { matchLabels: { ...labels } } });
  }

  /**
   * Pods carrying these labels, in the workload's own namespace or, given `namespaceName`, in that namespace.
   * @param podLabels labels of the pods
   * @param namespaceName namespace of the pods; omit for the workload's own namespace
   */
  public static pods(podLabels: { [key: string]: string }, namespaceName?: string): NetworkPeer {
    if (Object.keys(podLabels).length === 0) {
      throw new Error(`NetworkPeer.pods(${memberName('podLabels')}): ${memberName('podLabels')} is empty, which selects every pod; name the labels of the pods to allow`);
    }
    return new NetworkPeer({
      podSelector: { matchLabels: { ...podLabels } },
      ...(namespaceName !== undefined ? { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespaceName } } } : {}),
    });
  }

  /**
   * Addresses in a CIDR block, optionally minus some sub-blocks. Traffic to and from pods is better expressed with
   * the other peers: pod IPs change.
   * @param cidr e.g. `10.20.0.0/16`
   * @param excluding sub-blocks of `cidr` to leave out
   */
  public static ipBlock(cidr: string, excluding?: string[]): NetworkPeer {
    checkCidr(cidr, `NetworkPeer.${memberName('ipBlock')}(cidr)`);
    (excluding ?? []).forEach((e, i) => checkCidr(e, `NetworkPeer.${memberName('ipBlock')}(excluding[${i}])`));
    return new NetworkPeer({ ipBlock: { cidr, ...(excluding && excluding.length > 0 ? { except: [...excluding] } : {}) } });
  }

  /** The workload this peer stands for, when it was made by `NetworkPeer.workload()`. */
  public readonly targetWorkload?: kplus.Workload;
  private readonly peer?: kplus.k8s.NetworkPolicyPeer;

  private constructor(peer?: kplus.k8s.NetworkPolicyPeer, workload?: kplus.Workload) {
    this.peer = peer;
    this.targetWorkload = workload;
  }

  /**
   * The peer element as seen from `viewer`'s policy: a workload in another namespace is also selected by namespace.
   * @internal
   */
  public _toPeer(viewer: kplus.Workload): kplus.k8s.NetworkPolicyPeer {
    if (this.peer) return this.peer;
    const workload = this.targetWorkload!;
    const address = workload.podMetadata.getLabel(kplus.Pod.ADDRESS_LABEL);
    if (!address) throw new Error(`${workload.node.path}: pods have no ${kplus.Pod.ADDRESS_LABEL} label to select them by`);
    const namespace = workload.metadata.namespace;
    return {
      podSelector: { matchLabels: { [kplus.Pod.ADDRESS_LABEL]: address } },
      ...(namespace !== undefined && namespace !== viewer.metadata.namespace
        ? { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } } }
        : {}),
    };
  }
}

function checkLabelValue(value: string, prop: string): void {
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(value)) {
    throw new Error(`${prop} is ${JSON.stringify(value)}; give a namespace name (lower-case letters, digits and dashes, at most 63 characters)`);
  }
}

function checkCidr(cidr: string, prop: string): void {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const ok = v4
    ? v4.slice(1, 5).every(n => Number(n) <= 255) && Number(v4[5]) <= 32
    : /^[0-9a-fA-F:]+\/\d{1,3}$/.test(cidr) && cidr.includes(':') && Number(cidr.split('/')[1]) <= 128;
  if (!ok) {
    throw new Error(`${prop} is ${JSON.stringify(cidr)}; give a CIDR block such as "10.20.0.0/16" or "fd00::/8"`);
  }
}
