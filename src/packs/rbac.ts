import { Rule, RuleScope } from '../engine/rule';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import { AnonymousBindingCheck } from '../rules/rbac/anonymous-binding';
import { BindCheck } from '../rules/rbac/bind';
import { BroadGroupBindingCheck } from '../rules/rbac/broad-group-binding';
import { ClusterAdminBindingCheck } from '../rules/rbac/cluster-admin-binding';
import { ClusterRoleWildcardsCheck } from '../rules/rbac/cluster-role-wildcards';
import { CreateWorkloadsCheck } from '../rules/rbac/create-workloads';
import { CsrApprovalCheck } from '../rules/rbac/csr-approval';
import { DefaultServiceAccountBindingCheck } from '../rules/rbac/default-service-account-binding';
import { EscalateCheck } from '../rules/rbac/escalate';
import { ImpersonateCheck } from '../rules/rbac/impersonate';
import { NodeProxyCheck } from '../rules/rbac/node-proxy';
import { PodExecCheck } from '../rules/rbac/pod-exec';
import { RoleWildcardsCheck } from '../rules/rbac/role-wildcards';
import { SecretsReadCheck } from '../rules/rbac/secrets-read';
import { WebhookWriteCheck } from '../rules/rbac/webhook-write';
import { WorkloadServiceAccountPermissionsCheck } from '../rules/rbac/workload-service-account-permissions';

const RULES = ['Role rules[*].apiGroups', 'Role rules[*].resources', 'Role rules[*].verbs', 'ClusterRole rules[*]'];
const WHO = ['RoleBinding roleRef', 'RoleBinding subjects', 'ClusterRoleBinding roleRef', 'ClusterRoleBinding subjects'];
const BINDING = ['RoleBinding roleRef', 'RoleBinding subjects[*]', 'ClusterRoleBinding roleRef', 'ClusterRoleBinding subjects[*]'];

// Said once in every role rule's explanation: how findings are placed and what is left to the other rules.
const ROLE_NOTE = ' The finding is reported on the Role or ClusterRole, at the rule, and names every subject the app binds to it, '
  + 'through which binding and in which scope (a RoleBinding grants a ClusterRole\'s rules in its own namespace only, and nothing '
  + 'cluster-scoped). Only rules that name the verb and the resource are reported here; what a rule grants through a wildcard is '
  + 'reported once by the wildcard rules. Aggregated ClusterRoles (aggregationRule) are not judged: the controller manager writes '
  + 'their rules, so what they grant is not in the manifest.';

const ROLE_REMEDIATION = ' When the permission is really needed (a controller that does this job), limit it to the namespaces and '
  + 'objects it needs (a Role instead of a ClusterRole, resourceNames) and suppress the finding with the reason.';

