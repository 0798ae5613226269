import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { NetworkPeer } from '../../../src/constructs/network';
import { HardenedDeployment } from '../../../src/constructs/workloads';
import { IMAGE } from '../workloads/support';

const ADDR = 'cdk8s.io/metadata.addr';

describe('NetworkPeer', () => {
  const viewer = () => new HardenedDeployment(Testing.chart(), 'viewer', { metadata: { namespace: 'shop' }, containers: [{ image: IMAGE }] });

  test('namespace() selects a namespace by its immutable name label', () => {
    expect(NetworkPeer.namespace('ingress')._toPeer(viewer())).toEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress' } } });
  });

  test('pods() selects pods, in another namespace when named', () => {
    expect(NetworkPeer.pods({ app: 'db' })._toPeer(viewer())).toEqual({ podSelector: { matchLabels: { app: 'db' } } });
    expect(NetworkPeer.pods({ app: 'db' }, 'data')._toPeer(viewer())).toEqual({
      podSelector: { matchLabels: { app: 'db' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } },
    });
  });

  test('workload() in another namespace is selected by pod and namespace in one element', () => {
    const chart = Testing.chart();
    const a = new HardenedDeployment(chart, 'a', { metadata: { namespace: 'shop' }, containers: [{ image: IMAGE }] });
    const b = new HardenedDeployment(chart, 'b', { metadata: { namespace: 'data' }, containers: [{ image: IMAGE, portNumber: 5432 }] });
    expect(NetworkPeer.workload(b)._toPeer(a)).toEqual({
      podSelector: { matchLabels: { [ADDR]: b.podMetadata.getLabel(ADDR) } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } },
    });
    expect(NetworkPeer.workload(b)._toPeer(b)).toEqual({ podSelector: { matchLabels: { [ADDR]: b.podMetadata.getLabel(ADDR) } } });
  });

  test('a plain cdk8s-plus workload can be a peer; only the hardened side gets a rule', () => {
    const chart = Testing.chart();
    const a = new HardenedDeployment(chart, 'a', { containers: [{ image: IMAGE }] });
    const plain = new kplus.Deployment(chart, 'plain', { containers: [{ image: IMAGE, portNumber: 80 }] });
    a.allowEgressTo(NetworkPeer.workload(plain));
    const policies = Testing.synth(chart).filter(o => o.kind === 'NetworkPolicy');
    expect(policies).toHaveLength(1);
    expect(policies[0].spec.egress[1]).toEqual({ to: [{ podSelector: { matchLabels: { [ADDR]: plain.podMetadata.getLabel(ADDR) } } }], ports: [{ port: 80, protocol: 'TCP' }] });
  });

  test('peers allowed on the same ports share one rule', () => {
    const chart = Testing.chart();
    const a = new HardenedDeployment(chart, 'a', { containers: [{ image: IMAGE, portNumber: 8080 }] });
    a.allowIngressFrom(NetworkPeer.namespace('one'));
    a.allowIngressFrom(NetworkPeer.namespace('two'));
    a.allowIngressFrom(NetworkPeer.namespace('two'));
    const policy = Testing.synth(chart).find(o => o.kind === 'NetworkPolicy');
    expect(policy.spec.ingress).toHaveLength(1);
    expect(policy.spec.ingress[0].from).toHaveLength(2);
  });

  test.each([
    ['namespace()', () => NetworkPeer.namespace('Not_A_Name'), 'NetworkPeer.namespace(name) is "Not_A_Name"; give a namespace name'],
    ['namespaceSelector()', () => NetworkPeer.namespaceSelector({}), 'labels is empty, which selects every namespace'],
    ['pods()', () => NetworkPeer.pods({}), 'podLabels is empty, which selects every pod'],
    ['ipBlock()', () => NetworkPeer.ipBlock('10.0.0.0/33'), 'NetworkPeer.ipBlock(cidr) is "10.0.0.0/33"; give a CIDR block'],
    ['ipBlock() except', () => NetworkPeer.ipBlock('10.0.0.0/8', ['nope']), 'NetworkPeer.ipBlock(excluding[0]) is "nope"'],
  ])('%s refuses a peer that selects too much or is malformed', (_name, make, message) => {
    expect(make).toThrow(message);
  });

  test('ipBlock() accepts IPv6', () => {
    expect(NetworkPeer.ipBlock('fd00::/8')._toPeer(viewer())).toEqual({ ipBlock: { cidr: 'fd00::/8' } });
  });
});
