import type { ApiObject } from 'cdk8s';

/**
 * Decides which workloads a hardening aspect changes, beyond its kinds, names and namespaces.
 *
 * @example
 * class SkipDaemonSets implements IWorkloadFilter {
 *   public selects(workload: ApiObject): boolean {
 *     return workload.kind !== 'DaemonSet';
 *   }
 * }
 */
export interface IWorkloadFilter {
  /** True to harden this workload (an object that carries a pod template: Deployment, Job, a Rollout, ...). */
  selects(workload: ApiObject): boolean;
}
