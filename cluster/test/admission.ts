/**
 * The ValidatingAdmissionPolicies that AdmissionGuardrails generates, installed on the test API server and held
 * against the rules they come from. For the comparison the bindings only warn, ten at a time while the others only
 * audit (one warning per policy an object fails, so each rule's verdict is seen on its own, and never more warnings
 * than the server keeps), and each object is created with `dryRun=All` (admission runs in full, nothing is stored): the rule's fixtures of test/rules/fixtures/*.ts and the conformance corpus, object
 * by object. Then the bindings get their real actions, and errors must be denied.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { collectionPath, createObject, request } from './api-server';
import { corpusFiles, loadCorpus } from './corpus';
import { sleep } from './kubectl';
import { AdmissionGuardrails } from '../../src/constructs/admission';
import { Evaluator } from '../../src/engine/evaluator';
import { ManifestObject } from '../../src/engine/manifest-object';
import { RulePack } from '../../src/engine/rule-pack';
import { Packs } from '../../src/packs/packs';
import { WorkloadRules } from '../../src/packs/workload';
import { RuleFixtures } from '../../test/helpers/rule-harness';
import { hardenedContainer, hardenedDeployment } from '../../test/rules/fixtures/workload';

const NAMESPACE = 'admission-cases';
const JUDGED_KINDS = new Set(['Pod', 'ReplicationController', 'PodTemplate', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob',
  'Service', 'Secret', 'RoleBinding', 'ClusterRoleBinding', 'Namespace', 'NetworkPolicy']);

/** One rule's agreement over the objects it was compared on. */
export interface PolicyAgreement {
  readonly ruleId: string;
  readonly agreed: number;
  readonly compared: number;
  /** Objects the server refused for another reason (invalid as API objects): not compared. */
  readonly notCreatable: number;
  /** Objects both the rule and the policy flag (a table of agreement on admitted objects only proves nothing). */
  readonly flagged: number;
  readonly differences: string[];
}

/** Everything the admission-policy check found. */
export interface AdmissionResult {
  readonly rows: PolicyAgreement[];
  readonly failures: string[];
  /** The generated objects, installed with their real actions when the check returns. */
  readonly manifests: any[];
  /** Why the server refused some objects as invalid (a few, for the log). */
  readonly invalidSamples: string[];
}

/**
 * How many policies warn at a time. The API server keeps at most 4096 characters of warnings per response, cutting
 * each to 256 once they exceed it and dropping the rest: 10 warnings fit whole or cut, whatever else warns.
 */
const WARNING_GROUP = 10;

/** The configured rule the comparison adds to the shipped packs: registries of the corpus, Docker Hub's nginx, one path prefix. */
const ALLOWED_REGISTRIES = ['registry.example.com', 'ghcr.io/acme', 'docker.io/library/nginx', 'localhost:5000/'];

/** Images around the allow-list's edges: whole path components, the fully qualified name, ports and digests. */
const REGISTRY_CASES: CaseObject[] = [
  'ghcr.io/acme/app:1.0', 'ghcr.io/acme:1.0', 'ghcr.io/acmecorp/app:1.0', 'ghcr.io/acme@sha256:0b2f3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
  'nginx:1.27', 'nginx', 'library/nginx:1.27', 'index.docker.io/library/nginx:1.27', 'nginx-unprivileged:1.27', 'docker.io/library/nginxinc:1',
  'registry.example.com.evil.example/app:1', 'REGISTRY.EXAMPLE.COM/app:1', 'localhost:5000/app:1', 'localhost:5001/app:1',
].map(image => ({ where: `registry case ${image}`, value: hardenedDeployment({ image }) }));

