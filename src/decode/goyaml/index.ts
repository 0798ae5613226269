// The go-yaml v2 port (go.yaml.in/yaml/v2 v2.4.4, what kubectl reads YAML with): one import point for the
// decoding layer. Not part of the library's public API (src/index.ts does not export it).
export * from './events';
export * from './parser';
export * from './resolve';
export * from './compose';
