import { READ_SECRETS } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a Role or ClusterRole names get, list or watch on Secrets, unless it is limited to named Secrets (resourceNames). */
export class SecretsReadCheck extends RolePermissionCheck {
  constructor() {
    super(READ_SECRETS, 'remove these verbs, or limit the rule to the Secrets the workload needs with resourceNames');
  }
}
