import { Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';
import { NamespaceLimitRangeOptions, NamespaceQuotaOptions } from '../namespace-quota';
import { cpuMillis, cpuQuantity, memoryKibibytes, memoryQuantity } from './quantities';

/** Quota and LimitRange with every default filled in. */
export interface ResolvedResources {
  readonly quota: Required<NamespaceQuotaOptions>;
  readonly limitRange: Required<NamespaceLimitRangeOptions>;
}

/** The documented defaults, in one place so the docs test can hold them. */
export function resolveResources(quota: NamespaceQuotaOptions = {}, limitRange: NamespaceLimitRangeOptions = {}): ResolvedResources {
  return {
    quota: {
      requestsCpu: quota.requestsCpu ?? Cpu.units(4),
      limitsCpu: quota.limitsCpu ?? Cpu.units(8),
      requestsMemory: quota.requestsMemory ?? Size.gibibytes(8),
      limitsMemory: quota.limitsMemory ?? Size.gibibytes(16),
      pods: quota.pods ?? 50,
      nodePortServices: quota.nodePortServices ?? 0,
      loadBalancerServices: quota.loadBalancerServices ?? 0,
    },
    limitRange: {
      defaultCpuRequest: limitRange.defaultCpuRequest ?? Cpu.millis(100),
      defaultCpuLimit: limitRange.defaultCpuLimit ?? Cpu.millis(500),
      defaultMemoryRequest: limitRange.defaultMemoryRequest ?? Size.mebibytes(128),
      defaultMemoryLimit: limitRange.defaultMemoryLimit ?? Size.mebibytes(512),
    },
  };
}

/**
 * Every conflict between the quota and the LimitRange, as full sentences naming the props, the values and the
 * fix. Empty when the configuration is consistent.
 */
export function resourceProblems(r: ResolvedResources): string[] {
  const problems: string[] = [];
  const q = r.quota;
  const l = r.limitRange;

  for (const prop of ['pods', 'nodePortServices', 'loadBalancerServices'] as const) {
    const value = q[prop];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      problems.push(`quota.${prop} is ${JSON.stringify(value)}: give a whole number >= 0.`);
    }
  }

  const cpu = (prop: string, value: Cpu) => ({ prop, value, amount: safe(() => cpuMillis(value), problems, prop), text: cpuQuantity(value) });
  const mem = (prop: string, value: Size) => ({
    prop, value, amount: safe(() => memoryKibibytes(value), problems, prop), text: safeText(() => memoryQuantity(value)),
  });

  const pairs = [
    // [smaller, larger, why]
    [cpu('quota.requestsCpu', q.requestsCpu), cpu('quota.limitsCpu', q.limitsCpu), 'requests can never exceed limits, so the quota on requests could not be used'],
    [mem('quota.requestsMemory', q.requestsMemory), mem('quota.limitsMemory', q.limitsMemory), 'requests can never exceed limits, so the quota on requests could not be used'],
    [cpu('limitRange.defaultCpuRequest', l.defaultCpuRequest), cpu('limitRange.defaultCpuLimit', l.defaultCpuLimit), 'a container given both defaults would have request > limit, which the API server rejects'],
    [mem('limitRange.defaultMemoryRequest', l.defaultMemoryRequest), mem('limitRange.defaultMemoryLimit', l.defaultMemoryLimit), 'a container given both defaults would have request > limit, which the API server rejects'],
    [cpu('limitRange.defaultCpuLimit', l.defaultCpuLimit), cpu('quota.limitsCpu', q.limitsCpu), 'no container using the default limit could ever be admitted'],
    [mem('limitRange.defaultMemoryLimit', l.defaultMemoryLimit), mem('quota.limitsMemory', q.limitsMemory), 'no container using the default limit could ever be admitted'],
    [cpu('limitRange.defaultCpuRequest', l.defaultCpuRequest), cpu('quota.requestsCpu', q.requestsCpu), 'no container using the default request could ever be admitted'],
    [mem('limitRange.defaultMemoryRequest', l.defaultMemoryRequest), mem('quota.requestsMemory', q.requestsMemory), 'no container using the default request could ever be admitted'],
  ] as const;
  for (const [small, large, why] of pairs) {
    if (small.amount === undefined || large.amount === undefined) continue;
    if (small.amount > large.amount) {
      problems.push(`${small.prop} is ${small.text}, above ${large.prop} ${large.text}: ${why}. Lower ${small.prop} or raise ${large.prop}.`);
    }
  }
  return [...new Set(problems)];
}

/** The ResourceQuota `spec.hard`. */
export function quotaHard(r: ResolvedResources): { [key: string]: string } {
  const q = r.quota;
  return {
    'requests.cpu': cpuQuantity(q.requestsCpu),
    'limits.cpu': cpuQuantity(q.limitsCpu),
    'requests.memory': memoryQuantity(q.requestsMemory),
    'limits.memory': memoryQuantity(q.limitsMemory),
    'pods': String(q.pods),
    'services.nodeports': String(q.nodePortServices),
    'services.loadbalancers': String(q.loadBalancerServices),
  };
}

/** The LimitRange item for containers. */
export function containerLimits(r: ResolvedResources): { defaultRequest: { [key: string]: string }; default: { [key: string]: string } } {
  const l = r.limitRange;
  return {
    defaultRequest: { cpu: cpuQuantity(l.defaultCpuRequest), memory: memoryQuantity(l.defaultMemoryRequest) },
    default: { cpu: cpuQuantity(l.defaultCpuLimit), memory: memoryQuantity(l.defaultMemoryLimit) },
  };
}

function safe(read: () => number, problems: string[], prop: string): number | undefined {
  try {
    return read();
  } catch (e) {
    problems.push(`${prop}: ${(e as Error).message}.`);
    return undefined;
  }
}

function safeText(read: () => string): string {
  try {
    return read();
  } catch {
    return '(unreadable)';
  }
}
