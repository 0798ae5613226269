export * from './network-peer';
