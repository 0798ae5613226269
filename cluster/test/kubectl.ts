/**
 * kubectl against the test API server that cluster/run.sh started, and `create`, which does what
 * `kubectl create --warnings-as-errors` does through the REST API: every create is a real one (stored in etcd),
 * and a PodSecurity warning on a workload counts as a failure.
 */
import { spawn } from 'child_process';
import { collectionPath, createObject, request } from './api-server';

const KUBECTL = process.env.CLUSTER_KUBECTL;
const KUBECONFIG = process.env.CLUSTER_KUBECONFIG;
const CACHE = process.env.CLUSTER_KUBE_CACHE;

/** What one kubectl run returned. */
export interface KubectlResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kubectl with the test kubeconfig; fails the run (rejects) only when kubectl itself cannot start. */
export function kubectl(args: string[], input?: string, timeoutMs = 120_000): Promise<KubectlResult> {
  if (!KUBECTL || !KUBECONFIG) {
    throw new Error('CLUSTER_KUBECTL and CLUSTER_KUBECONFIG are not set: run the cluster tests through `npx projen cluster` (cluster/run.sh).');
  }
  const all = ['--kubeconfig', KUBECONFIG, ...(CACHE ? ['--cache-dir', CACHE] : []), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(KUBECTL, all, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', d => { stdout += d; });
    child.stderr.on('data', d => { stderr += d; });
    child.on('error', e => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ status: code ?? 1, stdout, stderr: signal ? `${stderr}\nkubectl killed by ${signal} after ${timeoutMs} ms` : stderr });
    });
    child.stdin.end(input ?? '');
  });
}

/** The `kubectl -o name` spelling of an object: `pod/web`, `deployment.apps/web`. */
export function nameOf(o: any): string {
  const [group] = String(o.apiVersion).includes('/') ? String(o.apiVersion).split('/') : [''];
  return `${String(o.kind).toLowerCase()}${group ? `.${group}` : ''}/${o.metadata?.name}`;
}

/** The outcome of creating a list of objects. */
export interface CreateResult {
  /** Every object was created and kubectl printed no warning. */
  readonly ok: boolean;
  /** `kubectl -o name` of the objects created. */
  readonly created: Set<string>;
  /** kubectl's error and warning output, over every attempt. */
  readonly stderr: string;
  /** Attempts needed (more than one when the quota admission had not yet seen the quota status). */
  readonly attempts: number;
}

/** Error lines of kubectl's output that only say the quota admission has not seen the quota's usage yet. */
const QUOTA_STATUS_UNKNOWN = /status unknown for quota/;

/**
 * `kubectl create --warnings-as-errors -o name -f -` of the objects, in order, through the REST API
 * (`createObject`). Objects refused only because the quota admission has not yet seen the status written by
 * `initQuotaStatus` are created again (up to 20 times); any other refusal or warning is final.
 */
export async function create(objects: any[], tolerated: (warning: string) => boolean = () => false): Promise<CreateResult> {
  const created = new Set<string>();
  let pending = objects;
  let stderr = '';
  let attempts = 0;
  let warned = false;
  for (;;) {
    attempts++;
    const errors: string[] = [];
    const lines: string[] = [];
    for (const o of pending) {
      const outcome = await createObject(o);
      if (outcome.created) created.add(nameOf(o));
      for (const line of outcome.lines) {
        lines.push(line);
        if (line.startsWith('Warning: ')) warned ||= !tolerated(line); else errors.push(line);
      }
    }
    pending = pending.filter(o => !created.has(nameOf(o)));
    const onlyQuotaStatus = errors.length > 0 && errors.every(l => QUOTA_STATUS_UNKNOWN.test(l)) && lines.length === errors.length;
    if (onlyQuotaStatus && pending.length > 0 && attempts < 20) {
      await sleep(150);
      continue;
    }
    stderr += lines.map(l => `${l}\n`).join('');
    return { ok: !warned && errors.length === 0 && pending.length === 0, created, stderr, attempts };
  }
}

/**
 * Writes the status of every ResourceQuota among the objects as the resource quota controller would on a real
 * cluster (hard = spec.hard, nothing used yet). No controller-manager runs here, and the quota admission enforces
 * only what a quota's status says: without it, no quota would hold.
 */
export async function initQuotaStatus(objects: any[]): Promise<void> {
  for (const q of objects.filter(o => o.kind === 'ResourceQuota')) {
    const hard = q.spec?.hard ?? {};
    const used = Object.fromEntries(Object.keys(hard).map(k => [k, '0']));
    const path = `${await collectionPath(q)}/${encodeURIComponent(q.metadata.name)}/status?fieldManager=kubectl-patch`;
    const r = await request('PATCH', path, { status: { hard, used } }, 'application/merge-patch+json');
    if (r.status !== 200) {
      throw new Error(`could not write the status of ResourceQuota ${q.metadata.namespace}/${q.metadata.name}: ${r.body?.message ?? r.status}`);
    }
  }
  // The quota admission enforces `status.hard` as its informer last saw it, and a quota seen without a status is
  // not enforced at all: give the watch time to deliver the update before anything the quota covers is created.
  if (objects.some(o => o.kind === 'ResourceQuota')) await sleep(QUOTA_SETTLE_MS);
}

const QUOTA_SETTLE_MS = 400;

/**
 * A multi-document stream of the objects, each written as JSON: JSON reads the same in every YAML reader, where a
 * YAML 1.2 writer's plain `yes` or `0755` would not read the same in kubectl's YAML 1.1 decoder.
 */
export function toYaml(objects: any[]): string {
  return objects.map(o => `---\n${JSON.stringify(o)}\n`).join('');
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
