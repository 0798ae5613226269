// The logic of the Pod Security Standards rules, one Pod Security Admission check per class.
// Rule IDs, severities and texts live in src/packs/pss-baseline.ts and src/packs/pss-restricted.ts.
export * from './host-namespaces';
export * from './privileged-containers';
export * from './baseline-capabilities';
export * from './host-path-volumes';
export * from './host-ports';
export * from './probe-and-lifecycle-hosts';
export * from './app-armor-profile';
export * from './se-linux-options';
export * from './proc-mount';
export * from './baseline-seccomp';
export * from './safe-sysctls';
export * from './windows-host-process';
export * from './restricted-volume-types';
export * from './privilege-escalation';
export * from './run-as-non-root';
export * from './run-as-user';
export * from './restricted-seccomp';
export * from './restricted-capabilities';
export * from './proc-mount-restricted';
