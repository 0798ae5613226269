import { App } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ApiAccess, ExternalSecret, Guardrails, HardenedDeployment, IsolatedNamespace, NamespacePeer, NetworkPeer, SecretBackedEnv,
  SecretStoreKind,
} from '../../src';
import { ExampleOptions } from '../example';

/**
 * A deploy repo: one isolated namespace, a web front end and an API with Services, database credentials from
 * Vault through the External Secrets Operator, an API that reads and watches its settings ConfigMap through the
 * Kubernetes API, and only the network flows the shop needs.
 */
export function build(options: ExampleOptions): App {
  const app = new App({ outdir: options.outdir });
  Guardrails.enable(app, { reportDir: options.outdir, quiet: options.quiet });

  const shop = new IsolatedNamespace(app, 'shop');

  const web = new HardenedDeployment(shop, 'web', {
    replicas: 2,
    containers: [{ name: 'web', image: 'ghcr.io/acme/shop-web:2.4.1', portNumber: 8080 }],
    probePath: '/healthz',
  });
  web.exposeViaService({ ports: [{ port: 80, targetPort: 8080 }] });

  const api = new HardenedDeployment(shop, 'api', {
    replicas: 2,
    containers: [{ name: 'api', image: 'ghcr.io/acme/shop-api:1.9.0', portNumber: 9090 }],
    probePath: '/healthz',
  });
  api.exposeViaService({ ports: [{ port: 9090 }] });

  // The credentials live in Vault; the manifests only say where to find them.
  const database = new ExternalSecret(shop, 'db-credentials', {
    storeName: 'vault',
    storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
    data: [
      { secretKey: 'username', remoteKey: 'shop/database', property: 'username' },
      { secretKey: 'password', remoteKey: 'shop/database', property: 'password' },
    ],
  });
  new SecretBackedEnv(shop, 'api-database', {
    source: database,
    variables: [{ name: 'DB_USER', key: 'username' }],
    files: [{ key: 'password' }], // read from /run/secrets/..., never from the environment
  }).addTo(api);

  // The api watches its settings and applies changes without a restart: it may get and watch this one ConfigMap,
  // with a token that expires within the hour, and nothing else.
  const settings = new kplus.ConfigMap(shop, 'settings', { data: { 'checkout.mode': 'strict', 'catalog.page-size': '48' } });
  new ApiAccess(shop, 'api-settings', {
    workload: api,
    rules: [{ verbs: ['get', 'watch'], resources: [settings] }],
  });

  // Who may talk to whom: the ingress controller to web, web to api, api to the managed database and to the
  // Kubernetes API (the control plane's addresses, as `kubectl get endpoints kubernetes` lists them: policies
  // see the endpoints, not the Service address).
  shop.allowIngressFrom('FromIngressController', NamespacePeer.named('ingress-nginx', {
    podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' },
  }), { podLabels: web.matchLabels, ports: [{ port: 8080 }] });
  api.allowIngressFrom(NetworkPeer.workload(web), [kplus.NetworkPolicyPort.tcp(9090)]);
  api.allowEgressTo(NetworkPeer.ipBlock('10.20.0.0/16'), [kplus.NetworkPolicyPort.tcp(5432)]);
  api.allowEgressTo(NetworkPeer.ipBlock('10.0.0.0/28'), [kplus.NetworkPolicyPort.tcp(443)]);

  return app;
}
