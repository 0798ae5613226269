/** RFC 1123 label: what Kubernetes accepts as a namespace name. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The longest namespace name Kubernetes accepts. */
export const MAX_NAMESPACE_NAME_LENGTH = 63;

/**
 * Why Kubernetes would reject `name` as a namespace name, or undefined when it accepts it. The text completes
 * `<prop> is "<value>": ...`.
 */
export function namespaceNameProblem(name: string): string | undefined {
  if (typeof name !== 'string' || name.length === 0) {
    return 'a namespace needs a name';
  }
  if (name.length > MAX_NAMESPACE_NAME_LENGTH) {
    return `it has ${name.length} characters and Kubernetes accepts at most ${MAX_NAMESPACE_NAME_LENGTH} (RFC 1123 label)`;
  }
  if (!DNS_LABEL.test(name)) {
    return 'Kubernetes accepts only an RFC 1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit';
  }
  return undefined;
}

/** Why `name` cannot be handed to a team as an isolated namespace, or undefined when it can. */
export function isolatedNamespaceNameProblem(name: string): string | undefined {
  const problem = namespaceNameProblem(name);
  if (problem) return problem;
  if (name.startsWith('kube-')) {
    return 'the "kube-" prefix is reserved for Kubernetes system namespaces';
  }
  if (name === 'default') {
    return 'the "default" namespace is shared by everything that names no namespace and cannot be handed to one team';
  }
  return undefined;
}

/** Label keys: optional DNS subdomain prefix and a name of at most 63 characters. */
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** Why a label selector map is not valid, or undefined when it is. */
export function labelsProblem(labels: { [key: string]: string }): string | undefined {
  for (const [key, value] of Object.entries(labels)) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if ((prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) || !LABEL_NAME.test(name)) {
      return `label key "${key}" is not a valid Kubernetes label key`;
    }
    if (typeof value !== 'string' || !LABEL_VALUE.test(value)) {
      return `label "${key}" has value ${JSON.stringify(value)}, which is not a valid label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit)`;
    }
  }
  return undefined;
}
