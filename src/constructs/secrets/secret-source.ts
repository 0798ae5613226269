import { objectNameProblem, secretKeyProblem } from './private/names';

/**
 * A Kubernetes Secret that secret environment variables and files are read from. The manifest only ever holds
 * its name and key names.
 */
export interface ISecretSource {
  /** Name of the Kubernetes Secret, in the namespace of the pods that read it. */
  readonly secretName: string;
  /**
   * The keys the Secret is known to hold; bindings to any other key are refused. Empty when the keys are
   * unknown (an existing Secret declared without keys): then every key is accepted.
   */
  readonly secretKeys: string[];
}

/** Options for `SecretSource.fromSecretName`. */
export interface ExistingSecretOptions {
  /**
   * The keys the Secret holds. When given, bindings to any other key are refused at synth time instead of
   * failing when the pod starts.
   * @default - keys unknown: every key is accepted
   */
  readonly keys?: string[];
}

/** Secret sources that are not created by this library. */
export class SecretSource {
  /**
   * A Secret that already exists in the namespace (created by another tool, a controller or an operator).
   */
  public static fromSecretName(name: string, options: ExistingSecretOptions = {}): ISecretSource {
    const problem = objectNameProblem(name);
    if (problem) {
      throw new Error(`SecretSource.fromSecretName: name is ${JSON.stringify(name)}: ${problem}. Give the name of the existing Secret.`);
    }
    if (options.keys !== undefined) {
      for (const key of options.keys) {
        const keyProblem = secretKeyProblem(key);
        if (keyProblem) {
          throw new Error(`SecretSource.fromSecretName("${name}"): keys holds ${JSON.stringify(key)}: ${keyProblem}.`);
        }
      }
    }
    return { secretName: name, secretKeys: [...(options.keys ?? [])] };
  }

  private constructor() {}
}
