import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { NamespacePeer } from './namespace-peer';
import { NamespaceLimitRangeOptions, NamespaceQuotaOptions } from './namespace-quota';
import { NetworkFlowOptions } from './network-flow';
import { PodSecurityLevel } from './pod-security-level';
import { isolatedNamespaceNameProblem, labelsProblem } from './private/names';
import { POD_SECURITY_LEVEL_RULE_IDS, POD_SECURITY_LEVELS } from './private/pod-security';
import { defaultDenySpec, dnsEgressSpec, egressSpec, ingressSpec, portsProblem } from './private/policies';
import { containerLimits, quotaHard, resolveResources, resourceProblems } from './private/resources';
import { DEFAULT_KUBERNETES_VERSION } from '../../engine/rule-context';
import { SUPPRESS_ANNOTATION_PREFIX, MIN_REASON_LENGTH } from '../../engine/suppression';
import { constructPath } from '../../private/construct-path';

const ISOLATED_NAMESPACE_SYMBOL = Symbol.for('cdk8s-hardened.IsolatedNamespace');

/** The Pod Security Admission modes; each takes a level label and a version label. */
const PSA_MODES = ['enforce', 'audit', 'warn'];


/** Props for `IsolatedNamespace`. */
export interface IsolatedNamespaceProps {
  /**
   * Name of the namespace: an RFC 1123 label of at most 63 characters, not `default` and not `kube-*`.
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * Kubernetes minor version the Pod Security Admission labels are pinned to, as `1.NN` (`v1.NN` accepted).
   * Pinning keeps a cluster upgrade from tightening or loosening the checks unannounced, at the price of the checks
   * added since that version (a pinned `v1.28` accepts probes aimed at other hosts, which 1.34 refuses): raise it
   * as the cluster is upgraded.
   * @default - the newest version the packs know (DEFAULT_KUBERNETES_VERSION)
   */
  readonly kubernetesVersion?: string;

  /**
   * Pod Security Standards level enforced on the namespace (`pod-security.kubernetes.io/enforce`). Audit and
   * warn stay at `restricted` whatever the enforced level, so the gap stays visible in warnings and audit logs.
   * A level below `restricted` requires `podSecurityReason`.
   * @default PodSecurityLevel.RESTRICTED
   */
  readonly podSecurityLevel?: PodSecurityLevel;

  /**
   * Why the namespace enforces less than `restricted` (at least 10 characters). Recorded on the Namespace as
   * a `cdk8s-hardened.io/suppress.<ruleId>` annotation, so every report shows it.
   * @default - none; required when `podSecurityLevel` is not RESTRICTED
   */
  readonly podSecurityReason?: string;

  /**
   * Extra labels of the Namespace object (for example for namespaceSelectors of other teams' policies).
   * @default - only the Pod Security Admission labels
   */
  readonly labels?: { [key: string]: string };

  /**
   * Totals of the ResourceQuota.
   * @default - 4 CPU / 8Gi requested, 8 CPU / 16Gi limits, 50 pods, no NodePort or LoadBalancer Service
   */
  readonly quota?: NamespaceQuotaOptions;

  /**
   * Defaults of the LimitRange for containers that set no requests or limits.
   * @default - requests 100m / 128Mi, limits 500m / 512Mi
   */
  readonly limitRange?: NamespaceLimitRangeOptions;

  /**
   * Allow every pod of the namespace to resolve names through kube-dns (kube-system, `k8s-app: kube-dns`) on
   * 53/UDP and 53/TCP. Set to false only when the pods resolve through something else that you allow yourself.
   * @default true
   */
  readonly allowDns?: boolean;
}

