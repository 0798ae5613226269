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

/**
 * A Pod with the workload's pod template, named after the workload, in the given namespace. For a StatefulSet, the
 * pod also gets the volumes its controller adds: one per volumeClaimTemplate, named after the template, claiming
 * `<template>-<pod>` (and replacing a template volume of the same name, as the controller does).
 */
export function podOf(o: any, name: string, namespace: string): any | undefined {
  const t = podTemplate(o);
  if (!t) return undefined;
  const metadata: any = { name, namespace };
  if (t.metadata.labels) metadata.labels = t.metadata.labels;
  if (t.metadata.annotations) metadata.annotations = t.metadata.annotations;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: withClaimVolumes(o, t.spec, name) };
}

function withClaimVolumes(o: any, spec: any, podName: string): any {
  const claims: any[] = o?.kind === 'StatefulSet' && Array.isArray(o.spec?.volumeClaimTemplates) ? o.spec.volumeClaimTemplates : [];
  if (claims.length === 0) return spec;
  const names = new Set(claims.map(c => c?.metadata?.name));
  const volumes = [
    ...(Array.isArray(spec.volumes) ? spec.volumes : []).filter((v: any) => !names.has(v?.name)),
    ...claims.map(c => ({ name: c.metadata.name, persistentVolumeClaim: { claimName: `${c.metadata.name}-${podName}` } })),
  ];
  return { ...spec, volumes };
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
