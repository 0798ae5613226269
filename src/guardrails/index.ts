export * from './guardrails';
export * from './suppressions';
