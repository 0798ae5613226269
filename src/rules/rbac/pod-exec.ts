import { POD_EXEC } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a Role or ClusterRole names pods/exec, pods/attach or pods/portforward (create or get). */
export class PodExecCheck extends RolePermissionCheck {
  constructor() {
    super(POD_EXEC, 'remove these subresources; debug with ephemeral containers or logs granted to people, not to workloads');
  }
}
