import { Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { byKind, expectNoFindings, IMAGE, NAMESPACE, namespacedChart, report, SIDECAR_IMAGE } from './support';
import { NetworkPeer } from '../../../src/constructs/network';
import { HardenedDeployment, HardeningCheck, HardeningDefaults } from '../../../src/constructs/workloads';
import { Severity } from '../../../src/engine/severity';

const podSpec = (d: any) => d.spec.template.spec;

describe('HardenedDeployment', () => {
  describe('with defaults', () => {
    test('synthesizes to the same manifests', () => {
      const chart = namespacedChart();
      new HardenedDeployment(chart, 'web', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE, portNumber: 8080 }] });
      expect(Testing.synth(chart)).toMatchSnapshot();
    });

    test('gives zero findings from every default pack', () => {
      const chart = namespacedChart();
      new HardenedDeployment(chart, 'web', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE, portNumber: 8080 }] });
      expectNoFindings(chart);
    });

    test('the zero-finding check can fail: a plain cdk8s-plus Deployment in the same chart has findings', () => {
      const chart = namespacedChart();
      new kplus.Deployment(chart, 'plain', { metadata: { namespace: NAMESPACE }, containers: [{ image: IMAGE, portNumber: 8080 }] });
      const ruleIds = new Set(report(chart).unsuppressed().map(f => f.ruleId));
      expect([...ruleIds]).toEqual(expect.arrayContaining(['pss-capabilities-restricted', 'pss-seccomp-restricted', 'workload-readiness-probe', 'workload-dedicated-service-account']));
    });

    test('emits every documented @default', () => {
      const chart = Testing.chart();
      new HardenedDeployment(chart, 'web', { containers: [{ image: IMAGE, portNumber: 8080 }] });
      const deployment = byKind(chart, 'Deployment');
      const pod = podSpec(deployment);
      const [container] = pod.containers;
      const uid = HardeningDefaults.USER_ID;

      // Pod: non-root user, fsGroup, seccomp, no token, own ServiceAccount, grace period, no host namespaces.
      expect(pod.securityContext).toEqual(expect.objectContaining({
        runAsNonRoot: true, runAsUser: uid, runAsGroup: uid, fsGroup: uid, seccompProfile: { type: 'RuntimeDefault' },
      }));
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.serviceAccountName).toEqual(byKind(chart, 'ServiceAccount').metadata.name);
      expect(byKind(chart, 'ServiceAccount').automountServiceAccountToken).toBe(false);
      expect(pod.terminationGracePeriodSeconds).toBe(HardeningDefaults.TERMINATION_GRACE_PERIOD_SECONDS);
      expect(pod.hostNetwork).not.toBe(true);
      expect(pod.hostPID).toBeUndefined();
      expect(pod.hostIPC).toBeUndefined();

      // Container: the restricted security context, with nothing a scanner flags for being present.
      expect(container.securityContext).toEqual({
        runAsNonRoot: true,
        runAsUser: uid,
        runAsGroup: uid,
        privileged: false,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(container.ports).toEqual([{ containerPort: 8080 }]);

      // Writable /tmp: memory-backed emptyDir with a size limit.
      expect(container.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'main-tmp' }]);
      expect(pod.volumes).toEqual([{ name: 'main-tmp', emptyDir: { medium: 'Memory', sizeLimit: `${HardeningDefaults.WRITABLE_VOLUME_MIB}Mi` } }]);

      // Resources and probes.
      expect(container.resources).toEqual({
        requests: { 'cpu': '100m', 'memory': '128Mi', 'ephemeral-storage': '1Gi' },
        limits: { 'cpu': '500m', 'memory': '256Mi', 'ephemeral-storage': '2Gi' },
      });
      expect(container.readinessProbe.tcpSocket).toEqual({ port: 8080 });
      expect(container.livenessProbe.tcpSocket).toEqual({ port: 8080 });
      expect(container.livenessProbe).not.toEqual(container.readinessProbe);

      // Workload: revision history, 2 replicas with a PodDisruptionBudget and preferred spreading.
      expect(deployment.spec.revisionHistoryLimit).toBe(HardeningDefaults.REVISION_HISTORY_LIMIT);
      expect(deployment.spec.replicas).toBe(2);
      expect(byKind(chart, 'PodDisruptionBudget').spec).toEqual({ maxUnavailable: 1, selector: deployment.spec.selector });
      expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]).toEqual(expect.objectContaining({ weight: 100 }));

      // Network: isolated both ways, DNS allowed by one rule whose single peer holds both selectors.
      const policy = byKind(chart, 'NetworkPolicy');
      expect(policy.spec.podSelector).toEqual({ matchLabels: deployment.spec.template.metadata.labels });
      expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(policy.spec.ingress).toBeUndefined();
      expect(policy.spec.egress).toEqual([{
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      }]);
    });

    test('omits the fields some scanners flag merely for being set', () => {
      const chart = Testing.chart();
      new HardenedDeployment(chart, 'web', { containers: [{ image: IMAGE, portNumber: 8080 }] });
      const text = JSON.stringify(byKind(chart, 'Deployment'));
      expect(text).not.toContain('procMount');
      expect(text).not.toContain('hostPort');
      expect(text).not.toContain('"add"');
    });
  });

  describe('with a realistic set of props', () => {
    function realistic() {
      const chart = namespacedChart();
      const web = new HardenedDeployment(chart, 'web', {
        metadata: { namespace: NAMESPACE, labels: { 'app.kubernetes.io/name': 'web' } },
        replicas: 3,
        requireDigest: true,
        probePath: '/healthz',
        writablePaths: ['/var/cache/web'],
        writableVolumeSizeLimit: Size.mebibytes(128),
        terminationGracePeriod: Duration.seconds(45),
        revisionHistoryLimit: 3,
        containers: [{
          name: 'web',
          image: IMAGE,
          ports: [{ number: 8080, name: 'http' }, { number: 9090, name: 'metrics' }],
          envVariables: { LOG_LEVEL: kplus.EnvValue.fromValue('info') },
          resources: { cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) }, memory: { request: Size.mebibytes(256) } },
        }],
        initContainers: [{ name: 'migrate', image: SIDECAR_IMAGE, args: ['migrate'] }],
      });
      web.addContainer({ name: 'proxy', image: SIDECAR_IMAGE, ports: [{ number: 8443, name: 'https' }], securityContext: { capabilities: { add: [kplus.Capability.NET_BIND_SERVICE] } } });
      const api = new HardenedDeployment(chart, 'api', { metadata: { namespace: NAMESPACE }, containers: [{ name: 'api', image: IMAGE, portNumber: 7000 }] });
      web.allowEgressTo(NetworkPeer.workload(api));
      web.allowIngressFrom(NetworkPeer.namespace('ingress-nginx'), [kplus.NetworkPolicyPort.tcp(8080)]);
      api.allowEgressTo(NetworkPeer.ipBlock('10.20.0.0/16'), [kplus.NetworkPolicyPort.tcp(5432)]);
      web.exposeViaService();
      return { chart, web, api };
    }

    test('synthesizes to the same manifests', () => {
      expect(Testing.synth(realistic().chart)).toMatchSnapshot();
    });

    test('gives zero findings from every default pack', () => {
      expectNoFindings(realistic().chart);
    });

    test('completes partial resources, adds HTTP probes and the extra writable path', () => {
      const chart = realistic().chart;
      const [web, proxy] = podSpec(byKind(chart, 'Deployment')).containers;
      expect(web.resources).toEqual({
        requests: { 'cpu': '250m', 'memory': '256Mi', 'ephemeral-storage': '1Gi' },
        limits: { 'cpu': '1000m', 'memory': '256Mi', 'ephemeral-storage': '2Gi' },
      });
      expect(web.readinessProbe.httpGet).toEqual({ path: '/healthz', port: 8080, scheme: 'HTTP' });
      expect(web.volumeMounts.map((m: any) => m.mountPath)).toEqual(['/tmp', '/var/cache/web']);
      expect(proxy.securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] });
    });

    test('hardens init containers without giving them probes', () => {
      const [migrate] = podSpec(byKind(realistic().chart, 'Deployment')).initContainers;
      expect(migrate.securityContext.capabilities).toEqual({ drop: ['ALL'] });
      expect(migrate.securityContext.readOnlyRootFilesystem).toBe(true);
      expect(migrate.readinessProbe).toBeUndefined();
      expect(migrate.volumeMounts.map((m: any) => m.mountPath)).toEqual(['/tmp', '/var/cache/web']);
    });

    test('produces matching policies on both sides of a workload peer', () => {
      const { chart, web, api } = realistic();
      const policies = Testing.synth(chart).filter(o => o.kind === 'NetworkPolicy' && o.metadata.name !== 'default-deny');
      const of = (w: kplus.Workload) => policies.find(p => p.spec.podSelector.matchLabels['cdk8s.io/metadata.addr'] === w.podMetadata.getLabel('cdk8s.io/metadata.addr'));
      const webSelector = { podSelector: { matchLabels: { 'cdk8s.io/metadata.addr': web.podMetadata.getLabel('cdk8s.io/metadata.addr') } } };
      const apiSelector = { podSelector: { matchLabels: { 'cdk8s.io/metadata.addr': api.podMetadata.getLabel('cdk8s.io/metadata.addr') } } };
      expect(of(web).spec.egress).toContainEqual({ to: [apiSelector], ports: [{ port: 7000, protocol: 'TCP' }] });
      expect(of(api).spec.ingress).toContainEqual({ from: [webSelector], ports: [{ port: 7000, protocol: 'TCP' }] });
      expect(of(web).spec.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
      expect(of(api).spec.egress).toContainEqual({ to: [{ ipBlock: { cidr: '10.20.0.0/16' } }], ports: [{ port: 5432, protocol: 'TCP' }] });
    });

    test('exposes through a ClusterIP Service', () => {
      expect(byKind(realistic().chart, 'Service').spec.type).toBe('ClusterIP');
    });
  });

  describe('containers added after construction', () => {
    test('addContainer hardens like the props do', () => {
      const chart = Testing.chart();
      const web = new HardenedDeployment(chart, 'web');
      web.addContainer({ name: 'late', image: IMAGE, portNumber: 8080 });
      const [late] = podSpec(byKind(chart, 'Deployment')).containers;
      expect(late.securityContext.capabilities).toEqual({ drop: ['ALL'] });
      expect(late.readinessProbe).toBeDefined();
      expect(late.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'late-tmp' }]);
    });

    test('attachContainer hardens a container built elsewhere in place, keeping env added later', () => {
      const chart = Testing.chart();
      const web = new HardenedDeployment(chart, 'web');
      const side = new kplus.Container({ name: 'side', image: IMAGE });
      web.attachContainer(side);
      side.env.addVariable('MODE', kplus.EnvValue.fromValue('side'));
      const [rendered] = podSpec(byKind(chart, 'Deployment')).containers;
      expect(rendered.securityContext).toEqual(expect.objectContaining({ runAsUser: 10001, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } }));
      expect(rendered.resources.limits['ephemeral-storage']).toBe('2Gi');
      expect(rendered.env).toEqual([{ name: 'MODE', value: 'side' }]);
      expect(rendered.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'side-tmp' }]);
    });

    test('attachContainer refuses a served port without probes', () => {
      const web = new HardenedDeployment(Testing.chart(), 'web');
      expect(() => web.attachContainer(new kplus.Container({ name: 'side', image: IMAGE, ports: [{ number: 8080 }] })))
        .toThrow(/attachContainer\(\) container "side"\.readiness\/liveness is "unset"; container "side" serves port 8080: give it readiness and liveness probes/);
    });

    test('refuses a port that another container of the pod declares, in props, addContainer and attachContainer', () => {
      // Containers of a pod share its network: the second could never bind the port.
      expect(() => new HardenedDeployment(Testing.chart(), 'web', {
        containers: [{ name: 'web', image: IMAGE, portNumber: 8080 }, { name: 'side', image: IMAGE, ports: [{ number: 8080, name: 'metrics' }] }],
      })).toThrow('HardenedDeployment test/web: containers[1] port is "8080/TCP"; container "web" of the same pod already declares port 8080/TCP');
      const web = new HardenedDeployment(Testing.chart(), 'web', { containers: [{ name: 'web', image: IMAGE, ports: [{ number: 8080, name: 'http' }] }] });
      expect(() => web.addContainer({ name: 'side', image: IMAGE, portNumber: 8080 }))
        .toThrow(/addContainer\(\) container "side" port is "8080\/TCP"; container "web"/);
      expect(() => web.addContainer({ name: 'side', image: IMAGE, ports: [{ number: 9090, name: 'http' }] }))
        .toThrow(/addContainer\(\) container "side" port name is "http"; container "web" of the same pod already has a port named "http"/);
      const side = new kplus.Container({ name: 'side', image: IMAGE, ports: [{ number: 8080 }], readiness: kplus.Probe.fromTcpSocket(), liveness: kplus.Probe.fromTcpSocket() });
      expect(() => web.attachContainer(side)).toThrow(/attachContainer\(\) container "side" port is "8080\/TCP"/);
    });

    test('accepts the same port number over another protocol, and distinct ports and names', () => {
      const chart = Testing.chart();
      const web = new HardenedDeployment(chart, 'web', { containers: [{ name: 'web', image: IMAGE, ports: [{ number: 8053, name: 'dns-tcp' }] }] });
      web.addContainer({ name: 'side', image: IMAGE, ports: [{ number: 8053, protocol: kplus.Protocol.UDP, name: 'dns-udp' }, { number: 9090, name: 'metrics' }] });
      expect(podSpec(byKind(chart, 'Deployment')).containers.map((c: any) => c.ports.map((p: any) => `${p.containerPort}/${p.protocol ?? 'TCP'}`)))
        .toEqual([['8053/TCP'], ['8053/UDP', '9090/TCP']]);
    });

    test('addInitContainer hardens init containers', () => {
      const chart = Testing.chart();
      const web = new HardenedDeployment(chart, 'web', { containers: [{ image: IMAGE }] });
      web.addInitContainer({ name: 'warm', image: IMAGE });
      const [warm] = podSpec(byKind(chart, 'Deployment')).initContainers;
      expect(warm.securityContext.allowPrivilegeEscalation).toBe(false);
      expect(warm.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'warm-tmp' }]);
    });

    test('a SecretBackedEnv-style binding through the Container API keeps working', () => {
      const chart = Testing.chart();
      const web = new HardenedDeployment(chart, 'web', { containers: [{ name: 'web', image: IMAGE }] });
      const secret = kplus.Secret.fromSecretName(chart, 'db', 'db-credentials');
      web.containers[0].env.addVariable('DB_PASSWORD', kplus.EnvValue.fromSecretValue({ secret, key: 'password' }));
      web.containers[0].mount('/etc/db', kplus.Volume.fromSecret(chart, 'dbvol', secret), { readOnly: true });
      const [container] = podSpec(byKind(chart, 'Deployment')).containers;
      expect(container.env).toEqual([{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'db-credentials' } } }]);
      expect(container.volumeMounts).toContainEqual({ mountPath: '/etc/db', name: expect.any(String), readOnly: true });
    });
  });

  describe('options', () => {
    test('a single replica gets no PodDisruptionBudget and no spreading', () => {
      const chart = Testing.chart();
      new HardenedDeployment(chart, 'web', { replicas: 1, containers: [{ image: IMAGE }] });
      expect(Testing.synth(chart).map(o => o.kind)).not.toContain('PodDisruptionBudget');
      expect(podSpec(byKind(chart, 'Deployment')).affinity).toBeUndefined();
    });

    test('disruptionBudget and spreadReplicas can be turned off', () => {
      const chart = Testing.chart();
      new HardenedDeployment(chart, 'web', { replicas: 3, disruptionBudget: false, spreadReplicas: false, containers: [{ image: IMAGE }] });
      expect(Testing.synth(chart).map(o => o.kind)).not.toContain('PodDisruptionBudget');
      expect(podSpec(byKind(chart, 'Deployment')).affinity).toBeUndefined();
    });

    test('DNS egress can use another selector, or be turned off', () => {
      const custom = Testing.chart();
      new HardenedDeployment(custom, 'web', { containers: [{ image: IMAGE }], dnsEgress: { namespaceLabels: { dns: 'yes' }, podLabels: { app: 'coredns' } } });
      expect(byKind(custom, 'NetworkPolicy').spec.egress[0].to).toEqual([{ namespaceSelector: { matchLabels: { dns: 'yes' } }, podSelector: { matchLabels: { app: 'coredns' } } }]);
      const off = Testing.chart();
      new HardenedDeployment(off, 'web', { containers: [{ image: IMAGE }], allowDns: false });
      expect(byKind(off, 'NetworkPolicy').spec).toEqual(expect.objectContaining({ policyTypes: ['Ingress', 'Egress'] }));
      expect(byKind(off, 'NetworkPolicy').spec.egress).toBeUndefined();
    });

    test('a given ServiceAccount is used instead of a new one', () => {
      const chart = Testing.chart();
      const sa = new kplus.ServiceAccount(chart, 'sa', { automountToken: false });
      new HardenedDeployment(chart, 'web', { serviceAccount: sa, containers: [{ image: IMAGE }] });
      expect(podSpec(byKind(chart, 'Deployment')).serviceAccountName).toBe(sa.name);
      expect(Testing.synth(chart).filter(o => o.kind === 'ServiceAccount')).toHaveLength(1);
    });

    test('writableTmp: false leaves /tmp to the image', () => {
      const chart = Testing.chart();
      new HardenedDeployment(chart, 'web', { writableTmp: false, containers: [{ image: IMAGE }] });
      expect(podSpec(byKind(chart, 'Deployment')).volumes).toBeUndefined();
    });

    test("containers without a user of their own run as the pod's user and group, added later ones too", () => {
      const chart = namespacedChart();
      const web = new HardenedDeployment(chart, 'web', {
        metadata: { namespace: NAMESPACE },
        securityContext: { user: 65532, group: 65533 },
        containers: [{ image: IMAGE, portNumber: 8080 }],
        initContainers: [{ name: 'init', image: SIDECAR_IMAGE }],
      });
      web.addContainer({ name: 'side', image: SIDECAR_IMAGE });
      const pod = podSpec(byKind(chart, 'Deployment'));
      expect(pod.securityContext).toMatchObject({ runAsUser: 65532, runAsGroup: 65533 });
      const ids = [...pod.containers, ...pod.initContainers].map((c: any) => [c.name, c.securityContext.runAsUser, c.securityContext.runAsGroup]);
      expect(ids).toEqual([['main', 65532, 65533], ['side', 65532, 65533], ['init', 65532, 65533]]);
      expectNoFindings(chart);
    });

    test("a container's own user and group win over the pod's", () => {
      const chart = Testing.chart();
      new HardenedDeployment(chart, 'web', {
        securityContext: { user: 65532 },
        containers: [{ image: IMAGE, securityContext: { user: 20000, group: 20001 } }],
      });
      const pod = podSpec(byKind(chart, 'Deployment'));
      expect(pod.securityContext).toMatchObject({ runAsUser: 65532, runAsGroup: HardeningDefaults.USER_ID });
      expect(pod.containers[0].securityContext).toMatchObject({ runAsUser: 20000, runAsGroup: 20001 });
    });

    test("a container refused for running as root is told the pod's user is its default", () => {
      const chart = Testing.chart();
      expect(() => new HardenedDeployment(chart, 'web', {
        securityContext: { user: 65532 },
        containers: [{ image: IMAGE, securityContext: { user: 0 } }],
      })).toThrow('containers[0].securityContext.user is 0, which breaks rule pss-run-as-non-root');
      expect(() => new HardenedDeployment(Testing.chart(), 'web', {
        securityContext: { user: 65532 },
        containers: [{ image: IMAGE, securityContext: { user: 0 } }],
      })).toThrow('Fix: remove user (the default is 65532)');
    });
  });

  describe('overrides', () => {
    test('a writable root filesystem with a reason shows up in the report as a suppression', () => {
      const chart = namespacedChart();
      new HardenedDeployment(chart, 'web', {
        metadata: { namespace: NAMESPACE },
        overrides: [{ check: HardeningCheck.WRITABLE_ROOT_FILESYSTEM, reason: 'legacy CMS writes next to its binary; OPS-42', expires: '2099-12-31' }],
        containers: [{ image: IMAGE, securityContext: { readOnlyRootFilesystem: false } }],
      });
      const deployment = byKind(chart, 'Deployment');
      expect(deployment.metadata.annotations).toEqual({
        'cdk8s-hardened.io/suppress.workload-read-only-root-filesystem': 'legacy CMS writes next to its binary; OPS-42',
        'cdk8s-hardened.io/suppress-expires.workload-read-only-root-filesystem': '2099-12-31',
      });
      const result = report(chart);
      expect(result.unsuppressed()).toEqual([]);
      expect(result.findings.filter(f => f.suppressed).map(f => [f.ruleId, f.suppression?.reason]))
        .toEqual([['workload-read-only-root-filesystem', 'legacy CMS writes next to its binary; OPS-42']]);
    });

    test('IMAGE_USER lets the image choose its user and says so in the manifest', () => {
      const chart = namespacedChart();
      new HardenedDeployment(chart, 'web', {
        metadata: { namespace: NAMESPACE },
        overrides: [{ check: HardeningCheck.IMAGE_USER, reason: 'vendor image owns its files as uid 999' }],
        containers: [{ image: IMAGE }],
      });
      const deployment = byKind(chart, 'Deployment');
      const pod = podSpec(deployment);
      expect(pod.securityContext.runAsUser).toBeUndefined();
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.containers[0].securityContext.runAsUser).toBeUndefined();
      expect(deployment.metadata.annotations['cdk8s-hardened.io/suppress.workload-explicit-user']).toBe('vendor image owns its files as uid 999');
      // The report shows the decision as a suppressed workload-explicit-user finding, with its reason.
      const result = report(chart);
      expect(result.unsuppressed()).toEqual([]);
      expect(result.findings.filter(f => f.suppressed).map(f => [f.ruleId, f.suppression?.reason]))
        .toEqual([['workload-explicit-user', 'vendor image owns its files as uid 999']]);
      expect(result.unusedSuppressions).toEqual([]);
    });

    test('a LoadBalancer Service with EXPOSED_SERVICE is recorded on the Service', () => {
      const chart = Testing.chart();
      const web = new HardenedDeployment(chart, 'web', { overrides: [{ check: HardeningCheck.EXPOSED_SERVICE, reason: 'public TLS endpoint behind the cloud LB' }], containers: [{ image: IMAGE, portNumber: 8443 }] });
      web.exposeViaService({ serviceType: kplus.ServiceType.LOAD_BALANCER });
      expect(byKind(chart, 'Service').metadata.annotations).toEqual({ 'cdk8s-hardened.io/suppress.network-service-not-exposed': 'public TLS endpoint behind the cloud LB' });
    });

    test('the EXPOSED_SERVICE override a LoadBalancer Service relied on is used, not reported unused', () => {
      const chart = namespacedChart();
      const web = new HardenedDeployment(chart, 'web', {
        metadata: { namespace: NAMESPACE },
        overrides: [{ check: HardeningCheck.EXPOSED_SERVICE, reason: 'public TLS endpoint behind the cloud LB' }],
        containers: [{ image: IMAGE, portNumber: 8443 }],
      });
      web.exposeViaService({ serviceType: kplus.ServiceType.LOAD_BALANCER, ports: [{ port: 443, targetPort: 8443 }] });
      const result = report(chart);
      expect(result.unusedSuppressions).toEqual([]);
      expect(result.findings.filter(f => f.suppressed).map(f => [f.ruleId, f.resource.kind, f.suppression?.reason]))
        .toEqual([['network-service-not-exposed', 'Service', 'public TLS endpoint behind the cloud LB']]);
      // The workload itself has no exposed-Service finding to accept, so the override is not written on it.
      expect(byKind(chart, 'Deployment').metadata.annotations ?? {}).not.toHaveProperty(['cdk8s-hardened.io/suppress.network-service-not-exposed']);
      expect(result.unsuppressed(Severity.WARNING)).toEqual([]);
    });

    test('an EXPOSED_SERVICE override nothing relied on (a ClusterIP Service) is reported unused on the Deployment', () => {
      const chart = namespacedChart();
      const web = new HardenedDeployment(chart, 'web', {
        metadata: { namespace: NAMESPACE },
        overrides: [{ check: HardeningCheck.EXPOSED_SERVICE, reason: 'public TLS endpoint behind the cloud LB' }],
        containers: [{ image: IMAGE, portNumber: 8443 }],
      });
      web.exposeViaService({ ports: [{ port: 443, targetPort: 8443 }] });
      expect(report(chart).unusedSuppressions.map(u => [u.ruleId, u.origin])).toEqual([
        ['network-service-not-exposed', expect.stringMatching(/^annotation on Deployment /)],
      ]);
    });
  });
});
