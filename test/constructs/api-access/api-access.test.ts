import { ApiObject, Chart, Cron, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ApiAccess, ApiAccessCheck, ApiAccessProps, ApiAccessRule, HardenedCronJob, HardenedDeployment, Packs } from '../../../src';
import { describeFindings, runPacks } from '../../helpers/rule-harness';
import { allOfKind, byKind, expectNoFindings, IMAGE, NAMESPACE, namespacedChart, report, SIDECAR_IMAGE } from '../workloads/support';

const podSpec = (d: any) => d.spec.template.spec;
const READ_SETTINGS: ApiAccessRule = { verbs: ['get', 'watch'], resources: [kplus.ApiResource.CONFIG_MAPS], resourceNames: ['settings'] };
const LEASES = kplus.ApiResource.custom({ apiGroup: 'coordination.k8s.io', resourceType: 'leases' });

function web(chart: Chart, extra: Partial<kplus.DeploymentProps> = {}): HardenedDeployment {
  return new HardenedDeployment(chart, 'web', {
    metadata: { namespace: NAMESPACE },
    containers: [{ name: 'web', image: IMAGE, portNumber: 8080 }],
    ...extra,
  });
}

/** Builds an ApiAccess for a fresh HardenedDeployment; returns the chart. */
function access(props: Omit<ApiAccessProps, 'workload'>): Chart {
  const chart = namespacedChart();
  new ApiAccess(chart, 'access', { workload: web(chart), ...props });
  return chart;
}

const refusal = (props: Omit<ApiAccessProps, 'workload'>) => () => access(props);

