import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Packs } from '../../../src';
import { IsolatedNamespace, NamespacePeer } from '../../../src/constructs/namespace';
import { NetworkPeer } from '../../../src/constructs/network/network-peer';
import { HardenedDeployment } from '../../../src/constructs/workloads';
import { describeFindings, runPacks } from '../../helpers/rule-harness';

const IMAGE = 'ghcr.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** Two workloads that talk to each other, and a third reachable from the ingress controller's namespace. */
function shop() {
  const app = Testing.app();
  const ns = new IsolatedNamespace(app, 'shop');
  const web = new HardenedDeployment(ns, 'web', { containers: [{ name: 'web', image: IMAGE, portNumber: 8080 }] });
  const api = new HardenedDeployment(ns, 'api', { containers: [{ name: 'api', image: IMAGE, portNumber: 9090 }] });
  const storefront = new HardenedDeployment(ns, 'storefront', { containers: [{ name: 'storefront', image: IMAGE, portNumber: 8443 }] });
  api.allowIngressFrom(NetworkPeer.workload(web), [kplus.NetworkPolicyPort.tcp(9090)]);
  web.allowIngressFrom(NetworkPeer.workload(api), [kplus.NetworkPolicyPort.tcp(8080)]);
  ns.allowIngressFrom('FromIngress', NamespacePeer.named('ingress-nginx', { podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } }), {
    podLabels: storefront.matchLabels,
    ports: [{ port: 8443 }],
  });
  return { app, ns, web, api, storefront, manifests: Testing.synth(ns) };
}

const policies = (manifests: any[]) => manifests.filter(m => m.kind === 'NetworkPolicy');

/** Every allowance of the policies selecting pods with `labels`, in the given direction. */
function rulesFor(manifests: any[], labels: { [k: string]: string }, direction: 'ingress' | 'egress'): any[] {
  return policies(manifests)
    .filter(p => Object.entries(p.spec.podSelector.matchLabels ?? {}).every(([k, v]) => labels[k] === v))
    .flatMap(p => p.spec[direction] ?? []);
}

describe('IsolatedNamespace with hardened workloads', () => {
  test('every object lands in the namespace (the Namespace itself is cluster-scoped)', () => {
    const { manifests } = shop();
    for (const m of manifests) {
      if (m.kind === 'Namespace') expect(m.metadata.namespace).toBeUndefined();
      else expect(m.metadata.namespace).toBe('shop');
    }
    expect(manifests.filter(m => m.kind === 'Deployment')).toHaveLength(3);
  });

  test('synthesizes with zero unsuppressed findings from every default pack', () => {
    const { manifests } = shop();
    const findings = runPacks(Packs.defaults(), manifests).unsuppressed();
    expect(describeFindings(findings)).toBe('(none)');
  });

  test('web and api reach each other only on the declared ports', () => {
    const { manifests, web, api } = shop();
    const webSel = { matchLabels: web.matchLabels };
    const apiSel = { matchLabels: api.matchLabels };
    // api accepts web on 9090; web may connect to api on 9090
    expect(rulesFor(manifests, api.matchLabels, 'ingress')).toContainEqual({ from: [{ podSelector: webSel }], ports: [{ port: 9090, protocol: 'TCP' }] });
    expect(rulesFor(manifests, web.matchLabels, 'egress')).toContainEqual({ to: [{ podSelector: apiSel }], ports: [{ port: 9090, protocol: 'TCP' }] });
    // and the other way round on 8080
    expect(rulesFor(manifests, web.matchLabels, 'ingress')).toContainEqual({ from: [{ podSelector: apiSel }], ports: [{ port: 8080, protocol: 'TCP' }] });
    expect(rulesFor(manifests, api.matchLabels, 'egress')).toContainEqual({ to: [{ podSelector: webSel }], ports: [{ port: 8080, protocol: 'TCP' }] });
  });

  test('storefront is reachable from ingress-nginx only, on 8443, and no other flow reaches it', () => {
    const { manifests, storefront } = shop();
    const ingress = rulesFor(manifests, storefront.matchLabels, 'ingress');
    expect(ingress).toEqual([{
      from: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      }],
      ports: [{ port: 8443, protocol: 'TCP' }],
    }]);
  });

  test('every ingress allowance of the namespace is one of the declared flows', () => {
    const { manifests } = shop();
    const allowances = policies(manifests).flatMap(p => (p.spec.ingress ?? []).map((r: any) => r.ports.map((x: any) => x.port).join(',')));
    expect(allowances.sort()).toEqual(['8080', '8443', '9090']);
  });

  test('the default-deny and DNS policies cover every pod of the namespace', () => {
    const { manifests } = shop();
    const deny = manifests.find(m => m.kind === 'NetworkPolicy' && m.metadata.name === 'default-deny');
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });
});
