export * from './network-flow';
export * from './network-flows';
