import { ApiObject } from 'cdk8s';
import { HardeningChange } from '../hardening-change';

/**
 * What hardening aspects changed, per ApiObject, for the guardrails report. Aspects visit an object once per app,
 * however often it is synthesized, so each change is recorded once.
 */
const CHANGES = new WeakMap<ApiObject, HardeningChange[]>();

export function recordHardening(object: ApiObject, changes: HardeningChange[]): void {
  if (!changes.length) return;
  CHANGES.set(object, [...(CHANGES.get(object) ?? []), ...changes]);
}

/** The changes hardening aspects made to this object, in the order they were made. */
export function hardeningOf(object: ApiObject): HardeningChange[] {
  return CHANGES.get(object) ?? [];
}