export async function checkAdmissionPolicies(): Promise<AdmissionResult> {
  const failures: string[] = [];
  const packs = [...Packs.defaults(), new RulePack({
    name: 'registries',
    description: 'The registry allow-list, configured.',
    rules: [WorkloadRules.registryAllowList(ALLOWED_REGISTRIES)],
  })];
  const chart = new AdmissionGuardrails(Testing.app(), 'admission', { packs });
  const manifests = Testing.synth(chart);
  const realActions = new Map<string, string[]>();
  for (const m of manifests) {
    if (m.kind === 'ValidatingAdmissionPolicyBinding') {
      realActions.set(m.metadata.name, m.spec.validationActions);
      m.spec.validationActions = ['Audit'];
    }
    const made = await createObject(m);
    if (!made.created) throw new Error(`the generated ${m.kind} ${m.metadata.name} was not admitted: ${made.lines.join(' ')}`);
    if (made.lines.length) failures.push(`creating ${m.kind} ${m.metadata.name} printed: ${made.lines.join(' ')}`);
  }
  // No controller-manager runs here to create the namespace's default ServiceAccount, which a Pod needs; the fixtures'
  // hardened pods run as "web".
  await createObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
  for (const name of ['default', 'web']) await createObject({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: NAMESPACE } });

  const evaluator = new Evaluator({ packs, kubernetesVersion: '1.37' });
  const cases = [...fixtureObjects(chart.ruleIds), ...REGISTRY_CASES, ...corpusObjects()].filter(c => JUDGED_KINDS.has(c.value?.kind)).map(c => {
    const object = { ...c.value, metadata: { ...(c.value.metadata ?? {}), namespace: NAMESPACE } };
    if (!object.metadata.name) object.metadata.name = 'unnamed';
    return { where: c.where, object, ours: new Set(evaluator.evaluate([ManifestObject.fromJson(object)]).unsuppressed().map(f => f.ruleId)) };
  });
  const rows = new Map<string, { agreed: number; compared: number; notCreatable: number; flagged: number; differences: string[] }>(
    chart.ruleIds.map(id => [id, { agreed: 0, compared: 0, notCreatable: 0, flagged: 0, differences: [] }]));
  const invalidSamples: string[] = [];

  // Group by group, the group's bindings warn and every other only audits (which adds no warning).
  for (let start = 0; start < chart.ruleIds.length; start += WARNING_GROUP) {
    const group = chart.ruleIds.slice(start, start + WARNING_GROUP);
    await setActions(group, ['Warn']);
    await untilEffective(manifests, group);
    for (const c of cases) {
      const server = await dryRunCreate(c.object);
      if (!server.created && start === 0 && invalidSamples.length < 3) invalidSamples.push(`${c.where}: ${server.message}`);
      for (const ruleId of group) {
        const row = rows.get(ruleId)!;
        if (!server.created) {
          row.notCreatable++;
          continue;
        }
        row.compared++;
        const warned = server.warnings.some(w => w.includes(`'cdk8s-hardened-${ruleId}'`));
        // Every binding warns during the comparison, infos' (Audit only for real) too.
        const flagged = c.ours.has(ruleId);
        if (warned && flagged) row.flagged++;
        if (warned === flagged) row.agreed++;
        else row.differences.push(`${c.where}: ours ${flagged ? 'reports' : 'passes'} it, the policy ${warned ? 'warns' : 'admits'}`);
      }
    }
    await setActions(group, ['Audit']);
  }

  // The allow-list configured here is not what the examples and the hardened defaults use: it goes before they run.
  const configured = manifests.filter(m => m.metadata.labels['cdk8s-hardened.io/rule'] === WorkloadRules.REGISTRY_ALLOW_LIST_ID);
  await deleteObjects(configured);
  const kept = manifests.filter(m => !configured.includes(m));

  // The real actions: an error rule denies, and the examples' kind of object is admitted.
  for (const [name, actions] of realActions) if (kept.some(m => m.metadata.name === name)) await patchActions(kept, name, actions);
  await untilDenied();
  await untilGone(configured);

  for (const m of kept) if (m.kind === 'ValidatingAdmissionPolicyBinding') m.spec.validationActions = realActions.get(m.metadata.name);
  return {
    rows: [...rows].map(([ruleId, r]) => ({ ruleId, ...r })),
    failures,
    manifests: kept,
    invalidSamples,
  };

  async function setActions(ruleIds: string[], actions: string[]): Promise<void> {
    for (const id of ruleIds) await patchActions(manifests, `cdk8s-hardened-${id}`, actions);
  }
}

