export * from './aspect';
export * from './aspects';
export * from './hardening-fix';
export * from './hardening-change';
export * from './hardening-resources';
export * from './workload-filter';
export * from './writable-directory';
export * from './harden-workloads';
