import { Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';

/** Millicores of a cdk8s-plus `Cpu` (`Cpu.millis(500)` is "500m", `Cpu.units(2)` is "2"). */
export function cpuMillis(cpu: Cpu): number {
  const amount = String(cpu.amount).trim();
  const millis = amount.endsWith('m') ? Number(amount.slice(0, -1)) : Number(amount) * 1000;
  if (!Number.isFinite(millis) || millis < 0) {
    throw new Error(`cannot read CPU amount "${amount}": use Cpu.millis(n) or Cpu.units(n) with n >= 0`);
  }
  return millis;
}

/** The Kubernetes quantity for a `Cpu`, as cdk8s-plus renders it. */
export function cpuQuantity(cpu: Cpu): string {
  return String(cpu.amount);
}

/** Kibibytes of a cdk8s `Size` (its smallest unit). */
export function memoryKibibytes(size: Size): number {
  return size.toKibibytes();
}

/** The Kubernetes quantity for a `Size`, in the largest binary unit that keeps it whole. */
export function memoryQuantity(size: Size): string {
  const kib = size.toKibibytes();
  if (kib % (1024 * 1024) === 0) return `${kib / (1024 * 1024)}Gi`;
  if (kib % 1024 === 0) return `${kib / 1024}Mi`;
  return `${kib}Ki`;
}
