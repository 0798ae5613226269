import { WildcardCheck } from './private/wildcard-findings';

/** No rule of a Role uses `*` in verbs, resources or apiGroups. */
export class RoleWildcardsCheck extends WildcardCheck {
  constructor() { super(false); }
}