/**
 * A namespace handed to an application team, isolated by default: Pod Security Admission enforcing
 * `restricted`, no traffic in or out except DNS until a flow is declared, a ResourceQuota and a LimitRange that
 * hold for every object of the namespace, and a default ServiceAccount that does not mount its token.
 *
 * It is a cdk8s `Chart` whose `namespace` is the namespace's name: every object defined inside it (ours,
 * cdk8s-plus, raw `ApiObject`s, `Include`s) lands in the namespace without repeating the name. Synthesize it
 * with the app (`app.synth()`), or on its own in tests (`Testing.synth(ns)`); a chart nested in another chart
 * is written to its own output.
 *
 * Children (stable IDs): `Resource` (Namespace), `DefaultDeny` and `AllowDns` (NetworkPolicies),
 * `ResourceQuota`, `LimitRange`, `DefaultServiceAccount`, and one NetworkPolicy per declared flow.
 * Hardened workloads add their own per-workload policies; policies are additive, so they can only allow more
 * for their own pods, never open the namespace. They can find the enclosing namespace with
 * `IsolatedNamespace.enclosing(this)`.
 *
 * @example
 * const team = new IsolatedNamespace(app, 'shop');
 * const web = new kplus.Deployment(team, 'web', { containers: [{ image: 'shop/web@sha256:...', portNumber: 8080 }] });
 * team.allowIngressFrom('FromIngress', NamespacePeer.named('ingress-nginx'), {
 *   podLabels: web.matchLabels, ports: [{ port: 8080 }],
 * });
 */
export class IsolatedNamespace extends Chart {
  /** True when `x` is an IsolatedNamespace (works across copies of the library). */
  public static isIsolatedNamespace(x: any): x is IsolatedNamespace {
    return x !== null && typeof x === 'object' && ISOLATED_NAMESPACE_SYMBOL in x;
  }

  /**
   * The IsolatedNamespace that `construct` is defined in (itself included), or undefined when it is in none.
   */
  public static enclosing(construct: IConstruct): IsolatedNamespace | undefined {
    let current: IConstruct | undefined = construct;
    while (current) {
      if (IsolatedNamespace.isIsolatedNamespace(current)) return current;
      current = current.node.scope;
    }
    return undefined;
  }

  /** Name of the namespace. */
  public readonly namespaceName: string;
  /** Pod Security Standards level enforced. */
  public readonly podSecurityLevel: PodSecurityLevel;
  /** Whether every pod of the namespace may reach kube-dns (workloads need not allow DNS themselves). */
  public readonly dnsAllowed: boolean;
  /** The Namespace object. */
  public readonly resource: k8s.KubeNamespace;
  /** The NetworkPolicy denying all ingress and egress of every pod of the namespace. */
  public readonly defaultDeny: ApiObject;
  /** The NetworkPolicy allowing DNS to kube-dns, when `allowDns` is true. */
  public readonly dnsPolicy?: ApiObject;
  /** The ResourceQuota. */
  public readonly resourceQuota: k8s.KubeResourceQuota;
  /** The LimitRange. */
  public readonly limitRange: k8s.KubeLimitRange;
  /** The namespace's `default` ServiceAccount, with token automount off. */
  public readonly defaultServiceAccount: k8s.KubeServiceAccount;

