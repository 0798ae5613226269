import { PodSecurityLevel } from '../pod-security-level';

/** The levels the Pod Security Admission labels accept. */
export const POD_SECURITY_LEVELS: string[] = Object.values(PodSecurityLevel);

/**
 * Rules of the namespace pack that report a namespace enforcing less than `restricted`; a lower level given
 * with a reason is recorded as a suppression of each on the Namespace object.
 */
export const POD_SECURITY_LEVEL_RULE_IDS = ['namespace-psa-enforce-restricted'];
