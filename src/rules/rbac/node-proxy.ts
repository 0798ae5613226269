import { NODE_PROXY } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a ClusterRole names nodes/proxy (get or create). */
export class NodeProxyCheck extends RolePermissionCheck {
  constructor() {
    super(NODE_PROXY, 'remove nodes/proxy; read node metrics through the metrics API or nodes/metrics instead');
  }
}
