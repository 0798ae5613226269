/**
 * A directory that stays writable under a read-only root filesystem: an `emptyDir` volume mounted at `path` in
 * each container whose root `HardenWorkloads` made read-only.
 */
export interface WritableDirectory {
  /** The absolute path to mount, e.g. `/tmp`. */
  readonly path: string;
  /** The largest the directory may grow; the kubelet evicts the pod beyond it. @default - no limit of its own (the pod's ephemeral-storage limit applies) */
  readonly sizeLimit?: string;
  /** Keep the directory in memory (`medium: Memory`), counted against the container's memory limit. @default false */
  readonly inMemory?: boolean;
}
