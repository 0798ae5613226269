/**
 * Reads the Pod Security Admission verdict out of the API server's refusal:
 *   pods "x" is forbidden: violates PodSecurity "restricted:latest": privileged (container "a" must not set ...),
 *   runAsNonRoot != true (pod or container "a" must set securityContext.runAsNonRoot=true)
 * Each reason is the `ForbiddenReason` of one check in k8s.io/pod-security-admission/policy (v0.37.2), mapped here
 * to the check's ID, the ID our rules carry in `equivalents.pss`.
 */

/** ForbiddenReason -> check ID, per level where the same reason belongs to two checks. */
const REASONS: { [reason: string]: { baseline: string; restricted: string } } = {};
const same = (reason: string, id: string) => { REASONS[reason] = { baseline: id, restricted: id }; };
same('allowPrivilegeEscalation != false', 'allowPrivilegeEscalation');
same('forbidden AppArmor profile', 'appArmorProfile');
same('forbidden AppArmor profiles', 'appArmorProfile');
same('non-default capabilities', 'capabilities_baseline');
same('unrestricted capabilities', 'capabilities_restricted');
same('host namespaces', 'hostNamespaces');
same('hostPath volumes', 'hostPathVolumes');
same('hostPort', 'hostPorts');
same('probe or lifecycle host', 'hostProbesAndHostLifecycle');
same('privileged', 'privileged');
same('restricted volume types', 'restrictedVolumes');
same('runAsNonRoot != true', 'runAsNonRoot');
same('runAsUser=0', 'runAsUser');
same('seLinuxOptions', 'seLinuxOptions');
same('forbidden sysctls', 'sysctls');
same('hostProcess', 'windowsHostProcess');
// At restricted, procMount_restricted (1.35+) and seccompProfile_restricted override the baseline checks and
// report under the same reason.
REASONS.procMount = { baseline: 'procMount', restricted: 'procMount_restricted' };
REASONS.seccompProfile = { baseline: 'seccompProfile_baseline', restricted: 'seccompProfile_restricted' };

/** Splits `a (x, y), b (z)` at the commas outside parentheses and quotes. */
function topLevelParts(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' && s[i - 1] !== '\\') {quoted = !quoted;} else if (!quoted && c === '(') {depth++;} else if (!quoted && c === ')') {depth--;} else if (!quoted && depth === 0 && c === ',' && s[i + 1] === ' ') {
      parts.push(s.slice(start, i));
      start = i + 2;
    }
  }
  parts.push(s.slice(start));
  return parts.map(p => p.trim()).filter(p => p !== '');
}

/** The server's verdict on one Pod at one level. */
export interface ServerVerdict {
  /** Created, refused by PodSecurity, or refused for another reason (validation, quota, ...). */
  readonly outcome: 'admitted' | 'pss' | 'other';
  /** The failed check IDs (outcome `pss`). */
  readonly checks: string[];
  /** The server's message, for `other` (and unknown reasons). */
  readonly message: string;
}

/** The verdict from kubectl's output: `created` when the Pod was stored, else its error message. */
export function verdictOf(created: boolean, stderr: string, level: 'baseline' | 'restricted'): ServerVerdict {
  if (created) return { outcome: 'admitted', checks: [], message: '' };
  const m = /violates PodSecurity "[a-z]+:[^"]+": (.*)$/m.exec(stderr);
  if (!m) return { outcome: 'other', checks: [], message: stderr.trim() };
  const checks = new Set<string>();
  for (const part of topLevelParts(m[1])) {
    const reason = part.replace(/\s*\(.*$/s, '');
    const id = REASONS[reason]?.[level];
    if (!id) throw new Error(`unknown PodSecurity reason "${reason}" in: ${m[0]}`);
    checks.add(id);
  }
  return { outcome: 'pss', checks: [...checks].sort(), message: m[0] };
}
