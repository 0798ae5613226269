export * from './isolated-namespace';
export * from './namespace-peer';
export * from './namespace-quota';
export * from './network-flow';
export * from './pod-security-level';
