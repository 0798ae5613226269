/** True for a JSON object (a mapping): not null, not an array. Manifests are read through this everywhere. */
export function isObject(value: unknown): value is { [key: string]: any } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
