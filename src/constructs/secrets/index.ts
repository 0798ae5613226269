export * from './external-secret';
export * from './external-secret-options';
export * from './secret-backed-env';
export * from './secret-source';