describe('ApiAccess', () => {
  describe('with defaults', () => {
    test('synthesizes to the same manifests', () => {
      const chart = access({ rules: [READ_SETTINGS] });
      expect(Testing.synth(chart).filter(o => ['Role', 'RoleBinding', 'Deployment'].includes(o.kind))).toMatchSnapshot();
    });

    test('gives zero findings from every default pack', () => {
      expectNoFindings(access({
        rules: [
          READ_SETTINGS,
          { verbs: ['get', 'create', 'update'], resources: [LEASES] },
          { verbs: ['get'], resources: [kplus.ApiResource.SECRETS], resourceNames: ['web-tls'] },
          { verbs: ['list', 'watch'], resources: [kplus.ApiResource.PODS, kplus.ApiResource.custom({ apiGroup: '', resourceType: 'pods/log' })] },
        ],
      }));
    });

    test('the zero-finding check can fail: a raw Role letting the same ServiceAccount list Secrets is reported', () => {
      const chart = namespacedChart();
      const workload = web(chart);
      const granted = new ApiAccess(chart, 'access', { workload, rules: [READ_SETTINGS] });
      new ApiObject(chart, 'raw-role', {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'raw', namespace: NAMESPACE },
        rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }],
      } as any);
      new ApiObject(chart, 'raw-binding', {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'raw', namespace: NAMESPACE },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'raw' },
        subjects: granted.roleBinding.toJson().subjects,
      } as any);
      const ruleIds = report(chart).unsuppressed().map(f => f.ruleId).sort();
      expect(ruleIds).toEqual(['rbac-secrets-read', 'rbac-workload-service-account-permissions']);
    });

    test('emits every documented @default', () => {
      const chart = namespacedChart();
      const workload = web(chart);
      const granted = new ApiAccess(chart, 'access', { workload, rules: [READ_SETTINGS] });
      const pod = podSpec(byKind(chart, 'Deployment'));

      // The automounted token stays off; the projected volume holds what it would, at the same path.
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(granted.mountPath).toBe(ApiAccess.DEFAULT_MOUNT_PATH);
      expect(ApiAccess.DEFAULT_MOUNT_PATH).toBe('/var/run/secrets/kubernetes.io/serviceaccount');
      expect(granted.expirationSeconds).toBe(ApiAccess.DEFAULT_EXPIRATION_SECONDS);
      expect(pod.volumes).toContainEqual({
        name: 'kube-api-access',
        projected: {
          sources: [
            { serviceAccountToken: { path: 'token', expirationSeconds: ApiAccess.DEFAULT_EXPIRATION_SECONDS } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      });
      expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'kube-api-access', mountPath: ApiAccess.DEFAULT_MOUNT_PATH, readOnly: true });

      // The Role and its binding live in the workload's namespace and bind its own ServiceAccount.
      const role = byKind(chart, 'Role');
      const binding = byKind(chart, 'RoleBinding');
      expect(role.metadata.namespace).toBe(NAMESPACE);
      expect(role.rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['settings'], verbs: ['get', 'watch'] }]);
      expect(binding.metadata.namespace).toBe(NAMESPACE);
      expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name });
      expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: pod.serviceAccountName, namespace: NAMESPACE }]);
      expect(byKind(chart, 'ServiceAccount').automountServiceAccountToken).toBe(false);
    });
  });

  describe('the token', () => {
    test('carries the audience and lifetime given, at the mount path given', () => {
      const chart = access({ rules: [READ_SETTINGS], audience: 'https://kubernetes.default.svc', expiration: Duration.minutes(10), mountPath: '/run/kube' });
      const pod = podSpec(byKind(chart, 'Deployment'));
      const volume = pod.volumes.find((v: any) => v.name === 'kube-api-access');
      expect(volume.projected.sources[0]).toEqual({ serviceAccountToken: { path: 'token', audience: 'https://kubernetes.default.svc', expirationSeconds: 600 } });
      expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'kube-api-access', mountPath: '/run/kube', readOnly: true });
    });

    test.each([
      ['shorter than the API server issues', Duration.seconds(599), /expiration is "599 seconds"; give whole seconds between 600 .* and 86400/],
      ['longer than a day', Duration.hours(25), /expiration is "90000 seconds"; give whole seconds between 600/],
      ['not whole seconds', Duration.millis(600500), /expiration is "600.5 seconds"/],
    ])('refuses a lifetime %s', (_, expiration, message) => {
      expect(refusal({ rules: [READ_SETTINGS], expiration })).toThrow(message);
    });

    test('refuses an empty audience and a relative mount path', () => {
      expect(refusal({ rules: [READ_SETTINGS], audience: ' ' })).toThrow(/ApiAccess test\/access: audience is " "; omit it for the API server's own audience/);
      expect(refusal({ rules: [READ_SETTINGS], mountPath: 'var/run' })).toThrow(/mountPath is "var\/run"; give an absolute directory/);
    });

    test('goes only to the containers named', () => {
      const chart = namespacedChart();
      const workload = new HardenedDeployment(chart, 'web', {
        metadata: { namespace: NAMESPACE },
        containers: [{ name: 'web', image: IMAGE, portNumber: 8080 }, { name: 'proxy', image: SIDECAR_IMAGE, portNumber: 9000 }],
      });
      new ApiAccess(chart, 'access', { workload, rules: [READ_SETTINGS], containers: [workload.containers[0]] });
      const [main, proxy] = podSpec(byKind(chart, 'Deployment')).containers;
      expect(main.volumeMounts.map((m: any) => m.name)).toContain('kube-api-access');
      expect(proxy.volumeMounts.map((m: any) => m.name)).not.toContain('kube-api-access');
      expectNoFindings(chart);
    });

    test('refuses to guess among several containers', () => {
      const chart = namespacedChart();
      const workload = new HardenedDeployment(chart, 'web', {
        metadata: { namespace: NAMESPACE },
        containers: [{ name: 'web', image: IMAGE }, { name: 'proxy', image: SIDECAR_IMAGE }],
      });
      expect(() => new ApiAccess(chart, 'access', { workload, rules: [READ_SETTINGS] }))
        .toThrow(/ApiAccess test\/access: containers is "unset"; test\/web has 2 containers: name the ones that call the API/);
    });

    test('refuses a container of another workload and a taken mount path', () => {
      const chart = namespacedChart();
      const workload = web(chart);
      const other = new HardenedDeployment(chart, 'other', { metadata: { namespace: NAMESPACE }, containers: [{ name: 'other', image: IMAGE }] });
      expect(() => new ApiAccess(chart, 'access', { workload, rules: [READ_SETTINGS], containers: [other.containers[0]] }))
        .toThrow(/containers\[0\] is "other"; it is not a container of test\/web/);
      expect(() => new ApiAccess(chart, 'access2', { workload, rules: [READ_SETTINGS], mountPath: '/tmp' }))
        .toThrow(/mountPath is "\/tmp"; container "web" already mounts something there/);
    });

    test('works on other hardened kinds: a CronJob gets it in its job template', () => {
      const chart = namespacedChart();
      const job = new HardenedCronJob(chart, 'report', {
        metadata: { namespace: NAMESPACE }, schedule: Cron.daily(), containers: [{ name: 'report', image: IMAGE }],
      });
      new ApiAccess(chart, 'access', { workload: job, rules: [{ verbs: ['create'], resources: [kplus.ApiResource.EVENTS] }] });
      const pod = byKind(chart, 'CronJob').spec.jobTemplate.spec.template.spec;
      expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'kube-api-access', mountPath: ApiAccess.DEFAULT_MOUNT_PATH, readOnly: true });
      expectNoFindings(chart);
    });
  });

  describe('the Role', () => {
    test('has one rule per API group, with the names given or the object passed', () => {
      const chart = namespacedChart();
      const settings = new kplus.ConfigMap(chart, 'settings', { metadata: { namespace: NAMESPACE }, data: { mode: 'strict' } });
      new ApiAccess(chart, 'access', {
        workload: web(chart),
        rules: [
          { verbs: ['get', 'update', 'get'], resources: [LEASES, kplus.ApiResource.CONFIG_MAPS, LEASES], resourceNames: ['web-leader'] },
          { verbs: ['watch'], resources: [settings] },
        ],
      });
      expect(byKind(chart, 'Role').rules).toEqual([
        { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: ['web-leader'], verbs: ['get', 'update'] },
        { apiGroups: [''], resources: ['configmaps'], resourceNames: ['web-leader'], verbs: ['get', 'update'] },
        { apiGroups: [''], resources: ['configmaps'], resourceNames: [settings.name], verbs: ['watch'] },
      ]);
    });

    test('lives in a workload without a namespace alongside it, and refuses a chart of another namespace', () => {
      const chart = Testing.chart();
      const workload = new HardenedDeployment(chart, 'web', { containers: [{ name: 'web', image: IMAGE }] });
      new ApiAccess(chart, 'access', { workload, rules: [READ_SETTINGS] });
      expect(byKind(chart, 'Role').metadata.namespace).toBeUndefined();
      expect(byKind(chart, 'RoleBinding').subjects[0]).not.toHaveProperty('namespace');

      const unplaced = new HardenedDeployment(chart, 'unplaced', { containers: [{ name: 'web', image: IMAGE }] });
      const other = new Chart(Testing.app(), 'other', { namespace: 'billing' });
      expect(() => new ApiAccess(other, 'access', { workload: unplaced, rules: [READ_SETTINGS] }))
        .toThrow(/it has no namespace while this ApiAccess is in a chart of namespace billing/);
    });
  });

  describe('refuses, with no override, what grants more than it says or nothing at all', () => {
    const custom = (apiGroup: string, resourceType: string) => kplus.ApiResource.custom({ apiGroup, resourceType });
    test.each<[string, ApiAccessRule[] | undefined, RegExp]>([
      ['no rules', [], /ApiAccess test\/access: rules is "\[\]"; list the verbs and resources the workload calls/],
      ['rules unset', undefined, /rules is "unset"/],
      ['an empty verb list', [{ verbs: [], resources: [kplus.ApiResource.PODS] }], /rules\[0\]\.verbs is "\[\]"; list the verbs/],
      ['a wildcard verb', [{ verbs: ['get', '*'], resources: [kplus.ApiResource.PODS] }], /rules\[0\]\.verbs\[1\] is "\*"; a wildcard grants every verb/],
      ['an unknown verb', [{ verbs: ['read'], resources: [kplus.ApiResource.PODS] }], /rules\[0\]\.verbs\[0\] is "read"; the API server authorizes no such verb on resources: use one of get, list, watch/],
      ['a verb in capitals', [{ verbs: ['GET'], resources: [kplus.ApiResource.PODS] }], /verbs\[0\] is "GET"; the API server authorizes no such verb/],
      ['an empty resource list', [{ verbs: ['get'], resources: [] }], /rules\[0\]\.resources is "\[\]"; name the resources/],
      ['a wildcard resource', [{ verbs: ['get'], resources: [custom('', '*')] }], /rules\[0\]\.resources\[0\] resourceType is "\*"; a wildcard grants every resource/],
      ['a wildcard subresource', [{ verbs: ['get'], resources: [custom('apps', '*/scale')] }], /resourceType is "\*\/scale"; a wildcard/],
      ['a wildcard API group', [{ verbs: ['get'], resources: [custom('*', 'pods')] }], /rules\[0\]\.resources\[0\] apiGroup is "\*"; a wildcard grants the resources of every API group/],
      ['a wildcard name', [{ verbs: ['get'], resources: [kplus.ApiResource.CONFIG_MAPS], resourceNames: ['web-*'] }], /resourceNames\[0\] is "web-\*"; resourceNames are exact object names, RBAC has no patterns/],
      ['an empty name list', [{ verbs: ['get'], resources: [kplus.ApiResource.CONFIG_MAPS], resourceNames: [] }], /resourceNames is "\[\]"; omit resourceNames/],
      ['an API group with a version', [{ verbs: ['get'], resources: [custom('apps/v1', 'deployments')] }], /apiGroup is "apps\/v1"; give the API group without a version/],
      ['a kind instead of a resource', [{ verbs: ['get'], resources: [custom('', 'ConfigMap')] }], /resourceType is "ConfigMap"; give the lowercase plural/],
      ['create limited by name', [{ verbs: ['get', 'create'], resources: [kplus.ApiResource.CONFIG_MAPS], resourceNames: ['a'] }], /rules\[0\]\.verbs is \["create"\]; create cannot be limited by name .* put create in a rule without resourceNames/],
      ['deletecollection limited by name', [{ verbs: ['deletecollection'], resources: [kplus.ApiResource.CONFIG_MAPS], resourceNames: ['a'] }], /deletecollection cannot be limited by name/],
      ['names on an object', [{ verbs: ['get'], resources: [{ apiGroup: '', resourceType: 'configmaps', resourceName: 'a' }], resourceNames: ['b'] }], /rules\[0\]\.resources\[0\] is "configmaps \\"a\\""; it is one object already/],
      ['nodes/proxy', [{ verbs: ['get'], resources: [kplus.ApiResource.custom({ apiGroup: '', resourceType: 'nodes/proxy' })] }], /rules\[0\]\.resources\[0\] is "nodes\/proxy"; it is cluster-scoped, so a Role in namespace shop grants nothing on it \(a ClusterRole granting it would let the workload use the kubelet API of every node/],
      ['webhook configurations', [{ verbs: ['patch'], resources: [custom('admissionregistration.k8s.io', 'mutatingwebhookconfigurations')] }], /is "admissionregistration.k8s.io\/mutatingwebhookconfigurations"; it is cluster-scoped.*admission webhooks/],
      ['CSR approval', [{ verbs: ['update'], resources: [custom('certificates.k8s.io', 'certificatesigningrequests/approval')] }], /certificatesigningrequests\/approval"; it is cluster-scoped.*approve CertificateSigningRequests/],
      ['impersonating users', [{ verbs: ['impersonate'], resources: [custom('', 'users')] }], /is "users"; it is cluster-scoped.*impersonate other users/],
      ['a cluster-scoped kind', [{ verbs: ['get'], resources: [kplus.ApiResource.NODES] }], /is "nodes"; it is cluster-scoped, so a Role in namespace shop grants nothing on it: ApiAccess grants access in the workload's namespace only/],
    ])('%s', (_, rules, message) => {
      expect(refusal({ rules: rules as ApiAccessRule[] })).toThrow(message);
    });
  });

  describe('the dangerous permissions of the rbac pack', () => {
    const custom = (apiGroup: string, resourceType: string) => kplus.ApiResource.custom({ apiGroup, resourceType });
    const CASES: [ApiAccessCheck, string, ApiAccessRule][] = [
      [ApiAccessCheck.READ_SECRETS, 'rbac-secrets-read', { verbs: ['list', 'watch'], resources: [kplus.ApiResource.SECRETS] }],
      [ApiAccessCheck.CREATE_WORKLOADS, 'rbac-create-workloads', { verbs: ['create'], resources: [custom('batch', 'jobs')] }],
      [ApiAccessCheck.POD_EXEC, 'rbac-pod-exec', { verbs: ['get'], resources: [custom('', 'pods/portforward')] }],
      [ApiAccessCheck.ESCALATE, 'rbac-escalate', { verbs: ['escalate'], resources: [custom('rbac.authorization.k8s.io', 'roles')] }],
      [ApiAccessCheck.BIND, 'rbac-bind', { verbs: ['bind'], resources: [custom('rbac.authorization.k8s.io', 'roles')] }],
      [ApiAccessCheck.IMPERSONATE, 'rbac-impersonate', { verbs: ['impersonate'], resources: [custom('', 'serviceaccounts')] }],
    ];

    test('every check is covered here, and every rule it names is in the rbac pack', () => {
      expect(CASES.map(c => c[0]).sort()).toEqual(Object.values(ApiAccessCheck).sort());
      const ids = Packs.rbac().rules.map(r => r.id);
      for (const [, rule] of CASES) expect(ids).toContain(rule);
    });

    test.each(CASES)('%s is refused without an override, naming rule %s', (check, rule, grant) => {
      expect(refusal({ rules: [READ_SETTINGS, grant] })).toThrow(new RegExp(
        `^ApiAccess test/access: rules\\[1\\] grants .*, which breaks rule ${rule} \\(its ServiceAccount test-web-serviceaccount-\\w+ could .* in namespace shop\\)\\. `
        + `Fix: .*\\. If this is deliberate, add \\{ check: ApiAccessCheck\\.${check}, reason: '<why, at least 10 characters>' \\} to overrides\\.$`,
      ));
    });

    test.each(CASES)('%s with an override is what the rbac pack reports as %s, suppressed with the reason', (check, rule, grant) => {
      const reason = `the controller needs ${check.toLowerCase()}; PLAT-7`;
      const chart = access({ rules: [grant], overrides: [{ check, reason, expires: '2099-12-31' }] });
      const result = report(chart);
      expect(describeFindings(result.unsuppressed())).toEqual('(none)');
      expect(result.findings.filter(f => f.suppressed).map(f => [f.ruleId, f.resource.kind, f.suppression?.reason]).sort()).toEqual([
        [rule, 'Role', reason],
        ['rbac-workload-service-account-permissions', 'Deployment', reason],
      ]);
      expect(byKind(chart, 'Role').metadata.annotations[`cdk8s-hardened.io/suppress-expires.${rule}`]).toBe('2099-12-31');
    });

    test('the same rule without the construct is reported by the rbac pack: the override is what silences it', () => {
      const chart = access({ rules: [CASES[0][2]], overrides: [{ check: ApiAccessCheck.READ_SECRETS, reason: 'syncs every Secret; PLAT-7' }] });
      const objects = Testing.synth(chart).map(o => {
        if (o.metadata?.annotations) o.metadata.annotations = {};
        return o;
      });
      const ids = runPacks(Packs.defaults(), objects).unsuppressed().map(f => f.ruleId).sort();
      expect(ids).toEqual(['rbac-secrets-read', 'rbac-workload-service-account-permissions']);
    });

    test('several overrides are all recorded; the workload keeps every reason and the first expiry', () => {
      const chart = access({
        rules: [{ verbs: ['get', 'list'], resources: [kplus.ApiResource.SECRETS] }, { verbs: ['create'], resources: [kplus.ApiResource.PODS] }],
        overrides: [
          { check: ApiAccessCheck.READ_SECRETS, reason: 'syncs every Secret; PLAT-7', expires: '2099-06-30' },
          { check: ApiAccessCheck.CREATE_WORKLOADS, reason: 'runs one pod per build; PLAT-8', expires: '2098-01-31' },
        ],
      });
      const annotations = byKind(chart, 'Deployment').metadata.annotations;
      expect(annotations['cdk8s-hardened.io/suppress.rbac-workload-service-account-permissions'])
        .toBe('READ_SECRETS: syncs every Secret; PLAT-7; CREATE_WORKLOADS: runs one pod per build; PLAT-8');
      expect(annotations['cdk8s-hardened.io/suppress-expires.rbac-workload-service-account-permissions']).toBe('2098-01-31');
      expect(describeFindings(report(chart).unsuppressed())).toEqual('(none)');
    });

    test('reading named Secrets is least privilege: no override, no finding', () => {
      expectNoFindings(access({ rules: [{ verbs: ['get'], resources: [kplus.ApiResource.SECRETS], resourceNames: ['web-tls'] }] }));
    });

    test('refuses an override no rule needs, a short reason and a repeated check', () => {
      expect(refusal({ rules: [READ_SETTINGS], overrides: [{ check: ApiAccessCheck.POD_EXEC, reason: 'for debugging sessions' }] }))
        .toThrow(/overrides is "ApiAccessCheck.POD_EXEC"; no rule grants that permission, so the override accepts nothing: remove it/);
      expect(refusal({ rules: [CASES[0][2]], overrides: [{ check: ApiAccessCheck.READ_SECRETS, reason: 'needed' }] }))
        .toThrow(/overrides\[0\] is the override of READ_SECRETS; it has reason "needed": give a reason of at least 10 characters/);
      expect(refusal({
        rules: [CASES[0][2]],
        overrides: [{ check: ApiAccessCheck.READ_SECRETS, reason: 'syncs every Secret' }, { check: ApiAccessCheck.READ_SECRETS, reason: 'syncs every Secret' }],
      })).toThrow(/overrides\[1\]\.check is "READ_SECRETS"; each check may be overridden once/);
      expect(refusal({ rules: [READ_SETTINGS], overrides: [{ check: 'SECRETS' as ApiAccessCheck, reason: 'syncs every Secret' }] }))
        .toThrow(/overrides\[0\]\.check is "SECRETS"; use one of the values of ApiAccessCheck: READ_SECRETS, /);
    });
  });

  describe('refuses a workload it cannot give least privilege', () => {
    test('one that runs as the default ServiceAccount', () => {
      const chart = namespacedChart();
      const plain = new kplus.Deployment(chart, 'plain', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE }] });
      expect(() => new ApiAccess(chart, 'access', { workload: plain, rules: [READ_SETTINGS] }))
        .toThrow(/ApiAccess test\/access: workload is "test\/plain"; it runs as the namespace's default ServiceAccount/);
    });

    test('one that automounts its token', () => {
      const chart = namespacedChart();
      const account = new kplus.ServiceAccount(chart, 'sa', { metadata: { namespace: NAMESPACE } });
      const plain = new kplus.Deployment(chart, 'plain', {
        metadata: { namespace: NAMESPACE }, serviceAccount: account, automountServiceAccountToken: true, containers: [{ image: IMAGE }],
      });
      expect(() => new ApiAccess(chart, 'access', { workload: plain, rules: [READ_SETTINGS] }))
        .toThrow(/workload is "test\/plain"; it automounts its ServiceAccount token/);
    });

    test('one that has an ApiAccess already', () => {
      const chart = namespacedChart();
      const workload = web(chart);
      new ApiAccess(chart, 'access', { workload, rules: [READ_SETTINGS] });
      expect(() => new ApiAccess(chart, 'more', { workload, rules: [READ_SETTINGS] }))
        .toThrow(/ApiAccess test\/more: workload is "test\/web"; it already has ApiAccess test\/access/);
    });

    test('a plain cdk8s-plus workload with its own ServiceAccount is accepted', () => {
      const chart = namespacedChart();
      const account = new kplus.ServiceAccount(chart, 'sa', { metadata: { namespace: NAMESPACE }, automountToken: false });
      const plain = new kplus.Deployment(chart, 'plain', { metadata: { namespace: NAMESPACE }, serviceAccount: account, containers: [{ image: IMAGE }] });
      new ApiAccess(chart, 'access', { workload: plain, rules: [READ_SETTINGS] });
      expect(allOfKind(chart, 'RoleBinding')[0].subjects).toEqual([{ kind: 'ServiceAccount', name: account.name, namespace: NAMESPACE }]);
    });
  });
});
