import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { allOfKind, byKind, expectNoFindings, IMAGE, NAMESPACE, namespacedChart } from './support';
import { NetworkPeer } from '../../../src/constructs/network';
import { HardenedDeployment, HardenedStatefulSet, HardenedVolumeClaim, HardeningDefaults } from '../../../src/constructs/workloads';

describe('HardenedStatefulSet', () => {
  const defaults = () => {
    const chart = namespacedChart();
    new HardenedStatefulSet(chart, 'db', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE, portNumber: 7000 }] });
    return chart;
  };
  const realistic = () => {
    const chart = namespacedChart();
    const db = new HardenedStatefulSet(chart, 'db', {
      metadata: { namespace: NAMESPACE },
      replicas: 3,
      podManagementPolicy: kplus.PodManagementPolicy.PARALLEL,
      writablePaths: ['/var/run/db'],
      containers: [{
        name: 'db',
        image: IMAGE,
        ports: [{ number: 7000, name: 'peer' }, { number: 7001, name: 'client' }],
        resources: { memory: { request: Size.gibibytes(1), limit: Size.gibibytes(1) } },
      }],
    });
    const app = new HardenedDeployment(chart, 'app', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE, portNumber: 8080 }] });
    app.allowEgressTo(NetworkPeer.workload(db), [kplus.NetworkPolicyPort.tcp(7001)]);
    db.allowIngressFrom(NetworkPeer.workload(db), [kplus.NetworkPolicyPort.tcp(7000)]);
    return chart;
  };

  test('synthesizes to the same manifests with defaults', () => {
    expect(Testing.synth(defaults())).toMatchSnapshot();
  });

  test('gives zero findings from every default pack with defaults', () => {
    expectNoFindings(defaults());
  });

  test('synthesizes to the same manifests with a realistic set of props', () => {
    expect(Testing.synth(realistic())).toMatchSnapshot();
  });

  test('gives zero findings from every default pack with a realistic set of props', () => {
    expectNoFindings(realistic());
  });

  test('emits the documented defaults: one replica, no PodDisruptionBudget, revision history, pod seccomp', () => {
    const chart = defaults();
    const set = byKind(chart, 'StatefulSet');
    expect(set.spec.replicas).toBe(1);
    expect(set.spec.revisionHistoryLimit).toBe(HardeningDefaults.REVISION_HISTORY_LIMIT);
    expect(set.spec.template.spec.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(allOfKind(chart, 'PodDisruptionBudget')).toEqual([]);
    expect(byKind(chart, 'Service').spec.clusterIP).toBe('None');
  });

  test('more than one replica gets a PodDisruptionBudget and spreading', () => {
    const chart = realistic();
    const set = byKind(chart, 'StatefulSet');
    expect(byKind(chart, 'PodDisruptionBudget').spec.selector).toEqual(set.spec.selector);
    expect(set.spec.template.spec.affinity.podAntiAffinity).toBeDefined();
  });

  test('a self peer allows traffic between its own replicas', () => {
    const policies = allOfKind(realistic(), 'NetworkPolicy');
    const db = policies.find(p => p.metadata.name.includes('db-networkpolicy'));
    const self = { podSelector: db.spec.podSelector };
    expect(db.spec.ingress).toContainEqual({ from: [self], ports: [{ port: 7000, protocol: 'TCP' }] });
  });
  describe('volumeClaims', () => {
    const withClaims = (claims: HardenedVolumeClaim[], chart = namespacedChart()) => {
      const db = new HardenedStatefulSet(chart, 'db', {
        metadata: { namespace: NAMESPACE },
        replicas: 3,
        volumeClaims: claims,
        initContainers: [{ name: 'init', image: IMAGE }],
        containers: [{ name: 'db', image: IMAGE, portNumber: 7000 }, { name: 'agent', image: IMAGE }],
      });
      return { chart, db };
    };
    const mountsOf = (set: any, name: string) => [...set.spec.template.spec.containers, ...set.spec.template.spec.initContainers]
      .find((c: any) => c.name === name).volumeMounts.map((m: any) => `${m.name}:${m.mountPath}`);

    test('become volumeClaimTemplates, one claim per replica, with the given size, class and access modes', () => {
      const { chart } = withClaims([
        { name: 'data', mountPath: '/var/lib/db', storage: Size.gibibytes(50), storageClassName: 'fast' },
        { name: 'wal', mountPath: '/var/lib/wal', storage: Size.gibibytes(5), accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE_POD] },
      ]);
      expect(byKind(chart, 'StatefulSet').spec.volumeClaimTemplates).toEqual([
        { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } }, storageClassName: 'fast' } },
        { metadata: { name: 'wal' }, spec: { accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '5Gi' } } } },
      ]);
      expectNoFindings(chart);
    });

    test('are mounted into every container by default, not into init containers, and no pod volume stands in for them', () => {
      const { chart } = withClaims([{ name: 'data', mountPath: '/var/lib/db', storage: Size.gibibytes(1) }]);
      const set = byKind(chart, 'StatefulSet');
      expect(mountsOf(set, 'db')).toContain('data:/var/lib/db');
      expect(mountsOf(set, 'agent')).toContain('data:/var/lib/db');
      expect(mountsOf(set, 'init')).not.toContain('data:/var/lib/db');
      expect(set.spec.template.spec.volumes.map((v: any) => v.name)).not.toContain('data');
    });

    test('are mounted only into the containers they name, init containers included', () => {
      const { chart } = withClaims([{ name: 'data', mountPath: '/var/lib/db', storage: Size.gibibytes(1), containers: ['db', 'init'] }]);
      const set = byKind(chart, 'StatefulSet');
      expect(mountsOf(set, 'db')).toContain('data:/var/lib/db');
      expect(mountsOf(set, 'init')).toContain('data:/var/lib/db');
      expect(mountsOf(set, 'agent')).not.toContain('data:/var/lib/db');
    });

    test.each([
      ['a name that is no DNS label', { name: 'Data', mountPath: '/d', storage: Size.gibibytes(1) }, 'volumeClaims[0].name is "Data"; give a DNS-1123 label'],
      ['a relative path', { name: 'data', mountPath: 'data', storage: Size.gibibytes(1) }, 'volumeClaims[0].mountPath is "data"; give an absolute path'],
      ['a size in part of a GiB', { name: 'data', mountPath: '/d', storage: Size.mebibytes(1536) }, 'volumeClaims[0].storage is "1.5 GiB"; give a whole number of GiB'],
      ['no container to mount it', { name: 'data', mountPath: '/d', storage: Size.gibibytes(1), containers: [] }, 'volumeClaims[0].containers is []; name at least one container'],
    ])('refuse %s at construction', (_case, claim, message) => {
      expect(() => withClaims([claim as HardenedVolumeClaim])).toThrow(`HardenedStatefulSet test/db: ${message}`);
    });

    test('refuse two claims of one name or one path', () => {
      expect(() => withClaims([
        { name: 'data', mountPath: '/a', storage: Size.gibibytes(1) }, { name: 'data', mountPath: '/b', storage: Size.gibibytes(1) },
      ])).toThrow('volumeClaims[1].name is "data"; each claim needs a name of its own');
      expect(() => withClaims([
        { name: 'a', mountPath: '/d', storage: Size.gibibytes(1) }, { name: 'b', mountPath: '/d', storage: Size.gibibytes(1) },
      ])).toThrow('volumeClaims[1].mountPath is "/d"; each claim needs a path of its own');
    });

    test('refuse at synthesis an unknown container, a path already mounted, and a pod volume of the same name', () => {
      expect(() => Testing.synth(withClaims([{ name: 'data', mountPath: '/d', storage: Size.gibibytes(1), containers: ['dbb'] }]).chart))
        .toThrow('volumeClaims[0].containers is "dbb"; name one of the workload\'s containers (db, agent, init)');
      expect(() => Testing.synth(withClaims([{ name: 'data', mountPath: '/tmp', storage: Size.gibibytes(1) }]).chart))
        .toThrow('volumeClaims[0].mountPath is "/tmp"; container "db" already mounts a volume there');
      const { chart, db } = withClaims([{ name: 'scratch', mountPath: '/d', storage: Size.gibibytes(1) }]);
      db.addVolume(kplus.Volume.fromEmptyDir(chart, 'scratch', 'scratch'));
      expect(() => Testing.synth(chart)).toThrow('volumeClaims[0].name is "scratch"; the pod already has a volume of that name');
    });
  });
});
