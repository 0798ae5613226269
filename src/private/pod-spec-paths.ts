/**
 * Where each kind that carries a pod spec keeps it: the one table that `podTemplateOf` (every pod rule), the
 * network rules and `scan`'s idea of an understood object read. A custom resource not listed here is passed over
 * and counted as skipped.
 */
export interface PodSpecLocation {
  /** The kind, as in `kind:`. */
  readonly kind: string;
  /** API groups the kind is served from (`''` for the core group). */
  readonly groups: string[];
  /**
   * Path of the pod template (an object with `metadata` and `spec`, the pod spec) inside the object; empty when
   * the object itself is the pod (its own `metadata` and `spec`).
   */
  readonly path: string[];
  /**
   * True when the object makes the cluster run pods (so it needs network policies, a namespace other than
   * default, ...); false for a template that only describes pods (`PodTemplate`).
   */
  readonly runsPods: boolean;
  /** Where the path is documented, for the custom resources. */
  readonly source?: string;
}

export const POD_SPEC_LOCATIONS: PodSpecLocation[] = [
  { kind: 'Pod', groups: [''], path: [], runsPods: true },
  { kind: 'PodTemplate', groups: [''], path: ['template'], runsPods: false },
  { kind: 'ReplicationController', groups: [''], path: ['spec', 'template'], runsPods: true },
  { kind: 'Deployment', groups: ['apps', 'extensions'], path: ['spec', 'template'], runsPods: true },
  { kind: 'StatefulSet', groups: ['apps'], path: ['spec', 'template'], runsPods: true },
  { kind: 'DaemonSet', groups: ['apps', 'extensions'], path: ['spec', 'template'], runsPods: true },
  { kind: 'ReplicaSet', groups: ['apps', 'extensions'], path: ['spec', 'template'], runsPods: true },
  { kind: 'Job', groups: ['batch'], path: ['spec', 'template'], runsPods: true },
  { kind: 'CronJob', groups: ['batch'], path: ['spec', 'jobTemplate', 'spec', 'template'], runsPods: true },
  // Custom resources whose pod template is a plain core/v1 PodTemplateSpec at a documented path.
  {
    kind: 'Rollout',
    groups: ['argoproj.io'],
    path: ['spec', 'template'],
    runsPods: true,
    source: 'https://argo-rollouts.readthedocs.io/en/stable/features/specification/ (spec.template)',
  },
  {
    kind: 'DeploymentConfig',
    groups: ['apps.openshift.io'],
    path: ['spec', 'template'],
    runsPods: true,
    source: 'https://docs.openshift.com/container-platform/4.14/rest_api/workloads_apis/deploymentconfig-apps-openshift-io-v1.html (spec.template)',
  },
  {
    kind: 'Service',
    groups: ['serving.knative.dev'],
    path: ['spec', 'template'],
    runsPods: true,
    source: 'https://knative.dev/docs/serving/reference/serving-api/#serving.knative.dev/v1.Service (spec.template, a RevisionTemplateSpec whose spec inlines the PodSpec)',
  },
  {
    kind: 'Configuration',
    groups: ['serving.knative.dev'],
    path: ['spec', 'template'],
    runsPods: true,
    source: 'https://knative.dev/docs/serving/reference/serving-api/#serving.knative.dev/v1.Configuration (spec.template)',
  },
  {
    kind: 'ScaledJob',
    groups: ['keda.sh'],
    path: ['spec', 'jobTargetRef', 'template'],
    runsPods: true,
    source: 'https://keda.sh/docs/latest/reference/scaledjob-spec/ (spec.jobTargetRef is a batch/v1 JobSpec)',
  },
];

const BY_KIND = new Map<string, PodSpecLocation[]>();
for (const location of POD_SPEC_LOCATIONS) {
  BY_KIND.set(location.kind, [...(BY_KIND.get(location.kind) ?? []), location]);
}

/** Where an object of this kind and API group keeps its pod spec, or undefined when it carries none we know. */
export function podSpecLocation(kind: string, apiGroup: string): PodSpecLocation | undefined {
  return BY_KIND.get(kind)?.find(l => l.groups.includes(apiGroup));
}
