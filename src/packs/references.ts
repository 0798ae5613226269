import { Rule, RuleScope } from '../engine/rule';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import { ConfigMapExistsCheck } from '../rules/references/config-map-exists';
import { EnvNameUniqueCheck } from '../rules/references/env-name-unique';
import { HpaTargetExistsCheck } from '../rules/references/hpa-target-exists';
import { IngressBackendPortCheck } from '../rules/references/ingress-backend-port';
import { IngressBackendServiceCheck } from '../rules/references/ingress-backend-service';
import { NamedPortDeclaredCheck } from '../rules/references/named-port-declared';
import { PdbSelectsPodsCheck } from '../rules/references/pdb-selects-pods';
import { ProbePortDeclaredCheck } from '../rules/references/probe-port-declared';
import { PvcExistsCheck } from '../rules/references/pvc-exists';
import { SecretExistsCheck } from '../rules/references/secret-exists';
import { ServiceAccountExistsCheck } from '../rules/references/service-account-exists';
import { ServiceSelectsPodsCheck } from '../rules/references/service-selects-pods';
import { ServiceTargetPortDeclaredCheck } from '../rules/references/service-target-port-declared';
import { StatefulSetServiceExistsCheck } from '../rules/references/statefulset-service-exists';
import { WorkloadSelectorMatchesTemplateCheck } from '../rules/references/workload-selector-matches-template';

const CONTAINERS = 'spec.template.spec.containers[*]';
const POD = 'spec.template.spec';

// Said once in every rule about a missing object: what counts as defined.
const DEFINED = ' An object counts as defined when the app has an object of that kind, name and namespace; when an operator makes it '
  + 'from an object of the app (the target Secret of an ExternalSecret, the Secret of a SealedSecret or of a cert-manager Certificate); '
  + 'when the cluster makes it in every namespace (the default ServiceAccount, the kube-root-ca.crt ConfigMap); or when it is declared '
  + 'to exist outside the app, once, with externalObjects (Guardrails, the cdk8s-cli plugin) or --external (scan). It is a warning, '
  + 'not an error: the object may exist in the cluster, and then the manifests work; the finding says the app relies on it without saying so.';

const DECLARE = ' When it is made outside the app (by a platform team, another chart, by hand), declare it once, as Kind/namespace/name '
  + '(`*` for any namespace or name), with externalObjects or --external, instead of suppressing each finding.';

// Said once in every rule about selectors: whose pods are looked at.
const SELECTS = ' Pods are those of the workloads of the app (every workload kind, and the pod-bearing custom resources the packs know) in '
  + 'the same namespace, through their pod template labels. A NetworkPolicy whose podSelector selects nothing is reported by the '
  + 'network pack\'s network-policy-selects-pods.';

