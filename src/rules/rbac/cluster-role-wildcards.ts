import { WildcardCheck } from './private/wildcard-findings';

/** No rule of a ClusterRole uses `*` in verbs, resources or apiGroups (aggregated ClusterRoles are not judged). */
export class ClusterRoleWildcardsCheck extends WildcardCheck {
  constructor() { super(true); }
}
