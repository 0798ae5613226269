import { Rule, RuleScope } from '../engine/rule';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import { NamespaceHasLimitRange } from '../rules/namespace/namespace-has-limit-range';
import { NamespaceHasResourceQuota } from '../rules/namespace/namespace-has-resource-quota';
import { PsaAdmitsPods } from '../rules/namespace/psa-admits-pods';
import { PsaAuditWarnLabels } from '../rules/namespace/psa-audit-warn-labels';
import { PsaEnforceLabel } from '../rules/namespace/psa-enforce-label';
import { PsaEnforceRestricted } from '../rules/namespace/psa-enforce-restricted';
import { PsaVersionsPinned } from '../rules/namespace/psa-versions-pinned';
import { QuotaObjectCount } from '../rules/namespace/quota-object-count';
import { QuotaPodResources } from '../rules/namespace/quota-pod-resources';
import { WorkloadNotInDefault } from '../rules/namespace/workload-not-in-default';
import { WorkloadNotInKubeSystem } from '../rules/namespace/workload-not-in-kube-system';

const PSA_FIELDS = [
  'Namespace metadata.labels["pod-security.kubernetes.io/enforce"]', 'Namespace metadata.labels["pod-security.kubernetes.io/enforce-version"]',
  'Namespace metadata.labels["pod-security.kubernetes.io/audit"]', 'Namespace metadata.labels["pod-security.kubernetes.io/audit-version"]',
  'Namespace metadata.labels["pod-security.kubernetes.io/warn"]', 'Namespace metadata.labels["pod-security.kubernetes.io/warn-version"]',
];