/** References that resolve: selectors that select pods, backends, targets and ports that exist, and the ConfigMaps, Secrets, claims and ServiceAccounts pods name. */
export function referencesPack(): RulePack {
  return new RulePack({
    name: 'references',
    description: 'References that resolve: selectors that select pods, backends, targets and ports that exist, and the ConfigMaps, Secrets, claims and ServiceAccounts pods name.',
    rules: [
      new Rule({
        id: 'references-workload-selector-matches-template',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'Every workload selector selects the pods of its own template, and Jobs and CronJobs leave the selector to the API server.',
        explanation: 'A controller owns the pods its selector selects. The API server refuses a Deployment, StatefulSet, DaemonSet or '
          + 'ReplicaSet (apps/v1) whose selector is missing, empty or does not select its template\'s labels, a ReplicationController '
          + 'whose selector does not, and a Job with manualSelector whose selector does not. It also refuses a Job selector without '
          + 'manualSelector (the selector of a Job is generated from its uid), and a selector or manualSelector in a CronJob\'s '
          + 'job template. None of these objects can ever work, so this is an error.',
        remediation: 'Make spec.selector.matchLabels a subset of the pod template\'s labels (cdk8s-plus and our constructs do this for you). '
          + 'For a Job or a CronJob, remove the selector and let the API server generate it.',
        fields: ['spec.selector', 'spec.template.metadata.labels', 'spec.manualSelector', 'spec.jobTemplate.spec.selector', 'spec.jobTemplate.spec.manualSelector'],
        equivalents: {
          kubeLinter: 'mismatching-selector',
          // kube-score has the same check for StatefulSets: statefulset-pod-selector-labels-match-template-metadata-labels.
          kubeScore: 'deployment-pod-selector-labels-match-template-metadata-labels',
        },
        check: new WorkloadSelectorMatchesTemplateCheck(),
      }),
      new Rule({
        id: 'references-service-selects-pods',
        severity: Severity.WARNING,
        summary: 'Every Service with a selector selects the pods of at least one workload of its namespace in the app.',
        explanation: 'A Service sends connections to the pods its selector selects. When none does (a typo in a label, a renamed app), '
          + 'it has no endpoints and every connection to it fails, without any error when the manifests are applied. Services '
          + 'without a selector (ExternalName, endpoints managed by hand or by a controller) are not judged. It is a warning: pods of '
          + 'another app may carry the labels.' + SELECTS,
        remediation: 'Make spec.selector match the labels of the pod template of the workload the Service is for, or remove the Service.',
        fields: ['Service spec.selector', 'Service spec.type', 'spec.template.metadata.labels'],
        equivalents: { kubeLinter: 'dangling-service', kubeScore: 'service-targets-pod' },
        check: new ServiceSelectsPodsCheck(),
      }),
      new Rule({
        id: 'references-pdb-selects-pods',
        severity: Severity.WARNING,
        summary: 'Every PodDisruptionBudget selects the pods of at least one workload of its namespace in the app.',
        explanation: 'A PodDisruptionBudget limits how many of the pods it selects a node drain or an upgrade may evict at once. When '
          + 'its selector selects no pod, it protects nothing and the workload it was written for can lose every replica at once. A '
          + 'missing selector selects no pod; an empty one selects every pod of the namespace in policy/v1 (not reported) and none in '
          + 'policy/v1beta1.' + SELECTS,
        remediation: 'Make spec.selector match the labels of the pod template of the workload the budget is for, or remove the budget.',
        fields: ['PodDisruptionBudget spec.selector', 'spec.template.metadata.labels'],
        check: new PdbSelectsPodsCheck(),
      }),
      new Rule({
        id: 'references-hpa-target-exists',
        severity: Severity.WARNING,
        summary: 'Every HorizontalPodAutoscaler scales an object the app defines, of the kind and API group its scaleTargetRef names.',
        explanation: 'An autoscaler whose scaleTargetRef names no object (a renamed Deployment, a wrong apiVersion) scales nothing: the '
          + 'workload keeps its fixed replica count under load, and the autoscaler only reports FailedGetScale events.' + DEFINED,
        remediation: 'Make spec.scaleTargetRef name the kind, apiVersion and name of the workload to scale.' + DECLARE,
        fields: ['HorizontalPodAutoscaler spec.scaleTargetRef'],
        equivalents: { kubeLinter: 'dangling-horizontalpodautoscaler', kubeScore: 'horizontalpodautoscaler-has-target' },
        check: new HpaTargetExistsCheck(),
      }),
      new Rule({
        id: 'references-ingress-backend-service',
        severity: Severity.WARNING,
        summary: 'Every Service backend of an Ingress names a Service of its namespace that the app defines.',
        explanation: 'An ingress controller answers 503 on every host and path whose backend names a Service that does not exist, '
          + 'and the Ingress is accepted as if it worked. Resource backends are not judged.' + DEFINED,
        remediation: 'Name the Service that fronts the workload (backend.service.name), in the Ingress\'s namespace.' + DECLARE,
        fields: ['Ingress spec.defaultBackend', 'Ingress spec.rules[*].http.paths[*].backend.service.name', 'Ingress spec.backend.serviceName'],
        equivalents: { kubeLinter: 'dangling-ingress', kubeScore: 'ingress-targets-service' },
        check: new IngressBackendServiceCheck(),
      }),
      new Rule({
        id: 'references-ingress-backend-port',
        severity: Severity.WARNING,
        summary: 'Every Service backend of an Ingress names a port, by number or name, that its Service exposes.',
        explanation: 'An ingress controller finds no endpoint for a backend port the Service does not expose (port.number must be one of '
          + 'the Service\'s ports, not a targetPort; port.name one of their names) and answers 503 there. Backends to Services outside '
          + 'the app and to ExternalName Services are not judged. It is a warning because the ingress-backend-service case (no Service at '
          + 'all) is, and the fix is as cheap.',
        remediation: 'Name one of the Service\'s spec.ports: its port number (backend.service.port.number) or its name (port.name).',
        fields: ['Ingress spec.rules[*].http.paths[*].backend.service.port', 'Ingress spec.defaultBackend.service.port', 'Service spec.ports[*]'],
        // kube-linter's dangling-ingress and kube-score's ingress-targets-service also check the port.
        equivalents: { kubeLinter: 'dangling-ingress', kubeScore: 'ingress-targets-service' },
        check: new IngressBackendPortCheck(),
      }),
      new Rule({
        id: 'references-probe-port-declared',
        severity: Severity.ERROR,
        scope: RuleScope.OBJECT,
        summary: 'Every probe and lifecycle hook that names its port names a port its own container declares.',
        explanation: 'The kubelet resolves a named probe port (`port: http`) in the ports of the probe\'s own container, not of the pod. '
          + 'When the container does not declare the name, the probe fails every time: a readiness probe keeps the pod out of its '
          + 'Services for good, a liveness or startup probe restarts the container forever, a lifecycle hook always fails. The '
          + 'object is accepted, but it can never work, so this is an error. Numbered ports need no declaration.',
        remediation: 'Declare the port under that name in the container\'s ports (name: http, containerPort: 8080), or give the probe the port number.',
        fields: [`${CONTAINERS}.livenessProbe`, `${CONTAINERS}.readinessProbe`, `${CONTAINERS}.startupProbe`, `${CONTAINERS}.lifecycle`, `${CONTAINERS}.ports[*].name`],
        // kube-linter splits it by probe: liveness-port, readiness-port and startup-port (which also check numbered ports).
        equivalents: { kubeLinter: 'liveness-port' },
        check: new ProbePortDeclaredCheck(),
      }),
      new Rule({
        id: 'references-named-port-declared',
        severity: Severity.WARNING,
        summary: 'Every port name in a Service targetPort or a NetworkPolicy ingress port is declared by a container of the pods it selects.',
        explanation: 'A Service resolves a named targetPort in each selected pod\'s container ports: a pod that does not declare it is '
          + 'left out of the Service\'s endpoints on that port. A NetworkPolicy resolves a named port on the pods it selects: on pods '
          + 'that do not declare it, the rule allows nothing. Either way the traffic is silently dropped. Only the pods the object selects '
          + 'in the app are judged; egress ports name ports of the destination, which may be outside the app, and are not judged. Probe '
          + 'ports are judged by references-probe-port-declared.' + SELECTS,
        remediation: 'Declare the port under that name in the container that serves it, in every workload the object selects, or use the port number.',
        fields: ['Service spec.ports[*].targetPort', 'NetworkPolicy spec.ingress[*].ports[*].port', `${CONTAINERS}.ports[*].name`],
        check: new NamedPortDeclaredCheck(),
      }),
      new Rule({
        id: 'references-service-target-port-declared',
        severity: Severity.WARNING,
        summary: 'Every workload that a Service sends traffic to declares a containerPort or has a readiness probe.',
        explanation: '`containerPort` is optional in Kubernetes: a pod that declares no port still gets a Service\'s traffic on its '
          + 'targetPort. But nothing then says which container serves it, and workload-readiness-probe, which asks for a readiness probe '
          + 'on every container that declares ports, finds no container to ask it of: the pods get connections as soon as they start, '
          + 'before their process listens, and keep getting them when it can no longer answer. The finding is reported on the workload '
          + 'and names the Services.',
        remediation: 'Declare the containerPort (with a name) on the container that serves the Service, and give that container a readinessProbe.',
        fields: [`${CONTAINERS}.ports`, `${CONTAINERS}.readinessProbe`, 'Service spec.selector', 'Service spec.ports[*].targetPort'],
        equivalents: { kubeScore: 'pod-probes' },
        check: new ServiceTargetPortDeclaredCheck(),
      }),
      new Rule({
        id: 'references-statefulset-service-exists',
        severity: Severity.WARNING,
        summary: 'Every StatefulSet\'s serviceName names a headless Service of the app that selects its pods.',
        explanation: 'A StatefulSet gives each pod a stable network identity, `<pod>.<serviceName>.<namespace>.svc`, through its '
          + 'governing Service: a headless Service (clusterIP: None) that selects the pods. When the Service is missing, not headless or '
          + 'selects other pods, those names do not resolve, and members of a database or queue cluster that find their peers by them '
          + 'never form the cluster. The StatefulSet itself is accepted and its pods run. StatefulSets without a serviceName are not judged.'
          + DEFINED,
        remediation: 'Define a Service with clusterIP: None whose selector selects the StatefulSet\'s pod labels, and name it in spec.serviceName.' + DECLARE,
        fields: ['StatefulSet spec.serviceName', 'Service spec.clusterIP', 'Service spec.selector', 'spec.template.metadata.labels'],
        equivalents: { kubeScore: 'statefulset-has-servicename' },
        check: new StatefulSetServiceExistsCheck(),
      }),
      new Rule({
        id: 'references-service-account-exists',
        severity: Severity.WARNING,
        summary: 'The ServiceAccount every pod runs as is defined in the app, is its namespace\'s default, or is declared external.',
        explanation: 'The ServiceAccount admission plugin refuses a pod whose serviceAccountName does not exist in its namespace, so the '
          + 'workload\'s controller creates no pod at all and retries forever; the workload itself is accepted.' + DEFINED,
        remediation: 'Define the ServiceAccount in the workload\'s namespace (our workload constructs make one for you), or fix the name.' + DECLARE,
        fields: [`${POD}.serviceAccountName`, `${POD}.serviceAccount`, 'ServiceAccount metadata.name'],
        equivalents: { kubeLinter: 'non-existent-service-account' },
        check: new ServiceAccountExistsCheck(),
      }),
      new Rule({
        id: 'references-config-map-exists',
        severity: Severity.WARNING,
        summary: 'Every ConfigMap a pod reads (env, envFrom, volumes, projected volumes) exists, with the keys it reads.',
        explanation: 'A container whose env or envFrom names a missing ConfigMap, or a key the ConfigMap does not hold, does not start '
          + '(CreateContainerConfigError); a pod whose volume names one stays in ContainerCreating. References marked optional: true are '
          + 'not judged. Keys are checked against ConfigMaps written out in the app (data and binaryData).' + DEFINED,
        remediation: 'Define the ConfigMap in the pod\'s namespace with the keys the pod reads, fix the name or key, or mark the reference optional.' + DECLARE,
        fields: [`${CONTAINERS}.env[*].valueFrom.configMapKeyRef`, `${CONTAINERS}.envFrom[*].configMapRef`, `${POD}.volumes[*].configMap`, `${POD}.volumes[*].projected.sources[*].configMap`],
        check: new ConfigMapExistsCheck(),
      }),
      new Rule({
        id: 'references-secret-exists',
        severity: Severity.WARNING,
        summary: 'Every Secret a pod reads (env, envFrom, volumes, projected volumes, imagePullSecrets) exists, with the keys it reads.',
        explanation: 'A container whose env or envFrom names a missing Secret, or a key the Secret does not hold, does not start '
          + '(CreateContainerConfigError); a pod whose volume names one stays in ContainerCreating; a missing imagePullSecret makes the '
          + 'kubelet pull without credentials, which fails for a private registry. References marked optional: true are not judged. Keys '
          + 'are checked against Secrets written out in the app (data and stringData), not against the Secrets operators make.' + DEFINED,
        remediation: 'Make the Secret in the pod\'s namespace (with SecretBackedEnv or ExternalSecret rather than inline data), fix the name '
          + 'or key, or mark the reference optional.' + DECLARE,
        fields: [`${CONTAINERS}.env[*].valueFrom.secretKeyRef`, `${CONTAINERS}.envFrom[*].secretRef`, `${POD}.volumes[*].secret`, `${POD}.volumes[*].projected.sources[*].secret`, `${POD}.imagePullSecrets`],
        check: new SecretExistsCheck(),
      }),
      new Rule({
        id: 'references-pvc-exists',
        severity: Severity.WARNING,
        summary: 'Every PersistentVolumeClaim a pod mounts is defined in the app or declared external.',
        explanation: 'The scheduler does not place a pod whose persistentVolumeClaim volume names a claim that does not exist: the pod '
          + 'stays Pending. StatefulSet volumeClaimTemplates and ephemeral volumes make their own claims and are not references.' + DEFINED,
        remediation: 'Define the claim in the pod\'s namespace, use a StatefulSet volumeClaimTemplate or an ephemeral volume, or fix the name.' + DECLARE,
        fields: [`${POD}.volumes[*].persistentVolumeClaim.claimName`],
        check: new PvcExistsCheck(),
      }),
      new Rule({
        id: 'references-env-name-unique',
        severity: Severity.WARNING,
        scope: RuleScope.OBJECT,
        summary: 'No container sets the same environment variable twice.',
        explanation: 'When env lists a name twice, the container gets the last value, which is easy to miss when reading the manifest; and '
          + 'env is merged by name, so kubectl apply and other strategic-merge patches keep only one of the two entries and can drop '
          + 'or keep the other on later changes. The API server accepts it with a warning.',
        remediation: 'Remove one of the two entries, keeping the value the container should get.',
        fields: [`${CONTAINERS}.env[*].name`],
        equivalents: { kubeLinter: 'duplicate-env-var', kubeScore: 'environment-variable-key-duplication' },
        check: new EnvNameUniqueCheck(),
      }),
    ],
  });
}
