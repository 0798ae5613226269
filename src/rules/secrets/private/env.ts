import { ManifestObject } from '../../../engine/manifest-object';
import { ContainerRef, containersOf, isObject, podTemplateOf } from '../../../private/pod-template';

/** One `env` entry with a literal `value` (not `valueFrom`). */
export interface LiteralEnv {
  readonly container: ContainerRef;
  /** The variable's name; `#<index>` when unnamed. */
  readonly name: string;
  /** The literal value. Never put it in a message. */
  readonly value: unknown;
  /** Dotted path of the value, e.g. `spec.containers[0].env[2].value`. */
  readonly path: string;
  /** Short field reference for messages, e.g. `env[2].value`. */
  readonly field: string;
}

/** Every env entry with a literal value, in every container of a pod-bearing object. */
export function literalEnvs(object: ManifestObject): LiteralEnv[] {
  const pod = podTemplateOf(object);
  if (!pod) return [];
  const result: LiteralEnv[] = [];
  for (const ref of containersOf(pod)) {
    const env = ref.container.env;
    if (!Array.isArray(env)) continue;
    env.forEach((entry: unknown, i: number) => {
      if (!isObject(entry) || entry.value === undefined || entry.value === null) return;
      const name = typeof entry.name === 'string' && entry.name ? entry.name : `#${i}`;
      result.push({ container: ref, name, value: entry.value, path: `${ref.path}.env[${i}].value`, field: `env[${i}].value` });
    });
  }
  return result;
}