/** Sets the validationActions of one generated binding. */
async function patchActions(manifests: any[], name: string, actions: string[]): Promise<void> {
  const binding = manifests.find(m => m.kind === 'ValidatingAdmissionPolicyBinding' && m.metadata.name === name);
  const p = `${await collectionPath(binding)}/${name}?fieldManager=kubectl-patch`;
  const r = await request('PATCH', p, { spec: { validationActions: actions } }, 'application/merge-patch+json');
  if (r.status !== 200) throw new Error(`could not set the actions of ${name} to ${actions.join(', ')}: ${r.body?.message ?? r.status}`);
}

/** Creates one object with dryRun=All: admission runs in full and nothing is stored. */
async function dryRunCreate(o: any): Promise<{ created: boolean; warnings: string[]; message?: string }> {
  const p = await collectionPath(o);
  if (!p) return { created: false, warnings: [], message: `no resource for ${o.apiVersion} ${o.kind}` };
  const r = await request('POST', `${p}?dryRun=All&fieldManager=kubectl-create&fieldValidation=Strict`, o);
  return { created: r.status === 201 || r.status === 200, warnings: r.warnings, message: r.body?.message };
}

/** A Pod that fails every workload policy: its container breaks the container rules, its init container the rest. */
const PROBE = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'probe', namespace: NAMESPACE },
  spec: {
    securityContext: { fsGroup: 0 },
    initContainers: [{ name: 'probe-init', image: 'ubuntu:24.04' }],
    containers: [{
      name: 'probe',
      image: 'probe',
      ports: [{ containerPort: 80 }],
      env: [{ name: 'DB_PASSWORD', value: 'probe-literal' }],
      securityContext: { runAsUser: 1, runAsGroup: 5, capabilities: { add: ['SYS_ADMIN'] } },
    }, {
      // A second container for the rules a first container's failures would hide (its probe would pass the probe rules).
      name: 'probe-two',
      image: 'probe',
      env: [{ name: 'MODE', value: 'a' }, { name: 'MODE', value: 'b' }],
      livenessProbe: { tcpSocket: { port: 'undeclared' } },
    }],
    volumes: [{ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }, { name: 'etc', hostPath: { path: '/etc' } }],
  },
};
/** For each other kind a policy matches, an object that fails every policy of that kind. */
const OTHER_PROBES: any[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'probe', namespace: NAMESPACE }, spec: { type: 'NodePort', ports: [{ port: 80 }], externalIPs: ['192.0.2.1'] } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'probe', namespace: NAMESPACE }, data: { password: 'cHJvYmU=' } },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'probe' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:unauthenticated' },
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:authenticated' },
      { kind: 'ServiceAccount', name: 'default', namespace: NAMESPACE },
    ],
  },
  // No level at all, and a level below restricted with no version.
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'probe-unlabelled' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'probe-baseline', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'probe', namespace: NAMESPACE },
    spec: { podSelector: {}, ingress: [{}, { ports: [{ port: 80 }] }] },
  },
];

/** The plural resource names of the probes, for matching them with the policies' resource rules. */
const PROBE_RESOURCES: { [kind: string]: string } = {
  Pod: 'pods', Service: 'services', Secret: 'secrets', ClusterRoleBinding: 'clusterrolebindings', Namespace: 'namespaces', NetworkPolicy: 'networkpolicies',
};

/**
 * Waits until the policies of `ruleIds`, and only those, warn (the admission plugin loads each policy and binding
 * from a watch, one by one): the probes must draw the warning of each of them and of no other.
 */
