import { ResolvedScalar } from './goyaml/resolve';

/** A mapping key after sigs.k8s.io/yaml's conversion, or why kubectl (or we) cannot convert it. */
export type JsonKey = { readonly key: string; readonly goKey: string; readonly refusal?: undefined } | { readonly refusal: string };

/**
 * The JSON key sigs.k8s.io/yaml makes of a resolved go-yaml key (`on` -> "true", `0x10` -> "16"), with the Go
 * value's identity (`s:x`, `i:1`, `b:true`) so that keys of different Go types that become one JSON key can be told
 * apart. Null and uint64 keys fail in kubectl; float keys are written in float32 notation, so they are refused too.
 */
export function jsonKeyOf(resolved: ResolvedScalar, text: string): JsonKey {
  switch (resolved.tag) {
    case '!!str':
    case '!!timestamp':
      return { key: resolved.value, goKey: `s:${resolved.value}` };
    case '!!bool':
      return { key: String(resolved.value), goKey: `b:${resolved.value}` };
    case '!!int':
      if (resolved.goType === 'uint64') return { refusal: `the mapping key ${text} is an unsigned 64-bit integer, which kubectl cannot turn into a JSON key; quote it` };
      return { key: resolved.value.toString(), goKey: `i:${resolved.value}` };
    case '!!null':
      return { refusal: `a null mapping key (${text === '' ? 'an empty key' : text}): kubectl cannot turn it into a JSON key; quote it` };
    default:
      return { refusal: `the mapping key ${text} is a floating-point number, which kubectl rewrites in float32 notation; quote it to say which key you mean` };
  }
}
