import { Chart, Cron, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  HardenedCronJob, HardenedDaemonSet, HardenedDeployment, HardenedJob, HardenedStatefulSet, HardeningCheck,
} from '../../../../src/constructs/workloads';
import { IMAGE } from '../support';

type Factory = (scope: Construct, id: string, props: any) => kplus.Workload;
const KINDS: [string, Factory][] = [
  ['HardenedDeployment', (s, id, p) => new HardenedDeployment(s, id, p)],
  ['HardenedStatefulSet', (s, id, p) => new HardenedStatefulSet(s, id, p)],
  ['HardenedDaemonSet', (s, id, p) => new HardenedDaemonSet(s, id, p)],
  ['HardenedJob', (s, id, p) => new HardenedJob(s, id, p)],
  ['HardenedCronJob', (s, id, p) => new HardenedCronJob(s, id, { schedule: Cron.daily(), ...p })],
];

const hostPath = (scope: Construct) => kplus.Volume.fromHostPath(scope, 'host', 'host', { path: '/var/run/docker.sock' });

interface RefusalCase {
  /** Reads like a specification. */
  readonly name: string;
  /** Pod-level props (scope given for volumes). */
  readonly props?: (scope: Construct) => any;
  /** Props of the one container. */
  readonly container?: (scope: Construct) => Partial<kplus.ContainerProps>;
  /** The check whose override lifts the refusal. */
  readonly check: HardeningCheck;
  /** Every string must appear in the message: prop, value, rule and fix. */
  readonly message: string[];
  /** Rules the override suppresses (annotations on the workload). */
  readonly suppresses: string[];
}

