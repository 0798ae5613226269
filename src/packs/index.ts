export * from './packs';
export * from './workload';
