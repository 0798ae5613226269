import { ApiObject, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ApiAccessCheck, ApiAccessOverride } from './api-access-check';
import { ApiAccessRule } from './api-access-rule';
import { API_ACCESS_CHECKS } from './private/checks';
import { resolveContainers } from './private/containers';
import { recordOverrides, resolveApiAccessOverrides } from './private/overrides';
import { dangerousGrants, fixOf, namespaceLabel, renderRules, toKubeRule } from './private/policy';
import { tokenVolume } from './private/token-volume';
import { invalid, overrideHintFor, RefusalSubject } from '../workloads/private/refusal';

/** Props for `ApiAccess`. */
export interface ApiAccessProps {
  /**
   * The workload that calls the API: a `HardenedDeployment` or any other cdk8s-plus workload or Pod with a
   * ServiceAccount of its own (not `default`) and no automounted token.
   */
  readonly workload: kplus.AbstractPod;

  /** What the workload may do: each rule names verbs on resources, and optionally the names of the objects. */
  readonly rules: ApiAccessRule[];

  /**
   * The containers that call the API; only they get the token.
   * @default - the workload's only container (refused when it has several: name the ones that call the API)
   */
  readonly containers?: kplus.Container[];

  /**
   * The audience the token is bound to. The API server accepts only tokens whose audience is one of its own
   * (`--api-audiences`, by default its issuer), so set this only to such a value.
   * @default - the API server's own audience
   */
  readonly audience?: string;

  /**
   * How long each token is valid. The kubelet renews it when 80% of this has passed, so a stolen token stops
   * working soon after. Between 10 minutes (the least the API server issues) and 24 hours, in whole seconds.
   * @default Duration.hours(1)
   */
  readonly expiration?: Duration;

  /**
   * Where the token, `ca.crt` and `namespace` files are mounted, read-only.
   * @default ApiAccess.DEFAULT_MOUNT_PATH, where client libraries look (`/var/run/secrets/kubernetes.io/serviceaccount`)
   */
  readonly mountPath?: string;

  /**
   * Deliberate grants of dangerous permissions (reading every Secret, creating pods, exec, escalate, bind,
   * impersonate). Each needs a reason, becomes a suppression in the report, and must be needed by a rule.
   * @default - none: every dangerous permission is refused
   */
  readonly overrides?: ApiAccessOverride[];
}

const ACCESS = new WeakMap<kplus.AbstractPod, ApiAccess>();

/**
 * Least-privilege access to the Kubernetes API for one workload: a Role in the workload's namespace with exactly the
 * verbs, resources and object names given, a RoleBinding to the workload's own ServiceAccount, and a projected,
 * audience-bound token that expires after an hour by default (the kubelet renews it), mounted read-only in the
 * containers that call the API.
 *
 * The automounted token stays off. The projected volume holds what the automounted one holds (`token`, `ca.crt`
 * from the `kube-root-ca.crt` ConfigMap, `namespace`) at the same path, so in-cluster configuration of client-go,
 * the Python, Java and JavaScript clients works unchanged.
 *
 * Refused at construction, naming the rule and the fix: wildcards in verbs, resources, API groups or names;
 * unknown verbs; empty lists; cluster-scoped resources (a Role grants nothing on them); names on `create` or
 * `deletecollection`; and the dangerous permissions of the rbac pack (reading every Secret, creating pods or
 * workloads, pods/exec, attach and port-forward, escalate, bind, impersonate) unless `overrides` accepts them with a
 * reason. The rbac pack judges the Role with the same permission table.
 *
 * The pods still need a network path to the API server: hardened workloads are isolated, so allow egress to its
 * address, e.g. `workload.allowEgressTo(NetworkPeer.ipBlock('10.0.0.1/32'), [kplus.NetworkPolicyPort.tcp(443)])`.
 *
 * @example
 * new ApiAccess(chart, 'settings-reader', {
 *   workload: deployment,
 *   rules: [{ verbs: ['get', 'watch'], resources: [kplus.ApiResource.CONFIG_MAPS], resourceNames: ['shop-settings'] }],
 * });
 */
export class ApiAccess extends Construct {
  /** Where client libraries look for the in-cluster token, CA bundle and namespace. */
  public static readonly DEFAULT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
  /** Lifetime of the token when `expiration` is not given, in seconds. */
  public static readonly DEFAULT_EXPIRATION_SECONDS = 3600;
  /** The shortest lifetime the API server issues, in seconds. */
  public static readonly MIN_EXPIRATION_SECONDS = 600;
  /** The longest lifetime accepted, in seconds: longer only lengthens the time a stolen token works. */
  public static readonly MAX_EXPIRATION_SECONDS = 86400;

  /** The Role (`rbac.authorization.k8s.io/v1`), for escape hatches. */
  public readonly role: ApiObject;
  /** The RoleBinding of the Role to the workload's ServiceAccount. */
  public readonly roleBinding: ApiObject;
  /** The projected volume holding the token, `ca.crt` and `namespace`. */
  public readonly volume: kplus.Volume;
  /** Where the volume is mounted in each container that calls the API. */
  public readonly mountPath: string;
  /** Lifetime of each token, in seconds. */
  public readonly expirationSeconds: number;

