/** The seccomp profile types both PSS levels accept, from `validSeccomp` in the admission code. */
export const ALLOWED_SECCOMP_TYPES = ['RuntimeDefault', 'Localhost'];

/** True when a seccompProfile object carries an accepted type (a missing type is not accepted). */
export function isAllowedSeccompProfile(profile: { [key: string]: any }): boolean {
  return ALLOWED_SECCOMP_TYPES.includes(profile.type);
}
