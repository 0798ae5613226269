import { portsOf } from './private/container-ports';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget } from '../../private/cel-form';
import { containersOf, describeContainer, isObject, podTemplateOf } from '../../private/pod-template';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

/** A handler's port in CEL: a number, or a name among the container's named ports. */
const portDeclared = (port: string) => `(type(${port}) == int || ${port}.matches('^[0-9]+$') || (has(c.ports) && c.ports.exists(p, has(p.name) && p.name == ${port})))`;
const handlerOk = (h: string) => `((!has(${h}.httpGet) || ${portDeclared(`${h}.httpGet.port`)}) && (!has(${h}.tcpSocket) || ${portDeclared(`${h}.tcpSocket.port`)}))`;

/** The CEL form: every probe and lifecycle hook that names its port names one the container declares. */
export const PROBE_PORT_DECLARED_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: [
    ...PROBES.map(probe => `(!has(c.${probe}) || ${handlerOk(`c.${probe}`)})`),
    ...['postStart', 'preStop'].map(hook => `(!has(c.lifecycle) || !has(c.lifecycle.${hook}) || ${handlerOk(`c.lifecycle.${hook}`)})`),
  ].join(' && '),
  containerLists: ALL_CONTAINERS,
  problem: 'has a probe or lifecycle hook that names a port the container does not declare',
};

/**
 * Every probe (and lifecycle hook) that names its port (`port: http`) names a port its own container declares:
 * the kubelet looks the name up in that container's ports only. Numbered ports need no declaration.
 */
export class ProbePortDeclaredCheck implements IRuleCheck {
  public readonly celForm = PROBE_PORT_DECLARED_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    for (const ref of containersOf(pod)) {
      const declared = portsOf(ref.container).map(p => p.name).filter((n): n is string => !!n);
      const handlers: Array<{ field: string; handler: any }> = [];
      for (const probe of PROBES) {
        if (isObject(ref.container[probe])) handlers.push({ field: probe, handler: ref.container[probe] });
      }
      const lifecycle = isObject(ref.container.lifecycle) ? ref.container.lifecycle : {};
      for (const hook of ['postStart', 'preStop']) {
        if (isObject(lifecycle[hook])) handlers.push({ field: `lifecycle.${hook}`, handler: lifecycle[hook] });
      }
      for (const { field, handler } of handlers) {
        for (const kind of HANDLERS) {
          const port = isObject(handler[kind]) ? handler[kind].port : undefined;
          if (typeof port !== 'string' || /^\d+$/.test(port) || declared.includes(port)) continue;
          const consequence = field === 'readinessProbe' ? 'the container never becomes ready'
            : field.startsWith('lifecycle') ? 'the hook fails every time' : 'the kubelet restarts the container again and again';
          violations.push({
            message: `${describeContainer(ref)} ${field}.${kind}.port is "${port}", a port name the container does not declare `
              + `(${declared.length ? `its ports: ${declared.join(', ')}` : 'it declares no named port'}): the probe always fails, so ${consequence}; `
              + 'declare the port with that name in the container\'s ports, or give the port number',
            path: `${ref.path}.${field}.${kind}.port`,
          });
        }
      }
    }
    return violations;
  }
}
