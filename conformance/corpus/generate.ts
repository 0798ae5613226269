/**
 * Writes the generated part of the conformance corpus (conformance/corpus/generated-*.yaml): for every Pod
 * Security Standards control, the allowed and the forbidden values at each place the control reads (pod level,
 * containers, init containers, ephemeral containers, annotations), the inheritance between pod and container
 * settings, the exemptions of the admission code (Windows pods, user namespaces, versions) and the same pods inside
 * every workload kind. The hand-written realistic manifests live in realistic-*.yaml.
 *
 * Run: npx ts-node --project tsconfig.dev.json conformance/corpus/generate.ts   (the files are committed)
 */
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';

type Json = any;
interface Case { readonly name: string; readonly note: string; readonly pod: Json; readonly annotations?: Json }

const CASE_ANNOTATION = 'conformance.cdk8s-hardened.dev/case';

/** A pod spec that passes the restricted profile at every version. */
function compliant(): Json {
  return {
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [{
      name: 'app',
      image: 'registry.example.com/app:1.0.0',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    }],
  };
}

function withContainer(mutate: (c: Json, spec: Json) => void, where: 'containers' | 'initContainers' | 'ephemeralContainers' = 'containers'): Json {
  const spec = compliant();
  if (where !== 'containers') {
    spec[where] = [{
      name: where === 'initContainers' ? 'init' : 'debug',
      image: 'registry.example.com/tool:1.0.0',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    }];
  }
  mutate(spec[where][0], spec);
  return spec;
}
function withPod(mutate: (spec: Json) => void): Json {
  const spec = compliant();
  mutate(spec);
  return spec;
}
const sc = (c: Json) => (c.securityContext = c.securityContext ?? {});

const cases: { [file: string]: Case[] } = {};
function add(file: string, name: string, note: string, pod: Json, annotations?: Json) {
  (cases[file] = cases[file] ?? []).push({ name, note, pod, annotations });
}

const PLACES = ['containers', 'initContainers', 'ephemeralContainers'] as const;
const short = { containers: 'ctr', initContainers: 'init', ephemeralContainers: 'eph' } as const;

// ---------------------------------------------------------------------------------------------- baseline
add('baseline', 'compliant', 'the restricted-compliant base pod', compliant());

// windowsHostProcess
for (const v of [true, false]) {
  add('baseline', `hostprocess-pod-${v}`, `pod windowsOptions.hostProcess: ${v}`, withPod(s => { s.securityContext.windowsOptions = { hostProcess: v }; }));
}
for (const where of PLACES) {
  add('baseline', `hostprocess-${short[where]}-true`, `${where} windowsOptions.hostProcess: true`, withContainer(c => { sc(c).windowsOptions = { hostProcess: true }; }, where));
}
add('baseline', 'hostprocess-ctr-false', 'container hostProcess: false', withContainer(c => { sc(c).windowsOptions = { hostProcess: false, runAsUserName: 'ContainerUser' }; }));

// hostNamespaces
for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) {
  for (const v of [true, false]) add('baseline', `${f.toLowerCase()}-${v}`, `${f}: ${v}`, withPod(s => { s[f] = v; }));
}
add('baseline', 'hostnamespaces-all', 'hostNetwork, hostPID and hostIPC all true', withPod(s => { s.hostNetwork = true; s.hostPID = true; s.hostIPC = true; }));

// privileged
for (const where of PLACES) {
  add('baseline', `privileged-${short[where]}-true`, `${where} privileged: true`, withContainer(c => { sc(c).privileged = true; }, where));
}
add('baseline', 'privileged-ctr-false', 'privileged: false', withContainer(c => { sc(c).privileged = false; }));

