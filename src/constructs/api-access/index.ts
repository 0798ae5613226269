export * from './api-access';
export * from './api-access-check';
export * from './api-access-rule';
