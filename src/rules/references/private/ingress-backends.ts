import { ManifestObject } from '../../../engine/manifest-object';
import { isObject } from '../../../private/json';

/** One Service backend of an Ingress: the default backend or a path of a rule. */
export interface IngressBackend {
  readonly service: string;
  /** The Service port, by number or by name; undefined when the backend names none. */
  readonly port?: number | string;
  /** Dotted path of the backend. */
  readonly path: string;
  /** For messages: `the default backend`, `rules[0] (shop.example.com) path /api`. */
  readonly what: string;
}

/**
 * The Service backends of an Ingress, in networking.k8s.io/v1 form (`backend.service.name`, `port.number` or
 * `port.name`) and in the v1beta1 form (`serviceName`, `servicePort`). Resource backends are left out.
 */
export function ingressBackends(object: ManifestObject): IngressBackend[] {
  if (object.kind !== 'Ingress' || !['networking.k8s.io', 'extensions'].includes(object.apiGroup)) return [];
  const spec = isObject(object.manifest?.spec) ? object.manifest.spec : {};
  const result: IngressBackend[] = [];
  const add = (backend: unknown, path: string, what: string) => {
    if (!isObject(backend)) return;
    if (isObject(backend.service) && typeof backend.service.name === 'string' && backend.service.name) {
      const port = isObject(backend.service.port) ? backend.service.port : {};
      const value = typeof port.number === 'number' ? port.number : typeof port.name === 'string' && port.name ? port.name : undefined;
      result.push({ service: backend.service.name, port: value, path: `${path}.service`, what });
    } else if (typeof backend.serviceName === 'string' && backend.serviceName) {
      const p = backend.servicePort;
      result.push({ service: backend.serviceName, port: typeof p === 'number' || (typeof p === 'string' && p) ? p : undefined, path, what });
    }
  };
  add(spec.defaultBackend, 'spec.defaultBackend', 'the default backend');
  add(spec.backend, 'spec.backend', 'the default backend');
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule: any, i: number) => {
    const paths = isObject(rule) && isObject(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
    paths.forEach((p: any, j: number) => {
      if (!isObject(p)) return;
      const host = typeof rule.host === 'string' && rule.host ? ` (${rule.host})` : '';
      add(p.backend, `spec.rules[${i}].http.paths[${j}].backend`, `rules[${i}]${host} path ${typeof p.path === 'string' ? p.path : '/'}`);
    });
  });
  return result;
}