  constructor(scope: Construct, id: string, props: IsolatedNamespaceProps = {}) {
    const where = `IsolatedNamespace ${constructPath(scope, id)}`;
    const name = props.name ?? id;
    const nameProblem = isolatedNamespaceNameProblem(name);
    if (nameProblem) {
      const source = props.name === undefined ? `name (defaulted from the construct id) is ${JSON.stringify(name)}` : `name is ${JSON.stringify(name)}`;
      throw new Error(`${where}: ${source}: ${nameProblem}. Pass a valid name, for example "shop".`);
    }
    super(scope, id, { namespace: name });
    Object.defineProperty(this, ISOLATED_NAMESPACE_SYMBOL, { value: true });
    this.namespaceName = name;

    const version = pinnedVersion(where, props.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
    this.podSecurityLevel = podSecurityLevelOf(where, props.podSecurityLevel, props.podSecurityReason);

    const extraLabels = props.labels ?? {};
    const labelProblem = labelsProblem(extraLabels);
    if (labelProblem) {
      throw new Error(`${where}: labels ${labelProblem}. Fix the label.`);
    }
    const psaLabels: { [key: string]: string } = {};
    for (const mode of PSA_MODES) {
      psaLabels[`pod-security.kubernetes.io/${mode}`] = mode === 'enforce' ? this.podSecurityLevel : PodSecurityLevel.RESTRICTED;
      psaLabels[`pod-security.kubernetes.io/${mode}-version`] = version;
    }
    for (const key of Object.keys(extraLabels)) {
      if (key in psaLabels || key === 'kubernetes.io/metadata.name') {
        throw new Error(`${where}: labels sets "${key}", which the construct owns. Use podSecurityLevel and kubernetesVersion instead.`);
      }
    }
    const annotations: { [key: string]: string } = {};
    if (this.podSecurityLevel !== PodSecurityLevel.RESTRICTED) {
      for (const ruleId of POD_SECURITY_LEVEL_RULE_IDS) {
        annotations[`${SUPPRESS_ANNOTATION_PREFIX}${ruleId}`] = props.podSecurityReason!.trim();
      }
    }

    this.resource = new k8s.KubeNamespace(this, 'Resource', {
      metadata: {
        name,
        labels: { ...extraLabels, ...psaLabels },
        annotations: Object.keys(annotations).length > 0 ? annotations : undefined,
      },
    });
    // A Namespace is cluster-scoped; the chart would otherwise stamp its own namespace on it.
    this.resource.addJsonPatch(JsonPatch.remove('/metadata/namespace'));

    this.defaultDeny = this.networkPolicy('DefaultDeny', 'default-deny', defaultDenySpec());
    this.dnsAllowed = props.allowDns ?? true;
    if (this.dnsAllowed) {
      this.dnsPolicy = this.networkPolicy('AllowDns', 'allow-dns-egress', dnsEgressSpec());
    }

    const resources = resolveResources(props.quota, props.limitRange);
    const problems = resourceProblems(resources);
    if (problems.length > 0) {
      throw new Error(`${where}: conflicting resource settings:\n- ${problems.join('\n- ')}`);
    }
    this.resourceQuota = new k8s.KubeResourceQuota(this, 'ResourceQuota', {
      metadata: { name: 'default-quota' },
      spec: { hard: quantities(quotaHard(resources)) },
    });
    const limits = containerLimits(resources);
    this.limitRange = new k8s.KubeLimitRange(this, 'LimitRange', {
      metadata: { name: 'default-limits' },
      spec: {
        limits: [{ type: 'Container', defaultRequest: quantities(limits.defaultRequest), default: quantities(limits.default) }],
      },
    });
    this.defaultServiceAccount = new k8s.KubeServiceAccount(this, 'DefaultServiceAccount', {
      metadata: { name: 'default' },
      automountServiceAccountToken: false,
    });
  }

  /**
   * Allow pods of `peer` to connect to pods of this namespace on the given ports.
   *
   * Produces a NetworkPolicy `id` in this namespace (ingress for `options.podLabels`) and, when the peer is an
   * IsolatedNamespace of the app, a NetworkPolicy `<this namespace>-<id>` in the peer namespace allowing the
   * matching egress. A peer managed elsewhere must allow its egress itself.
   *
   * @param id construct ID of the policy in this namespace (stable: it names the object)
   * @param peer where the traffic comes from
   * @param options ports and the pods of this namespace that accept the traffic
   */
  public allowIngressFrom(id: string, peer: NamespacePeer, options: NetworkFlowOptions): void {
    const ownLabels = this.flowLabels(id, options);
    this.networkPolicy(id, undefined, ingressSpec(this.namespaceName, ownLabels, peer.namespaceName, peer.podLabels, options.ports));
    if (peer.isolatedNamespace) {
      peer.isolatedNamespace.networkPolicy(peerSideId(this, id), undefined,
        egressSpec(peer.namespaceName, peer.podLabels, this.namespaceName, ownLabels, options.ports));
    }
  }

  /**
   * Allow pods of this namespace to connect to pods of `peer` on the given ports.
   *
   * Produces a NetworkPolicy `id` in this namespace (egress for `options.podLabels`) and, when the peer is an
   * IsolatedNamespace of the app, a NetworkPolicy `<this namespace>-<id>` in the peer namespace allowing the
   * matching ingress. A peer managed elsewhere must allow its ingress itself.
   *
   * @param id construct ID of the policy in this namespace (stable: it names the object)
   * @param peer where the traffic goes
   * @param options ports on the peer's pods and the pods of this namespace that open the connections
   */
  public allowEgressTo(id: string, peer: NamespacePeer, options: NetworkFlowOptions): void {
    const ownLabels = this.flowLabels(id, options);
    this.networkPolicy(id, undefined, egressSpec(this.namespaceName, ownLabels, peer.namespaceName, peer.podLabels, options.ports));
    if (peer.isolatedNamespace) {
      peer.isolatedNamespace.networkPolicy(peerSideId(this, id), undefined,
        ingressSpec(peer.namespaceName, peer.podLabels, this.namespaceName, ownLabels, options.ports));
    }
  }

  private flowLabels(id: string, options: NetworkFlowOptions): { [key: string]: string } {
    const problem = portsProblem(options?.ports);
    if (problem) {
      throw new Error(`IsolatedNamespace ${this.node.path}: flow "${id}": ${problem}.`);
    }
    const labels = { ...(options.podLabels ?? {}) };
    const labelProblem = labelsProblem(labels);
    if (labelProblem) {
      throw new Error(`IsolatedNamespace ${this.node.path}: flow "${id}": podLabels ${labelProblem}. Fix the label selector.`);
    }
    return labels;
  }

  private networkPolicy(id: string, name: string | undefined, spec: any): ApiObject {
    return new ApiObject(this, id, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: name ? { name } : {},
      spec,
    });
  }
}

