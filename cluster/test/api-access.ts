/**
 * ApiAccess against the real API server: its objects are admitted (strict field validation, Pod Security restricted
 * on the pods of the templates), and a token of the workload's ServiceAccount, requested as the kubelet requests
 * the projected one, may do exactly what the Role grants, and nothing else; a token for another audience is refused.
 */
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { admitAll } from './admit';
import { checkList, CheckListResult } from './check-list';
import { kubectl } from './kubectl';
import { ApiAccess } from '../../src/constructs/api-access';
import { IsolatedNamespace } from '../../src/constructs/namespace';
import { HardenedDeployment } from '../../src/constructs/workloads';
import { IMAGE } from '../../test/constructs/workloads/support';

const NAMESPACE = 'api-access';
const AUDIENCE = 'https://kubernetes.default.svc';

/** One question put to the server as the workload, and the answer the Role implies. */
interface Expectation {
  readonly args: string[];
  readonly allowed: boolean;
}


export async function checkApiAccess(): Promise<CheckListResult> {
  const { lines, failures, check } = checkList('api-access');

  const app = Testing.app();
  const ns = new IsolatedNamespace(app, NAMESPACE);
  const settings = new kplus.ConfigMap(ns, 'settings', { data: { mode: 'strict' } });
  const api = new HardenedDeployment(ns, 'api', { containers: [{ name: 'api', image: IMAGE, portNumber: 9090 }] });
  const leases = kplus.ApiResource.custom({ apiGroup: 'coordination.k8s.io', resourceType: 'leases' });
  new ApiAccess(ns, 'access', {
    workload: api,
    audience: AUDIENCE,
    rules: [
      { verbs: ['get', 'watch'], resources: [settings] },
      { verbs: ['get', 'update'], resources: [leases], resourceNames: ['api-leader'] },
      { verbs: ['create'], resources: [leases] },
    ],
  });
  const objects = Testing.synth(ns);
  const admitted = await admitAll('ApiAccess objects', objects);
  check(admitted.ok, `the Role, RoleBinding, ConfigMap and Deployment with its projected token, and the Pod of its template, are admitted (${admitted.objects} objects, ${admitted.pods} pod)`, admitted.detail);
  if (!admitted.ok) return { lines, failures };

  const account = objects.find(o => o.kind === 'ServiceAccount' && o.metadata.name !== 'default').metadata.name;
  const token = await requestToken(account, AUDIENCE);
  if (!token.ok) {
    check(false, `a token for ServiceAccount ${NAMESPACE}/${account} is issued`, token.detail);
    return { lines, failures };
  }
  const claims = JSON.parse(Buffer.from(token.value.split('.')[1], 'base64url').toString('utf-8'));
  check(Array.isArray(claims.aud) && claims.aud.includes(AUDIENCE) && claims.sub === `system:serviceaccount:${NAMESPACE}:${account}`,
    `the token is for system:serviceaccount:${NAMESPACE}:${account} with audience ${AUDIENCE}`, JSON.stringify(claims));

  const asWorkload = ['--token', token.value, '-n', NAMESPACE];
  const expectations: Expectation[] = [
    { args: ['get', 'configmap', settings.name, '-o', 'name'], allowed: true },
    { args: ['auth', 'can-i', 'watch', `configmaps/${settings.name}`], allowed: true },
    { args: ['auth', 'can-i', 'update', 'leases.coordination.k8s.io/api-leader'], allowed: true },
    { args: ['auth', 'can-i', 'create', 'leases.coordination.k8s.io'], allowed: true },
    // Forbidden is decided before the object is looked up, so a name that does not exist tells allowed from not.
    { args: ['get', 'configmap', 'another-config', '-o', 'name'], allowed: false },
    { args: ['auth', 'can-i', 'list', 'configmaps'], allowed: false },
    { args: ['auth', 'can-i', 'update', `configmaps/${settings.name}`], allowed: false },
    { args: ['auth', 'can-i', 'update', 'leases.coordination.k8s.io/other-leader'], allowed: false },
    { args: ['get', 'secrets', '-o', 'name'], allowed: false },
    { args: ['auth', 'can-i', 'create', 'pods'], allowed: false },
    { args: ['auth', 'can-i', 'get', 'configmaps', '-n', 'default'], allowed: false },
  ];
  for (const e of expectations) {
    const r = await kubectl([...asWorkload, ...e.args]);
    // `get` fails with Forbidden; `auth can-i` prints yes or no (and exits 1 on no).
    const isCanI = e.args[0] === 'auth';
    const allowed = isCanI ? r.stdout.trim() === 'yes' : r.status === 0;
    const refusedForRbac = isCanI ? r.stdout.trim() === 'no' : /Forbidden|forbidden/.test(r.stderr);
    const ok = e.allowed ? allowed : !allowed && refusedForRbac;
    check(ok, `as the workload, ${e.args.filter(a => a !== '-o' && a !== 'name').join(' ')}: ${e.allowed ? 'allowed' : 'forbidden'}`,
      `exit ${r.status}\n${r.stdout}${r.stderr}`);
  }

  const other = await requestToken(account, 'vault');
  if (!other.ok) {
    check(false, 'a token for the audience "vault" is issued', other.detail);
  } else {
    const r = await kubectl(['--token', other.value, '-n', NAMESPACE, 'get', 'configmap', settings.name, '-o', 'name']);
    check(r.status !== 0 && /Unauthorized|must be logged in/.test(r.stderr),
      'a token of the same ServiceAccount for the audience "vault" is refused (Unauthorized)', `exit ${r.status}\n${r.stdout}${r.stderr}`);
  }
  return { lines, failures };
}

/** `kubectl create token`: the TokenRequest the kubelet makes for a projected serviceAccountToken volume. */
async function requestToken(account: string, audience: string): Promise<{ ok: true; value: string } | { ok: false; detail: string }> {
  const r = await kubectl(['create', 'token', account, '-n', NAMESPACE, '--audience', audience, '--duration', '10m']);
  const value = r.stdout.trim();
  if (r.status !== 0 || value.split('.').length !== 3) return { ok: false, detail: `exit ${r.status}\n${r.stdout}${r.stderr}` };
  return { ok: true, value };
}
