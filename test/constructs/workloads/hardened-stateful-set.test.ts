import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { allOfKind, byKind, expectNoFindings, IMAGE, NAMESPACE, namespacedChart } from './support';
import { NetworkPeer } from '../../../src/constructs/network';
import { HardenedDeployment, HardenedStatefulSet, HardeningDefaults } from '../../../src/constructs/workloads';

describe('HardenedStatefulSet', () => {
  const defaults = () => {
    const chart = namespacedChart();
    new HardenedStatefulSet(chart, 'db', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE, portNumber: 7000 }] });
    return chart;
  };
  const realistic = () => {
    const chart = namespacedChart();
    const db = new HardenedStatefulSet(chart, 'db', {
      metadata: { namespace: NAMESPACE },
      replicas: 3,
      podManagementPolicy: kplus.PodManagementPolicy.PARALLEL,
      writablePaths: ['/var/run/db'],
      containers: [{
        name: 'db',
        image: IMAGE,
        ports: [{ number: 7000, name: 'peer' }, { number: 7001, name: 'client' }],
        resources: { memory: { request: Size.gibibytes(1), limit: Size.gibibytes(1) } },
      }],
    });
    const app = new HardenedDeployment(chart, 'app', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE, portNumber: 8080 }] });
    app.allowEgressTo(NetworkPeer.workload(db), [kplus.NetworkPolicyPort.tcp(7001)]);
    db.allowIngressFrom(NetworkPeer.workload(db), [kplus.NetworkPolicyPort.tcp(7000)]);
    return chart;
  };

  test('synthesizes to the same manifests with defaults', () => {
    expect(Testing.synth(defaults())).toMatchSnapshot();
  });

  test('gives zero findings from every default pack with defaults', () => {
    expectNoFindings(defaults());
  });

  test('synthesizes to the same manifests with a realistic set of props', () => {
    expect(Testing.synth(realistic())).toMatchSnapshot();
  });

  test('gives zero findings from every default pack with a realistic set of props', () => {
    expectNoFindings(realistic());
  });

  test('emits the documented defaults: one replica, no PodDisruptionBudget, revision history, pod seccomp', () => {
    const chart = defaults();
    const set = byKind(chart, 'StatefulSet');
    expect(set.spec.replicas).toBe(1);
    expect(set.spec.revisionHistoryLimit).toBe(HardeningDefaults.REVISION_HISTORY_LIMIT);
    expect(set.spec.template.spec.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(allOfKind(chart, 'PodDisruptionBudget')).toEqual([]);
    expect(byKind(chart, 'Service').spec.clusterIP).toBe('None');
  });

  test('more than one replica gets a PodDisruptionBudget and spreading', () => {
    const chart = realistic();
    const set = byKind(chart, 'StatefulSet');
    expect(byKind(chart, 'PodDisruptionBudget').spec.selector).toEqual(set.spec.selector);
    expect(set.spec.template.spec.affinity.podAntiAffinity).toBeDefined();
  });

  test('a self peer allows traffic between its own replicas', () => {
    const policies = allOfKind(realistic(), 'NetworkPolicy');
    const db = policies.find(p => p.metadata.name.includes('db-networkpolicy'));
    const self = { podSelector: db.spec.podSelector };
    expect(db.spec.ingress).toContainEqual({ from: [self], ports: [{ port: 7000, protocol: 'TCP' }] });
  });
});
