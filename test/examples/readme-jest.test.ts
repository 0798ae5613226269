// The jest suite the README shows; test/examples/examples.test.ts holds the two equal.
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Guardrails, HardenedDeployment, IsolatedNamespace, NetworkPeer, Severity } from '../../src';

function shop() {
  const app = Testing.app();
  Guardrails.enable(app); // under jest a passing synthesis prints nothing; a failing one throws the report
  const ns = new IsolatedNamespace(app, 'shop');
  const web = new HardenedDeployment(ns, 'web', { containers: [{ image: 'ghcr.io/acme/web:2.4.1', portNumber: 8080 }] });
  const api = new HardenedDeployment(ns, 'api', { containers: [{ image: 'ghcr.io/acme/api:1.9.0', portNumber: 9090 }] });
  web.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });
  api.allowIngressFrom(NetworkPeer.workload(web), [kplus.NetworkPolicyPort.tcp(9090)]);
  return ns;
}

describe('shop', () => {
  test('has no unsuppressed error or warning', () => {
    expect(Guardrails.check(shop()).findingsToFix()).toEqual([]);
  });

  test('pins its images by tag, not digest (an info, listed on request)', () => {
    const infos = Guardrails.check(shop()).findingsToFix(Severity.INFO);
    expect(infos.map(f => f.ruleId)).toEqual(['workload-image-digest', 'workload-image-digest']);
  });

  test('synthesizes the manifests in the snapshot', () => {
    expect(Testing.synth(shop())).toMatchSnapshot();
  });
});
