/** Runs the external checkers installed by conformance/install.sh and normalizes what they report. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { normalizeId, Tool } from './tool-mapping';

export const ROOT = path.resolve(__dirname, '..');
export const CACHE = path.resolve(process.env.CONFORMANCE_CACHE ?? path.join(ROOT, '.conformance-cache'));

export interface ToolInfo { readonly available: boolean; readonly version?: string; readonly path?: string; readonly reason?: string }
export type ToolName = 'psa-eval' | 'checkov' | 'kube-score' | 'trivy';

export function readTools(): Record<ToolName, ToolInfo> {
  return JSON.parse(fs.readFileSync(path.join(CACHE, 'tools.json'), 'utf-8').replace(/[\t\r]/g, ' '));
}

function run(cmd: string, args: string[], opts: { input?: string; timeoutMs?: number; okCodes?: number[]; env?: NodeJS.ProcessEnv } = {}): string {
  const r = spawnSync(cmd, args, {
    input: opts.input,
    encoding: 'utf-8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: opts.timeoutMs ?? 600_000,
    env: { ...process.env, ...(opts.env ?? {}) },
  });
  if (r.error) throw new Error(`${path.basename(cmd)} ${args.join(' ')}: ${r.error.message}`);
  if (!(opts.okCodes ?? [0]).includes(r.status ?? -1)) {
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(-2000)}`);
  }
  return r.stdout;
}

export interface PsaResult { index: number; kind: string; name: string; hasPod: boolean; baseline: string[]; restricted: string[]; error?: string }

/** Evaluates objects with the Pod Security Admission library at one policy version. */
export function psaEvaluate(tool: ToolInfo, objects: unknown[], version: string): PsaResult[] {
  return JSON.parse(run(tool.path!, ['--version', version], { input: JSON.stringify(objects) }));
}

/** A failed check of an external tool on one object, located by file and line or by resource. */
export interface ToolFailure {
  readonly tool: Tool;
  readonly id: string;
  /** Absolute file path. */
  readonly file: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  /** 1-based line range, when the tool gives one. */
  readonly startLine?: number;
  readonly endLine?: number;
  /** The tool's message (Trivy: `CauseMetadata.Resource` and `Message`), which usually names the resource. */
  readonly message?: string;
}

