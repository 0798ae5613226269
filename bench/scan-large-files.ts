import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Large single files, each scanned by the built binary in a child process (so its peak memory is its own):
 * a 1 MB ConfigMap with 80,000 keys (a duplicate-key check that is not linear takes minutes on it), and a 60 MB
 * file of Pods (memory must stay bounded near a small multiple of the file size). Prints
 * `scan-80k-keys-seconds`, `scan-60mb-pods-seconds` and `scan-60mb-pods-rss-mb`.
 */
export function printLargeFileBench(): void {
  const bin = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
  if (!fs.existsSync(bin)) {
    console.log(`# large files: ${bin} is missing (npx projen compile first); skipped`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-large-'));
  try {
    const keys = path.join(dir, 'configmap-80k-keys.yaml');
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: big, namespace: shop}', 'data:'];
    for (let i = 0; i < 80_000; i++) lines.push(`  key-${i}: value-${i}`);
    fs.writeFileSync(keys, lines.join('\n') + '\n');
    report('scan-80k-keys', bin, keys);

    const pods = path.join(dir, 'pods-60mb.yaml');
    const fd = fs.openSync(pods, 'w');
    let size = 0;
    for (let i = 0; size < 60 * 1024 * 1024; i++) {
      const doc = pod(i);
      fs.writeSync(fd, doc);
      size += Buffer.byteLength(doc);
    }
    fs.closeSync(fd);
    report('scan-60mb-pods', bin, pods, true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(name: string, bin: string, file: string, withRss = false): void {
  const mb = fs.statSync(file).size / (1024 * 1024);
  // A preload that reports the child's own time and peak RSS when it exits.
  const preload = path.join(path.dirname(file), 'report-usage.js');
  fs.writeFileSync(preload, "const t=process.hrtime.bigint();process.on('exit',()=>{process.stderr.write('BENCH '+(Number(process.hrtime.bigint()-t)/1e9)+' '+process.resourceUsage().maxRSS+'\\n')});");
  // The report goes to a file: a report of 300,000 findings is longer than the longest string a parent could hold.
  const output = path.join(path.dirname(file), `${name}-report.json`);
  const run = spawnSync(process.execPath, ['--max-old-space-size=4096', '-r', preload, bin, 'scan', '--format', 'json', '--fail-on', 'never', '--output', output, file], {
    encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024,
  });
  const match = /BENCH ([\d.]+) (\d+)/.exec(run.stderr ?? '');
  if (!match || run.status !== 0) {
    console.log(`# ${name}: the scan failed (exit ${run.status}): ${(run.stderr ?? '').slice(0, 300)}`);
    return;
  }
  const reportMb = fs.statSync(output).size / (1024 * 1024);
  fs.rmSync(output, { force: true });
  console.log(`# ${name}: ${mb.toFixed(1)} MB, exit ${run.status}, JSON report ${reportMb.toFixed(0)} MB`);
  console.log(`${name}-seconds ${Number(match[1]).toFixed(2)}`);
  if (withRss) console.log(`${name}-rss-mb ${(Number(match[2]) / 1024).toFixed(0)}`);
}

function pod(i: number): string {
  return `---
apiVersion: v1
kind: Pod
metadata:
  name: pod-${i}
  namespace: shop
  labels: {app: web, index: "${i}"}
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: main
    image: ghcr.io/acme/web:2.4.1
    ports:
    - containerPort: 8080
    resources:
      limits: {cpu: 500m, memory: 256Mi}
      requests: {cpu: 100m, memory: 128Mi}
    securityContext:
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: true
      capabilities: {drop: [ALL]}
`;
}

if (require.main === module) printLargeFileBench();