// capabilities_baseline / capabilities_restricted
const BASELINE_CAPS = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];
for (const cap of BASELINE_CAPS) {
  add('capabilities', `cap-add-${cap.toLowerCase().replace(/_/g, '-')}`, `capabilities.add: [${cap}] (baseline allows it)`, withContainer(c => { sc(c).capabilities.add = [cap]; }));
}
for (const cap of ['NET_RAW', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'ALL', 'CAP_CHOWN', 'chown', 'BPF']) {
  add('capabilities', `cap-add-bad-${cap.toLowerCase().replace(/_/g, '-')}`, `capabilities.add: [${cap}] (baseline forbids it)`, withContainer(c => { sc(c).capabilities.add = [cap]; }));
}
for (const where of PLACES) {
  add('capabilities', `cap-add-sysadmin-${short[where]}`, `${where} adds SYS_ADMIN`, withContainer(c => { sc(c).capabilities.add = ['SYS_ADMIN']; }, where));
  add('capabilities', `cap-nodrop-${short[where]}`, `${where} drops nothing`, withContainer(c => { delete sc(c).capabilities; }, where));
}
add('capabilities', 'cap-add-empty', 'capabilities.add: []', withContainer(c => { sc(c).capabilities.add = []; }));
add('capabilities', 'cap-add-mixed', 'add NET_BIND_SERVICE and CHOWN', withContainer(c => { sc(c).capabilities.add = ['NET_BIND_SERVICE', 'CHOWN']; }));
add('capabilities', 'cap-drop-net-raw', 'drop [NET_RAW] only', withContainer(c => { sc(c).capabilities.drop = ['NET_RAW']; }));
add('capabilities', 'cap-drop-all-lower', 'drop [all] (lower case)', withContainer(c => { sc(c).capabilities.drop = ['all']; }));
add('capabilities', 'cap-drop-all-and-more', 'drop [NET_RAW, ALL]', withContainer(c => { sc(c).capabilities.drop = ['NET_RAW', 'ALL']; }));
add('capabilities', 'cap-drop-empty', 'drop []', withContainer(c => { sc(c).capabilities.drop = []; }));
add('capabilities', 'cap-drop-cap-all', 'drop [CAP_ALL]', withContainer(c => { sc(c).capabilities.drop = ['CAP_ALL']; }));
add('capabilities', 'cap-empty-object', 'capabilities: {}', withContainer(c => { sc(c).capabilities = {}; }));
add('capabilities', 'cap-windows-nodrop', 'spec.os.name windows, no drop (restricted exempts it from 1.25)', withPod(s => { s.os = { name: 'windows' }; delete s.containers[0].securityContext.capabilities; }));
add('capabilities', 'cap-windows-add-sysadmin', 'spec.os.name windows, add SYS_ADMIN', withPod(s => { s.os = { name: 'windows' }; s.containers[0].securityContext.capabilities.add = ['SYS_ADMIN']; }));
add('capabilities', 'cap-linux-nodrop', 'spec.os.name linux, no drop', withPod(s => { s.os = { name: 'linux' }; delete s.containers[0].securityContext.capabilities; }));

// hostPathVolumes / restrictedVolumes
const ALLOWED_VOLUMES: { [k: string]: Json } = {
  configMap: { name: 'cm' },
  csi: { driver: 'csi.example.com' },
  downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
  emptyDir: {},
  ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } },
  persistentVolumeClaim: { claimName: 'data' },
  projected: { sources: [{ serviceAccountToken: { path: 'token' } }] },
  secret: { secretName: 's' },
  image: { reference: 'registry.example.com/data:1.0.0' },
};
const OTHER_VOLUMES: { [k: string]: Json } = {
  hostPath: { path: '/var/log' },
  nfs: { server: 'nfs.example.com', path: '/exports' },
  iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0 },
  rbd: { monitors: ['10.0.0.1:6789'], image: 'img' },
  gitRepo: { repository: 'https://example.com/repo.git' },
  awsElasticBlockStore: { volumeID: 'vol-1' },
  gcePersistentDisk: { pdName: 'disk' },
  azureFile: { secretName: 's', shareName: 'share' },
  cephfs: { monitors: ['10.0.0.1:6789'] },
  fc: { wwids: ['3600508b400105e210000900000490000'] },
  flexVolume: { driver: 'example.com/flex' },
  glusterfs: { endpoints: 'ep', path: 'vol' },
  portworxVolume: { volumeID: 'px' },
};
for (const [type, source] of Object.entries({ ...ALLOWED_VOLUMES, ...OTHER_VOLUMES })) {
  add('volumes', `volume-${type.toLowerCase()}`, `one ${type} volume`, withPod(s => { s.volumes = [{ name: 'v', [type]: source }]; }));
}
add('volumes', 'volume-hostpath-socket', 'hostPath /var/run/docker.sock', withPod(s => { s.volumes = [{ name: 'sock', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } }]; }));
add('volumes', 'volume-mixed', 'an emptyDir and an nfs volume', withPod(s => { s.volumes = [{ name: 'a', emptyDir: {} }, { name: 'b', nfs: { server: 'n', path: '/' } }]; }));
add('volumes', 'volume-no-source', 'a volume with only a name (defaulted to emptyDir by the API server; PSA sees no source)', withPod(s => { s.volumes = [{ name: 'bare' }]; }));
add('volumes', 'volume-empty-list', 'volumes: []', withPod(s => { s.volumes = []; }));

// hostPorts
for (const where of PLACES) {
  add('baseline', `hostport-${short[where]}-8080`, `${where} hostPort 8080`, withContainer(c => { c.ports = [{ containerPort: 8080, hostPort: 8080 }]; }, where));
}
add('baseline', 'hostport-zero', 'hostPort: 0', withContainer(c => { c.ports = [{ containerPort: 8080, hostPort: 0 }]; }));
add('baseline', 'hostport-none', 'containerPort only', withContainer(c => { c.ports = [{ containerPort: 8080, name: 'http' }]; }));
add('baseline', 'hostport-second', 'second port has a hostPort', withContainer(c => { c.ports = [{ containerPort: 8080 }, { containerPort: 9090, hostPort: 9090, protocol: 'UDP' }]; }));

