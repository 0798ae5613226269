import { App } from 'cdk8s';

/** How an example app is built: into a given folder, so examples never write into the jsii `dist/` packages. */
export interface ExampleOptions {
  /** Where `app.synth()` writes the manifests and the guardrails writes its report and flow diagrams. */
  readonly outdir: string;
  /** Print nothing while synthesizing (tests). */
  readonly quiet?: boolean;
}

/** An example: what `npx projen examples` synthesizes and the tests check. */
export interface Example {
  /** Folder name under examples/ and under dist/examples/. */
  readonly name: string;
  /** One line: what the example shows. */
  readonly description: string;
  /** Builds the app, guardrails enabled. */
  readonly build: (options: ExampleOptions) => App;
}
