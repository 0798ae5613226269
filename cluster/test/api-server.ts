/**
 * The test API server's REST API, called the way `kubectl create` calls it: one POST per object, with
 * `fieldManager=kubectl-create` and `fieldValidation=Strict` (kubectl's default `--validate=strict`), and the
 * `Warning` headers returned as kubectl prints them. One process and kept-alive connections instead of a kubectl
 * process per create: the corpus alone is 600 creates.
 */
import * as https from 'https';

const SERVER = process.env.CLUSTER_SERVER;
const TOKEN = process.env.CLUSTER_TOKEN;

// The server's certificate is the self-signed one it made for 127.0.0.1 (cluster/run.sh); kubectl is configured
// with --insecure-skip-tls-verify for the same reason.
const agent = new https.Agent({ keepAlive: true, maxSockets: 16, rejectUnauthorized: false });

/** One response of the API server. */
export interface ApiResponse {
  readonly status: number;
  readonly body: any;
  /** The texts of the `Warning: 299 - "..."` headers, in order. */
  readonly warnings: string[];
}

/** Sends one request; rejects only when the server cannot be reached. */
export function request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<ApiResponse> {
  if (!SERVER || !TOKEN) {
    throw new Error('CLUSTER_SERVER and CLUSTER_TOKEN are not set: run the cluster tests through `npx projen cluster` (cluster/run.sh).');
  }
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = https.request(new URL(path, SERVER), {
      method,
      agent,
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        Accept: 'application/json',
        ...(payload ? { 'Content-Type': contentType, 'Content-Length': payload.length } : {}),
      },
    }, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf-8');
        let parsed: any = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: kept as text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, warnings: warningsOf(res.rawHeaders) });
      });
      res.on('error', reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`${method} ${path}: no answer after 120 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** `Warning` header values (`299 - "text"`, RFC 7234) as kubectl prints them: the unquoted text. */
function warningsOf(rawHeaders: string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() !== 'warning') continue;
    const m = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(rawHeaders[i + 1]);
    result.push(m ? m[1].replace(/\\(.)/g, '$1') : rawHeaders[i + 1]);
  }
  return result;
}

/** Where objects of one kind live in the API. */
interface ResourceInfo {
  readonly plural: string;
  readonly namespaced: boolean;
}

const discovered = new Map<string, Map<string, ResourceInfo>>();

/** The resource of a kind, from the server's discovery document of its apiVersion (read again on a miss: CRDs). */
async function resourceOf(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
  for (const fresh of [false, true]) {
    let kinds = fresh ? undefined : discovered.get(apiVersion);
    if (!kinds) {
      const r = await request('GET', apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`);
      kinds = new Map();
      for (const res of r.status === 200 && Array.isArray(r.body?.resources) ? r.body.resources : []) {
        if (!String(res.name).includes('/')) kinds.set(res.kind, { plural: res.name, namespaced: res.namespaced === true });
      }
      discovered.set(apiVersion, kinds);
    }
    const info = kinds.get(kind);
    if (info) return info;
  }
  return undefined;
}

/** The collection path of an object's kind, in its namespace (`default` when unset, as kubectl defaults it). */
export async function collectionPath(o: any): Promise<string | undefined> {
  const info = await resourceOf(String(o.apiVersion), String(o.kind));
  if (!info) return undefined;
  const base = String(o.apiVersion).includes('/') ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
  const ns = info.namespaced ? `/namespaces/${encodeURIComponent(o.metadata?.namespace ?? 'default')}` : '';
  return `${base}${ns}/${info.plural}`;
}

/** The outcome of one create, with kubectl's wording for its error and warning lines. */
export interface CreateOutcome {
  readonly created: boolean;
  /** `Warning: ...` and `Error from server (...): error when creating "STDIN": ...` lines, as kubectl prints them. */
  readonly lines: string[];
}

/** POSTs one object as `kubectl create --warnings-as-errors` does. */
export async function createObject(o: any): Promise<CreateOutcome> {
  const path = await collectionPath(o);
  if (!path) {
    return { created: false, lines: [`error: resource mapping not found for name: "${o.metadata?.name}" namespace: "${o.metadata?.namespace ?? ''}" from "STDIN": no matches for kind "${o.kind}" in version "${o.apiVersion}"`] };
  }
  const r = await request('POST', `${path}?fieldManager=kubectl-create&fieldValidation=Strict`, o);
  const lines = r.warnings.map(w => `Warning: ${w}`);
  const created = r.status === 201 || r.status === 200;
  if (!created) {
    const reason = r.body?.reason ?? `status ${r.status}`;
    const message = typeof r.body?.message === 'string' ? r.body.message : JSON.stringify(r.body);
    lines.push(`Error from server (${reason}): error when creating "STDIN": ${message}`);
  }
  return { created, lines };
}
