import { ApiObject, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

/** A claim the StatefulSet controller creates for each replica, and where the replica's container mounts it. */
export interface VolumeClaimTemplate {
  /** Name of the claim template; each replica's claim is named `<name>-<statefulset>-<ordinal>`. */
  readonly name: string;
  /** Where the container mounts its claim. */
  readonly mountPath: string;
  /** Size requested for each claim. */
  readonly storage: Size;
  /** Storage class of the claims; the cluster's default class when omitted. */
  readonly storageClassName?: string;
}

/**
 * Gives each replica of the StatefulSet a PersistentVolumeClaim of its own, mounted into its first container.
 *
 * cdk8s-plus-28 has no API for `volumeClaimTemplates`, so the template and the mount are JSON patches on the
 * synthesized object. The guardrails check the manifest after the patches, as the cluster will see it.
 */
export function addVolumeClaimTemplate(statefulSet: kplus.StatefulSet, claim: VolumeClaimTemplate): void {
  const resource = ApiObject.of(statefulSet);
  resource.addJsonPatch(JsonPatch.add('/spec/volumeClaimTemplates', [{
    metadata: { name: claim.name },
    spec: {
      accessModes: ['ReadWriteOnce'],
      // A Quantity, not a string: the patch is applied before the object's own conversion to JSON, which expects one.
      resources: { requests: { storage: kplus.k8s.Quantity.fromString(`${claim.storage.toGibibytes()}Gi`) } },
      ...(claim.storageClassName ? { storageClassName: claim.storageClassName } : {}),
    },
  }]));
  // Every hardened container already has volume mounts (at least its writable /tmp), so appending is safe.
  resource.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/volumeMounts/-', { name: claim.name, mountPath: claim.mountPath }));
}
