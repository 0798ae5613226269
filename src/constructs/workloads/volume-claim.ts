import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

/**
 * A PersistentVolumeClaim the StatefulSet controller creates for each replica (`volumeClaimTemplates`), and where
 * the containers mount it. Each replica keeps its own claim, `<name>-<StatefulSet name>-<ordinal>`, across
 * restarts and rescheduling.
 *
 * @example
 * const data: HardenedVolumeClaim = { name: 'data', mountPath: '/var/lib/postgresql', storage: Size.gibibytes(50) };
 */
export interface HardenedVolumeClaim {
  /** Name of the claim template and of the volume the containers mount (a DNS label). */
  readonly name: string;
  /** Absolute path at which the containers mount the claim. */
  readonly mountPath: string;
  /** Storage each replica's claim requests, in whole GiB. */
  readonly storage: Size;
  /**
   * StorageClass of the claims.
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
  /**
   * Access modes of the claims.
   * @default [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE]
   */
  readonly accessModes?: kplus.PersistentVolumeAccessMode[];
  /**
   * Names of the containers (or init containers) that mount the claim.
   * @default - every container, init containers excepted
   */
  readonly containers?: string[];
}
