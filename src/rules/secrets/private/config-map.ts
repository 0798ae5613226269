import { ManifestObject } from '../../../engine/manifest-object';
import { isObject } from '../../../private/pod-template';

/** One string entry of a ConfigMap's `data`. */
export interface ConfigMapEntry {
  readonly key: string;
  readonly value: string;
  /** Field path: `data.<key>` for a plain key, `data["<key>"]` for one with dots or slashes. */
  readonly path: string;
}

/** The string entries of a core ConfigMap's `data`; empty for every other object. `binaryData` is not read. */
export function configMapEntries(object: ManifestObject): ConfigMapEntry[] {
  if (object.kind !== 'ConfigMap' || object.apiGroup !== '' || !isObject(object.manifest)) return [];
  const data = object.manifest.data;
  if (!isObject(data)) return [];
  return Object.keys(data)
    .filter(key => typeof data[key] === 'string')
    .map(key => ({ key, value: data[key] as string, path: dataPath(key) }));
}

function dataPath(key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return `data.${key}`;
  return key.includes('"') || key.includes(']') ? 'data' : `data["${key}"]`;
}

/** A `key = value` / `key: value` line of a configuration file held in a ConfigMap value. */
export interface ConfigLine {
  /** 1-based line number inside the value. */
  readonly line: number;
  readonly key: string;
  /** The value with quotes and a trailing comma removed. Never put it in a message. */
  readonly value: string;
}

const CONFIG_LINE = /^\s*(?:export\s+)?["']?([A-Za-z0-9_.-]+)["']?\s*[:=]\s*(.*?)\s*$/;

/**
 * The key/value lines of a multi-line value (properties, .env, YAML, TOML, JSON), best effort. Values holding a
 * `${...}` or `$(...)` placeholder are dropped: they are filled from elsewhere at run time.
 */
export function configLines(value: string): ConfigLine[] {
  if (!value.includes('\n')) return [];
  const result: ConfigLine[] = [];
  value.split('\n').forEach((text, i) => {
    if (/^\s*[#;!]/.test(text) || text.trim().startsWith('//')) return;
    const match = CONFIG_LINE.exec(text);
    if (!match) return;
    const v = match[2].replace(/,$/, '').replace(/^(["'])(.*)\1$/, '$2').trim();
    if (/\$\{[^}]*\}|\$\([^)]*\)/.test(v)) return;
    result.push({ line: i + 1, key: match[1], value: v });
  });
  return result;
}
