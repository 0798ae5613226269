/**
 * Random HardenedDeployment props that the construct must accept: secure values only, no overrides. Shared by the
 * property test (which also breaks them one value at a time) and the cluster tests (which apply samples to a real
 * API server), so both judge the same space of props.
 */
import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { IMAGE, SIDECAR_IMAGE } from '../constructs/workloads/support';
const DIGEST_ONLY = 'ghcr.io/acme/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** Container names by index: names are unique in a pod. */
export const CONTAINER_NAMES = ['app', 'web', 'side-car'];
const PORTS = [80, 8080, 9443, 65535];

const securityContext = fc.record({
  ensureNonRoot: fc.constant(true),
  privileged: fc.constant(false),
  allowPrivilegeEscalation: fc.constant(false),
  readOnlyRootFilesystem: fc.constant(true),
  user: fc.constantFrom(10001, 20000, 65534),
  group: fc.constantFrom(10001, 20000, 30000),
}, { requiredKeys: [] });

const container = fc.record({
  image: fc.constantFrom(IMAGE, SIDECAR_IMAGE, DIGEST_ONLY),
  portNumber: fc.constant(0),
  securityContext: fc.option(securityContext, { nil: undefined }),
  resources: fc.option(fc.record({
    cpu: fc.constant({ request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(250) }),
    memory: fc.constantFrom(
      { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
      { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
    ),
  }), { nil: undefined }),
}, { requiredKeys: ['image'] });

/**
 * One to three containers with distinct names and, where they serve one, distinct ports: the containers of a pod
 * share its network, so the construct refuses a port two of them declare.
 */
const containers = fc.array(container, { minLength: 1, maxLength: 3 }).chain(cs =>
  fc.shuffledSubarray(PORTS, { minLength: cs.length, maxLength: cs.length }).map(ports =>
    cs.map((c, i) => {
      const { portNumber, securityContext: sc, resources, ...rest } = c;
      return {
        ...rest,
        name: CONTAINER_NAMES[i],
        ...(portNumber !== undefined ? { portNumber: ports[i] } : {}),
        ...(sc !== undefined ? { securityContext: sc } : {}),
        ...(resources !== undefined ? { resources } : {}),
      };
    })));

/** Valid HardenedDeployment props (as a plain object, so tests can break one value of it). */
export const validHardenedDeploymentProps = fc.record({
  replicas: fc.integer({ min: 0, max: 5 }),
  containers,
  requireDigest: fc.boolean(),
  writablePaths: fc.uniqueArray(fc.constantFrom('/var/cache/app', '/data', '/tmp'), { maxLength: 3 }),
  writableTmp: fc.boolean(),
  writableVolumeSizeLimit: fc.constantFrom(Size.mebibytes(16), Size.gibibytes(1)),
  writableVolumeMedium: fc.constantFrom(kplus.EmptyDirMedium.DEFAULT, kplus.EmptyDirMedium.MEMORY),
  probePath: fc.constantFrom('/healthz', '/'),
  allowDns: fc.boolean(),
  revisionHistoryLimit: fc.integer({ min: 1, max: 10 }),
  disruptionBudget: fc.boolean(),
  spreadReplicas: fc.boolean(),
}, { requiredKeys: ['containers'] });
