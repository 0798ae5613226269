import { Cron, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { byKind, expectNoFindings, IMAGE, NAMESPACE, namespacedChart, workloadPolicy } from './support';
import { NetworkPeer } from '../../../src/constructs/network';
import { HardenedCronJob } from '../../../src/constructs/workloads';

describe('HardenedCronJob', () => {
  const defaults = () => {
    const chart = namespacedChart();
    new HardenedCronJob(chart, 'report', { metadata: { namespace: NAMESPACE }, schedule: Cron.daily(), containers: [{ image: IMAGE }] });
    return chart;
  };
  const realistic = () => {
    const chart = namespacedChart();
    const cron = new HardenedCronJob(chart, 'report', {
      metadata: { namespace: NAMESPACE },
      schedule: Cron.schedule({ minute: '30', hour: '2' }),
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: kplus.ConcurrencyPolicy.FORBID,
      successfulJobsRetained: 2,
      failedJobsRetained: 2,
      writablePaths: ['/work'],
      containers: [{ name: 'report', image: IMAGE, args: ['--since', '24h'] }],
    });
    cron.allowEgressTo(NetworkPeer.ipBlock('192.0.2.0/24', ['192.0.2.128/25']), [kplus.NetworkPolicyPort.tcp(443)]);
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

  test('patches the pod-level seccomp profile into the job template', () => {
    const cron = byKind(defaults(), 'CronJob');
    const pod = cron.spec.jobTemplate.spec.template.spec;
    expect(pod.securityContext).toEqual(expect.objectContaining({ runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } }));
    expect(cron.spec.successfulJobsHistoryLimit).toBe(3);
    expect(cron.spec.failedJobsHistoryLimit).toBe(1);
  });

  test('egress to an IP block keeps the exceptions', () => {
    const policy = workloadPolicy(realistic());
    expect(policy.spec.egress[1]).toEqual({ to: [{ ipBlock: { cidr: '192.0.2.0/24', except: ['192.0.2.128/25'] } }], ports: [{ port: 443, protocol: 'TCP' }] });
  });
});