/** checkov over files (one run per directory, since each run starts slowly); returns its failed checks. */
export function checkov(tool: ToolInfo, files: string[]): ToolFailure[] {
  if (files.length === 0) return [];
  const out: ToolFailure[] = [];
  const dirs = [...new Set(files.map(f => path.dirname(f)))];
  const wanted = new Set(files.map(f => path.resolve(f)));
  for (const dir of dirs) {
    const stdout = run(tool.path!, ['-d', dir, '--framework', 'kubernetes', '--skip-download', '-o', 'json', '--compact', '--quiet'],
      { okCodes: [0, 1], env: { BC_SKIP_MAPPING: 'TRUE', CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false', LOG_LEVEL: 'ERROR' } });
    const parsed = JSON.parse(stdout);
    const reports = Array.isArray(parsed) ? parsed : [parsed];
    for (const report of reports) {
      for (const f of report?.results?.failed_checks ?? []) {
        // resource: Kind.namespace.name (namespace "default" when unset)
        const parts = String(f.resource).split('.');
        const file = path.join(dir, String(f.file_path));
        if (!wanted.has(path.resolve(file))) continue;
        out.push({
          tool: 'checkov',
          id: f.check_id,
          file,
          kind: parts[0],
          namespace: parts[1],
          name: parts.slice(2).join('.'),
          startLine: f.file_line_range?.[0],
          endLine: f.file_line_range?.[1],
        });
      }
    }
  }
  return out;
}

/** kube-score over files; a check fails when its grade is below "all OK" (10) and it was not skipped. */
export function kubeScore(tool: ToolInfo, files: string[]): ToolFailure[] {
  if (files.length === 0) return [];
  const stdout = run(tool.path!, ['score', '-o', 'json', ...files], { okCodes: [0, 1] });
  const out: ToolFailure[] = [];
  for (const o of JSON.parse(stdout) ?? []) {
    for (const c of o.checks ?? []) {
      if (c.skipped || c.grade >= 10) continue;
      out.push({
        tool: 'kubeScore',
        id: c.check.id,
        file: path.resolve(o.file_name),
        kind: o.type_meta?.kind,
        namespace: o.object_meta?.namespace || 'default',
        name: o.object_meta?.name,
        startLine: o.file_row,
      });
    }
  }
  return out;
}

/**
 * Where Trivy's line numbers come from: Trivy (pkg/iac/scanners/kubernetes/parser/parser.go) splits a YAML file on
 * `^---\n` and gives each document an offset that is the sum of `countLines` of the documents before it, leaving
 * out the `---` separator lines (pkg/iac/rego/result.go adds that offset to the line inside the document). So from
 * the second document on, Trivy's line numbers are early by the number of separators before the document (an empty
 * document, such as the one before a leading `---`, counts 1 and cancels its separator). This returns, per document,
 * its offset in Trivy's numbering and in the file's, and its length.
 */
export function trivyDocuments(text: string): { trivyOffset: number; fileOffset: number; lines: number }[] {
  const countLines = (s: string) => (s === '' ? 1 : (s.match(/\n/g) ?? []).length + (s.endsWith('\n') ? 0 : 1));
  const docs: { trivyOffset: number; fileOffset: number; lines: number }[] = [];
  let trivyOffset = 0; let fileOffset = 0;
  for (const part of text.split(/^---\r?\n/m)) {
    const lines = countLines(part);
    docs.push({ trivyOffset, fileOffset, lines });
    trivyOffset += lines;
    fileOffset += (part.match(/\n/g) ?? []).length + 1; // the document's lines, then the separator line
  }
  return docs;
}

/**
 * A line in Trivy's numbering -> the file's line; undefined for 0. A result with no line inside its document gets
 * the bare offset of the document, which is 0 for the first document and otherwise the last line of the previous
 * one: `objectAt` in run.ts catches those by the resource name in the message.
 */
export function trivyLineToFileLine(docs: ReturnType<typeof trivyDocuments>, line: number | undefined): number | undefined {
  if (!line) return undefined;
  const d = docs.find(x => x.trivyOffset < line && line <= x.trivyOffset + x.lines);
  return d ? line - d.trivyOffset + d.fileOffset : undefined;
}

/** Trivy's misconfiguration scanner over a directory, with its embedded checks only (no network). */
export function trivy(tool: ToolInfo, dir: string, kubernetesVersion: string): ToolFailure[] {
  const stdout = run(tool.path!, ['config', '--format', 'json', '--quiet', '--skip-check-update', '--cache-dir', path.join(CACHE, 'trivy-cache'),
    '--k8s-version', kubernetesVersion.replace(/^v?/, ''), dir], { okCodes: [0, 1] });
  const out: ToolFailure[] = [];
  const docsOf = new Map<string, ReturnType<typeof trivyDocuments>>();
  for (const r of JSON.parse(stdout).Results ?? []) {
    const file = path.resolve(dir, r.Target);
    if (!docsOf.has(file)) docsOf.set(file, fs.existsSync(file) ? trivyDocuments(fs.readFileSync(file, 'utf-8')) : []);
    const docs = docsOf.get(file)!;
    for (const m of r.Misconfigurations ?? []) {
      if (m.Status !== 'FAIL') continue;
      const startLine = trivyLineToFileLine(docs, m.CauseMetadata?.StartLine);
      out.push({
        tool: 'trivy',
        id: normalizeId('trivy', m.ID ?? m.AVDID),
        file,
        startLine,
        endLine: startLine === undefined ? undefined : trivyLineToFileLine(docs, m.CauseMetadata?.EndLine) ?? startLine,
        message: [m.CauseMetadata?.Resource, m.Message].filter(Boolean).join(' '),
      });
    }
  }
  return out;
}