// hostProbesAndHostLifecycle
for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
  for (const handler of ['httpGet', 'tcpSocket']) {
    const h = handler === 'httpGet' ? { path: '/healthz', port: 8080 } : { port: 8080 };
    add('probes', `${probe.toLowerCase()}-${handler.toLowerCase()}-host`, `${probe}.${handler}.host set`, withContainer(c => { c[probe] = { [handler]: { ...h, host: '169.254.169.254' } }; }));
    add('probes', `${probe.toLowerCase()}-${handler.toLowerCase()}-nohost`, `${probe}.${handler} without host`, withContainer(c => { c[probe] = { [handler]: h }; }));
  }
}
for (const hook of ['postStart', 'preStop']) {
  for (const handler of ['httpGet', 'tcpSocket']) {
    const h = handler === 'httpGet' ? { path: '/hook', port: 8080 } : { port: 8080 };
    add('probes', `lifecycle-${hook.toLowerCase()}-${handler.toLowerCase()}-host`, `lifecycle.${hook}.${handler}.host set`, withContainer(c => { c.lifecycle = { [hook]: { [handler]: { ...h, host: 'metadata.internal' } } }; }));
  }
}
add('probes', 'probe-host-empty', 'livenessProbe.httpGet.host: ""', withContainer(c => { c.livenessProbe = { httpGet: { path: '/', port: 8080, host: '' } }; }));
add('probes', 'probe-exec', 'exec probe and grpc probe', withContainer(c => { c.livenessProbe = { exec: { command: ['true'] } }; c.readinessProbe = { grpc: { port: 9000 } }; }));
add('probes', 'probe-host-init', 'init container lifecycle host', withContainer(c => { c.lifecycle = { preStop: { httpGet: { path: '/', port: 80, host: 'x' } } }; }, 'initContainers'));
add('probes', 'probe-host-eph', 'ephemeral container readiness host', withContainer(c => { c.readinessProbe = { tcpSocket: { port: 80, host: 'x' } }; }, 'ephemeralContainers'));
add('probes', 'lifecycle-sleep', 'lifecycle sleep and exec hooks', withContainer(c => { c.lifecycle = { preStop: { sleep: { seconds: 5 } }, postStart: { exec: { command: ['true'] } } }; }));

// appArmorProfile
for (const t of ['RuntimeDefault', 'Localhost', 'Unconfined']) {
  const p = t === 'Localhost' ? { type: t, localhostProfile: 'k8s-apparmor-example' } : { type: t };
  add('apparmor', `apparmor-pod-${t.toLowerCase()}`, `pod appArmorProfile ${t}`, withPod(s => { s.securityContext.appArmorProfile = p; }));
  add('apparmor', `apparmor-ctr-${t.toLowerCase()}`, `container appArmorProfile ${t}`, withContainer(c => { sc(c).appArmorProfile = p; }));
}
add('apparmor', 'apparmor-init-unconfined', 'init container appArmorProfile Unconfined', withContainer(c => { sc(c).appArmorProfile = { type: 'Unconfined' }; }, 'initContainers'));
add('apparmor', 'apparmor-eph-unconfined', 'ephemeral container appArmorProfile Unconfined', withContainer(c => { sc(c).appArmorProfile = { type: 'Unconfined' }; }, 'ephemeralContainers'));
add('apparmor', 'apparmor-pod-unconfined-ctr-default', 'pod Unconfined, container RuntimeDefault', withPod(s => { s.securityContext.appArmorProfile = { type: 'Unconfined' }; s.containers[0].securityContext.appArmorProfile = { type: 'RuntimeDefault' }; }));
for (const [n, v] of Object.entries({ 'runtime-default': 'runtime/default', 'localhost': 'localhost/k8s-apparmor-example', 'unconfined': 'unconfined', 'empty': '', 'other': 'docker/default' })) {
  add('apparmor', `apparmor-annotation-${n}`, `annotation container.apparmor.security.beta.kubernetes.io/app: "${v}"`, compliant(), { 'container.apparmor.security.beta.kubernetes.io/app': v });
}
add('apparmor', 'apparmor-annotation-other-ctr', 'annotation for a container name the pod does not have', compliant(), { 'container.apparmor.security.beta.kubernetes.io/ghost': 'unconfined' });

