import { ESCALATE } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a Role or ClusterRole names the escalate verb on roles or clusterroles. */
export class EscalateCheck extends RolePermissionCheck {
  constructor() {
    super(ESCALATE, 'remove escalate, or limit it to named roles with resourceNames and suppress the finding with the reason');
  }
}
