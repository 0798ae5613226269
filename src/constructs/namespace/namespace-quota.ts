import { Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';

/**
 * The ResourceQuota of an IsolatedNamespace: totals over every pod of the namespace, whoever created it.
 *
 * @see https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
export interface NamespaceQuotaOptions {
  /**
   * Sum of the CPU requests of all pods (`requests.cpu`).
   * @default Cpu.units(4)
   */
  readonly requestsCpu?: Cpu;
  /**
   * Sum of the CPU limits of all pods (`limits.cpu`).
   * @default Cpu.units(8)
   */
  readonly limitsCpu?: Cpu;
  /**
   * Sum of the memory requests of all pods (`requests.memory`).
   * @default Size.gibibytes(8)
   */
  readonly requestsMemory?: Size;
  /**
   * Sum of the memory limits of all pods (`limits.memory`).
   * @default Size.gibibytes(16)
   */
  readonly limitsMemory?: Size;
  /**
   * Number of pods (`pods`).
   * @default 50
   */
  readonly pods?: number;
  /**
   * Number of NodePort Services (`services.nodeports`). Node ports expose pods on every node's address.
   * @default 0
   */
  readonly nodePortServices?: number;
  /**
   * Number of LoadBalancer Services (`services.loadbalancers`). Load balancers expose pods outside the cluster.
   * @default 0
   */
  readonly loadBalancerServices?: number;
}

/**
 * The LimitRange of an IsolatedNamespace: requests and limits given to containers that set none, so the quota
 * holds for objects that did not go through our constructs.
 *
 * @see https://kubernetes.io/docs/concepts/policy/limit-range/
 */
export interface NamespaceLimitRangeOptions {
  /**
   * CPU request of a container that sets none (`defaultRequest.cpu`).
   * @default Cpu.millis(100)
   */
  readonly defaultCpuRequest?: Cpu;
  /**
   * CPU limit of a container that sets none (`default.cpu`).
   * @default Cpu.millis(500)
   */
  readonly defaultCpuLimit?: Cpu;
  /**
   * Memory request of a container that sets none (`defaultRequest.memory`).
   * @default Size.mebibytes(128)
   */
  readonly defaultMemoryRequest?: Size;
  /**
   * Memory limit of a container that sets none (`default.memory`).
   * @default Size.mebibytes(512)
   */
  readonly defaultMemoryLimit?: Size;
}
