import { InputProblem } from './input-problem';
import { exitCodeOf, scan, ScanResult } from './scan';
import { FailOn } from '../engine/fail-on';
import { GuardrailReport } from '../engine/report';
import { Severity } from '../engine/severity';

function outcome(result: ScanResult): ScanOutcome {
  return new ScanOutcome(result.report, result.problems);
}

/** What to scan with. */
export interface ManifestScannerProps {
  /** Names of the rule packs to run. @default - every shipped pack */
  readonly packs?: string[];
  /** Kubernetes version of the cluster, `1.NN`. @default - the newest version the packs know; pods in a namespace the input defines are judged at the Pod Security version it enforces */
  readonly kubernetesVersion?: string;
  /** Severity per rule ID, replacing the pack's. @default - the packs' severities */
  readonly severityOverrides?: { [ruleId: string]: Severity };
  /**
   * Whether the manifests' own `cdk8s-hardened.io/suppress.<ruleId>` annotations may suppress findings; false
   * is `scan --no-manifest-suppressions`.
   * @default true
   */
  readonly manifestSuppressions?: boolean;
}

/** The outcome of a scan: the report over every readable object, and the inputs that could not be read. */
export class ScanOutcome {
  /** Findings, with `skipped` counting objects that are not understood Kubernetes objects. */
  public readonly report: GuardrailReport;
  /** Inputs that could not be read (missing, binary, not UTF-8, malformed YAML, alias bomb, too deep, too large). */
  public readonly problems: InputProblem[];

  constructor(report: GuardrailReport, problems: InputProblem[]) {
    this.report = report;
    this.problems = [...problems];
  }

  /**
   * The `scan` command's exit code: 2 for unreadable input, 1 for findings at or above `failOn` (or, with
   * `failOnSkipped`, for an object passed over unchecked), else 0.
   */
  public exitCode(failOn: FailOn = FailOn.ERROR, failOnSkipped: boolean = false): number {
    return exitCodeOf(this, failOn, failOnSkipped);
  }
}

/**
 * Scans Kubernetes manifests from outside cdk8s (Helm or Kustomize output, hand-written YAML) with the rule
 * packs: the library form of `cdk8s-hardened scan`.
 *
 * @example
 * const outcome = new ManifestScanner({ packs: ['pss-restricted'] }).scanPaths(['manifests/']);
 * console.log(outcome.report.toText());
 */
export class ManifestScanner {
  constructor(private readonly props: ManifestScannerProps = {}) {}

  /** Scans files and directories (read recursively for `.yaml`, `.yml` and `.json`, in sorted order). */
  public scanPaths(paths: string[]): ScanOutcome {
    return outcome(scan(paths, { ...this.props }));
  }

  /**
   * Scans YAML or JSON text (one or many documents).
   * @param text the manifests
   * @param fileName the name findings point at
   */
  public scanText(text: string, fileName: string = '<text>'): ScanOutcome {
    return outcome(scan(['-'], { ...this.props, stdin: text, stdinName: fileName }));
  }
}
