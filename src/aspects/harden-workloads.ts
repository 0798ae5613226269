import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { IAspect } from './aspect';
import { HardeningChange } from './hardening-change';
import { HardeningFix } from './hardening-fix';
import { HardeningResources } from './hardening-resources';
import { boundServiceAccounts, isBound } from './private/bound-service-accounts';
import { recordHardening } from './private/hardening-log';
import { patchesBetween } from './private/json-patch-diff';
import { addWritableDirectories, hardenPodSpec, volumeNameFor } from './private/pod-hardening';
import { IWorkloadFilter } from './workload-filter';
import { WritableDirectory } from './writable-directory';
import { isObject } from '../private/json';
import { POD_SPEC_LOCATIONS, podSpecLocation } from '../private/pod-spec-paths';

/** What `HardenWorkloads` may set, on which workloads, with which values. */
export interface HardenWorkloadsProps {
  /**
   * The fields it may set. Each fix only fills in a field the manifest leaves unset.
   * @default HardenWorkloads.DEFAULT_FIXES - every fix that needs no values of yours (all but RESOURCES and PROBES)
   */
  readonly fixes?: HardeningFix[];
  /**
   * Only workloads of these kinds (`Deployment`, `Job`, ...; any kind that carries a pod template, custom resources
   * such as `Rollout` included).
   * @default - every kind that carries a pod template
   */
  readonly kinds?: string[];
  /** Only workloads with these names (`metadata.name`). @default - any name */
  readonly names?: string[];
  /** Only workloads in these namespaces (`metadata.namespace` as rendered). @default - any namespace */
  readonly namespaces?: string[];
  /** Only workloads this filter selects, after kinds, names and namespaces. @default - no further filter */
  readonly filter?: IWorkloadFilter;
  /**
   * The user `RUN_AS_USER` sets on pods whose containers do not name one; at least 10000 (workload-high-uid).
   * @default 10001
   */
  readonly runAsUser?: number;
  /** The group `RUN_AS_USER` sets alongside; at least 10000 (workload-high-gid). @default 10001 */
  readonly runAsGroup?: number;
  /**
   * The `fsGroup` `RUN_AS_USER` sets on pods that have none, so mounted volumes are writable by that group. The
   * kubelet changes the ownership of every file of each volume to it at start, which is slow on large volumes.
   * @default - not set
   */
  readonly fsGroup?: number;
  /**
   * Directories kept writable (emptyDir volumes) in containers whose root `READ_ONLY_ROOT_FILESYSTEM` makes
   * read-only, for programs that write to `/tmp` or a cache. A container that mounts something there already
   * keeps its own mount. Needs `READ_ONLY_ROOT_FILESYSTEM` among the fixes.
   * @default - none
   */
  readonly writableDirectories?: WritableDirectory[];
  /** The requests and limits `RESOURCES` fills in. Required by, and only allowed with, `RESOURCES`. @default - none */
  readonly resources?: HardeningResources;
}

/**
 * A mutating aspect for workloads you did not write: YAML brought in with `Include`, `Helm` output, third-party
 * constructs. It fills in the security settings their pod templates leave unset, before the guardrails judge the
 * output, and records every field it set: `changes` lists them, and the guardrails report shows them (text: a
 * "hardened before the check" section; JSON: `hardening`).
 *
 * A value the manifest sets is never changed, secure or not: `allowPrivilegeEscalation: true` or a capability
 * the vendor adds is usually what the software needs (ingress-nginx binds ports 80 and 443 as uid 101 that way),
 * and changing it would break the workload where nobody looks. Such values stay for the guardrails to report, and
 * accepting one takes a suppression with a reason, which every report shows.
 *
 * @example
 * const vendor = new Include(chart, 'vendor', { url: 'vendor.yaml' });
 * Aspects.of(vendor).add(new HardenWorkloads({
 *   writableDirectories: [{ path: '/tmp', sizeLimit: '64Mi' }],
 * }), { priority: AspectPriority.MUTATING });
 */
export class HardenWorkloads implements IAspect {
  /** The fixes applied when `fixes` is not given: every fix that needs no values of yours. */
  public static readonly DEFAULT_FIXES: HardeningFix[] = Object.freeze([
    HardeningFix.RUN_AS_NON_ROOT,
    HardeningFix.RUN_AS_USER,
    HardeningFix.SECCOMP,
    HardeningFix.DROP_CAPABILITIES,
    HardeningFix.NO_PRIVILEGE_ESCALATION,
    HardeningFix.READ_ONLY_ROOT_FILESYSTEM,
    HardeningFix.AUTOMOUNT_TOKEN,
  ]) as HardeningFix[];

  private readonly props: HardenWorkloadsProps;
  private readonly fixes: ReadonlySet<HardeningFix>;
  private readonly made: HardeningChange[] = [];
  private readonly boundByRoot = new WeakMap<IConstruct, Set<string>>();

  constructor(props: HardenWorkloadsProps = {}) {
    this.props = props;
    this.fixes = new Set(props.fixes ?? HardenWorkloads.DEFAULT_FIXES);
    validate(props, this.fixes);
  }

  /** Every field this aspect set so far, in the order it visited the objects. Complete once synthesis started. */
  public get changes(): HardeningChange[] {
    return [...this.made];
  }