async function untilEffective(manifests: any[], ruleIds: string[]): Promise<void> {
  const warning = new Set(ruleIds.map(id => `cdk8s-hardened-${id}`));
  const policies = manifests.filter(m => m.kind === 'ValidatingAdmissionPolicy');
  const matches = (m: any, resource: string) => m.spec.matchConstraints.resourceRules.some((r: any) => r.resources.includes(resource));
  const expect = [PROBE, ...OTHER_PROBES].map(probe => ({
    probe,
    names: policies.filter(m => matches(m, PROBE_RESOURCES[probe.kind])).map(m => m.metadata.name),
  }));
  const unprobed = policies.filter(m => !expect.some(e => e.names.includes(m.metadata.name))).map(m => m.metadata.name);
  if (unprobed.length) throw new Error(`no probe object for the kinds of ${unprobed.join(', ')}: add one to OTHER_PROBES`);
  for (let i = 0; i < 200; i++) {
    // A policy warns when some probe of its kinds draws its warning (one probe may not fail every policy of its kind).
    const warnedBy = new Map<string, boolean>();
    for (const e of expect) {
      const r = await dryRunCreate(e.probe);
      for (const n of e.names) warnedBy.set(n, (warnedBy.get(n) ?? false) || r.warnings.some(w => w.includes(`'${n}'`)));
    }
    const wrong = [...warnedBy].filter(([n, warned]) => warned !== warning.has(n)).map(([n, warned]) => `${n} ${warned ? 'still warns' : 'does not warn yet'}`);
    if (wrong.length === 0) return;
    if (i === 50) console.log(`  (waiting for the bindings: ${wrong.join(', ')})`);
    await sleep(100);
  }
  throw new Error('the generated admission policies did not warn as their bindings say within 20 s');
}

/** Waits until the error rules deny (after their bindings got their real actions back). */
async function untilDenied(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await dryRunCreate(PROBE);
    // The probe fails several error rules; the server names the first policy that denies it.
    if (!r.created && /ValidatingAdmissionPolicy 'cdk8s-hardened-[a-z0-9-]+' with binding '[^']+' denied request: [a-z0-9-]+: Pod /.test(r.message ?? '')) return;
    if (i === 50) console.log(`  (waiting for the denial; the probe got: ${r.created ? 'created' : r.message} ${r.warnings.join(' | ')})`);
    await sleep(100);
  }
  throw new Error('the error rules\' policies did not deny within 20 s of getting their real actions back');
}

interface CaseObject { readonly where: string; readonly value: any }

