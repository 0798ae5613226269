import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { allOfKind, byKind, expectNoFindings, IMAGE, NAMESPACE, namespacedChart, workloadPolicy } from './support';
import { NetworkPeer } from '../../../src/constructs/network';
import { HardenedDeployment, HardenedJob } from '../../../src/constructs/workloads';

describe('HardenedJob', () => {
  const defaults = () => {
    const chart = namespacedChart();
    new HardenedJob(chart, 'migrate', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE }] });
    return chart;
  };
  const realistic = () => {
    const chart = namespacedChart();
    const job = new HardenedJob(chart, 'migrate', {
      metadata: { namespace: NAMESPACE },
      backoffLimit: 2,
      activeDeadline: Duration.minutes(10),
      ttlAfterFinished: Duration.hours(1),
      containers: [{ name: 'migrate', image: IMAGE, args: ['up'], envVariables: { DB_HOST: kplus.EnvValue.fromValue('db.shop.svc') } }],
    });
    const db = new HardenedDeployment(chart, 'db', {
      metadata: { namespace: NAMESPACE },
      podMetadata: { labels: { 'app.kubernetes.io/name': 'db' } },
      containers: [{ image: IMAGE, portNumber: 5432 }],
    });
    // A workload peer: the database's policy gets the matching ingress rule (a pods() peer would leave it one-sided).
    job.allowEgressTo(NetworkPeer.workload(db), [kplus.NetworkPolicyPort.tcp(5432)]);
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

  test('hardens the pod and adds no replica machinery', () => {
    const chart = defaults();
    const job = byKind(chart, 'Job');
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(pod.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'] });
    expect(job.spec.revisionHistoryLimit).toBeUndefined();
    expect(allOfKind(chart, 'PodDisruptionBudget')).toEqual([]);
    expect(workloadPolicy(chart).spec.podSelector).toEqual({ matchLabels: job.spec.template.metadata.labels });
  });

  test('egress to pods needs ports: they cannot be derived', () => {
    const job = new HardenedJob(Testing.chart(), 'migrate', { containers: [{ image: IMAGE }] });
    expect(() => job.allowEgressTo(NetworkPeer.namespace('db'))).toThrow(
      'HardenedJob test/migrate: allowEgressTo() ports is "unset"; the peer is not a workload, so the ports cannot be derived: name them, e.g. [kplus.NetworkPolicyPort.tcp(8080)].');
  });
});
