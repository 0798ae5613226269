import { WEBHOOK_WRITE } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a ClusterRole names create, update, patch or delete on validating or mutating webhook configurations. */
export class WebhookWriteCheck extends RolePermissionCheck {
  constructor() {
    super(WEBHOOK_WRITE, 'remove these verbs, or limit them to the controller\'s own configurations with resourceNames and suppress the finding with the reason');
  }
}
