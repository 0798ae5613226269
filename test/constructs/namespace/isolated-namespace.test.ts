import { ApiObject, Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { Packs } from '../../../src';
import { IsolatedNamespace, NamespacePeer, PodSecurityLevel } from '../../../src/constructs/namespace';
import { runPacks } from '../../helpers/rule-harness';

const parse = (text: string) => parseAllDocuments(text).map(d => d.toJSON()).filter(Boolean);
const byKind = (manifests: any[], kind: string) => manifests.filter(m => m.kind === kind);
const one = (manifests: any[], kind: string, name?: string) => {
  const found = byKind(manifests, kind).filter(m => name === undefined || m.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('IsolatedNamespace', () => {
  describe('defaults (the documented values)', () => {
    const manifests = Testing.synth(new IsolatedNamespace(Testing.app(), 'shop'));

    test('emits exactly the Namespace, two policies, quota, limit range and default ServiceAccount', () => {
      expect(manifests.map(m => `${m.kind}/${m.metadata.name}`)).toEqual([
        'Namespace/shop', 'NetworkPolicy/default-deny', 'NetworkPolicy/allow-dns-egress',
        'ResourceQuota/default-quota', 'LimitRange/default-limits', 'ServiceAccount/default',
      ]);
    });

    test('the Namespace is named after the construct id, has no namespace, and pins PSA restricted to v1.37 (the newest version the packs know) for all modes', () => {
      const ns = one(manifests, 'Namespace');
      expect(ns.metadata).toEqual({
        name: 'shop',
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'v1.37',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/audit-version': 'v1.37',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/warn-version': 'v1.37',
        },
      });
    });

    test('default-deny selects every pod and isolates both directions with no rule', () => {
      expect(one(manifests, 'NetworkPolicy', 'default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    });

    test('DNS egress: one `to` element holding both the kube-system namespace and kube-dns pod selectors, 53/UDP and 53/TCP', () => {
      const spec = one(manifests, 'NetworkPolicy', 'allow-dns-egress').spec;
      expect(spec.podSelector).toEqual({});
      expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(spec.ingress).toBeUndefined();
      expect(spec.egress).toHaveLength(1);
      expect(spec.egress[0].to).toEqual([{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      }]);
      expect(spec.egress[0].ports).toEqual([{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]);
    });

    test('ResourceQuota: 4 CPU / 8Gi requests, 8 CPU / 16Gi limits, 50 pods, zero NodePort and LoadBalancer Services', () => {
      expect(one(manifests, 'ResourceQuota').spec).toEqual({
        hard: {
          'requests.cpu': '4',
          'limits.cpu': '8',
          'requests.memory': '8Gi',
          'limits.memory': '16Gi',
          'pods': '50',
          'services.nodeports': '0',
          'services.loadbalancers': '0',
        },
      });
    });

    test('LimitRange: container defaults of 100m / 128Mi requests and 500m / 512Mi limits', () => {
      expect(one(manifests, 'LimitRange').spec).toEqual({
        limits: [{ type: 'Container', defaultRequest: { cpu: '100m', memory: '128Mi' }, default: { cpu: '500m', memory: '512Mi' } }],
      });
    });

    test('the default ServiceAccount does not automount its token', () => {
      const sa = one(manifests, 'ServiceAccount');
      expect(sa.metadata).toEqual({ name: 'default', namespace: 'shop' });
      expect(sa.automountServiceAccountToken).toBe(false);
    });

    test('an empty namespace gives no finding from any default pack', () => {
      expect(runPacks(Packs.defaults(), manifests).findings).toEqual([]);
    });

    test('matches the snapshot', () => {
      expect(manifests).toMatchSnapshot();
    });
  });

  describe('placement', () => {
    test('cdk8s-plus workloads, raw ApiObjects and objects nested in plain constructs land in the namespace', () => {
      const ns = new IsolatedNamespace(Testing.app(), 'team', { name: 'team-a' });
      new kplus.ConfigMap(ns, 'config', { data: { mode: 'prod' } });
      const group = new Construct(ns, 'group');
      new ApiObject(group, 'raw', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } });
      const manifests = Testing.synth(ns);
      const configMaps = byKind(manifests, 'ConfigMap');
      expect(configMaps).toHaveLength(2);
      for (const cm of configMaps) expect(cm.metadata.namespace).toBe('team-a');
    });

    test('nested in a user chart, its objects are synthesized by the app (in their own output)', () => {
      const app = Testing.app();
      const parent = new Chart(app, 'platform');
      const ns = new IsolatedNamespace(parent, 'shop');
      new kplus.ConfigMap(ns, 'config', { data: { mode: 'prod' } });
      const all = parse(app.synthYaml());
      expect(all.filter((m: any) => m.kind === 'ConfigMap').map((m: any) => m.metadata.namespace)).toEqual(['shop']);
      expect(all.filter((m: any) => m.kind === 'Namespace').map((m: any) => m.metadata.name)).toEqual(['shop']);
    });

    test('IsolatedNamespace.enclosing finds the namespace from any construct inside it, and nothing outside', () => {
      const app = Testing.app();
      const ns = new IsolatedNamespace(app, 'shop');
      const deep = new Construct(new Construct(ns, 'a'), 'b');
      expect(IsolatedNamespace.enclosing(deep)).toBe(ns);
      expect(IsolatedNamespace.enclosing(ns)).toBe(ns);
      expect(IsolatedNamespace.enclosing(new Construct(app, 'outside'))).toBeUndefined();
      expect(ns.namespaceName).toBe('shop');
      expect(ns.dnsAllowed).toBe(true);
    });
  });

  describe('configuration', () => {
    test('kubernetesVersion pins every PSA version label', () => {
      const ns = one(Testing.synth(new IsolatedNamespace(Testing.app(), 'shop', { kubernetesVersion: '1.30' })), 'Namespace');
      for (const mode of ['enforce', 'audit', 'warn']) {
        expect(ns.metadata.labels[`pod-security.kubernetes.io/${mode}-version`]).toBe('v1.30');
      }
    });

    test('a lower enforce level keeps audit and warn at restricted and records the reason as a suppression', () => {
      const manifests = Testing.synth(new IsolatedNamespace(Testing.app(), 'legacy', {
        podSecurityLevel: PodSecurityLevel.BASELINE,
        podSecurityReason: 'vendor agent needs NET_BIND_SERVICE; ticket OPS-42',
      }));
      const ns = one(manifests, 'Namespace');
      expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('baseline');
      expect(ns.metadata.labels['pod-security.kubernetes.io/audit']).toBe('restricted');
      expect(ns.metadata.labels['pod-security.kubernetes.io/warn']).toBe('restricted');
      expect(ns.metadata.annotations).toEqual({
        'cdk8s-hardened.io/suppress.namespace-psa-enforce-restricted': 'vendor agent needs NET_BIND_SERVICE; ticket OPS-42',
      });
      const report = runPacks(Packs.defaults(), manifests);
      expect(report.unsuppressed()).toEqual([]);
      expect(report.findings.filter(f => f.suppressed).map(f => f.ruleId)).toEqual(['namespace-psa-enforce-restricted']);
    });

    test('quota and limit range values are configurable', () => {
      const manifests = Testing.synth(new IsolatedNamespace(Testing.app(), 'big', {
        quota: {
          requestsCpu: kplus.Cpu.units(16),
          limitsCpu: kplus.Cpu.units(32),
          requestsMemory: Size.gibibytes(32),
          limitsMemory: Size.gibibytes(64),
          pods: 200,
          loadBalancerServices: 1,
        },
        limitRange: {
          defaultCpuRequest: kplus.Cpu.millis(250),
          defaultCpuLimit: kplus.Cpu.units(1),
          defaultMemoryRequest: Size.mebibytes(256),
          defaultMemoryLimit: Size.gibibytes(1),
        },
      }));
      expect(one(manifests, 'ResourceQuota').spec.hard).toEqual({
        'requests.cpu': '16',
        'limits.cpu': '32',
        'requests.memory': '32Gi',
        'limits.memory': '64Gi',
        'pods': '200',
        'services.nodeports': '0',
        'services.loadbalancers': '1',
      });
      expect(one(manifests, 'LimitRange').spec.limits[0]).toEqual({
        type: 'Container', defaultRequest: { cpu: '250m', memory: '256Mi' }, default: { cpu: '1', memory: '1Gi' },
      });
    });

    test('extra labels are added to the Namespace', () => {
      const ns = one(Testing.synth(new IsolatedNamespace(Testing.app(), 'shop', { labels: { team: 'checkout' } })), 'Namespace');
      expect(ns.metadata.labels.team).toBe('checkout');
    });

    test('allowDns: false leaves only the default deny', () => {
      const ns = new IsolatedNamespace(Testing.app(), 'shop', { allowDns: false });
      expect(byKind(Testing.synth(ns), 'NetworkPolicy').map(p => p.metadata.name)).toEqual(['default-deny']);
      expect(ns.dnsPolicy).toBeUndefined();
    });

    test('escape hatch: patches on the children show in the output', () => {
      const ns = new IsolatedNamespace(Testing.app(), 'shop');
      ns.resource.metadata.addAnnotation('owner', 'team-checkout');
      ns.defaultDeny.metadata.addLabel('tier', 'platform');
      const manifests = Testing.synth(ns);
      expect(one(manifests, 'Namespace').metadata.annotations).toEqual({ owner: 'team-checkout' });
      expect(one(manifests, 'NetworkPolicy', 'default-deny').metadata.labels).toEqual({ tier: 'platform' });
    });
  });

  describe('refused input', () => {
    const make = (props: any, id = 'shop') => () => new IsolatedNamespace(Testing.app(), id, props);

    test.each([
      ['Shop', /name is "Shop": Kubernetes accepts only an RFC 1123 label/],
      ['a'.repeat(64), /has 64 characters and Kubernetes accepts at most 63/],
      ['-shop', /RFC 1123 label/],
      ['shop_1', /RFC 1123 label/],
      ['kube-tools', /"kube-" prefix is reserved/],
      ['default', /"default" namespace is shared/],
    ])('fails on namespace name %j, naming the prop, the value and the fix', (name, message) => {
      expect(make({ name })).toThrow(message);
      expect(make({ name })).toThrow(/Pass a valid name/);
    });

    test('fails when the construct id is not a valid name and no name is given', () => {
      expect(make({}, 'MyShop')).toThrow(/name \(defaulted from the construct id\) is "MyShop"/);
    });

    test('fails on an unknown PSA level', () => {
      expect(make({ podSecurityLevel: 'strict' })).toThrow(/podSecurityLevel is "strict": Pod Security Admission accepts privileged, baseline, restricted/);
    });

    test.each([undefined, '', 'because'])('fails on a lower PSA level with reason %j', reason => {
      expect(make({ podSecurityLevel: PodSecurityLevel.PRIVILEGED, podSecurityReason: reason }))
        .toThrow(/podSecurityLevel is "privileged" but podSecurityReason is .*: a level below "restricted" needs a reason of at least 10 characters/);
    });

    test.each(['latest', '1.x', '2.0', 'v1'])('fails on kubernetesVersion %j', version => {
      expect(make({ kubernetesVersion: version })).toThrow(/kubernetesVersion is .*: give the target Kubernetes minor version as "1.NN"/);
    });

    test('refusals name the construct by its path', () => {
      const platform = new Construct(new Chart(Testing.app(), 'shop'), 'platform');
      expect(() => new IsolatedNamespace(platform, 'ns', { name: 'shop', podSecurityLevel: 'strict' as any }))
        .toThrow(/^IsolatedNamespace shop\/platform\/ns: podSecurityLevel is "strict"/);
      expect(() => new IsolatedNamespace(platform, 'Bad')).toThrow(/^IsolatedNamespace shop\/platform\/Bad: name \(defaulted from the construct id\) is "Bad"/);
      const ns = new IsolatedNamespace(platform, 'shop');
      expect(() => ns.allowIngressFrom('F', NamespacePeer.named('other'), {} as any)).toThrow(/^IsolatedNamespace shop\/platform\/shop: flow "F": ports is empty/);
    });

    test('accepts kubernetesVersion with a leading v', () => {
      expect(one(Testing.synth(make({ kubernetesVersion: 'v1.29' })()), 'Namespace').metadata.labels['pod-security.kubernetes.io/enforce-version']).toBe('v1.29');
    });

    test('fails when labels try to set a PSA label', () => {
      expect(make({ labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } })).toThrow(/labels sets "pod-security.kubernetes.io\/enforce", which the construct owns/);
    });

    test('fails on an invalid label', () => {
      expect(make({ labels: { team: 'not valid!' } })).toThrow(/labels label "team" has value "not valid!"/);
    });

    test('fails when a default limit is above the quota', () => {
      expect(make({ limitRange: { defaultCpuLimit: kplus.Cpu.units(10) } }))
        .toThrow('limitRange.defaultCpuLimit is 10, above quota.limitsCpu 8: no container using the default limit could ever be admitted. Lower limitRange.defaultCpuLimit or raise quota.limitsCpu.');
      expect(make({ limitRange: { defaultMemoryLimit: Size.gibibytes(32) } }))
        .toThrow(/limitRange.defaultMemoryLimit is 32Gi, above quota.limitsMemory 16Gi/);
    });

    test('fails when a default request is above the default limit', () => {
      expect(make({ limitRange: { defaultCpuRequest: kplus.Cpu.millis(800) } }))
        .toThrow(/limitRange.defaultCpuRequest is 800m, above limitRange.defaultCpuLimit 500m: a container given both defaults would have request > limit/);
      expect(make({ limitRange: { defaultMemoryRequest: Size.gibibytes(1) } }))
        .toThrow(/limitRange.defaultMemoryRequest is 1Gi, above limitRange.defaultMemoryLimit 512Mi/);
    });

    test('fails when quota requests are above quota limits', () => {
      expect(make({ quota: { requestsCpu: kplus.Cpu.units(10) } })).toThrow(/quota.requestsCpu is 10, above quota.limitsCpu 8: requests can never exceed limits/);
      expect(make({ quota: { requestsMemory: Size.gibibytes(20) } })).toThrow(/quota.requestsMemory is 20Gi, above quota.limitsMemory 16Gi/);
    });

    test('lists every conflict at once', () => {
      expect(make({ quota: { requestsCpu: kplus.Cpu.units(10), pods: -1 } })).toThrow(/quota.pods is -1: give a whole number >= 0[\s\S]*quota.requestsCpu is 10/);
    });
  });

  describe('flows between namespaces', () => {
    function twoNamespaces() {
      const app = Testing.app();
      const shop = new IsolatedNamespace(app, 'shop');
      const payments = new IsolatedNamespace(app, 'payments');
      return { app, shop, payments };
    }
    const flowPolicies = (ns: IsolatedNamespace) => byKind(Testing.synth(ns), 'NetworkPolicy')
      .filter(p => !['default-deny', 'allow-dns-egress'].includes(p.metadata.name));

    test('ingress from a namespace managed elsewhere produces one policy, on this side only', () => {
      const { shop } = twoNamespaces();
      shop.allowIngressFrom('FromIngress', NamespacePeer.named('ingress-nginx'), { podLabels: { app: 'web' }, ports: [{ port: 8080 }] });
      expect(flowPolicies(shop).map(p => p.spec)).toEqual([{
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
          ports: [{ protocol: 'TCP', port: 8080 }],
        }],
      }]);
    });

    test('egress to another IsolatedNamespace is expressed once and produces the policy on each side', () => {
      const { shop, payments } = twoNamespaces();
      shop.allowEgressTo('ToPayments', NamespacePeer.isolated(payments, { podLabels: { app: 'gateway' } }), {
        podLabels: { app: 'checkout' },
        ports: [{ port: 8443 }, { port: 9000, endPort: 9010, protocol: kplus.NetworkProtocol.UDP }],
      });
      const ports = [{ protocol: 'TCP', port: 8443 }, { protocol: 'UDP', port: 9000, endPort: 9010 }];
      expect(flowPolicies(shop).map(p => p.spec)).toEqual([{
        podSelector: { matchLabels: { app: 'checkout' } },
        policyTypes: ['Ingress', 'Egress'],
        egress: [{
          to: [{
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } },
            podSelector: { matchLabels: { app: 'gateway' } },
          }],
          ports,
        }],
      }]);
      const other = flowPolicies(payments);
      expect(other.map(p => p.metadata.namespace)).toEqual(['payments']);
      expect(other.map(p => p.spec)).toEqual([{
        podSelector: { matchLabels: { app: 'gateway' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{
          from: [{
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
            podSelector: { matchLabels: { app: 'checkout' } },
          }],
          ports,
        }],
      }]);
    });

    test('ingress from another IsolatedNamespace produces the matching egress on the peer side', () => {
      const { shop, payments } = twoNamespaces();
      payments.allowIngressFrom('FromShop', NamespacePeer.isolated(shop), { ports: [{ port: 8443 }] });
      expect(flowPolicies(payments).map(p => p.spec.ingress)).toEqual([[{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } }],
        ports: [{ protocol: 'TCP', port: 8443 }],
      }]]);
      expect(flowPolicies(shop).map(p => ({ podSelector: p.spec.podSelector, egress: p.spec.egress }))).toEqual([{
        podSelector: {},
        egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } } }], ports: [{ protocol: 'TCP', port: 8443 }] }],
      }]);
    });

    test('a flow within one namespace uses pod selectors alone (same namespace), on both ends', () => {
      const { shop } = twoNamespaces();
      shop.allowIngressFrom('WebToApi', NamespacePeer.isolated(shop, { podLabels: { app: 'web' } }), { podLabels: { app: 'api' }, ports: [{ port: 9090 }] });
      const specs = flowPolicies(shop).map(p => p.spec);
      expect(specs).toEqual([
        { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 9090 }] }] },
        { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress', 'Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ protocol: 'TCP', port: 9090 }] }] },
      ]);
    });

    test('policies on the peer side have a stable construct ID naming the source namespace', () => {
      const { shop, payments } = twoNamespaces();
      shop.allowEgressTo('ToPayments', NamespacePeer.isolated(payments), { ports: [{ port: 8443 }] });
      expect(payments.node.tryFindChild('shop-ToPayments')).toBeDefined();
      expect(shop.node.tryFindChild('ToPayments')).toBeDefined();
    });

    test.each([
      [{ ports: [] }, /flow "F": ports is empty: name at least one port/],
      [{}, /flow "F": ports is empty/],
      [{ ports: [{ port: 0 }] }, /port 0 is not a port number/],
      [{ ports: [{ port: 70000 }] }, /port 70000 is not a port number/],
      [{ ports: [{ port: 8000, endPort: 7000 }] }, /endPort 7000 of port 8000 is not a port from 8000 to 65535/],
      [{ ports: [{ port: 80, protocol: 'ICMP' }] }, /protocol "ICMP" of port 80 is not one of TCP, UDP, SCTP/],
      [{ ports: [{ port: 80 }], podLabels: { 'bad key!': 'x' } }, /podLabels label key "bad key!" is not a valid Kubernetes label key/],
    ])('refuses flow options %j', (options, message) => {
      const { shop } = twoNamespaces();
      expect(() => shop.allowIngressFrom('F', NamespacePeer.named('other'), options as any)).toThrow(message);
    });

    test('refuses a peer namespace name Kubernetes would reject', () => {
      expect(() => NamespacePeer.named('Ingress_Nginx')).toThrow(/NamespacePeer: namespace name is "Ingress_Nginx": Kubernetes accepts only an RFC 1123 label/);
    });

    test('accepts system namespaces as peers', () => {
      expect(NamespacePeer.named('kube-system').namespaceName).toBe('kube-system');
    });
  });
});
