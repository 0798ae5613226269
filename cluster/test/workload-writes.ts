/**
 * What `rbac-create-workloads` rests on, against the real API server: for every kind the rule knows, whether the
 * server lets a stored object's container image be changed (a pod's in place, the others' pod template, which the
 * controllers roll out as new pods) must match whether the rule counts update and patch on that kind; and a
 * resourceNames limit must void create but not patch, as the rule assumes.
 */
import { checkList, CheckListResult } from './check-list';
import { create, kubectl } from './kubectl';
import { CREATE_WORKLOADS } from '../../src/rules/rbac/private/permissions';
import { IMAGE, SIDECAR_IMAGE } from '../../test/constructs/workloads/support';

const NAMESPACE = 'workload-writes';


const CONTAINER = {
  name: 'web',
  image: IMAGE,
  securityContext: {
    runAsNonRoot: true, runAsUser: 10001, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
  },
};
const LABELS = { app: 'web' };
const podSpec = (restartPolicy?: string) => ({ ...(restartPolicy ? { restartPolicy } : {}), containers: [CONTAINER] });
const template = (restartPolicy?: string) => ({ metadata: { labels: LABELS }, spec: podSpec(restartPolicy) });

/** One kind the rule knows: an object of it, and the JSON pointer of its (first) container's image. */
interface Kind {
  readonly group: string;
  readonly resource: string;
  readonly object: any;
  readonly imagePath: string;
}

const meta = (name: string) => ({ name, namespace: NAMESPACE });
const TEMPLATE_IMAGE = '/spec/template/spec/containers/0/image';
const KINDS: Kind[] = [
  { group: '', resource: 'pods', imagePath: '/spec/containers/0/image', object: { apiVersion: 'v1', kind: 'Pod', metadata: { ...meta('pod'), labels: LABELS }, spec: podSpec() } },
  {
    group: '',
    resource: 'replicationcontrollers',
    imagePath: TEMPLATE_IMAGE,
    object: { apiVersion: 'v1', kind: 'ReplicationController', metadata: meta('rc'), spec: { selector: LABELS, template: template() } },
  },
  ...(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet'] as const).map((kind): Kind => ({
    group: 'apps',
    resource: `${kind.toLowerCase()}s`,
    imagePath: TEMPLATE_IMAGE,
    object: {
      apiVersion: 'apps/v1',
      kind,
      metadata: meta(kind.toLowerCase()),
      spec: { selector: { matchLabels: LABELS }, template: template(), ...(kind === 'StatefulSet' ? { serviceName: 'web' } : {}) },
    },
  })),
  { group: 'batch', resource: 'jobs', imagePath: TEMPLATE_IMAGE, object: { apiVersion: 'batch/v1', kind: 'Job', metadata: meta('job'), spec: { template: template('Never') } } },
  {
    group: 'batch',
    resource: 'cronjobs',
    imagePath: '/spec/jobTemplate/spec/template/spec/containers/0/image',
    object: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('cronjob'), spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: template('Never') } } } },
  },
];

/** Whether the rule counts `verb` on the kind as creating pods. */
function ruleCounts(kind: Kind, verb: string): boolean {
  return CREATE_WORKLOADS.requests.some(r => r.groups.includes(kind.group) && r.resources.includes(kind.resource) && r.verbs.includes(verb));
}

export async function checkWorkloadWrites(): Promise<CheckListResult> {
  const { lines, failures, check } = checkList('workload-writes');

  const setup = await create([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default') },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('editor') },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta('named-pods'),
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['create', 'patch'], resourceNames: ['pod'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta('named-pods'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'named-pods' },
      subjects: [{ kind: 'ServiceAccount', name: 'editor', namespace: NAMESPACE }],
    },
    ...KINDS.map(k => k.object),
  ]);
  check(setup.ok, `the namespace, a Role limited by resourceNames and one object of each of ${KINDS.length} kinds are created`, setup.stderr);
  if (!setup.ok) return { lines, failures };

  for (const kind of KINDS) {
    const name = `${kind.resource}${kind.group ? `.${kind.group}` : ''}/${kind.object.metadata.name}`;
    const patch = JSON.stringify([{ op: 'replace', path: kind.imagePath, value: SIDECAR_IMAGE }]);
    const r = await kubectl(['patch', name, '-n', NAMESPACE, '--type', 'json', '-p', patch]);
    const changed = r.status === 0;
    const counted = ruleCounts(kind, 'patch') && ruleCounts(kind, 'update');
    // A refusal counts only for the reason the rule assumes: the field cannot change, not a patch gone wrong.
    check(changed ? counted : !counted && /immutable/.test(r.stderr),
      `${name}: the server ${changed ? 'lets its image be changed' : 'refuses an image change'}, and the rule ${counted ? 'counts' : 'does not count'} update and patch on ${kind.resource}`,
      `exit ${r.status}\n${r.stdout}${r.stderr}`);
    check(ruleCounts(kind, 'create'), `the rule counts create on ${kind.resource}`);
  }

  // A resourceNames limit voids create (the name of a new object is not known when it is authorized), not patch.
  const as = ['--as', `system:serviceaccount:${NAMESPACE}:editor`, '-n', NAMESPACE];
  const canCreate = await kubectl(['auth', 'can-i', 'create', 'pods', ...as]);
  check(canCreate.stdout.trim() === 'no', 'create on pods limited by resourceNames allows no create', `${canCreate.stdout}${canCreate.stderr}`);
  const canPatch = await kubectl(['auth', 'can-i', 'patch', 'pods/pod', ...as]);
  check(canPatch.stdout.trim() === 'yes', 'patch on pods limited by resourceNames allows patch of the named pod', `${canPatch.stdout}${canPatch.stderr}`);
  const podRequest = CREATE_WORKLOADS.requests.find(r => r.resources.includes('pods') && r.verbs.includes('patch'));
  const createRequest = CREATE_WORKLOADS.requests.find(r => r.resources.includes('pods') && r.verbs.includes('create'));
  check(podRequest?.namesLimit !== true && createRequest?.namesLimit === true,
    'the rule lets resourceNames void create on pods, and not patch');
  return { lines, failures };
}