  constructor(scope: Construct, id: string, props: ApiAccessProps) {
    super(scope, id);
    const subject: RefusalSubject = { construct: 'ApiAccess', path: this.node.path };
    const workload = props?.workload;
    if (!workload || !(workload instanceof kplus.AbstractPod)) {
      throw invalid(subject, 'workload', workload === undefined ? 'unset' : String(workload), 'give the cdk8s-plus workload or Pod that calls the API, e.g. a HardenedDeployment');
    }
    const existing = ACCESS.get(workload);
    if (existing) {
      throw invalid(subject, 'workload', workload.node.path,
        `it already has ApiAccess ${existing.node.path}, and one ServiceAccount holds one set of permissions: put these rules in that ApiAccess`);
    }

    const namespace = workload.metadata.namespace;
    const chartNamespace = Chart.of(this).namespace;
    if (namespace === undefined && chartNamespace !== undefined) {
      throw invalid(subject, 'workload', workload.node.path,
        `it has no namespace while this ApiAccess is in a chart of namespace ${chartNamespace}, so the Role would not apply to its pods: create the ApiAccess in the workload's chart`);
    }
    const account = workload.serviceAccount;
    if (!account || account.name === 'default') {
      throw invalid(subject, 'workload', workload.node.path,
        'it runs as the namespace\'s default ServiceAccount, which every other pod of the namespace shares: give it a ServiceAccount of its own (hardened workloads get one unless serviceAccount is given)');
    }
    if (workload.automountServiceAccountToken) {
      throw invalid(subject, 'workload', workload.node.path,
        'it automounts its ServiceAccount token, which every container gets and which the API server accepts for a year by default (--service-account-extend-token-expiration): remove automountServiceAccountToken: true (and its override), ApiAccess mounts a short-lived token instead');
    }

    const rules = renderRules(subject, props.rules, namespace);
    const overrides = resolveApiAccessOverrides(subject, props.overrides);
    const relied = new Set<ApiAccessCheck>();
    for (const grant of dangerousGrants(rules)) {
      if (overrides.has(grant.check)) {
        relied.add(grant.check);
        continue;
      }
      const info = API_ACCESS_CHECKS[grant.check];
      throw new Error(
        `ApiAccess ${this.node.path}: rules[${grant.rule.source}] grants ${grant.description}, which breaks rule ${info.rule} `
        + `(its ServiceAccount ${account.name} could ${info.permission.phrase} in ${namespaceLabel(namespace)}). Fix: ${fixOf(grant.check)}. `
        + `If this is deliberate, ${overrideHintFor('ApiAccessCheck', 'ApiAccessOverride', grant.check)}.`,
      );
    }
    for (const [check] of overrides) {
      if (!relied.has(check)) {
        throw invalid(subject, 'overrides', `ApiAccessCheck.${check}`, 'no rule grants that permission, so the override accepts nothing: remove it');
      }
    }

    this.expirationSeconds = resolveExpiration(subject, props.expiration);
    if (props.audience !== undefined && (typeof props.audience !== 'string' || props.audience.trim() === '')) {
      throw invalid(subject, 'audience', props.audience, 'omit it for the API server\'s own audience, or give one of the audiences it accepts');
    }
    this.mountPath = props.mountPath ?? ApiAccess.DEFAULT_MOUNT_PATH;
    if (!this.mountPath.startsWith('/') || this.mountPath === '/' || this.mountPath.split('/').includes('..')) {
      throw invalid(subject, 'mountPath', this.mountPath, `give an absolute directory below the root, e.g. "${ApiAccess.DEFAULT_MOUNT_PATH}"`);
    }
    const containers = resolveContainers(subject, workload, props.containers, this.mountPath);

    const metadata = namespace !== undefined ? { namespace } : {};
    this.role = new kplus.k8s.KubeRole(this, 'Role', { metadata, rules: rules.map(toKubeRule) });
    this.roleBinding = new kplus.k8s.KubeRoleBinding(this, 'RoleBinding', {
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: this.role.name },
      subjects: [{ kind: 'ServiceAccount', name: account.name, ...metadata }],
    });
    // Every override is relied on (one that is not was refused above).
    recordOverrides(this.role, workload, overrides);

    this.volume = tokenVolume(this, 'TokenVolume', {
      name: 'kube-api-access',
      expirationSeconds: this.expirationSeconds,
      audience: props.audience,
    });
    for (const container of containers) container.mount(this.mountPath, this.volume, { readOnly: true });
    ACCESS.set(workload, this);
  }
}

function resolveExpiration(subject: RefusalSubject, expiration: Duration | undefined): number {
  if (expiration === undefined) return ApiAccess.DEFAULT_EXPIRATION_SECONDS;
  const seconds = expiration.toSeconds({ integral: false });
  if (!Number.isInteger(seconds) || seconds < ApiAccess.MIN_EXPIRATION_SECONDS || seconds > ApiAccess.MAX_EXPIRATION_SECONDS) {
    throw invalid(subject, 'expiration', `${seconds} seconds`,
      `give whole seconds between ${ApiAccess.MIN_EXPIRATION_SECONDS} (the API server issues no shorter token) and ${ApiAccess.MAX_EXPIRATION_SECONDS} (24 hours), e.g. Duration.hours(1)`);
  }
  return seconds;
}