// seLinuxOptions
for (const t of ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t', 'spc_t', 'unconfined_t', '']) {
  add('selinux', `selinux-pod-type-${t ? t.replace(/_/g, '-') : 'empty'}`, `pod seLinuxOptions.type "${t}"`, withPod(s => { s.securityContext.seLinuxOptions = { type: t }; }));
}
add('selinux', 'selinux-ctr-type-spc', 'container seLinuxOptions.type spc_t', withContainer(c => { sc(c).seLinuxOptions = { type: 'spc_t' }; }));
add('selinux', 'selinux-ctr-type-engine', 'container seLinuxOptions.type container_engine_t', withContainer(c => { sc(c).seLinuxOptions = { type: 'container_engine_t' }; }));
add('selinux', 'selinux-init-type-spc', 'init container type spc_t', withContainer(c => { sc(c).seLinuxOptions = { type: 'spc_t' }; }, 'initContainers'));
add('selinux', 'selinux-eph-user', 'ephemeral container user', withContainer(c => { sc(c).seLinuxOptions = { user: 'system_u' }; }, 'ephemeralContainers'));
add('selinux', 'selinux-pod-user', 'pod seLinuxOptions.user system_u', withPod(s => { s.securityContext.seLinuxOptions = { user: 'system_u' }; }));
add('selinux', 'selinux-pod-role', 'pod seLinuxOptions.role sysadm_r', withPod(s => { s.securityContext.seLinuxOptions = { role: 'sysadm_r' }; }));
add('selinux', 'selinux-ctr-role', 'container seLinuxOptions.role', withContainer(c => { sc(c).seLinuxOptions = { role: 'object_r' }; }));
add('selinux', 'selinux-pod-level', 'pod seLinuxOptions.level s0:c123,c456 (allowed)', withPod(s => { s.securityContext.seLinuxOptions = { level: 's0:c123,c456' }; }));
add('selinux', 'selinux-empty-strings', 'user and role empty strings', withPod(s => { s.securityContext.seLinuxOptions = { user: '', role: '', type: '' }; }));

// procMount / procMount_restricted
for (const v of ['Default', 'Unmasked', 'Other']) {
  add('procmount', `procmount-${v.toLowerCase()}`, `procMount: ${v}`, withContainer(c => { sc(c).procMount = v; }));
  add('procmount', `procmount-${v.toLowerCase()}-userns`, `procMount: ${v} with hostUsers: false`, withContainer((c, s) => { sc(c).procMount = v; s.hostUsers = false; }));
}
add('procmount', 'procmount-unmasked-hostusers-true', 'procMount Unmasked with hostUsers: true', withContainer((c, s) => { sc(c).procMount = 'Unmasked'; s.hostUsers = true; }));
add('procmount', 'procmount-init-unmasked', 'init container Unmasked', withContainer(c => { sc(c).procMount = 'Unmasked'; }, 'initContainers'));
add('procmount', 'procmount-eph-unmasked-userns', 'ephemeral container Unmasked in a user namespace', withContainer((c, s) => { sc(c).procMount = 'Unmasked'; s.hostUsers = false; }, 'ephemeralContainers'));

