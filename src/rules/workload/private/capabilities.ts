/**
 * Capabilities that give a container power over the node or other workloads, with why. Data, not logic: add an
 * entry to cover another capability. NET_BIND_SERVICE, CHOWN, SETUID and the other baseline capabilities are not
 * here on purpose.
 */
export const DANGEROUS_CAPABILITIES: { [capability: string]: string } = {
  ALL: 'every capability',
  SYS_ADMIN: 'mounts, namespaces and most of root\'s powers',
  NET_ADMIN: 'reconfiguring the network, firewall and routing',
  NET_RAW: 'raw sockets for spoofing and sniffing',
  SYS_PTRACE: 'tracing and reading other processes',
  SYS_MODULE: 'loading kernel modules',
  SYS_RAWIO: 'raw access to devices and memory',
  SYS_BOOT: 'rebooting the node',
  SYS_TIME: 'setting the node clock',
  SYS_RESOURCE: 'overriding resource limits',
  DAC_OVERRIDE: 'bypassing file permission checks',
  DAC_READ_SEARCH: 'reading any file and handles to host files',
  BPF: 'loading BPF programs into the kernel',
  PERFMON: 'kernel performance monitoring',
  MAC_ADMIN: 'changing the mandatory access control policy',
  MAC_OVERRIDE: 'bypassing mandatory access control',
  SYSLOG: 'reading kernel logs and addresses',
  LINUX_IMMUTABLE: 'changing immutable files',
  WAKE_ALARM: 'waking the node',
  BLOCK_SUSPEND: 'blocking node suspend',
};

/** `cap_sys_admin`, `CAP_SYS_ADMIN` and `SYS_ADMIN` all name SYS_ADMIN. */
export function normalizeCapability(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}