const CASES: RefusalCase[] = [
  {
    name: 'refuses a pod running as UID 0',
    props: () => ({ securityContext: { user: 0 } }),
    check: HardeningCheck.RUN_AS_ROOT,
    message: ['securityContext.user is 0', 'rule pss-run-as-non-root', 'Fix: remove user (the default is 10001) or use a UID/GID of at least 10000'],
    suppresses: ['pss-run-as-non-root', 'pss-run-as-user', 'workload-root-group'],
  },
  {
    name: 'refuses the root group',
    props: () => ({ securityContext: { group: 0 } }),
    check: HardeningCheck.RUN_AS_ROOT,
    message: ['securityContext.group is 0', 'rule pss-run-as-non-root', 'Fix: remove group'],
    suppresses: ['pss-run-as-non-root'],
  },
  {
    name: 'refuses fsGroup 0',
    props: () => ({ securityContext: { fsGroup: 0 } }),
    check: HardeningCheck.RUN_AS_ROOT,
    message: ['securityContext.fsGroup is 0', 'rule pss-run-as-non-root'],
    suppresses: ['pss-run-as-non-root'],
  },
  {
    name: 'refuses ensureNonRoot: false on the pod',
    props: () => ({ securityContext: { ensureNonRoot: false } }),
    check: HardeningCheck.RUN_AS_ROOT,
    message: ['securityContext.ensureNonRoot is false', 'rule pss-run-as-non-root', 'Fix: remove ensureNonRoot (the default is true)'],
    suppresses: ['pss-run-as-non-root'],
  },
  {
    name: 'refuses a UID below 10000',
    props: () => ({ securityContext: { user: 1000 } }),
    check: HardeningCheck.LOW_USER_ID,
    message: ['securityContext.user is 1000', 'rule workload-high-uid', 'Fix: use a UID/GID of at least 10000, e.g. 10001'],
    suppresses: ['workload-high-uid', 'workload-high-gid'],
  },
  {
    name: 'refuses a container running as UID 0',
    container: () => ({ securityContext: { user: 0 } }),
    check: HardeningCheck.RUN_AS_ROOT,
    message: ['containers[0].securityContext.user is 0', 'rule pss-run-as-non-root'],
    suppresses: ['pss-run-as-user'],
  },
  {
    name: 'refuses ensureNonRoot: false on a container',
    container: () => ({ securityContext: { ensureNonRoot: false } }),
    check: HardeningCheck.RUN_AS_ROOT,
    message: ['containers[0].securityContext.ensureNonRoot is false', 'rule pss-run-as-non-root'],
    suppresses: ['pss-run-as-non-root'],
  },
  {
    name: 'refuses a privileged container',
    container: () => ({ securityContext: { privileged: true } }),
    check: HardeningCheck.PRIVILEGED,
    message: ['containers[0].securityContext.privileged is true', 'rule pss-privileged', 'Fix: remove privileged (the default is false)'],
    suppresses: ['pss-privileged'],
  },
  {
    name: 'refuses privilege escalation',
    container: () => ({ securityContext: { allowPrivilegeEscalation: true } }),
    check: HardeningCheck.PRIVILEGE_ESCALATION,
    message: ['containers[0].securityContext.allowPrivilegeEscalation is true', 'rule pss-allow-privilege-escalation', 'Fix: remove allowPrivilegeEscalation'],
    suppresses: ['pss-allow-privilege-escalation'],
  },
  {
    name: 'refuses adding SYS_ADMIN',
    container: () => ({ securityContext: { capabilities: { add: [kplus.Capability.SYS_ADMIN] } } }),
    check: HardeningCheck.CAPABILITIES,
    message: ['containers[0].securityContext.capabilities.add is ["SYS_ADMIN"]', 'rule pss-capabilities-restricted', 'Fix: add no capability other than NET_BIND_SERVICE'],
    suppresses: ['pss-capabilities-baseline', 'pss-capabilities-restricted', 'workload-dangerous-capabilities'],
  },
  {
    name: 'names only the refused capability when NET_BIND_SERVICE is added too',
    container: () => ({ securityContext: { capabilities: { add: [kplus.Capability.NET_BIND_SERVICE, kplus.Capability.NET_RAW] } } }),
    check: HardeningCheck.CAPABILITIES,
    message: ['capabilities.add is ["NET_RAW"]'],
    suppresses: ['pss-capabilities-restricted'],
  },
  {
    name: 'refuses an Unconfined seccomp profile',
    container: () => ({ securityContext: { seccompProfile: { type: kplus.SeccompProfileType.UNCONFINED } } }),
    check: HardeningCheck.SECCOMP,
    message: ['containers[0].securityContext.seccompProfile.type is "Unconfined"', 'rule pss-seccomp-restricted', 'Fix: remove seccompProfile (the default is RuntimeDefault)'],
    suppresses: ['pss-seccomp-baseline', 'pss-seccomp-restricted'],
  },
  {
    name: 'refuses a writable root filesystem',
    container: () => ({ securityContext: { readOnlyRootFilesystem: false } }),
    check: HardeningCheck.WRITABLE_ROOT_FILESYSTEM,
    message: ['containers[0].securityContext.readOnlyRootFilesystem is false', 'rule workload-read-only-root-filesystem', 'list the directories the app writes to in writablePaths'],
    suppresses: ['workload-read-only-root-filesystem'],
  },
  {
    name: 'refuses the host network',
    props: () => ({ hostNetwork: true }),
    check: HardeningCheck.HOST_NAMESPACES,
    message: ['hostNetwork is true', 'rule pss-host-namespaces', 'Fix: remove hostNetwork (the default is false)'],
    suppresses: ['pss-host-namespaces'],
  },
  {
    name: 'refuses a host port',
    container: () => ({ ports: [{ number: 9090, hostPort: 9090 }] }),
    check: HardeningCheck.HOST_PORT,
    message: ['containers[0].ports[0].hostPort is 9090', 'rule pss-host-ports', 'Fix: remove hostPort'],
    suppresses: ['pss-host-ports'],
  },
  {
    name: 'refuses a hostPath volume',
    props: scope => ({ volumes: [hostPath(scope)] }),
    check: HardeningCheck.HOST_PATH,
    message: ['volumes[0] is "hostPath /var/run/docker.sock"', 'rule pss-host-path-volumes', 'Fix: use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim instead'],
    suppresses: ['pss-host-path-volumes', 'pss-restricted-volumes', 'workload-sensitive-host-path', 'workload-container-runtime-socket'],
  },
  {
    name: 'refuses a hostPath volume mounted by a container',
    container: scope => ({ volumeMounts: [{ path: '/var/run/docker.sock', volume: hostPath(scope) }] }),
    check: HardeningCheck.HOST_PATH,
    message: ['containers[0].volumeMounts[0].volume is "hostPath /var/run/docker.sock"', 'rule pss-host-path-volumes'],
    suppresses: ['pss-host-path-volumes'],
  },
  {
    name: 'refuses an untagged image',
    container: () => ({ image: 'ghcr.io/acme/web' }),
    check: HardeningCheck.IMAGE_TAG,
    message: ['containers[0].image is "ghcr.io/acme/web"', 'rule workload-image-tag-pinned', 'Fix: add a version tag (e.g. :1.27.3) or a digest (@sha256:...)'],
    suppresses: ['workload-image-tag-pinned', 'workload-image-digest'],
  },
  {
    name: 'refuses the latest tag',
    container: () => ({ image: 'registry.local:5000/acme/web:latest' }),
    check: HardeningCheck.IMAGE_TAG,
    message: ['containers[0].image is "registry.local:5000/acme/web:latest"', 'rule workload-image-tag-pinned', 'Fix: replace :latest with a version tag'],
    suppresses: ['workload-image-tag-pinned'],
  },
  {
    name: 'refuses a malformed digest',
    container: () => ({ image: 'ghcr.io/acme/web@sha256:abc' }),
    check: HardeningCheck.IMAGE_TAG,
    message: ['containers[0].image is "ghcr.io/acme/web@sha256:abc"', 'Fix: write the digest as @sha256: followed by 64 lower-case hex digits'],
    suppresses: ['workload-image-tag-pinned'],
  },
  {
    name: 'refuses a tag without a digest when requireDigest is set',
    props: () => ({ requireDigest: true }),
    container: () => ({ image: 'ghcr.io/acme/web:1.4.2' }),
    check: HardeningCheck.IMAGE_TAG,
    message: ['containers[0].image is "ghcr.io/acme/web:1.4.2"', 'rule workload-image-tag-pinned', 'Fix: requireDigest is set: append the image digest'],
    suppresses: ['workload-image-digest'],
  },
  {
    name: 'refuses mounting the service account token',
    props: () => ({ automountServiceAccountToken: true }),
    check: HardeningCheck.SERVICE_ACCOUNT_TOKEN,
    message: ['automountServiceAccountToken is true', 'rule workload-automount-service-account-token', 'Fix: remove automountServiceAccountToken (the default is false)', 'give it an ApiAccess'],
    suppresses: ['workload-automount-service-account-token'],
  },
  {
    name: 'refuses a privileged init container',
    props: () => ({ initContainers: [{ name: 'setup', image: IMAGE, securityContext: { privileged: true } }] }),
    check: HardeningCheck.PRIVILEGED,
    message: ['initContainers[0].securityContext.privileged is true', 'rule pss-privileged'],
    suppresses: ['pss-privileged'],
  },
];

