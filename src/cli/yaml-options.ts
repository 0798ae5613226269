import { DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from 'yaml';

/** The most alias expansions one document may make: a legitimate manifest needs a handful, a "billion laughs" bomb millions. */
export const MAX_ALIAS_COUNT = 100;

/** The deepest nesting accepted in a document. Real manifests (CRD schemas included) stay far below it. */
export const MAX_DEPTH = 128;

// kubectl reads YAML through sigs.k8s.io/yaml (go-yaml v2): YAML 1.1 booleans (`yes`, `on`), octal `0644` and merge
// keys resolve as it does, so a rule sees the value the API server gets. go-yaml leaves timestamps and
// sexagesimal numbers as strings when decoding into JSON, so those 1.1 tags are dropped.
const DROPPED_TAGS = ['tag:yaml.org,2002:timestamp'];

/** How manifests are parsed: YAML 1.1 as kubectl reads it, duplicate keys refused (they are ambiguous). */
export const YAML_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  uniqueKeys: true,
  strict: true,
  prettyErrors: true,
  customTags: tags => tags.filter(tag => typeof tag === 'string' || (!DROPPED_TAGS.includes(tag.tag) && tag.format !== 'TIME')),
};

/** How parsed documents are turned into plain objects. */
export const YAML_TOJS_OPTIONS: ToJSOptions = {
  maxAliasCount: MAX_ALIAS_COUNT,
};
