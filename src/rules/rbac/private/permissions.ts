import { Permission } from './policy-rules';

const CORE = '';
const RBAC = 'rbac.authorization.k8s.io';

/** get, list or watch on Secrets: list and watch return every value, get any one by name. */
export const READ_SECRETS: Permission = {
  phrase: 'read every Secret',
  requests: [{ groups: [CORE], resources: ['secrets'], verbs: ['get', 'list', 'watch'] }],
  namesLimit: true,
};

/**
 * create on Pods or on any kind that creates Pods: whoever creates a pod chooses its image and ServiceAccount.
 * update and patch count too: a pod's container images can be changed in place, and a changed pod template is
 * rolled out as new pods (a Job's template cannot be changed, so only create counts for Jobs). A resourceNames limit
 * voids create (a new object has no name yet when it is authorized), not update or patch of the named objects.
 */
export const CREATE_WORKLOADS: Permission = {
  phrase: 'create or change pods (directly or through workloads)',
  requests: [
    { groups: [CORE], resources: ['pods', 'replicationcontrollers'], verbs: ['create'], namesLimit: true },
    { groups: ['apps', 'extensions'], resources: ['deployments', 'daemonsets', 'statefulsets', 'replicasets'], verbs: ['create'], namesLimit: true },
    { groups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['create'], namesLimit: true },
    { groups: [CORE], resources: ['pods', 'replicationcontrollers'], verbs: ['update', 'patch'] },
    { groups: ['apps', 'extensions'], resources: ['deployments', 'daemonsets', 'statefulsets', 'replicasets'], verbs: ['update', 'patch'] },
    { groups: ['batch'], resources: ['cronjobs'], verbs: ['update', 'patch'] },
  ],
};

/**
 * A shell or a tunnel into running pods. `get` counts too: exec, attach and port-forward over WebSockets start
 * with a GET, which clusters authorize as `get` unless they require `create` for it. Writing
 * pods/ephemeralcontainers adds a container of any image to a running pod (`kubectl debug`), which is a shell too.
 */
export const POD_EXEC: Permission = {
  phrase: 'run commands in, attach to or port-forward to pods',
  requests: [
    { groups: [CORE], resources: ['pods/exec', 'pods/attach', 'pods/portforward'], verbs: ['create', 'get'] },
    { groups: [CORE], resources: ['pods/ephemeralcontainers'], verbs: ['update', 'patch'] },
  ],
};

/** escalate: create or update roles granting more than the subject holds. */
export const ESCALATE: Permission = {
  phrase: 'write roles granting permissions it does not hold (escalate)',
  requests: [
    { groups: [RBAC], resources: ['roles'], verbs: ['escalate'] },
    { groups: [RBAC], resources: ['clusterroles'], verbs: ['escalate'], clusterScoped: true },
  ],
};

/** bind: bind roles granting more than the subject holds. The authorizer checks the verb on the role, not the binding. */
export const BIND: Permission = {
  phrase: 'bind roles granting permissions it does not hold (bind)',
  requests: [
    { groups: [RBAC], resources: ['roles'], verbs: ['bind'] },
    { groups: [RBAC], resources: ['clusterroles'], verbs: ['bind'], clusterScoped: true },
  ],
};

/**
 * impersonate: act as another user, group or ServiceAccount, with all of its permissions. Creating
 * serviceaccounts/token (the TokenRequest API) does the same for a ServiceAccount: it mints that account's token.
 */
export const IMPERSONATE: Permission = {
  phrase: 'impersonate other users, groups or ServiceAccounts',
  requests: [
    { groups: [CORE], resources: ['serviceaccounts'], verbs: ['impersonate'] },
    { groups: [CORE], resources: ['serviceaccounts/token'], verbs: ['create'] },
    { groups: [CORE], resources: ['users', 'groups'], verbs: ['impersonate'], clusterScoped: true },
    { groups: ['authentication.k8s.io'], resources: ['uids', 'userextras/scopes'], verbs: ['impersonate'], clusterScoped: true },
  ],
};

/** nodes/proxy: the kubelet API of every node, which runs commands in any pod on it and bypasses admission. */
export const NODE_PROXY: Permission = {
  phrase: 'use the kubelet API of every node (nodes/proxy)',
  requests: [{ groups: [CORE], resources: ['nodes/proxy'], verbs: ['get', 'create'], clusterScoped: true }],
};

/** Writing webhook configurations: a webhook sees, and a mutating one rewrites, every object it matches. */
export const WEBHOOK_WRITE: Permission = {
  phrase: 'add, change or remove admission webhooks, which see or rewrite the objects admitted',
  requests: [{
    groups: ['admissionregistration.k8s.io'],
    resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
    verbs: ['create', 'update', 'patch', 'delete', 'deletecollection'],
    clusterScoped: true,
  }],
};

/** Approving CSRs: the approval subresource plus `approve` on the signer issue certificates for any identity. */
export const CSR_APPROVAL: Permission = {
  phrase: 'approve CertificateSigningRequests, that is issue certificates for any user or node',
  requests: [
    { groups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['update', 'patch'], clusterScoped: true },
    { groups: ['certificates.k8s.io'], resources: ['signers'], verbs: ['approve'], clusterScoped: true },
  ],
};

/** Every dangerous permission, in the order the workload rule lists them. */
export const DANGEROUS_PERMISSIONS: Permission[] = [
  READ_SECRETS, CREATE_WORKLOADS, POD_EXEC, ESCALATE, BIND, IMPERSONATE, NODE_PROXY, WEBHOOK_WRITE, CSR_APPROVAL,
];
