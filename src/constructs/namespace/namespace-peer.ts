import type { IsolatedNamespace } from './isolated-namespace';
import { labelsProblem, namespaceNameProblem } from './private/names';

/** Options for a NamespacePeer. */
export interface NamespacePeerOptions {
  /**
   * Labels selecting the peer's pods. For a workload, pass its pod selector labels (`deployment.matchLabels`).
   * @default - every pod of the peer namespace
   */
  readonly podLabels?: { [key: string]: string };
}

/**
 * The other end of a network flow declared on an IsolatedNamespace: pods of a namespace, selected by the API
 * server's immutable `kubernetes.io/metadata.name` label and, optionally, pod labels.
 *
 * A peer that is itself an IsolatedNamespace of the app gets the matching policy on its side too; a peer named
 * only by its name (an ingress controller's namespace, a monitoring namespace) is managed elsewhere and gets
 * nothing.
 */
export class NamespacePeer {
  /**
   * Pods of an IsolatedNamespace of this app: a flow to or from it produces the policies on both sides.
   */
  public static isolated(namespace: IsolatedNamespace, options: NamespacePeerOptions = {}): NamespacePeer {
    if (!namespace || typeof namespace.namespaceName !== 'string') {
      throw new Error('NamespacePeer.isolated: namespace must be an IsolatedNamespace; for a namespace managed elsewhere use NamespacePeer.named(name)');
    }
    return new NamespacePeer(namespace.namespaceName, options, namespace);
  }

  /**
   * Pods of a namespace managed outside this app (for example `ingress-nginx`): only this side's policy is
   * produced; the other namespace must allow its half of the flow itself.
   */
  public static named(name: string, options: NamespacePeerOptions = {}): NamespacePeer {
    return new NamespacePeer(name, options, undefined);
  }

  /** Name of the peer namespace. */
  public readonly namespaceName: string;
  /** Labels selecting the peer's pods; empty for every pod of the namespace. */
  public readonly podLabels: { [key: string]: string };
  /** The peer, when it is an IsolatedNamespace of this app. */
  public readonly isolatedNamespace?: IsolatedNamespace;

  private constructor(name: string, options: NamespacePeerOptions, isolated: IsolatedNamespace | undefined) {
    const problem = namespaceNameProblem(name);
    if (problem) {
      throw new Error(`NamespacePeer: namespace name is ${JSON.stringify(name)}: ${problem}. Give the name of an existing namespace.`);
    }
    const podLabels = { ...(options.podLabels ?? {}) };
    const labelProblem = labelsProblem(podLabels);
    if (labelProblem) {
      throw new Error(`NamespacePeer "${name}": podLabels ${labelProblem}. Fix the label selector.`);
    }
    this.namespaceName = name;
    this.podLabels = podLabels;
    this.isolatedNamespace = isolated;
  }
}
