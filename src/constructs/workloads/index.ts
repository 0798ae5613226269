export * from './hardening';
export * from './hardened-deployment';
export * from './hardened-stateful-set';
export * from './volume-claim';
export * from './hardened-daemon-set';
export * from './hardened-job';
export * from './hardened-cron-job';
