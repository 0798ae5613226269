import { BIND } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a Role or ClusterRole names the bind verb on roles or clusterroles. */
export class BindCheck extends RolePermissionCheck {
  constructor() {
    super(BIND, 'remove bind, or limit it to named roles with resourceNames and suppress the finding with the reason');
  }
}