// seccomp
for (const t of ['RuntimeDefault', 'Localhost', 'Unconfined']) {
  const p = t === 'Localhost' ? { type: t, localhostProfile: 'profiles/audit.json' } : { type: t };
  add('seccomp', `seccomp-pod-${t.toLowerCase()}`, `pod seccompProfile ${t}`, withPod(s => { s.securityContext.seccompProfile = p; }));
  add('seccomp', `seccomp-ctr-${t.toLowerCase()}`, `container seccompProfile ${t} over pod RuntimeDefault`, withContainer(c => { sc(c).seccompProfile = p; }));
  add('seccomp', `seccomp-ctr-only-${t.toLowerCase()}`, `no pod seccompProfile, container ${t}`, withContainer((c, s) => { delete s.securityContext.seccompProfile; sc(c).seccompProfile = p; }));
}
add('seccomp', 'seccomp-none', 'no seccompProfile anywhere', withPod(s => { delete s.securityContext.seccompProfile; }));
add('seccomp', 'seccomp-pod-unconfined-ctr-default', 'pod Unconfined, container RuntimeDefault', withPod(s => { s.securityContext.seccompProfile = { type: 'Unconfined' }; s.containers[0].securityContext.seccompProfile = { type: 'RuntimeDefault' }; }));
add('seccomp', 'seccomp-one-of-two', 'no pod profile; only the first of two containers sets one', withPod(s => {
  delete s.securityContext.seccompProfile;
  s.containers[0].securityContext.seccompProfile = { type: 'RuntimeDefault' };
  s.containers.push({ name: 'side', image: 'registry.example.com/side:1.0.0', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } });
}));
add('seccomp', 'seccomp-init-missing', 'no pod profile; container sets one, init container does not', withContainer((_c, s) => {
  delete s.securityContext.seccompProfile;
  s.containers[0].securityContext.seccompProfile = { type: 'RuntimeDefault' };
}, 'initContainers'));
add('seccomp', 'seccomp-eph-unconfined', 'ephemeral container Unconfined', withContainer(c => { sc(c).seccompProfile = { type: 'Unconfined' }; }, 'ephemeralContainers'));
add('seccomp', 'seccomp-windows-none', 'windows pod without seccomp', withPod(s => { s.os = { name: 'windows' }; delete s.securityContext.seccompProfile; }));
add('seccomp', 'seccomp-windows-unconfined', 'windows pod with Unconfined', withPod(s => { s.os = { name: 'windows' }; s.securityContext.seccompProfile = { type: 'Unconfined' }; }));
add('seccomp', 'seccomp-legacy-annotation-unconfined', 'legacy seccomp.security.alpha.kubernetes.io/pod: unconfined annotation (fields win from 1.19)', compliant(), { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' });

// sysctls
const SYSCTLS = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem', 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat',
  'kernel.msgmax', 'net.core.somaxconn', 'vm.max_map_count', 'kernel.shm_rmid_forced ', 'net/ipv4/tcp_syncookies', 'net.ipv4.tcp_keepalive_time.x'];
for (const name of SYSCTLS) {
  add('sysctls', `sysctl-${name.trim().replace(/[._/]/g, '-')}${name.endsWith(' ') ? '-space' : ''}${name.includes('/') ? '-slashes' : ''}`, `sysctl "${name}"`, withPod(s => { s.securityContext.sysctls = [{ name, value: '1' }]; }));
}
add('sysctls', 'sysctl-mixed', 'one allowed and one unsafe sysctl', withPod(s => { s.securityContext.sysctls = [{ name: 'net.ipv4.tcp_syncookies', value: '1' }, { name: 'kernel.sem', value: '1 2 3 4' }]; }));
add('sysctls', 'sysctl-empty', 'sysctls: []', withPod(s => { s.securityContext.sysctls = []; }));

// ---------------------------------------------------------------------------------------------- restricted
// allowPrivilegeEscalation
for (const where of PLACES) {
  add('restricted', `ape-${short[where]}-unset`, `${where} allowPrivilegeEscalation unset`, withContainer(c => { delete sc(c).allowPrivilegeEscalation; }, where));
  add('restricted', `ape-${short[where]}-true`, `${where} allowPrivilegeEscalation true`, withContainer(c => { sc(c).allowPrivilegeEscalation = true; }, where));
}
add('restricted', 'ape-windows-unset', 'windows pod, allowPrivilegeEscalation unset', withPod(s => { s.os = { name: 'windows' }; delete s.containers[0].securityContext.allowPrivilegeEscalation; }));
add('restricted', 'ape-no-securitycontext', 'container without securityContext', withPod(s => { delete s.containers[0].securityContext; }));
add('restricted', 'ape-null-securitycontext', 'container securityContext: null', withPod(s => { s.containers[0].securityContext = null; }));

// runAsNonRoot
add('restricted', 'ranr-pod-unset', 'no runAsNonRoot anywhere', withPod(s => { delete s.securityContext.runAsNonRoot; }));
add('restricted', 'ranr-pod-false', 'pod runAsNonRoot false', withPod(s => { s.securityContext.runAsNonRoot = false; }));
add('restricted', 'ranr-ctr-only', 'pod unset, the container sets true', withPod(s => { delete s.securityContext.runAsNonRoot; s.containers[0].securityContext.runAsNonRoot = true; }));
add('restricted', 'ranr-ctr-false', 'pod true, container false', withContainer(c => { sc(c).runAsNonRoot = false; }));
add('restricted', 'ranr-pod-false-ctr-true', 'pod false, container true', withPod(s => { s.securityContext.runAsNonRoot = false; s.containers[0].securityContext.runAsNonRoot = true; }));
add('restricted', 'ranr-ctr-only-init-missing', 'pod unset, container true, init container unset', withContainer((_c, s) => { delete s.securityContext.runAsNonRoot; s.containers[0].securityContext.runAsNonRoot = true; }, 'initContainers'));
add('restricted', 'ranr-ctr-only-eph-missing', 'pod unset, container true, ephemeral container unset', withContainer((_c, s) => { delete s.securityContext.runAsNonRoot; s.containers[0].securityContext.runAsNonRoot = true; }, 'ephemeralContainers'));
add('restricted', 'ranr-eph-false', 'ephemeral container runAsNonRoot false', withContainer(c => { sc(c).runAsNonRoot = false; }, 'ephemeralContainers'));
add('restricted', 'ranr-userns-unset', 'hostUsers false, no runAsNonRoot (relaxed from 1.35)', withPod(s => { delete s.securityContext.runAsNonRoot; s.hostUsers = false; }));
add('restricted', 'ranr-userns-false', 'hostUsers false, runAsNonRoot false', withPod(s => { s.securityContext.runAsNonRoot = false; s.hostUsers = false; }));
add('restricted', 'ranr-hostusers-true', 'hostUsers true, no runAsNonRoot', withPod(s => { delete s.securityContext.runAsNonRoot; s.hostUsers = true; }));
add('restricted', 'ranr-windows-unset', 'windows pod, no runAsNonRoot (not exempt)', withPod(s => { s.os = { name: 'windows' }; delete s.securityContext.runAsNonRoot; }));
add('restricted', 'ranr-runasuser-only', 'no runAsNonRoot but runAsUser 10001 (PSA still requires runAsNonRoot)', withPod(s => { delete s.securityContext.runAsNonRoot; s.securityContext.runAsUser = 10001; }));

// runAsUser
for (const [where, v] of [['pod', 0], ['pod', 1000], ['pod', 10001], ['ctr', 0], ['ctr', 65534]] as const) {
  add('restricted', `rau-${where}-${v}`, `${where} runAsUser ${v}`, where === 'pod' ? withPod(s => { s.securityContext.runAsUser = v; }) : withContainer(c => { sc(c).runAsUser = v; }));
}
add('restricted', 'rau-init-0', 'init container runAsUser 0', withContainer(c => { sc(c).runAsUser = 0; }, 'initContainers'));
add('restricted', 'rau-eph-0', 'ephemeral container runAsUser 0', withContainer(c => { sc(c).runAsUser = 0; }, 'ephemeralContainers'));
add('restricted', 'rau-pod-0-ctr-1000', 'pod 0, container 1000 (the pod-level value still fails)', withPod(s => { s.securityContext.runAsUser = 0; s.containers[0].securityContext.runAsUser = 1000; }));
add('restricted', 'rau-userns-0', 'hostUsers false, runAsUser 0 (relaxed from 1.35)', withPod(s => { s.securityContext.runAsUser = 0; s.hostUsers = false; }));
add('restricted', 'rau-userns-ctr-0', 'hostUsers false, container runAsUser 0', withContainer((c, s) => { sc(c).runAsUser = 0; s.hostUsers = false; }));
add('restricted', 'rau-windows-0', 'windows pod, runAsUser 0', withPod(s => { s.os = { name: 'windows' }; s.securityContext.runAsUser = 0; }));
add('restricted', 'rau-group-0', 'runAsGroup 0, fsGroup 0 and supplementalGroups [0] (not a PSA check)', withPod(s => { s.securityContext.runAsGroup = 0; s.securityContext.fsGroup = 0; s.securityContext.supplementalGroups = [0]; }));

// a pod that fails almost everything
add('restricted', 'everything-bad', 'fails every control at once', {
  hostNetwork: true,
  hostPID: true,
  hostIPC: true,
  securityContext: { runAsUser: 0, runAsNonRoot: false, seccompProfile: { type: 'Unconfined' }, seLinuxOptions: { type: 'spc_t', user: 'root' }, sysctls: [{ name: 'kernel.msgmax', value: '1' }], appArmorProfile: { type: 'Unconfined' }, windowsOptions: { hostProcess: true } },
  volumes: [{ name: 'root', hostPath: { path: '/' } }, { name: 'nfs', nfs: { server: 'n', path: '/' } }],
  containers: [{
    name: 'bad',
    image: 'bad:latest',
    ports: [{ containerPort: 80, hostPort: 80 }],
    livenessProbe: { httpGet: { path: '/', port: 80, host: 'evil.example.com' } },
    securityContext: { privileged: true, allowPrivilegeEscalation: true, procMount: 'Unmasked', capabilities: { add: ['SYS_ADMIN', 'NET_RAW'] }, runAsUser: 0 },
  }],
});
add('restricted', 'minimal', 'the smallest pod: one container, nothing set', { containers: [{ name: 'c', image: 'registry.example.com/c:1' }] });

// ---------------------------------------------------------------------------------------------- version boundaries
// One pod per version boundary that the rules encode (src/rules/pss/private/versions.ts and sysctls.ts): each fails
// on one side of its boundary and passes on the other, and the default conformance run compares both sides.
const BOUNDARY = 'boundary';
add(BOUNDARY, 'b1-8-ape-unset', 'allowPrivilegeEscalation unset: restricted from 1.8, allowed at 1.7', withContainer(c => { delete sc(c).allowPrivilegeEscalation; }));
add(BOUNDARY, 'b1-8-ape-true-init', 'init container allowPrivilegeEscalation true: restricted from 1.8', withContainer(c => { sc(c).allowPrivilegeEscalation = true; }, 'initContainers'));
for (const [n, v] of Object.entries({ 'unconfined': 'unconfined', 'runtime-default': 'runtime/default', 'docker-default': 'docker/default', 'localhost': 'localhost/profile.json', 'empty': '', 'other': 'foo' })) {
  add(BOUNDARY, `b1-19-seccomp-pod-annotation-${n}`, `seccomp.security.alpha.kubernetes.io/pod: "${v}" (read before 1.19, ignored from 1.19)`, compliant(), { 'seccomp.security.alpha.kubernetes.io/pod': v });
}
add(BOUNDARY, 'b1-19-seccomp-ctr-annotation-unconfined', 'container.seccomp.security.alpha.kubernetes.io/app: unconfined (read before 1.19)', compliant(), { 'container.seccomp.security.alpha.kubernetes.io/app': 'unconfined' });
add(BOUNDARY, 'b1-19-seccomp-init-annotation-unconfined', 'container annotation for the init container (read before 1.19)', withContainer(() => undefined, 'initContainers'), { 'container.seccomp.security.alpha.kubernetes.io/init': 'unconfined' });
add(BOUNDARY, 'b1-19-seccomp-field-unconfined', 'seccompProfile Unconfined on the pod (read from 1.19; before it only annotations count)', withPod(s => { s.securityContext.seccompProfile = { type: 'Unconfined' }; }));
add(BOUNDARY, 'b1-19-seccomp-unset', 'no seccompProfile: restricted requires one from 1.19', withPod(s => { delete s.securityContext.seccompProfile; }));
add(BOUNDARY, 'b1-22-cap-nodrop', 'drops nothing: capabilities_restricted from 1.22', withContainer(c => { delete sc(c).capabilities; }));
add(BOUNDARY, 'b1-22-cap-add-chown', 'adds CHOWN: baseline allows it; restricted forbids it from 1.22', withContainer(c => { sc(c).capabilities.add = ['CHOWN']; }));
add(BOUNDARY, 'b1-22-cap-add-sysadmin-nodrop', 'adds SYS_ADMIN, drops nothing: capabilities_baseline at restricted before 1.22, capabilities_restricted from 1.22', withContainer(c => { sc(c).capabilities = { add: ['SYS_ADMIN'] }; }));
add(BOUNDARY, 'b1-23-rau-pod-0', 'pod runAsUser 0: runAsUser from 1.23', withPod(s => { s.securityContext.runAsUser = 0; }));
add(BOUNDARY, 'b1-23-rau-eph-0', 'ephemeral container runAsUser 0: runAsUser from 1.23', withContainer(c => { sc(c).runAsUser = 0; }, 'ephemeralContainers'));
add(BOUNDARY, 'b1-25-windows-bare', 'windows pod with no restricted settings: exempt from allowPrivilegeEscalation, capabilities and seccomp from 1.25', withPod(s => {
  s.os = { name: 'windows' };
  delete s.securityContext.seccompProfile;
  s.containers[0].securityContext = {};
}));
add(BOUNDARY, 'b1-25-windows-upper', 'spec.os.name "Windows" (not the exempt value)', withPod(s => { s.os = { name: 'Windows' }; delete s.containers[0].securityContext.allowPrivilegeEscalation; }));
for (const name of ['net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_wmem', 'net.ipv4.tcp_notsent_lowat']) {
  add(BOUNDARY, `b-sysctl-${name.replace(/[._]/g, '-')}`, `sysctl ${name}: safe from the version that added it`, withPod(s => { s.securityContext.sysctls = [{ name, value: '1' }]; }));
}
add(BOUNDARY, 'b1-31-selinux-engine-ctr', 'container seLinuxOptions.type container_engine_t: allowed from 1.31', withContainer(c => { sc(c).seLinuxOptions = { type: 'container_engine_t' }; }, 'initContainers'));
add(BOUNDARY, 'b1-34-probe-host', 'readinessProbe.httpGet.host: hostProbesAndHostLifecycle from 1.34', withContainer(c => { c.readinessProbe = { httpGet: { path: '/', port: 8080, host: '10.0.0.1' } }; }));
add(BOUNDARY, 'b1-34-lifecycle-host-eph', 'ephemeral container lifecycle tcpSocket.host: from 1.34', withContainer(c => { c.lifecycle = { postStart: { tcpSocket: { port: 80, host: 'node' } } }; }, 'ephemeralContainers'));
add(BOUNDARY, 'b1-35-userns-root', 'hostUsers false, runAsUser 0 and no runAsNonRoot: both relaxed from 1.35', withPod(s => { s.hostUsers = false; s.securityContext.runAsUser = 0; delete s.securityContext.runAsNonRoot; }));
add(BOUNDARY, 'b1-35-userns-unmasked', 'hostUsers false, procMount Unmasked: procMount relaxed at baseline from 1.35, procMount_restricted forbids it', withContainer((c, s) => { sc(c).procMount = 'Unmasked'; s.hostUsers = false; }));
add(BOUNDARY, 'b1-35-unmasked', 'procMount Unmasked without a user namespace: procMount before 1.35, procMount_restricted at restricted from 1.35', withContainer(c => { sc(c).procMount = 'Unmasked'; }));

// ---------------------------------------------------------------------------------------------- workloads
/** The same pod template inside every workload kind. */
function wrap(kind: string, name: string, annotations: Json, pod: Json): Json {
  const meta = { name, annotations };
  const template = { metadata: { labels: { app: name } }, spec: pod };
  const selector = { matchLabels: { app: name } };
  switch (kind) {
    case 'Pod': return { apiVersion: 'v1', kind, metadata: meta, spec: pod };
    case 'PodTemplate': return { apiVersion: 'v1', kind, metadata: meta, template };
    case 'ReplicationController': return { apiVersion: 'v1', kind, metadata: meta, spec: { selector: { app: name }, template } };
    case 'Deployment': case 'ReplicaSet': case 'DaemonSet': return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { selector, template } };
    case 'StatefulSet': return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { selector, serviceName: name, template } };
    case 'Job': return { apiVersion: 'batch/v1', kind, metadata: meta, spec: { template: { ...template, spec: { restartPolicy: 'Never', ...pod } } } };
    case 'CronJob': return { apiVersion: 'batch/v1', kind, metadata: meta, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { ...template, spec: { restartPolicy: 'OnFailure', ...pod } } } } } };
    default: throw new Error(kind);
  }
}
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate'];
/**
 * The API versions each pod-bearing kind has been served at, besides the one `wrap` writes (v1, apps/v1,
 * batch/v1): the API server converts them to the same pod template, so PSA judges them alike.
 */
