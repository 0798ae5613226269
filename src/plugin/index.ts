export * from './hardened-validation';