/** Every object of the failing and passing fixtures of the given rules. */
function fixtureObjects(ruleIds: string[]): CaseObject[] {
  const dir = path.join(__dirname, '..', '..', 'test', 'rules', 'fixtures');
  const out: CaseObject[] = [];
  for (const f of fs.readdirSync(dir).filter(x => x.endsWith('.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const table of require(path.join(dir, f)).fixtures as RuleFixtures[]) {
      if (!ruleIds.includes(table.ruleId)) continue;
      for (const c of [...table.failing, ...table.passing]) {
        c.objects.forEach((o, i) => out.push({ where: `fixture ${table.ruleId} "${c.name}" [${i}]`, value: o }));
      }
    }
  }
  return out;
}

/** Every object of the conformance corpus. */
function corpusObjects(): CaseObject[] {
  return loadCorpus(corpusFiles()).map(o => ({ where: `${path.basename(o.file)} ${o.value?.kind}/${o.value?.metadata?.name}`, value: o.value }));
}

/** Waits until deleted policies no longer act: a hardened Deployment from a registry off the allow-list is admitted. */
async function untilGone(deleted: any[]): Promise<void> {
  if (!deleted.length) return;
  const elsewhere = { ...hardenedDeployment({ image: 'quay.io/elsewhere/app:1.0' }), metadata: { name: 'elsewhere', namespace: NAMESPACE } };
  for (let i = 0; i < 200; i++) {
    const r = await dryRunCreate(elsewhere);
    if (r.created && !r.warnings.some(w => deleted.some(m => w.includes(`'${m.metadata.name}'`)))) return;
    await sleep(100);
  }
  throw new Error(`${deleted.map(m => m.metadata.name).join(', ')} still acted 20 s after being deleted`);
}

/** Deletes generated policies and bindings. */
async function deleteObjects(manifests: any[]): Promise<void> {
  for (const m of manifests) {
    const r = await request('DELETE', `${await collectionPath(m)}/${m.metadata.name}`);
    if (r.status !== 200 && r.status !== 202) throw new Error(`could not delete ${m.kind} ${m.metadata.name}: ${r.body?.message ?? r.status}`);
  }
}

/** Deletes the generated policies and bindings, and waits until they are no longer enforced. */
export async function removeAdmissionPolicies(manifests: any[]): Promise<void> {
  await deleteObjects(manifests);
  const policies = manifests.filter(m => m.kind === 'ValidatingAdmissionPolicy').map(m => `'${m.metadata.name}'`);
  for (let i = 0; i < 200; i++) {
    const r = await dryRunCreate(PROBE);
    // The server's own warnings stay (the probe's second container sets an env name twice): only ours must go.
    if (r.created && !r.warnings.some(w => policies.some(name => w.includes(name)))) return;
    await sleep(100);
  }
  throw new Error('the generated admission policies were still enforced 20 s after they were deleted');
}

/** A rule whose policy denies and one whose policy warns, for the suppression-annotation checks. */
const SUPPRESSION_RULES = { deny: 'workload-memory-limit', warn: 'workload-cpu-limit' };

/**
 * The suppression annotation, on the server: with the policies as generated by default it changes nothing (still
 * denied and warned); with `honourSuppressionAnnotations` an annotation with a reason exempts the object from that
 * rule's policy (admitted, the warning gone), and one with too short a reason does not. The policies of the two rules
 * get the honouring form and are put back as they were before returning. Returns the failures.
 */
export async function checkSuppressionAnnotations(): Promise<string[]> {
  const failures: string[] = [];
  const names = Object.values(SUPPRESSION_RULES).map(id => `cdk8s-hardened-${id}`);
  const { deny, warn } = SUPPRESSION_RULES;
  // A hardened Deployment without its memory and CPU limits: it fails those two policies and no other.
  const container = hardenedContainer();
  const limits = { 'ephemeral-storage': container.resources.limits['ephemeral-storage'] };
  const workload = (annotations: { [key: string]: string }) => ({
    ...hardenedDeployment({ resources: { ...container.resources, limits } }),
    metadata: { name: 'suppressed', namespace: NAMESPACE, annotations },
  });
  const reason = (text: string) => ({ [`cdk8s-hardened.io/suppress.${deny}`]: text, [`cdk8s-hardened.io/suppress.${warn}`]: text });
  const withReason = workload(reason('load-tested: the JVM sizes its heap itself'));
  const shortReason = workload(reason('ok'));
  const warnedBy = (r: { warnings: string[] }, id: string) => r.warnings.some(w => w.includes(`'cdk8s-hardened-${id}'`));
  const deniedBy = (r: { created: boolean; message?: string }, id: string) => !r.created && (r.message ?? '').includes(`'cdk8s-hardened-${id}'`);

  const plain = await dryRunCreate(withReason);
  if (!deniedBy(plain, deny)) failures.push(`without honourSuppressionAnnotations, a suppression annotation must not exempt from ${deny}; got ${plain.created ? 'admitted' : plain.message}`);
  console.log(`  ${deniedBy(plain, deny) ? 'ok  ' : 'FAIL'} without honourSuppressionAnnotations, an annotation with a reason is still denied`);

  const honoured = Testing.synth(new AdmissionGuardrails(Testing.app(), 'honoured', { honourSuppressionAnnotations: true }))
    .filter(m => m.kind === 'ValidatingAdmissionPolicy' && names.includes(m.metadata.name));
  const original = new Map<string, any>();
  for (const policy of honoured) {
    const p = `${await collectionPath(policy)}/${policy.metadata.name}`;
    original.set(policy.metadata.name, (await request('GET', p)).body.spec.matchConditions ?? null);
    const r = await request('PATCH', `${p}?fieldManager=kubectl-patch`, { spec: { matchConditions: policy.spec.matchConditions } }, 'application/merge-patch+json');
    if (r.status !== 200) throw new Error(`could not give ${policy.metadata.name} its honouring form: ${r.body?.message ?? r.status}`);
  }
  try {
    let admitted: { created: boolean; warnings: string[]; message?: string } = { created: false, warnings: [] };
    for (let i = 0; i < 200 && !(admitted.created && !warnedBy(admitted, warn)); i++) {
      admitted = await dryRunCreate(withReason);
      await sleep(100);
    }
    const exempted = admitted.created && !warnedBy(admitted, warn);
    if (!exempted) failures.push(`with honourSuppressionAnnotations, an annotation with a reason must exempt from ${deny} and ${warn}; got ${admitted.created ? `admitted with warnings ${admitted.warnings.join(' | ')}` : admitted.message}`);
    console.log(`  ${exempted ? 'ok  ' : 'FAIL'} with honourSuppressionAnnotations, an annotation with a reason is admitted and its warning gone`);
    const short = await dryRunCreate(shortReason);
    const stillHeld = deniedBy(short, deny);
    if (!stillHeld) failures.push(`an annotation with a reason under 10 characters must not exempt from ${deny}; got ${short.created ? 'admitted' : short.message}`);
    console.log(`  ${stillHeld ? 'ok  ' : 'FAIL'} with honourSuppressionAnnotations, an annotation whose reason is too short is still denied`);
  } finally {
    for (const [name, conditions] of original) {
      const policy = honoured.find(m => m.metadata.name === name);
      const r = await request('PATCH', `${await collectionPath(policy)}/${name}?fieldManager=kubectl-patch`, { spec: { matchConditions: conditions } }, 'application/merge-patch+json');
      if (r.status !== 200) throw new Error(`could not put back the matchConditions of ${name}: ${r.body?.message ?? r.status}`);
    }
  }
  // Back to the generated form: the annotation no longer exempts.
  for (let i = 0; i < 200; i++) {
    if (deniedBy(await dryRunCreate(withReason), deny)) return failures;
    await sleep(100);
  }
  failures.push(`the policy of ${deny} did not deny again within 20 s of losing its matchConditions`);
  return failures;
}

/**
 * What the request rules and their CEL forms rest on: the API server copies a container's limits into its unset
 * requests on a Pod (SetDefaults_Pod), and leaves a pod template as written (the Pods made from it get the copy).
 * Judged in kube-system, which the generated bindings leave alone. Returns the failures.
 */
export async function checkRequestDefaulting(): Promise<string[]> {
  const namespace = 'kube-system';
  await createObject({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
  const limits = { cpu: '500m', memory: '512Mi' };
  const spec = { containers: [{ name: 'app', image: 'registry.example/app:1.0', resources: { limits } }], initContainers: [{ name: 'init', image: 'registry.example/init:1.0', resources: { limits } }] };
  const created = async (o: any) => (await request('POST', `${await collectionPath(o)}?dryRun=All&fieldManager=kubectl-create`, o)).body;
  const pod = await created({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'limits-only', namespace }, spec });
  const template = await created({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'limits-only', namespace },
    spec: { selector: { matchLabels: { app: 'l' } }, template: { metadata: { labels: { app: 'l' } }, spec } },
  });
  const failures: string[] = [];
  const podRequests = [...(pod?.spec?.containers ?? []), ...(pod?.spec?.initContainers ?? [])].map((c: any) => c.resources?.requests);
  const copied = podRequests.length === 2 && podRequests.every(r => r?.cpu === limits.cpu && r?.memory === limits.memory);
  if (!copied) failures.push(`a Pod with limits only should get requests equal to its limits; its containers' requests: ${JSON.stringify(podRequests)}`);
  console.log(`  ${copied ? 'ok  ' : 'FAIL'} a Pod's container and init container with limits only get requests equal to the limits`);
  const templateRequests = (template?.spec?.template?.spec?.containers ?? []).map((c: any) => c.resources?.requests);
  const untouched = templateRequests.length === 1 && templateRequests[0] === undefined;
  if (!untouched) failures.push(`a Deployment's pod template with limits only should be left without requests; got ${JSON.stringify(templateRequests)}`);
  console.log(`  ${untouched ? 'ok  ' : 'FAIL'} a Deployment's pod template with limits only is left without requests`);
  return failures;
}