function build(factory: Factory, c: RefusalCase, overrides?: any[]) {
  const chart = Testing.chart();
  const props = c.props?.(chart) ?? {};
  const container = { image: IMAGE, portNumber: 8080, ...c.container?.(chart) };
  return factory(chart, 'app', { ...props, containers: [container], ...(overrides ? { overrides } : {}) });
}

describe.each(KINDS)('%s refuses insecure props at construction', (kind, factory) => {
  test.each(CASES.map(c => [c.name, c] as const))('%s', (_name, c) => {
    let error: Error | undefined;
    try {
      build(factory, c);
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeDefined();
    const message = error!.message;
    expect(message.startsWith(`${kind} test/app: `)).toBe(true);
    for (const part of c.message) expect(message).toContain(part);
    // The way out is always named: the override with a reason.
    expect(message).toContain(`If this is deliberate, add { check: HardeningCheck.${c.check}, reason: '<why, at least 10 characters>' } to overrides.`);
  });

  test.each(CASES.map(c => [c.name, c] as const))('accepts with an override and records it as a suppression: %s', (_name, c) => {
    const reason = `deliberate exception for ${c.check}`;
    const workload = build(factory, c, [{ check: c.check, reason }]);
    const annotations = workload.metadata.toJson().annotations ?? {};
    for (const ruleId of c.suppresses) expect(annotations[`cdk8s-hardened.io/suppress.${ruleId}`]).toBe(reason);
    expect(() => Testing.synth(workload.node.scope as any)).not.toThrow();
  });
});

describe('refusals name the construct by its path, as the guardrails report does', () => {
  test.each(KINDS)('%s nested in a chart and a construct', (kind, factory) => {
    const app = Testing.app();
    const backend = new Construct(new Chart(app, 'shop'), 'backend');
    expect(() => factory(backend, 'cms', { containers: [{ image: 'ghcr.io/acme/cms:latest' }] }))
      .toThrow(new RegExp(`^${kind} shop/backend/cms: containers\\[0\\]\\.image is "ghcr.io/acme/cms:latest", which breaks rule workload-image-tag-pinned`));
  });

  test('directly under the app, the path is the id', () => {
    expect(() => new HardenedDeployment(Testing.app(), 'cms', { containers: [{ image: 'ghcr.io/acme/cms:latest' }] }))
      .toThrow(/^HardenedDeployment cms: containers\[0\]\.image is "ghcr.io\/acme\/cms:latest"/);
  });
});

describe('refusals after construction', () => {
  const web = () => new HardenedDeployment(Testing.chart(), 'web', { containers: [{ image: IMAGE, portNumber: 8080 }] });

  test('addContainer refuses like the props do, naming the container', () => {
    expect(() => web().addContainer({ name: 'debug', image: IMAGE, securityContext: { privileged: true } }))
      .toThrow('HardenedDeployment test/web: addContainer() container "debug".securityContext.privileged is true, which breaks rule pss-privileged');
  });

  test('addInitContainer refuses like the props do', () => {
    expect(() => web().addInitContainer({ name: 'setup', image: 'ghcr.io/acme/setup:latest' }))
      .toThrow('addInitContainer() container "setup".image is "ghcr.io/acme/setup:latest", which breaks rule workload-image-tag-pinned');
  });

  test('attachContainer refuses what it cannot harden in place', () => {
    expect(() => web().attachContainer(new kplus.Container({ name: 'side', image: IMAGE, securityContext: { user: 0 } })))
      .toThrow('attachContainer() container "side".securityContext.user is 0, which breaks rule pss-run-as-non-root');
  });

  test('addVolume refuses hostPath', () => {
    const w = web();
    expect(() => w.addVolume(hostPath(w))).toThrow('addVolume() volume "host" is "hostPath /var/run/docker.sock", which breaks rule pss-host-path-volumes');
  });

  test('a hostPath mounted through the Container API is refused at synthesis', () => {
    const w = web();
    w.containers[0].mount('/host', hostPath(w));
    expect(() => Testing.synth(w.node.scope as any)).toThrow(/volume "host" is "hostPath \/var\/run\/docker.sock", which breaks rule pss-host-path-volumes/);
  });

  test('exposeViaService refuses NodePort and LoadBalancer', () => {
    expect(() => web().exposeViaService({ serviceType: kplus.ServiceType.NODE_PORT }))
      .toThrow('HardenedDeployment test/web: exposeViaService() serviceType is "NodePort", which breaks rule network-service-not-exposed');
  });
});

describe('invalid input that no override accepts', () => {
  const cases: [string, any, string][] = [
    ['an override reason shorter than 10 characters', { overrides: [{ check: HardeningCheck.PRIVILEGED, reason: 'because' }] },
      'HardenedDeployment test/web: overrides[0] is the override of PRIVILEGED; it has reason "because": give a reason of at least 10 characters saying why the finding is acceptable.'],
    ['an override expiry that is not a date', { overrides: [{ check: HardeningCheck.PRIVILEGED, reason: 'long enough reason', expires: 'next year' }] },
      'overrides[0] is the override of PRIVILEGED; it has expires "next year": give a date as YYYY-MM-DD'],
    ['the same check overridden twice', { overrides: [{ check: HardeningCheck.PRIVILEGED, reason: 'long enough reason' }, { check: HardeningCheck.PRIVILEGED, reason: 'another long reason' }] },
      'overrides[1].check is "PRIVILEGED"; each check may be overridden once'],
    ['a relative writable path', { writablePaths: ['cache'] }, 'writablePaths[0] is "cache"; give an absolute path below the root'],
    ['a relative probe path', { probePath: 'healthz' }, 'probePath is "healthz"; give an absolute HTTP path'],
    ['a negative UID', { securityContext: { user: -1 } }, 'securityContext.user is -1; give a non-negative integer'],
    ['a revisionHistoryLimit of 0', { revisionHistoryLimit: 0 }, 'revisionHistoryLimit is 0; give a whole number of at least 1'],
  ];
  test.each(cases)('refuses %s', (_name, props, message) => {
    expect(() => new HardenedDeployment(Testing.chart(), 'web', { ...props, containers: [{ image: IMAGE }] })).toThrow(message);
  });
});