/** Least privilege in RBAC: no wildcards, no dangerous verbs in roles, no bindings to cluster-admin or to everyone, and what each workload's ServiceAccount may do. */
export function rbacPack(): RulePack {
  return new RulePack({
    name: 'rbac',
    description: 'Least privilege in RBAC: no wildcards, no dangerous verbs in roles, no bindings to cluster-admin or to everyone, and what each workload\'s ServiceAccount may do.',
    rules: [
      new Rule({
        id: 'rbac-cluster-role-wildcards',
        severity: Severity.ERROR,
        summary: 'No rule of a ClusterRole uses a wildcard (`*`) in verbs, resources or apiGroups.',
        explanation: 'A wildcard grants every verb, resource or API group that exists, and every one added later by an upgrade or a '
          + 'CustomResourceDefinition, including the ones that read Secrets, run pods, change admission webhooks or escalate RBAC. In a '
          + 'ClusterRole it does so in every namespace when a ClusterRoleBinding refers to it, which makes it an error (kube-linter, '
          + 'checkov and Trivy flag it too). A resource of the form `*/scale` counts as a wildcard.' + ROLE_NOTE,
        remediation: 'List the exact verbs, resources and API groups the subject needs in the rule. If the role really must cover '
          + 'everything (a backup operator, a cluster-wide controller), suppress the finding with the reason.',
        fields: ['ClusterRole rules[*].verbs', 'ClusterRole rules[*].resources', 'ClusterRole rules[*].apiGroups', 'ClusterRole aggregationRule', ...WHO],
        equivalents: {
          kubeLinter: 'wildcard-in-rules',
          // checkov reads rules[0] only and counts any "*" inside a string; Trivy's KSV-0046 needs "*" in resources.
          checkov: 'CKV_K8S_49',
          trivy: 'KSV-0046',
        },
        check: new ClusterRoleWildcardsCheck(),
      }),
      new Rule({
        id: 'rbac-role-wildcards',
        severity: Severity.WARNING,
        summary: 'No rule of a Role uses a wildcard (`*`) in verbs, resources or apiGroups.',
        explanation: 'A wildcard grants every verb, resource or API group of the namespace, and every one added later, including '
          + 'reading its Secrets and running pods with any of its ServiceAccounts. A Role is limited to its namespace, so it is a warning '
          + 'rather than an error.' + ROLE_NOTE,
        remediation: 'List the exact verbs, resources and API groups the subject needs in the rule.' + ROLE_REMEDIATION,
        fields: ['Role rules[*].verbs', 'Role rules[*].resources', 'Role rules[*].apiGroups', ...WHO],
        equivalents: {
          kubeLinter: 'wildcard-in-rules',
          checkov: 'CKV_K8S_49',
          trivy: 'KSV-0112',
        },
        check: new RoleWildcardsCheck(),
      }),
      new Rule({
        id: 'rbac-secrets-read',
        severity: Severity.WARNING,
        summary: 'No rule of a Role or ClusterRole grants get, list or watch on Secrets, unless it is limited to named Secrets.',
        explanation: 'The list and watch verbs return every Secret with its values, and get returns any Secret whose name is known: ServiceAccount '
          + 'tokens, TLS keys, database passwords. Whoever holds them acts as their owners. A rule limited with resourceNames reads only '
          + 'those Secrets and is not reported (checkov agrees; kube-linter and Trivy also count create and delete, which do not read).'
          + ROLE_NOTE,
        remediation: 'Remove get, list and watch on secrets, mount the Secrets the workload needs as volumes or env instead, or limit '
          + 'the rule to them with resourceNames.' + ROLE_REMEDIATION,
        fields: [...RULES, 'Role rules[*].resourceNames', ...WHO],
        equivalents: {
          // kube-linter and checkov report the binding (checkov only for ServiceAccount and Node subjects); we report the
          // role's rule and name the bindings. kube-linter also counts create and delete; Trivy every verb but none.
          kubeLinter: 'access-to-secrets',
          checkov: 'CKV2_K8S_5',
          trivy: 'KSV-0041',
        },
        check: new SecretsReadCheck(),
      }),
      new Rule({
        id: 'rbac-create-workloads',
        severity: Severity.WARNING,
        summary: 'No rule of a Role or ClusterRole grants create, update or patch on pods or on workload kinds.',
        explanation: 'Whoever creates a pod, directly or through a Deployment, DaemonSet, StatefulSet, ReplicaSet, Job, CronJob or '
          + 'ReplicationController, chooses its image, its volumes and its ServiceAccount: it runs code with every permission of any '
          + 'ServiceAccount of the namespace and reads every Secret it can mount there. update and patch do the same: a running pod\'s '
          + 'container images can be changed in place, and a changed pod template (of any of these kinds but Job, whose template cannot '
          + 'change) is rolled out as new pods. A rule limited by resourceNames grants no create at all (the name of a new object is not '
          + 'known when it is authorized), so its create is not reported; its update and patch of the named objects are.' + ROLE_NOTE,
        remediation: 'Remove create, update and patch on these resources; leave pod creation and rollouts to the controllers and the deploy '
          + 'pipeline, whose own identities need them.' + ROLE_REMEDIATION,
        fields: [...RULES, ...WHO],
        equivalents: {
          // kube-linter reports the binding, and its resource list has "cronjob" (singular), so it misses cronjobs.
          kubeLinter: 'access-to-create-pods',
          // Trivy also counts delete.
          trivy: 'KSV-0048',
        },
        check: new CreateWorkloadsCheck(),
      }),
      new Rule({
        id: 'rbac-pod-exec',
        severity: Severity.WARNING,
        summary: 'No rule of a Role or ClusterRole grants pods/exec, pods/attach, pods/portforward or writes to pods/ephemeralcontainers.',
        explanation: 'The exec and attach subresources run commands inside running containers, with their files, tokens and network access, and '
          + 'port-forward reaches ports that no Service or NetworkPolicy exposes. update or patch on pods/ephemeralcontainers adds a '
          + 'container of any image to a running pod (kubectl debug), sharing its network and, with a target, its processes: a shell '
          + 'by another name. get counts as well as create: exec, attach and '
          + 'port-forward over WebSockets start with a GET, which clusters authorize as get unless they require create for it (Polaris '
          + 'counts get too; its rolePodExecAttach is the same check on Roles).' + ROLE_NOTE,
        remediation: 'Remove these subresources from roles bound to workloads; give debugging access to people, for a limited time, '
          + 'and prefer logs.' + ROLE_REMEDIATION,
        fields: [...RULES, ...WHO],
        equivalents: {
          polaris: 'clusterrolePodExecAttach',
          // checkov's CKV2_K8S_2 counts create on pods/exec only, and only for bindings to ServiceAccounts and Nodes.
          checkov: 'CKV2_K8S_2',
          trivy: 'KSV-0053',
        },
        check: new PodExecCheck(),
      }),
      new Rule({
        id: 'rbac-escalate',
        severity: Severity.WARNING,
        summary: 'No rule of a Role or ClusterRole grants the escalate verb on roles or clusterroles.',
        explanation: 'RBAC refuses to let a subject write a role granting more than it holds, unless it has escalate on roles: with '
          + 'it, a subject that may update one role it is bound to grants itself anything. The verb on clusterroles is cluster-scoped, '
          + 'so a Role or a RoleBinding does not grant it.' + ROLE_NOTE,
        remediation: 'Remove escalate; grant the permissions the subject needs directly.' + ROLE_REMEDIATION,
        fields: [...RULES, ...WHO],
        equivalents: {
          // Trivy's KSV-0050 covers escalate, bind and impersonate on roles and rolebindings in one check.
          checkov: 'CKV_K8S_158',
          trivy: 'KSV-0050',
        },
        check: new EscalateCheck(),
      }),
      new Rule({
        id: 'rbac-bind',
        severity: Severity.WARNING,
        summary: 'No rule of a Role or ClusterRole grants the bind verb on roles or clusterroles.',
        explanation: 'RBAC refuses to let a subject bind a role granting more than it holds, unless it has bind on that role: with '
          + 'bind on every role and create on bindings, it binds itself cluster-admin. The authorizer checks bind on the role being '
          + 'bound (roles, clusterroles), not on the binding: checkov\'s CKV_K8S_157 looks for bind on rolebindings and '
          + 'clusterrolebindings, which grants nothing, so the two disagree on such rules.' + ROLE_NOTE,
        remediation: 'Remove bind, or limit it with resourceNames to the roles the subject hands out.' + ROLE_REMEDIATION,
        fields: [...RULES, 'Role rules[*].resourceNames', ...WHO],
        equivalents: {
          checkov: 'CKV_K8S_157',
          trivy: 'KSV-0050',
        },
        check: new BindCheck(),
      }),
      new Rule({
        id: 'rbac-impersonate',
        severity: Severity.WARNING,
        summary: 'No rule of a Role or ClusterRole grants the impersonate verb on users, groups, ServiceAccounts, uids or user extras, '
          + 'or create on serviceaccounts/token.',
        explanation: 'A subject that may impersonate acts as another user, group or ServiceAccount with all of its permissions, for '
          + 'example as a member of system:masters, which no RBAC rule limits. create on serviceaccounts/token (the TokenRequest API) '
          + 'mints a token of any ServiceAccount of the namespace, which is the same as impersonating it, for as long as the token '
          + 'lives. Users, groups, uids and extras are cluster-scoped, so a '
          + 'Role or a RoleBinding grants impersonation of the namespace\'s ServiceAccounts only.' + ROLE_NOTE,
        remediation: 'Remove impersonate and create on serviceaccounts/token, or limit them with resourceNames to the identities the '
          + 'subject must act as.' + ROLE_REMEDIATION,
        fields: [...RULES, 'Role rules[*].resourceNames', ...WHO],
        equivalents: {
          // checkov's CKV2_K8S_3 judges bindings to ServiceAccounts and Nodes; Trivy's KSV-0043 only groups in apiGroups "*".
          checkov: 'CKV2_K8S_3',
          trivy: 'KSV-0043',
        },
        check: new ImpersonateCheck(),
      }),
      new Rule({
        id: 'rbac-node-proxy',
        severity: Severity.WARNING,
        summary: 'No rule of a ClusterRole grants get or create on nodes/proxy.',
        explanation: 'The nodes/proxy subresource reaches the kubelet API of every node through the API server: it lists the pods of the node and, '
          + 'with create (or get over WebSockets), runs commands in any of them, without admission control or an audit record of the '
          + 'command. It is cluster-scoped, so only a ClusterRoleBinding grants it.' + ROLE_NOTE,
        remediation: 'Remove nodes/proxy; read metrics through the metrics API or nodes/metrics, and logs through pods/log.' + ROLE_REMEDIATION,
        fields: ['ClusterRole rules[*]', ...WHO],
        equivalents: {
          checkov: 'CKV2_K8S_2',
          trivy: 'KSV-0047',
        },
        check: new NodeProxyCheck(),
      }),
      new Rule({
        id: 'rbac-webhook-configuration-write',
        severity: Severity.WARNING,
        summary: 'No rule of a ClusterRole grants create, update, patch or delete on validating or mutating webhook configurations.',
        explanation: 'An admission webhook receives every object it matches, Secrets included, and a mutating one rewrites them, for '
          + 'example to add a privileged container to every pod; deleting a validating webhook removes a policy the cluster relies on. '
          + 'Whoever writes webhook configurations controls what the cluster admits. It is a warning: the operators that run their own '
          + 'webhooks need it, limited to their configurations.' + ROLE_NOTE,
        remediation: 'Remove these verbs, or limit them with resourceNames to the configurations the controller owns.' + ROLE_REMEDIATION,
        fields: ['ClusterRole rules[*]', 'ClusterRole rules[*].resourceNames', ...WHO],
        equivalents: {
          // checkov does not count delete.
          checkov: 'CKV_K8S_155',
          trivy: 'KSV-0114',
        },
        check: new WebhookWriteCheck(),
      }),
      new Rule({
        id: 'rbac-csr-approval',
        severity: Severity.WARNING,
        summary: 'No rule of a ClusterRole grants approving CertificateSigningRequests (update on certificatesigningrequests/approval or approve on signers).',
        explanation: 'Approving a CertificateSigningRequest makes the cluster sign a certificate for the identity the request names, '
          + 'which can be any user or group, system:masters included, for signers such as kubernetes.io/kube-apiserver-client. It '
          + 'takes both update (or patch) on certificatesigningrequests/approval and approve on the signer; each rule granting one of '
          + 'them is reported.' + ROLE_NOTE,
        remediation: 'Remove the approval permissions, or limit approve with resourceNames to the one signer the controller serves.'
          + ROLE_REMEDIATION,
        fields: ['ClusterRole rules[*]', 'ClusterRole rules[*].resourceNames', ...WHO],
        equivalents: {
          checkov: 'CKV_K8S_156',
        },
        check: new CsrApprovalCheck(),
      }),
      new Rule({
        id: 'rbac-cluster-admin-binding',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No RoleBinding or ClusterRoleBinding refers to the cluster-admin ClusterRole.',
        explanation: 'The cluster-admin ClusterRole allows every verb on every resource. Through a ClusterRoleBinding its subjects own the cluster; '
          + 'through a RoleBinding they own the namespace, its Secrets and its RBAC. A compromised subject of such a binding is a '
          + 'compromised cluster or namespace. The finding is reported on the binding and names its subjects.',
        remediation: 'Bind a role that grants only the verbs and resources the subjects need (the built-in view or edit, or a role of '
          + 'your own), in the namespaces they need it. Keep cluster-admin for break-glass accounts outside the app.',
        fields: BINDING,
        equivalents: {
          kubeLinter: 'cluster-admin-role-binding',
          // Polaris also fails bindings to any ClusterRole with "*" in apiGroups, resources and verbs; its RoleBinding check
          // is rolebindingClusterAdminClusterRole. Trivy's KSV-0111 also flags the built-in admin and edit.
          polaris: 'clusterrolebindingClusterAdmin',
          trivy: 'KSV-0111',
        },
        check: new ClusterAdminBindingCheck(),
      }),
      new Rule({
        id: 'rbac-anonymous-binding',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'No binding grants a role to system:anonymous or system:unauthenticated.',
        explanation: 'Requests without credentials are authenticated as the user system:anonymous in the group system:unauthenticated '
          + 'when anonymous authentication is on (the default). A binding to either gives the role to anyone who reaches the API '
          + 'server, from inside the cluster or, for a public endpoint, from the internet.',
        remediation: 'Remove the subject and bind the users, groups or ServiceAccounts that need the role by name.',
        fields: BINDING,
        equivalents: {
          trivy: 'KSV-0122',
        },
        check: new AnonymousBindingCheck(),
      }),
      new Rule({
        id: 'rbac-broad-group-binding',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'No binding grants a role to system:authenticated, system:serviceaccounts or system:serviceaccounts:<namespace>.',
        explanation: '`system:authenticated` holds every identity with valid credentials (on some managed clusters, any account of the '
          + 'cloud provider), and system:serviceaccounts every ServiceAccount token, so every pod that mounts one. A role bound to '
          + 'these groups is held by every workload, and a compromise of any one of them has its permissions. It is a warning because '
          + 'a few read-only discovery roles are meant for everyone. Trivy flags system:authenticated on GKE only (KSV-01011).',
        remediation: 'Bind the ServiceAccounts or users that need the role by name; for a role every workload needs, review that it '
          + 'reads nothing sensitive and suppress the finding with the reason.',
        fields: BINDING,
        check: new BroadGroupBindingCheck(),
      }),
      new Rule({
        id: 'rbac-default-service-account-binding',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'No binding grants a role to a namespace\'s default ServiceAccount.',
        explanation: 'Every pod that sets no serviceAccountName runs as the default ServiceAccount of its namespace. A role bound to it '
          + 'is held by all of them, including pods added later by other charts or by hand, which the binding was never meant for '
          + '(CIS Kubernetes Benchmark 5.1.5).',
        remediation: 'Create a ServiceAccount for the workload that needs the role, bind that one, and set it as the workload\'s '
          + 'serviceAccountName.',
        fields: [...BINDING, 'RoleBinding subjects[*].namespace'],
        check: new DefaultServiceAccountBindingCheck(),
      }),
      new Rule({
        id: 'rbac-workload-service-account-permissions',
        severity: Severity.WARNING,
        summary: 'The ServiceAccount of no workload is bound, in the app, to a dangerous permission.',
        explanation: 'A pod acts with every permission of its ServiceAccount (spec.serviceAccountName, default when unset), as the '
          + 'account itself, as the user system:serviceaccount:<namespace>:<name> and as a member of the groups system:serviceaccounts, '
          + 'system:serviceaccounts:<namespace> and system:authenticated. Whoever compromises the pod inherits them: a hardened pod whose '
          + 'ServiceAccount may read every Secret of the cluster is not least privilege. The dangerous permissions are the ones of the '
          + 'rbac role rules (Secrets read, pod creation, exec, escalate, bind, impersonate, nodes/proxy, webhook writes, CSR approval), '
          + 'wildcards included. The finding is on the workload and names each permission, binding and role rule. Bindings to roles '
          + 'the app does not define (other than cluster-admin) and to aggregated ClusterRoles are not judged: what they grant is not in '
          + 'the manifests. A pod without an automounted token can still be given one through a projected volume, so it is judged too.',
        remediation: 'Give the workload a ServiceAccount of its own, bound to a Role that grants only the verbs and resources its code '
          + 'calls, in its namespace. When the workload is a controller that needs the permission, suppress the finding with the reason.',
        fields: ['spec.template.spec.serviceAccountName', 'spec.serviceAccountName', 'metadata.namespace', ...WHO, 'Role rules[*]', 'ClusterRole rules[*]'],
        check: new WorkloadServiceAccountPermissionsCheck(),
      }),
    ],
  });
}
