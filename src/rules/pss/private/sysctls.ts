/**
 * The safe sysctls of the admission code, by the policy version that added them (`sysctlsAllowedV1Dot*`). The
 * 1.37 entries are in the admission code's main branch; they apply when the target version is 1.37 or later.
 */
const SAFE_SYSCTLS_SINCE: Array<[number, string[]]> = [
  [0, ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
];

/** The sysctls PSS baseline accepts at a Kubernetes minor version. */
export function safeSysctls(minor: number): readonly string[] {
  let names = BY_MINOR.get(minor);
  if (names === undefined) {
    names = SAFE_SYSCTLS_SINCE.filter(([since]) => minor >= since).flatMap(([, added]) => added);
    BY_MINOR.set(minor, names);
  }
  return names;
}

const BY_MINOR = new Map<number, readonly string[]>();