/** Namespaces: Pod Security Admission labels, LimitRange and ResourceQuota, and no workloads in default or kube-system. */
export function namespacePack(): RulePack {
  return new RulePack({
    name: 'namespace',
    description: 'Namespaces: Pod Security Admission labels, LimitRange and ResourceQuota, and no workloads in default or kube-system.',
    rules: [
      new Rule({
        id: 'namespace-psa-enforce',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'Every Namespace sets the Pod Security Admission enforce label to a valid level.',
        explanation: 'Pod Security Admission only rejects pods that break the Pod Security Standards in namespaces labelled '
          + 'pod-security.kubernetes.io/enforce. Without the label (or with a value that is not privileged, baseline or restricted) the '
          + 'namespace falls back to the cluster default, which is usually privileged: any pod, including privileged and host-namespace '
          + 'pods, is admitted.',
        remediation: 'Label the Namespace with pod-security.kubernetes.io/enforce: restricted and pin pod-security.kubernetes.io/enforce-version '
          + 'to the target Kubernetes version, e.g. v1.28. IsolatedNamespace sets these labels.',
        fields: [PSA_FIELDS[0]],
        check: new PsaEnforceLabel(),
      }),
      new Rule({
        id: 'namespace-psa-audit-warn',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every Namespace sets the Pod Security Admission audit and warn labels to valid levels.',
        explanation: 'The enforce mode applies to Pods only; workload templates such as Deployments are checked by the audit and warn modes. '
          + 'Without them, a Deployment that breaks the standard is accepted silently and its ReplicaSet then fails to create pods, with the '
          + 'reason visible only in the ReplicaSet\'s events.',
        remediation: 'Label the Namespace with pod-security.kubernetes.io/audit: restricted and pod-security.kubernetes.io/warn: restricted, '
          + 'each with its -version label pinned, e.g. v1.28.',
        fields: [PSA_FIELDS[2], PSA_FIELDS[4]],
        check: new PsaAuditWarnLabels(),
      }),
      new Rule({
        id: 'namespace-psa-version-pinned',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every Pod Security Admission level a Namespace sets has its version pinned as v1.NN.',
        explanation: 'A missing pod-security.kubernetes.io/<mode>-version label means latest: the checks behind the level then change with each '
          + 'cluster upgrade, and pods admitted yesterday can be rejected right after an upgrade. Pinning the version makes tightening the '
          + 'standard a reviewed change.',
        remediation: 'Set pod-security.kubernetes.io/enforce-version, audit-version and warn-version to the Kubernetes version the workloads '
          + 'were tested against, written v1.NN (e.g. v1.28), and raise it deliberately.',
        fields: [PSA_FIELDS[1], PSA_FIELDS[3], PSA_FIELDS[5]],
        check: new PsaVersionsPinned(),
      }),
      new Rule({
        id: 'namespace-psa-enforce-restricted',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Every Namespace enforces the restricted Pod Security level.',
        explanation: 'The baseline level admits pods that run as root, keep all default capabilities and allow privilege escalation; the '
          + 'privileged level admits anything. Only restricted enforces the hardening this library emits.',
        remediation: 'Set pod-security.kubernetes.io/enforce to restricted after making the namespace\'s pods compliant (the pss-restricted '
          + 'pack lists what to change). If a namespace must stay below restricted, suppress the finding with the reason.',
        fields: [PSA_FIELDS[0]],
        check: new PsaEnforceRestricted(),
      }),
      new Rule({
        id: 'namespace-limit-range',
        severity: Severity.WARNING,
        summary: 'Every namespace that holds workloads has a LimitRange in the app.',
        explanation: 'A LimitRange gives containers that declare no resources default requests and limits and caps what one container may '
          + 'ask for. Without it, one container without limits can starve its node. The NSA/CISA hardening guide recommends one per namespace.',
        remediation: 'Add a LimitRange to the namespace with default and max values for container CPU and memory (IsolatedNamespace emits one). '
          + 'The finding is reported on the Namespace object when the app defines it, otherwise on the workload of the namespace that sorts first by kind and name (whatever the order of the objects).',
        fields: ['LimitRange metadata.namespace', 'metadata.namespace'],
        equivalents: { trivy: 'KSV-0039' },
        check: new NamespaceHasLimitRange(),
      }),
      new Rule({
        id: 'namespace-resource-quota',
        severity: Severity.WARNING,
        summary: 'Every namespace that holds workloads has a ResourceQuota in the app.',
        explanation: 'A ResourceQuota caps what all pods of a namespace may consume together and how many objects it may hold, so a runaway '
          + 'or compromised workload cannot exhaust the cluster. The NSA/CISA hardening guide recommends one per namespace.',
        remediation: 'Add a ResourceQuota to the namespace that caps requests and limits of CPU and memory and the number of pods '
          + '(IsolatedNamespace emits one). The finding is reported on the Namespace object when the app defines it, otherwise on the workload '
          + 'of the namespace that sorts first by kind and name (whatever the order of the objects).',
        fields: ['ResourceQuota metadata.namespace', 'metadata.namespace'],
        equivalents: { trivy: 'KSV-0040' },
        check: new NamespaceHasResourceQuota(),
      }),
      new Rule({
        id: 'namespace-psa-admits-pods',
        severity: Severity.ERROR,
        summary: 'Pods pass the Pod Security level their namespace enforces, whatever the suppressions.',
        explanation: 'Pod Security Admission reads the enforce label of the namespace and nothing else: a suppression annotation or a '
          + 'hardening override that accepts a Pod Security finding in the report does not reach the cluster. A pod that fails the level '
          + 'its namespace enforces is refused, and the pods of a Deployment, StatefulSet or Job are then never created.',
        remediation: 'Remove the settings that fail the checks named in the finding, or run the workload in a namespace that enforces a '
          + 'lower level, with the reason on record (IsolatedNamespace: podSecurityLevel and podSecurityReason).',
        fields: [PSA_FIELDS[0], PSA_FIELDS[1], 'metadata.namespace', 'spec.template.spec'],
        check: new PsaAdmitsPods(),
      }),
      new Rule({
        id: 'namespace-quota-object-count',
        severity: Severity.ERROR,
        summary: 'The objects of a namespace fit the object counts of its ResourceQuota.',
        explanation: 'The API server refuses an object that would take a namespace beyond a count in its ResourceQuota: a LoadBalancer or '
          + 'NodePort Service where services.loadbalancers or services.nodeports is 0, more PersistentVolumeClaims, Services, ConfigMaps or '
          + 'count/<resource> objects than allowed. The apply fails part-way through, whatever the report suppresses.',
        remediation: 'Change the object (a ClusterIP Service instead of a LoadBalancer), create fewer objects of the kind, or raise the '
          + 'count in the ResourceQuota (IsolatedNamespace: the quota prop).',
        fields: ['ResourceQuota spec.hard', 'Service spec.type', 'Service spec.ports', 'metadata.namespace'],
        check: new QuotaObjectCount(),
      }),
      new Rule({
        id: 'namespace-quota-pod-resources',
        severity: Severity.ERROR,
        summary: 'Containers declare the requests and limits their namespace\'s quota counts and stay within its LimitRange.',
        explanation: 'When a ResourceQuota counts requests.cpu, limits.memory or another compute resource, the API server refuses every '
          + 'pod with a container that neither sets it nor gets it from a LimitRange default; a container above the max or below the min '
          + 'of a LimitRange is refused too. For a workload the refusal happens later, when its controller creates the pods.',
        remediation: 'Set resources.requests and resources.limits on every container (the hardened workloads do), give the namespace a '
          + 'LimitRange with default and defaultRequest values, and keep limits within the LimitRange\'s max.',
        fields: ['ResourceQuota spec.hard', 'LimitRange spec.limits', 'spec.template.spec.containers[].resources'],
        check: new QuotaPodResources(),
      }),
      new Rule({
        id: 'namespace-workload-not-default',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'Workloads do not run in the default namespace.',
        explanation: 'The default namespace is shared by everything deployed without thought, usually carries no Pod Security labels, '
          + 'network policies or quotas, and anyone with broad access works in it. An object without metadata.namespace lands there '
          + 'unless the deploy tool overrides it. It is a warning because some deploy pipelines set the namespace at apply time.',
        remediation: 'Set metadata.namespace on every workload to a dedicated namespace (an IsolatedNamespace), for example by giving the '
          + 'chart a namespace.',
        fields: ['metadata.namespace'],
        equivalents: { kubeLinter: 'use-namespace', checkov: 'CKV_K8S_21', trivy: 'KSV-0110' },
        check: new WorkloadNotInDefault(),
      }),
      new Rule({
        id: 'namespace-workload-not-kube-system',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'Workloads do not run in the kube-system namespace.',
        explanation: 'The kube-system namespace holds the cluster\'s own components and their highly privileged service accounts and secrets, and is usually '
          + 'exempt from Pod Security Admission and network policies. An application pod there shares that trust boundary: a compromise of '
          + 'the application is a compromise of the cluster.',
        remediation: 'Move the workload to a dedicated namespace. For a genuine cluster add-on that must live in kube-system, suppress the '
          + 'finding with the reason.',
        fields: ['metadata.namespace'],
        equivalents: { trivy: 'KSV-0037' },
        check: new WorkloadNotInKubeSystem(),
      }),
    ],
  });
}
