export * from './admission-guardrails';
