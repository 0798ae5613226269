import { CREATE_WORKLOADS } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a Role or ClusterRole names create on Pods or on a kind that creates Pods. */
export class CreateWorkloadsCheck extends RolePermissionCheck {
  constructor() {
    super(CREATE_WORKLOADS, 'remove create, or leave pod creation to a controller whose own ServiceAccount needs it');
  }
}
