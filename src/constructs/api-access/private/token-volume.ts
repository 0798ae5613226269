import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';

/** The ConfigMap the controller manager publishes in every namespace with the CA bundle of the API server. */
export const ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt';

/** What the projected volume holds: the files client libraries read at the ServiceAccount path. */
export interface TokenVolumeOptions {
  readonly name: string;
  readonly expirationSeconds: number;
  readonly audience?: string;
}

type VolumeConstructor = new (scope: Construct, id: string, name: string, config: Omit<kplus.k8s.Volume, 'name'>) => kplus.Volume;

/**
 * A projected volume holding what the automounted one holds (`token`, `ca.crt`, `namespace`), with a token of the
 * given audience and lifetime that the kubelet renews before it expires.
 */
export function tokenVolume(scope: Construct, id: string, options: TokenVolumeOptions): kplus.Volume {
  const config: Omit<kplus.k8s.Volume, 'name'> = {
    projected: {
      sources: [
        {
          serviceAccountToken: {
            path: 'token',
            expirationSeconds: options.expirationSeconds,
            ...(options.audience !== undefined ? { audience: options.audience } : {}),
          },
        },
        { configMap: { name: ROOT_CA_CONFIG_MAP, items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardApi: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
  // cdk8s-plus-28 has no projected volumes; its Volume constructor takes any volume source and renders it as given
  // (`_toKube` returns the name and the config), so the volume mounts and renders like the ones it does support.
  return new (kplus.Volume as unknown as VolumeConstructor)(scope, id, options.name, config);
}