const OLDER_API_VERSIONS: { [kind: string]: string[] } = {
  Deployment: ['apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1'],
  DaemonSet: ['apps/v1beta2', 'extensions/v1beta1'],
  ReplicaSet: ['apps/v1beta2', 'extensions/v1beta1'],
  StatefulSet: ['apps/v1beta1', 'apps/v1beta2'],
  CronJob: ['batch/v1beta1', 'batch/v2alpha1'],
};
const workloadPods: [string, Json][] = [
  ['compliant', compliant()],
  ['hostnetwork', withPod(s => { s.hostNetwork = true; })],
  ['no-seccomp', withPod(s => { delete s.securityContext.seccompProfile; })],
  ['init-root', withContainer(c => { sc(c).runAsUser = 0; }, 'initContainers')],
  ['userns-unmasked', withContainer((c, s) => { sc(c).procMount = 'Unmasked'; s.hostUsers = false; delete s.securityContext.runAsNonRoot; })],
];
const workloads: Json[] = [];
for (const kind of KINDS) {
  for (const [n, pod] of workloadPods) {
    workloads.push(wrap(kind, `${kind.toLowerCase()}-${n}`, { [CASE_ANNOTATION]: `${kind} whose pod template is "${n}"` }, JSON.parse(JSON.stringify(pod))));
  }
}
for (const [kind, versions] of Object.entries(OLDER_API_VERSIONS)) {
  for (const apiVersion of versions) {
    for (const [n, pod] of workloadPods) {
      const name = `${kind.toLowerCase()}-${apiVersion.replace(/\//g, '-')}-${n}`;
      workloads.push({ ...wrap(kind, name, { [CASE_ANNOTATION]: `${apiVersion} ${kind} whose pod template is "${n}"` }, JSON.parse(JSON.stringify(pod))), apiVersion });
    }
  }
}
// Pod metadata annotations are read from the template, not from the workload's own metadata.
workloads.push({
  ...wrap('Deployment', 'deployment-apparmor-annotation-on-workload', { [CASE_ANNOTATION]: 'AppArmor annotation on the Deployment, not on its template (PSA reads the template)', 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }, compliant()),
});
const onTemplate = wrap('Deployment', 'deployment-apparmor-annotation-on-template', { [CASE_ANNOTATION]: 'AppArmor annotation on the template' }, compliant());
onTemplate.spec.template.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' };
workloads.push(onTemplate);
// Objects without a pod: PSA evaluates nothing, and neither must we.
workloads.push(
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'no-pod-service' }, spec: { selector: { app: 'x' }, ports: [{ port: 80 }] } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'no-pod-configmap' }, data: { hostNetwork: 'true' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'no-pod-namespace', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'no-pod-sa' } },
);

// ---------------------------------------------------------------------------------------------- write
// Written with YAML 1.1 quoting, so strings that kubectl's YAML reader would take for booleans or numbers (`n`, `yes`) stay strings.
const HEADER = '# Generated by conformance/corpus/generate.ts: do not edit; change the generator and run it again.\n';
const dir = __dirname;
let total = 0;
for (const [file, list] of Object.entries(cases)) {
  const docs = list.map(c => {
    const kind = 'Pod';
    return wrap(kind, c.name, { [CASE_ANNOTATION]: c.note, ...(c.annotations ?? {}) }, c.pod);
  });
  total += docs.length;
  fs.writeFileSync(path.join(dir, `generated-${file}.yaml`), HEADER + docs.map(d => stringify(d, { lineWidth: 0, version: '1.1' })).join('---\n'));
}
total += workloads.length;
fs.writeFileSync(path.join(dir, 'generated-workloads.yaml'), HEADER + workloads.map(d => stringify(d, { lineWidth: 0, version: '1.1' })).join('---\n'));
console.log(`wrote ${total} objects`);