function peerSideId(source: IsolatedNamespace, id: string): string {
  return `${source.namespaceName}-${id}`;
}

function pinnedVersion(where: string, value: string): string {
  const match = typeof value === 'string' ? /^v?1\.(\d{1,3})$/.exec(value.trim()) : null;
  if (!match) {
    throw new Error(`${where}: kubernetesVersion is ${JSON.stringify(value)}: give the target Kubernetes minor version as "1.NN", for example "1.28"; `
      + 'the Pod Security Admission labels are pinned to it ("latest" would change the checks with every upgrade).');
  }
  return `v1.${Number(match[1])}`;
}

function podSecurityLevelOf(where: string, level: PodSecurityLevel | undefined, reason: string | undefined): PodSecurityLevel {
  const value = level ?? PodSecurityLevel.RESTRICTED;
  if (!POD_SECURITY_LEVELS.includes(value)) {
    throw new Error(`${where}: podSecurityLevel is ${JSON.stringify(value)}: Pod Security Admission accepts ${POD_SECURITY_LEVELS.join(', ')}. `
      + 'Use PodSecurityLevel.RESTRICTED (the default).');
  }
  if (value !== PodSecurityLevel.RESTRICTED && (reason ?? '').trim().length < MIN_REASON_LENGTH) {
    throw new Error(`${where}: podSecurityLevel is "${value}" but podSecurityReason is ${JSON.stringify(reason ?? '')}: `
      + `a level below "restricted" needs a reason of at least ${MIN_REASON_LENGTH} characters saying why the namespace's pods cannot meet it.`);
  }
  return value;
}

function quantities(values: { [key: string]: string }): { [key: string]: k8s.Quantity } {
  const out: { [key: string]: k8s.Quantity } = {};
  for (const [key, value] of Object.entries(values)) out[key] = k8s.Quantity.fromString(value);
  return out;
}
