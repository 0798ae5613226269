import { ApiObject, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { IAspect } from '../../src';

/**
 * A mutating aspect for manifests we did not write: it patches every Deployment's pod template with the
 * settings the vendor's image tolerates (non-root user, no privilege escalation, all capabilities dropped,
 * the runtime's seccomp profile, a read-only root with a writable /tmp, resources and probes).
 */
export class HardenIncludedPods implements IAspect {
  public visit(node: IConstruct): void {
    if (!ApiObject.isApiObject(node) || node.kind !== 'Deployment') return;
    const spec = '/spec/template/spec';
    node.addJsonPatch(
      JsonPatch.add(`${spec}/securityContext`, {
        runAsNonRoot: true,
        runAsUser: 10001,
        runAsGroup: 10001,
        fsGroup: 10001,
        seccompProfile: { type: 'RuntimeDefault' },
      }),
      JsonPatch.add(`${spec}/automountServiceAccountToken`, false),
      JsonPatch.add(`${spec}/volumes`, [{ name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }]),
      JsonPatch.add(`${spec}/containers/0/securityContext`, {
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      }),
      JsonPatch.add(`${spec}/containers/0/volumeMounts`, [{ name: 'tmp', mountPath: '/tmp' }]),
      JsonPatch.add(`${spec}/containers/0/resources`, {
        requests: { 'cpu': '250m', 'memory': '256Mi', 'ephemeral-storage': '1Gi' },
        limits: { 'cpu': '1', 'memory': '512Mi', 'ephemeral-storage': '2Gi' },
      }),
      JsonPatch.add(`${spec}/containers/0/readinessProbe`, { tcpSocket: { port: 8080 } }),
      JsonPatch.add(`${spec}/containers/0/livenessProbe`, { tcpSocket: { port: 8080 } }),
    );
  }
}
