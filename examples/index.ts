import { build as customRule } from './custom-rule/app';
import { build as deployRepo } from './deploy-repo/app';
import { Example } from './example';
import { build as includeLegacy } from './include-legacy/app';
import { build as platformTemplate } from './platform-template/app';

/** Every example, in the order the README presents them. */
export const EXAMPLES: Example[] = [
  { name: 'deploy-repo', description: 'An isolated namespace with web and api, secrets from Vault, and exactly the needed flows.', build: deployRepo },
  { name: 'platform-template', description: "A platform team's WebService template, used by two teams.", build: platformTemplate },
  { name: 'include-legacy', description: "A vendor's YAML brought in with Include, fixed by an aspect, the rest suppressed with reasons.", build: includeLegacy },
  { name: 'custom-rule', description: 'A house rule and pack next to the shipped ones.', build: customRule },
];
