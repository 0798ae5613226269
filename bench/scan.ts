// Times `scan` against the YAML parser alone on one 10,000-object file, printed as `ratio scan-vs-parse <value>`.
// Run alone with `npx ts-node --project tsconfig.dev.json bench/scan.ts`; `npx projen bench` runs it after the synthesis cases.
import { parseAllDocuments, stringify } from 'yaml';
import { median, runsFromEnv, time } from './measure';
import { scan } from '../src/cli/scan';

/** Result of the scan benchmark, in milliseconds (medians). */
export interface ScanBenchResult {
  readonly objects: number;
  readonly bytes: number;
  readonly parseMs: number;
  readonly scanMs: number;
  /** scanMs / parseMs: must stay at or below 2.5. */
  readonly ratio: number;
}

/** The largest ratio of a full scan to the parse alone that the project accepts. */
export const MAX_SCAN_VS_PARSE_RATIO = 2.5;

/** One YAML file of `count` objects: per app a Deployment (most fields a real one has) and its Service. */
export function buildManifests(count: number): string {
  const docs: string[] = [];
  for (let i = 0; docs.length < count; i++) {
    const app = `app-${i}`;
    const namespace = `team-${i % 50}`;
    const labels = { 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': `system-${i % 7}` };
    docs.push(stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace, labels, annotations: { 'example.com/owner': `team-${i % 50}` } },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: app,
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [{
              name: 'main',
              image: `registry.example.com/${app}:1.${i % 10}.0`,
              ports: [{ containerPort: 8080, name: 'http' }],
              env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${app}-db`, key: 'password' } } }],
              resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
              securityContext: i % 10 === 0
                ? { privileged: true }
                : { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
              readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
            }],
          },
        },
      },
    }));
    if (docs.length < count) {
      docs.push(stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: app, namespace, labels },
        spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
      }));
    }
  }
  return docs.join('---\n');
}

/**
 * Builds the file once, then alternates runs of the parser alone (parseAllDocuments plus toJS: what any consumer
 * of the YAML pays to get the objects) and of the whole scan (read, parse, classify, every default pack, report).
 */
export function benchScan(options: { objects?: number; runs?: number } = {}): ScanBenchResult {
  const objects = options.objects ?? 10_000;
  const runs = options.runs ?? 5;
  const text = buildManifests(objects);
  const bytes = Buffer.from(text, 'utf8');

  const parse = () => { for (const doc of parseAllDocuments(text)) doc.toJS(); };
  const full = () => {
    const result = scan(['-'], { stdin: bytes });
    if (result.report.summary.objects !== objects) throw new Error(`scan saw ${result.report.summary.objects} objects, expected ${objects}`);
  };
  parse(); full(); // warm up the JIT
  const parseTimes: number[] = [];
  const scanTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    parseTimes.push(time(parse));
    scanTimes.push(time(full));
  }
  const parseMs = median(parseTimes);
  const scanMs = median(scanTimes);
  return { objects, bytes: bytes.length, parseMs, scanMs, ratio: scanMs / parseMs };
}

/** Runs the scan benchmark and prints its `ratio scan-vs-parse` line; sets a failing exit code above the budget. */
export function printScanBench(): void {
  const r = benchScan({ runs: runsFromEnv(5) });
  process.stdout.write(`scan bench: ${r.objects} objects, ${(r.bytes / 1024 / 1024).toFixed(1)} MiB, parse ${r.parseMs.toFixed(0)} ms, scan ${r.scanMs.toFixed(0)} ms (medians)\n`);
  process.stdout.write(`ratio scan-vs-parse ${r.ratio.toFixed(2)}\n`);
  if (r.ratio > MAX_SCAN_VS_PARSE_RATIO) {
    process.stderr.write(`scan is more than ${MAX_SCAN_VS_PARSE_RATIO} times slower than the parser alone\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) printScanBench();
