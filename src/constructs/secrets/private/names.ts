/** What Kubernetes accepts as an object name (RFC 1123 subdomain). */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Keys of a Secret's data. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
/** Environment variable names the API server accepts (apimachinery IsEnvVarName). */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** Why `name` is not a valid Kubernetes object name, or undefined. */
export function objectNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim() === '') return 'it is empty';
  if (name.length > 253) return `it has ${name.length} characters and Kubernetes accepts at most 253`;
  if (!DNS_SUBDOMAIN.test(name)) return 'Kubernetes accepts lowercase letters, digits, "-" and ".", starting and ending with a letter or digit (RFC 1123 subdomain)';
  return undefined;
}

/** Why `key` is not a valid Secret data key, or undefined. */
export function secretKeyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string' || key === '') return 'it is empty';
  if (key.length > 253) return `it has ${key.length} characters and Kubernetes accepts at most 253`;
  if (!SECRET_KEY.test(key)) return 'a Secret key may hold only letters, digits, "-", "_" and "."';
  if (key === '.' || key === '..') return 'a Secret key may not be "." or ".."';
  return undefined;
}

/** Why `name` is not a valid environment variable name, or undefined. */
export function envVarNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') return 'it is empty';
  if (!ENV_VAR_NAME.test(name)) return 'Kubernetes accepts letters, digits, "-", "_" and ".", not starting with a digit ([-._a-zA-Z][-._a-zA-Z0-9]*)';
  return undefined;
}

/** Why `path` is not a safe relative file path inside a volume, or undefined. */
export function relativePathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '') return 'it is empty';
  if (path.startsWith('/')) return 'it must be relative to the mount path';
  if (path.split('/').some(segment => segment === '..' || segment === '')) return 'it may not contain ".." or empty segments';
  return undefined;
}

/** Why `path` is not a usable absolute mount path, or undefined. */
export function mountPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || !path.startsWith('/')) return 'it must be an absolute path such as /run/secrets/db';
  if (path.includes(':')) return 'it may not contain ":"';
  if (path.split('/').some(segment => segment === '..')) return 'it may not contain ".."';
  if (path === '/') return 'mounting over / would hide the whole filesystem';
  return undefined;
}
