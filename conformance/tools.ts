/** Runs the external checkers installed by conformance/install.sh and normalizes what they report. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Tool } from './tool-mapping';

export const ROOT = path.resolve(__dirname, '..');
export const CACHE = path.resolve(process.env.CONFORMANCE_CACHE ?? path.join(ROOT, '.conformance-cache'));

export interface ToolInfo { readonly available: boolean; readonly version?: string; readonly path?: string; readonly reason?: string }
export type ToolName = 'psa-eval' | 'checkov' | 'kube-score';

/** What the last install recorded; a tool whose binary has since left the cache is unavailable, with that reason. */
export function readTools(): Record<ToolName, ToolInfo> {
  const file = path.join(CACHE, 'tools.json');
  const none = (reason: string) => ({ available: false, reason });
  const names: ToolName[] = ['psa-eval', 'checkov', 'kube-score'];
  if (!fs.existsSync(file)) return Object.fromEntries(names.map(n => [n, none(`${file} does not exist: run conformance/install.sh`)])) as Record<ToolName, ToolInfo>;
  const recorded = JSON.parse(fs.readFileSync(file, 'utf-8').replace(/[\t\r]/g, ' '));
  const out = {} as Record<ToolName, ToolInfo>;
  for (const n of names) {
    const t: ToolInfo = recorded[n] ?? none('not recorded by conformance/install.sh');
    out[n] = t.available && !(t.path && fs.existsSync(t.path)) ? none(`${t.path} is no longer in the cache (${CACHE})`) : t;
  }
  return out;
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

/** One check result of an external tool on one object (passed or failed), located by resource and/or line. */
export interface ToolResult {
  readonly tool: Tool;
  readonly id: string;
  readonly passed: boolean;
  /** Absolute file path. */
  readonly file: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  /** 1-based line range, when the tool gives one. */
  readonly startLine?: number;
  readonly endLine?: number;
}
/** A failed check. */
export type ToolFailure = ToolResult;

/** checkov over files: every passed and failed check. */
export function checkov(tool: ToolInfo, files: string[]): ToolResult[] {
  if (files.length === 0) return [];
  const out: ToolResult[] = [];
  // One run over the deepest folder that holds every file: checkov takes seconds to start.
  const dirParts = files.map(f => path.resolve(path.dirname(f)).split(path.sep));
  const common = dirParts[0].filter((p, i) => dirParts.every(x => x[i] === p)).join(path.sep) || path.sep;
  const wanted = new Set(files.map(f => path.resolve(f)));
  for (const dir of [common]) {
    const stdout = run(tool.path!, ['-d', dir, '--framework', 'kubernetes', '--skip-download', '-o', 'json', '--compact'],
      { okCodes: [0, 1], env: { BC_SKIP_MAPPING: 'TRUE', CHECKOV_RUN_SCA_PACKAGE_SCAN_V2: 'false', LOG_LEVEL: 'ERROR' } });
    const parsed = JSON.parse(stdout);
    const reports = Array.isArray(parsed) ? parsed : [parsed];
    for (const report of reports) {
      for (const [list, passed] of [[report?.results?.failed_checks, false], [report?.results?.passed_checks, true]] as const) {
        for (const f of list ?? []) {
          // resource: Kind.namespace.name (namespace "default" when unset)
          const parts = String(f.resource).split('.');
          const file = path.join(dir, String(f.file_path));
          if (!wanted.has(path.resolve(file))) continue;
          out.push({
            tool: 'checkov',
            id: f.check_id,
            passed,
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
  }
  return out;
}

/** kube-score over files: every check it did not skip; it fails when its grade is below "all OK" (10). */
export function kubeScore(tool: ToolInfo, files: string[]): ToolResult[] {
  if (files.length === 0) return [];
  const stdout = run(tool.path!, ['score', '-o', 'json', ...files], { okCodes: [0, 1] });
  const out: ToolResult[] = [];
  for (const o of JSON.parse(stdout) ?? []) {
    for (const c of o.checks ?? []) {
      if (c.skipped) continue;
      out.push({
        tool: 'kubeScore',
        id: c.check.id,
        passed: c.grade >= 10,
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
