import { CSR_APPROVAL } from './private/permissions';
import { RolePermissionCheck } from './private/role-findings';

/** No rule of a ClusterRole grants approving CertificateSigningRequests (update on certificatesigningrequests/approval, approve on signers). */
export class CsrApprovalCheck extends RolePermissionCheck {
  constructor() {
    super(CSR_APPROVAL, 'remove the approval permissions, or limit approve to one signer with resourceNames and suppress the finding with the reason');
  }
}
