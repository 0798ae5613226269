import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecret, HardenedDeployment, IsolatedNamespace, NamespacePeer, NetworkPeer, SecretBackedEnv, SecretStoreKind } from '../../src';

/** What an application team says about its service; everything else is the platform's decision. */
export interface WebServiceProps {
  /** The image, pinned by tag or digest. */
  readonly image: string;
  /** The port the service listens on. */
  readonly port: number;
  /** @default 2 */
  readonly replicas?: number;
  /** Health endpoint for HTTP probes. @default "/healthz" */
  readonly healthPath?: string;
  /** Keys of the team's secret in Vault (`<namespace>/<id>`), delivered as files. @default - no secrets */
  readonly secretKeys?: string[];
  /** Reachable from the cluster's ingress controller. @default false */
  readonly public?: boolean;
}

/**
 * The platform team's "web service": a hardened Deployment behind a ClusterIP Service, secrets from Vault as
 * files, and network access only from the ingress controller (when public) and from the callers the team names.
 * Application teams cannot drop any of the hardening: the template exposes no prop for it.
 */
export class WebService extends Construct {
  public readonly deployment: HardenedDeployment;
  public readonly service: kplus.Service;
  private readonly port: number;

  constructor(namespace: IsolatedNamespace, id: string, props: WebServiceProps) {
    super(namespace, id);
    this.port = props.port;
    this.deployment = new HardenedDeployment(this, 'Deployment', {
      replicas: props.replicas ?? 2,
      containers: [{ name: id, image: props.image, portNumber: props.port }],
      probePath: props.healthPath ?? '/healthz',
    });
    this.service = this.deployment.exposeViaService({ ports: [{ port: props.port }] });

    if (props.secretKeys && props.secretKeys.length > 0) {
      const secret = new ExternalSecret(this, 'Secret', {
        storeName: 'vault',
        storeKind: SecretStoreKind.CLUSTER_SECRET_STORE,
        data: props.secretKeys.map(key => ({ secretKey: key, remoteKey: `${namespace.namespaceName}/${id}`, property: key })),
      });
      new SecretBackedEnv(this, 'Secrets', { source: secret, files: props.secretKeys.map(key => ({ key })) }).addTo(this.deployment);
    }

    if (props.public) {
      namespace.allowIngressFrom(`${id}-from-ingress`, NamespacePeer.named('ingress-nginx', {
        podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' },
      }), { podLabels: this.deployment.matchLabels, ports: [{ port: props.port }] });
    }
  }

  /** Lets another web service call this one on its port (both sides get their policy). */
  public allowCallsFrom(caller: WebService): void {
    this.deployment.allowIngressFrom(NetworkPeer.workload(caller.deployment), [kplus.NetworkPolicyPort.tcp(this.port)]);
  }
}
