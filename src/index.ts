export * from './engine';
export * from './packs';
export * from './aspects';
export * from './guardrails';
export * from './flows';
