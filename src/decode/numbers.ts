/** The largest integer JavaScript numbers (and so JSON readers in many tools) hold exactly. */
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Calls `refuse` when an integer cannot be held exactly by a JavaScript number. Go reads such an integer exactly
 * and we would round it, so the value the rules judge could differ from the one the cluster gets.
 */
export function checkSafeInteger(value: bigint, refuse: () => never): void {
  if (value > MAX_EXACT || value < -MAX_EXACT) refuse();
}

/** True when a JavaScript number holds the integer exactly (see `checkSafeInteger`). */
export function isSafeInteger(value: bigint): boolean {
  return value <= MAX_EXACT && value >= -MAX_EXACT;
}
