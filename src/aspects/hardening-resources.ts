/**
 * Requests and limits that `HardeningFix.RESOURCES` gives each container for the ones it leaves unset, as
 * Kubernetes quantities (`250m`, `512Mi`). A value a container sets is kept; one left out here is not added.
 */
export interface HardeningResources {
  /** @default - not added */
  readonly cpuRequest?: string;
  /** @default - not added */
  readonly cpuLimit?: string;
  /** @default - not added */
  readonly memoryRequest?: string;
  /** @default - not added */
  readonly memoryLimit?: string;
  /** @default - not added */
  readonly ephemeralStorageRequest?: string;
  /** @default - not added */
  readonly ephemeralStorageLimit?: string;
}
