/**
 * The parts of cdk8s-cli's validation plugin API (`cdk8s-cli/lib/plugins/validation`) the plugin uses, declared
 * here so the library does not depend on cdk8s-cli at run time.
 */

/** A resource that violates a rule, as cdk8s-cli reports it. */
export interface CliViolatingResource {
  /** `metadata.name`; cdk8s-cli maps it to the construct path. */
  readonly resourceName: string;
  /** Where in the manifest: free-form strings. */
  readonly locations: string[];
  /** The manifest file. */
  readonly manifestPath: string;
}

/** One rule's violations. */
export interface CliViolation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: CliViolatingResource[];
}

/** The report a plugin fills. */
export interface CliValidationReport {
  addViolation(violation: CliViolation): void;
  submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
}

/** What cdk8s-cli passes to `validate`. */
export interface CliValidationContext {
  /** Paths of the synthesized manifest files. */
  readonly manifests: readonly string[];
  readonly report: CliValidationReport;
  readonly logger: { log(message: string): void };
}
