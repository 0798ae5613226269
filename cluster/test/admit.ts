/**
 * One cluster test: a set of objects that must all be admitted by the real API server, namespace set-up first.
 */
import { create, CreateResult, initQuotaStatus, nameOf } from './kubectl';
import { podsOfWorkloads } from './pods';

/** The outcome of one test. */
export interface AdmitResult {
  readonly name: string;
  readonly ok: boolean;
  readonly objects: number;
  readonly pods: number;
  /** kubectl's errors and warnings when not ok. */
  readonly detail: string;
}

const SETUP_ORDER = ['Namespace', 'ServiceAccount', 'ResourceQuota', 'LimitRange'];

/**
 * Creates the objects, and a Pod for each workload's pod template, so that Pod Security Admission judges them.
 *
 * Namespaces, ServiceAccounts, ResourceQuotas and LimitRanges go first; every namespace the objects use gets a
 * `default` ServiceAccount when the objects bring none (no controller-manager creates it here), and every quota
 * gets the status the quota controller would write. Then the rest, in their order, then the Pods. The test passes
 * when every object is created and kubectl printed no warning (`--warnings-as-errors`).
 */
export async function admitAll(name: string, objects: any[]): Promise<AdmitResult> {
  const tolerated = suppressedPolicyWarnings(objects);
  const namespaces = new Set<string>();
  for (const o of objects) {
    if (o.kind === 'Namespace') namespaces.add(o.metadata.name);
    else if (o.metadata?.namespace) namespaces.add(o.metadata.namespace);
  }
  const extra: any[] = [];
  for (const ns of namespaces) {
    if (!objects.some(o => o.kind === 'Namespace' && o.metadata.name === ns)) {
      extra.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
    if (!objects.some(o => o.kind === 'ServiceAccount' && o.metadata.name === 'default' && o.metadata.namespace === ns)) {
      extra.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    }
  }
  const all = [...objects, ...extra];
  const rank = (o: any) => { const i = SETUP_ORDER.indexOf(o.kind); return i < 0 ? SETUP_ORDER.length : i; };
  const setup = all.filter(o => rank(o) < SETUP_ORDER.length).sort((a, b) => rank(a) - rank(b));
  const rest = all.filter(o => rank(o) === SETUP_ORDER.length);
  const pods = podsOfWorkloads(rest);

  let second: CreateResult | undefined;
  const first = await create(setup);
  if (!first.ok) return fail(first.stderr, setup);
  await initQuotaStatus(setup);
  second = await create([...rest, ...pods], tolerated);
  if (!second.ok) return fail(second.stderr, [...rest, ...pods]);
  return { name, ok: true, objects: all.length, pods: pods.length, detail: '' };

  function fail(stderr: string, attempted: any[]): AdmitResult {
    const created = new Set([...first.created, ...(second?.created ?? [])]);
    const missing = attempted.filter(o => !created.has(nameOf(o))).map(nameOf);
    const detail = `${stderr.trim()}${missing.length ? `\n    not created: ${missing.join(', ')}` : ''}`;
    return { name, ok: false, objects: all.length, pods: pods.length, detail };
  }
}

/**
 * The warnings of our own admission policies (AdmissionGuardrails, warning-level rules) that the objects accepted
 * with a reason: a workload carrying `cdk8s-hardened.io/suppress.<rule>` (the guardrails write it for a suppression)
 * still gets that rule's warning from the cluster, for itself and for its pods, and that is not a failure. A
 * suppressed error is denied, and fails the test as it should.
 */
function suppressedPolicyWarnings(objects: any[]): (warning: string) => boolean {
  // "<policy>' ...: <rule>: <Kind> <ns>/<name>:" for the object and for the Pod made from its template.
  const tolerated: Array<{ policy: string; subjects: string[] }> = [];
  for (const o of objects) {
    const ns = o?.metadata?.namespace ? `${o.metadata.namespace}/` : '';
    const subjects = [`${o.kind} ${ns}${o.metadata?.name}:`, `Pod ${ns}${String(o.kind).toLowerCase()}-${o.metadata?.name}:`];
    for (const key of Object.keys(o?.metadata?.annotations ?? {})) {
      if (!key.startsWith('cdk8s-hardened.io/suppress.')) continue;
      const rule = key.slice('cdk8s-hardened.io/suppress.'.length);
      tolerated.push({ policy: `Warning: Validation failed for ValidatingAdmissionPolicy 'cdk8s-hardened-${rule}' `, subjects: subjects.map(x => `: ${rule}: ${x}`) });
    }
  }
  return warning => tolerated.some(t => warning.startsWith(t.policy) && t.subjects.some(x => warning.includes(x)));
}

/** Runs `task` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
