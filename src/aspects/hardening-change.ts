import type { HardeningFix } from './hardening-fix';
import type { ResourceRef } from '../engine/finding';

/** One field a hardening aspect set on an object before the guardrails judged it. */
export interface HardeningChange {
  /** The fix that set the field. */
  readonly fix: HardeningFix;
  /** The object changed, as it is rendered. */
  readonly resource: ResourceRef;
  /** Path of the construct that renders the object (for an Include, the Include's path and the object's id). */
  readonly constructPath: string;
  /** The field, written as finding paths are, e.g. `spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation`. */
  readonly path: string;
  /** The value before, as JSON. @default - the field was not set */
  readonly before?: string;
  /** The value set, as JSON. */
  readonly after: string;
}
