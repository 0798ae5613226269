/**
 * Pods made from workloads' pod templates. Pod Security Admission enforces on Pods only (a Deployment with a
 * privileged template is stored with a warning) and no controller creates Pods here, so the tests create them.
 */

/** Where the pod template sits in each workload kind. */
const TEMPLATE_PATHS: { [kind: string]: string[] } = {
  ReplicationController: ['spec', 'template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** The pod of an object: itself for a Pod, its template for a workload, undefined for anything else. */
export function podTemplate(o: any): { metadata: any; spec: any } | undefined {
  if (o?.kind === 'Pod') return o.spec ? { metadata: o.metadata ?? {}, spec: o.spec } : undefined;
  const at = TEMPLATE_PATHS[o?.kind];
  if (!at) return undefined;
  let t = o;
  for (const k of at) t = t?.[k];
  return t?.spec ? { metadata: t.metadata ?? {}, spec: t.spec } : undefined;
}

/** A Pod with the workload's pod template, named after the workload, in the given namespace. */
export function podOf(o: any, name: string, namespace: string): any | undefined {
  const t = podTemplate(o);
  if (!t) return undefined;
  const metadata: any = { name, namespace };
  if (t.metadata.labels) metadata.labels = t.metadata.labels;
  if (t.metadata.annotations) metadata.annotations = t.metadata.annotations;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: t.spec };
}

/** A Pod for each workload among the objects (Pods themselves excluded), in the workload's namespace. */
export function podsOfWorkloads(objects: any[]): any[] {
  const pods: any[] = [];
  for (const o of objects) {
    if (o.kind === 'Pod' || !TEMPLATE_PATHS[o.kind]) continue;
    const pod = podOf(o, `${o.kind.toLowerCase()}-${o.metadata.name}`.slice(0, 253), o.metadata.namespace);
    if (pod) pods.push(pod);
  }
  return pods;
}
