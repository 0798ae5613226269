import { IMPERSONATE } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a Role or ClusterRole names the impersonate verb on users, groups, ServiceAccounts or their uids and extras. */
export class ImpersonateCheck extends RolePermissionCheck {
  constructor() {
    super(IMPERSONATE, 'remove impersonate, or limit it to named identities with resourceNames and suppress the finding with the reason');
  }
}
