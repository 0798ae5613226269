import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { allOfKind, byKind, expectNoFindings, IMAGE, NAMESPACE, namespacedChart, workloadPolicy } from './support';
import { NetworkPeer } from '../../../src/constructs/network';
import { HardenedDaemonSet, HardeningDefaults } from '../../../src/constructs/workloads';

describe('HardenedDaemonSet', () => {
  const defaults = () => {
    const chart = namespacedChart();
    new HardenedDaemonSet(chart, 'agent', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE }] });
    return chart;
  };
  const realistic = () => {
    const chart = namespacedChart();
    const agent = new HardenedDaemonSet(chart, 'agent', {
      metadata: { namespace: NAMESPACE },
      minReadySeconds: 10,
      revisionHistoryLimit: 2,
      probePath: '/ready',
      containers: [{ name: 'agent', image: IMAGE, ports: [{ number: 9100, name: 'metrics' }] }],
    });
    agent.scheduling.tolerate(kplus.Node.tainted(kplus.NodeTaintQuery.exists('node-role.kubernetes.io/control-plane')));
    agent.allowIngressFrom(NetworkPeer.pods({ 'app.kubernetes.io/name': 'prometheus' }, 'monitoring'));
    agent.allowEgressTo(NetworkPeer.namespace('collector'), [kplus.NetworkPolicyPort.tcp(4317)]);
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

  test('emits the documented defaults and no PodDisruptionBudget (one pod per node)', () => {
    const chart = defaults();
    const set = byKind(chart, 'DaemonSet');
    expect(set.spec.revisionHistoryLimit).toBe(HardeningDefaults.REVISION_HISTORY_LIMIT);
    expect(set.spec.template.spec.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(set.spec.template.spec.containers[0].readinessProbe).toBeUndefined();
    expect(allOfKind(chart, 'PodDisruptionBudget')).toEqual([]);
  });

  test('ingress from pods of another namespace defaults to the served ports', () => {
    const policy = workloadPolicy(realistic());
    expect(policy.spec.ingress).toEqual([{
      from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } }, namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
      ports: [{ port: 9100, protocol: 'TCP' }],
    }]);
  });
});
