import { CREATE_WORKLOADS } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a Role or ClusterRole names create, update or patch on Pods or on a kind that creates Pods. */
export class CreateWorkloadsCheck extends RolePermissionCheck {
  constructor() {
    super(CREATE_WORKLOADS, 'remove create, update and patch, or leave pod creation and rollouts to a controller whose own ServiceAccount needs them');
  }
}
