import { CelResources } from '../../../private/cel-form';

/** The pod spec of every kind a pod policy matches; `{}` for an object without a pod template. */
export const POD_SPEC = [
  "object.kind == 'Pod' ? object.spec :",
  "object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec :",
  "object.kind == 'PodTemplate' ? (has(object.template) && has(object.template.spec) ? object.template.spec : {}) :",
  '(has(object.spec.template) && has(object.spec.template.spec) ? object.spec.template.spec : {})',
].join(' ');

/** The kinds a pod or container policy matches: every built-in kind that carries a pod template at a fixed path. */
export const WORKLOAD_RESOURCES: CelResources[] = [
  { apiGroups: [''], apiVersions: ['v1'], resources: ['pods', 'replicationcontrollers', 'podtemplates'] },
  { apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'] },
  { apiGroups: ['batch'], apiVersions: ['v1'], resources: ['jobs', 'cronjobs'] },
];
