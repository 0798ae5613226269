import { DANGEROUS_CAPABILITIES } from '../../../rules/workload/private/capabilities';

/**
 * The CEL form of the rules whose verdict depends on one object, for ValidatingAdmissionPolicies. Each form states
 * the same check as the rule's TypeScript logic, on the object as the API server holds it after validation (so
 * fields are well-typed: no malformed values to guard against). The cluster tests hold every form against its rule
 * on the rule's fixtures and the conformance corpus (`admission-policy agreement`).
 */

/** What a policy matches, and what its expression reads. */
export enum CelTarget {
  /** The pod-bearing kinds; `compliant` is a predicate on one container `c`. */
  WORKLOADS = 'workloads',
  /** The pod-bearing kinds; `compliant` is an expression on the pod spec (`variables.podSpec`). */
  PODS = 'pods',
  /** Services; `compliant` is an expression on `object`. */
  SERVICES = 'services',
}

/** One rule's check in CEL. */
export interface CelCheck {
  readonly target: CelTarget;
  /**
   * For WORKLOADS: a predicate on one container `c` (a CEL expression) that holds when the container complies, and
   * the container lists it applies to. For SERVICES: an expression on `object` that holds when the object complies.
   */
  readonly compliant: string;
  readonly containerLists?: ContainerList[];
  /** An expression that holds for pods the rule does not judge (Windows pods for Linux-only settings). */
  readonly exempt?: string;
  /** What the message says of an offending container (or object), before the fix. */
  readonly problem: string;
}

/** A container list of the pod spec; `sidecars` are the init containers with `restartPolicy: Always`. */
export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers' | 'sidecars';

const ALL: ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];
const RESOURCES: ContainerList[] = ['containers', 'initContainers'];
/** Containers that can serve and carry probes: regular ones and sidecars. */
const SERVING: ContainerList[] = ['containers', 'sidecars'];

/** The image reference as the rule parses it: digest after the first `@`, tag after a `:` that follows the last `/`. */
const IMAGE_PINNED = (() => {
  const i = 'c.image';
  const at = `${i}.indexOf('@')`;
  const rest = `(${at} >= 0 ? ${i}.substring(0, ${at}) : ${i})`;
  const tag = `${rest}.substring(${rest}.lastIndexOf(':') + 1)`;
  const digest = `(${at} >= 0 && ${i}.substring(${at} + 1) != '')`;
  return `has(c.image) && ${i} != '' && (${digest} || (${rest}.lastIndexOf(':') > ${rest}.lastIndexOf('/') && !(${tag} in ['', 'latest'])))`;
})();

const WINDOWS = "has(variables.podSpec.os) && has(variables.podSpec.os.name) && variables.podSpec.os.name == 'windows'";

const limitSet = (resource: string) => `has(c.resources) && has(c.resources.limits) && '${resource}' in c.resources.limits`;

/** The rule's `MIN_ID`: UIDs and GIDs below it may collide with users and groups of the host. */
const MIN_ID = 10000;

/** A pod-level field of the pod's securityContext holds, when set. */
const podId = (field: string, holds: (v: string) => string) =>
  `(!has(variables.podSpec.securityContext) || !has(variables.podSpec.securityContext.${field}) || ${holds(`variables.podSpec.securityContext.${field}`)})`;
/** A container field of every container's securityContext holds, when set. */
const containerIds = (field: string, holds: (v: string) => string) =>
  `(${containersExpression(ALL)}).all(c, !has(c.securityContext) || !has(c.securityContext.${field}) || ${holds(`c.securityContext.${field}`)})`;
const high = (v: string) => `${v} >= ${MIN_ID}`;
const zeroOrHigh = (v: string) => `(${v} == 0 || ${v} >= ${MIN_ID})`;
const notRoot = (v: string) => `${v} != 0`;

