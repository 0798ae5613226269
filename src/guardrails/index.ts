export * from './guardrails';
export * from './suppressions';
export * from './external-declarations';