  public visit(node: IConstruct): void {
    if (!ApiObject.isApiObject(node)) return;
    const location = podSpecLocation(node.kind, apiGroupOf(node.apiVersion));
    if (!location || !this.selects(node)) return;
    const json = node.toJson();
    let template: unknown = json;
    for (const key of location.path) template = isObject(template) ? template[key] : undefined;
    if (!isObject(template) || !isObject(template.spec)) return;
    const metadata = isObject(json.metadata) ? json.metadata : {};
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
    if (this.props.namespaces && (namespace === undefined || !this.props.namespaces.includes(namespace))) return;

    const specSegments = [...location.path, 'spec'];
    const specPath = specSegments.join('.');
    const original = template.spec;
    const spec = JSON.parse(JSON.stringify(original));
    const account = serviceAccountOf(spec);
    const changes = hardenPodSpec(spec, specPath, {
      fixes: this.fixes,
      runAsUser: this.props.runAsUser ?? 10001,
      runAsGroup: this.props.runAsGroup ?? 10001,
      fsGroup: this.props.fsGroup,
      writableDirectories: this.props.writableDirectories ?? [],
      resources: this.props.resources,
      tokenNeeded: this.fixes.has(HardeningFix.AUTOMOUNT_TOKEN) && isBound(this.bound(node), namespace, account),
    });
    changes.push(...addWritableDirectories(spec, specPath, changes, this.props.writableDirectories ?? []));
    if (!changes.length) return;

    node.addJsonPatch(...patchesBetween(original, spec, specSegments));
    const resource = {
      apiVersion: node.apiVersion,
      kind: node.kind,
      name: typeof metadata.name === 'string' ? metadata.name : node.name,
      ...(namespace !== undefined ? { namespace } : {}),
    };
    const recorded: HardeningChange[] = changes.map(c => ({
      fix: c.fix,
      resource,
      constructPath: node.node.path,
      path: c.path,
      ...(c.before !== undefined ? { before: JSON.stringify(c.before) } : {}),
      after: JSON.stringify(c.after),
    }));
    this.made.push(...recorded);
    recordHardening(node, recorded);
  }

  private selects(node: ApiObject): boolean {
    const { kinds, names, filter } = this.props;
    if (kinds && !kinds.includes(node.kind)) return false;
    if (names && !names.includes(node.name)) return false;
    return filter ? filter.selects(node) : true;
  }

  /** The bound ServiceAccounts of the app, read once per app (bindings are objects like any other). */
  private bound(node: IConstruct): Set<string> {
    const root = node.node.root;
    let bound = this.boundByRoot.get(root);
    if (!bound) this.boundByRoot.set(root, bound = boundServiceAccounts(root));
    return bound;
  }
}

function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function serviceAccountOf(spec: { [key: string]: any }): string {
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName) return spec.serviceAccountName;
  if (typeof spec.serviceAccount === 'string' && spec.serviceAccount) return spec.serviceAccount;
  return 'default';
}

function validate(props: HardenWorkloadsProps, fixes: ReadonlySet<HardeningFix>): void {
  if (props.fixes && !props.fixes.length) {
    throw new Error('HardenWorkloads: fixes is empty, so the aspect would change nothing; leave fixes out for HardenWorkloads.DEFAULT_FIXES, or name the fixes it may apply.');
  }
  const known = new Set(Object.values(HardeningFix));
  for (const fix of props.fixes ?? []) {
    if (!known.has(fix)) {
      throw new Error(`HardenWorkloads: fixes holds "${fix}", which is not a HardeningFix; use one of ${[...known].join(', ')}.`);
    }
  }
  for (const [prop, rule] of [['runAsUser', 'workload-high-uid'], ['runAsGroup', 'workload-high-gid'], ['fsGroup', 'workload-high-gid']] as const) {
    const value = props[prop];
    if (value !== undefined && (!Number.isInteger(value) || value < 10000 || value > 2147483647)) {
      throw new Error(`HardenWorkloads: ${prop} is ${value}; give an integer from 10000 to 2147483647, so that no host user or group is shared (rule ${rule}).`);
    }
  }
  const kindsKnown = [...new Set(POD_SPEC_LOCATIONS.map(l => l.kind))];
  for (const kind of props.kinds ?? []) {
    if (!kindsKnown.includes(kind)) {
      throw new Error(`HardenWorkloads: kinds holds "${kind}", which carries no pod template this aspect knows; use some of ${kindsKnown.join(', ')}.`);
    }
  }
  if (fixes.has(HardeningFix.RESOURCES) && !props.resources) {
    throw new Error('HardenWorkloads: fixes holds HardeningFix.RESOURCES but resources is not given; give the requests and limits to fill in, e.g. resources: { cpuRequest: \'100m\', memoryLimit: \'512Mi\' }.');
  }
  if (props.resources && !fixes.has(HardeningFix.RESOURCES)) {
    throw new Error('HardenWorkloads: resources is given but fixes leaves out HardeningFix.RESOURCES, so it would be ignored; add HardeningFix.RESOURCES to fixes or remove resources.');
  }
  const directories = props.writableDirectories ?? [];
  if (directories.length && !fixes.has(HardeningFix.READ_ONLY_ROOT_FILESYSTEM)) {
    throw new Error('HardenWorkloads: writableDirectories is given but fixes leaves out HardeningFix.READ_ONLY_ROOT_FILESYSTEM, so no root is made read-only and nothing would be mounted; add the fix or remove writableDirectories.');
  }
  const seen = new Set<string>();
  for (const directory of directories) {
    const name = volumeNameFor(directory.path);
    if (!directory.path.startsWith('/') || !name) {
      throw new Error(`HardenWorkloads: writableDirectories holds the path "${directory.path}"; give an absolute path other than "/", e.g. /tmp.`);
    }
    if (seen.has(name)) {
      throw new Error(`HardenWorkloads: writableDirectories holds "${directory.path}" twice (or two paths that make the volume name "${name}"); list each directory once.`);
    }
    seen.add(name);
  }
}