export const CEL_CHECKS: { readonly [ruleId: string]: CelCheck } = {
  'workload-high-uid': {
    target: CelTarget.PODS,
    compliant: `${podId('runAsUser', high)} && ${containerIds('runAsUser', high)}`,
    exempt: WINDOWS,
    problem: `sets a runAsUser below ${MIN_ID}`,
  },
  'workload-high-gid': {
    target: CelTarget.PODS,
    // 0 is the root group, which workload-root-group reports.
    compliant: `${podId('runAsGroup', zeroOrHigh)} && ${podId('fsGroup', zeroOrHigh)} && ${containerIds('runAsGroup', zeroOrHigh)}`,
    exempt: WINDOWS,
    problem: `sets a runAsGroup or fsGroup below ${MIN_ID}`,
  },
  'workload-root-group': {
    target: CelTarget.PODS,
    compliant: `${podId('runAsGroup', notRoot)} && ${podId('fsGroup', notRoot)} && ${containerIds('runAsGroup', notRoot)}`
      + ` && ${podId('supplementalGroups', v => `${v}.all(g, g != 0)`)}`,
    exempt: WINDOWS,
    problem: 'sets a group ID of 0, the root group',
  },
  'workload-image-tag-pinned': {
    target: CelTarget.WORKLOADS,
    compliant: IMAGE_PINNED,
    containerLists: ALL,
    problem: 'uses an image without a version tag (none, or :latest) and without a digest',
  },
  'workload-read-only-root-filesystem': {
    target: CelTarget.WORKLOADS,
    compliant: 'has(c.securityContext) && has(c.securityContext.readOnlyRootFilesystem) && c.securityContext.readOnlyRootFilesystem == true',
    containerLists: ALL,
    exempt: WINDOWS,
    problem: 'does not set securityContext.readOnlyRootFilesystem to true',
  },
  'workload-memory-limit': {
    target: CelTarget.WORKLOADS,
    compliant: limitSet('memory'),
    containerLists: RESOURCES,
    problem: 'sets no memory limit (resources.limits.memory)',
  },
  'workload-cpu-limit': {
    target: CelTarget.WORKLOADS,
    compliant: limitSet('cpu'),
    containerLists: RESOURCES,
    problem: 'sets no CPU limit (resources.limits.cpu)',
  },
  'workload-dangerous-capabilities': {
    target: CelTarget.WORKLOADS,
    // The rule's normalisation: trimmed, upper case, without a CAP_ prefix.
    compliant: '!has(c.securityContext) || !has(c.securityContext.capabilities) || !has(c.securityContext.capabilities.add)'
      + " || c.securityContext.capabilities.add.all(x, !((x.trim().upperAscii().startsWith('CAP_') ? x.trim().upperAscii().substring(4) : x.trim().upperAscii())"
      + ` in [${Object.keys(DANGEROUS_CAPABILITIES).map(k => `'${k}'`).join(', ')}]))`,
    containerLists: ALL,
    problem: 'adds a capability that gives power over the node or other workloads',
  },
  'workload-readiness-probe': {
    target: CelTarget.WORKLOADS,
    compliant: '!has(c.ports) || size(c.ports) == 0 || has(c.readinessProbe)',
    containerLists: SERVING,
    problem: 'declares ports but has no readinessProbe',
  },
  'workload-liveness-probe': {
    target: CelTarget.WORKLOADS,
    compliant: '!has(c.ports) || size(c.ports) == 0 || has(c.livenessProbe)',
    containerLists: SERVING,
    problem: 'declares ports but has no livenessProbe',
  },
  'workload-dedicated-service-account': {
    target: CelTarget.PODS,
    // serviceAccountName, else the deprecated serviceAccount; the ServiceAccount admission sets "default" on a Pod without one.
    compliant: "!((has(variables.podSpec.serviceAccountName) && variables.podSpec.serviceAccountName != '' ? variables.podSpec.serviceAccountName"
      + " : (has(variables.podSpec.serviceAccount) ? variables.podSpec.serviceAccount : '')) in ['', 'default'])",
    problem: 'runs as the namespace\'s "default" ServiceAccount',
  },
  'network-service-no-external-ips': {
    target: CelTarget.SERVICES,
    compliant: '!has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0',
    problem: 'sets spec.externalIPs',
  },
  'network-service-not-exposed': {
    target: CelTarget.SERVICES,
    compliant: "!has(object.spec.type) || !(object.spec.type in ['NodePort', 'LoadBalancer'])",
    problem: 'is of type NodePort or LoadBalancer, which exposes the selected pods outside the cluster',
  },
};

/** The pod spec of every kind a WORKLOADS policy matches; `{}` for an object without a pod template. */
export const POD_SPEC = [
  "object.kind == 'Pod' ? object.spec :",
  "object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec :",
  "object.kind == 'PodTemplate' ? (has(object.template) && has(object.template.spec) ? object.template.spec : {}) :",
  '(has(object.spec.template) && has(object.spec.template.spec) ? object.spec.template.spec : {})',
].join(' ');

/** The containers of the pod spec in the given lists, in the rule's order. */
export function containersExpression(lists: ContainerList[]): string {
  return lists.map(l => (l === 'sidecars'
    ? "(has(variables.podSpec.initContainers) ? variables.podSpec.initContainers.filter(i, has(i.restartPolicy) && i.restartPolicy == 'Always') : [])"
    : `(has(variables.podSpec.${l}) ? variables.podSpec.${l} : [])`)).join(' + ');
}

/** The kinds a WORKLOADS policy matches: every built-in kind that carries a pod template at a fixed path. */
export const WORKLOAD_RESOURCES = [
  { apiGroups: [''], apiVersions: ['v1'], resources: ['pods', 'replicationcontrollers', 'podtemplates'] },
  { apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'] },
  { apiGroups: ['batch'], apiVersions: ['v1'], resources: ['jobs', 'cronjobs'] },
];

export const SERVICE_RESOURCES = [{ apiGroups: [''], apiVersions: ['v1'], resources: ['services'] }];

/** A CEL string literal. */
export function celString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
