import { CliValidationContext, CliViolation } from './cdk8s-cli-types';
import { formatInputProblem } from '../cli/input-error';
import { describeSkipped, resolvePacks, scan } from '../cli/scan';
import { ExternalObjects } from '../engine/external-objects';
import { FailOn, failOnSeverity, parseFailOn } from '../engine/fail-on';
import { Finding } from '../engine/finding';
import { RuleContext } from '../engine/rule-context';
import { Severity } from '../engine/severity';

/**
 * Options of the cdk8s-cli validation plugin, given as `properties` of its entry in `cdk8s.yaml`.
 */
export interface HardenedValidationProps {
  /**
   * Names of the rule packs to run, e.g. `["pss-restricted", "workload"]`; naming some drops the others.
   * @default - every shipped pack
   */
  readonly packs?: string[];
  /**
   * Least severe unsuppressed finding that fails the synth: `error`, `warning` or `never`.
   * @default "error"
   */
  readonly failOn?: string;
  /**
   * Kubernetes version of the cluster, `1.NN`. Pods in a namespace the manifests define are judged at the Pod
   * Security version it enforces, up to this one.
   * @default - the newest version the packs know
   */
  readonly kubernetesVersion?: string;
  /**
   * Severity per rule ID (`error`, `warning` or `info`), replacing the pack's.
   * @default - the packs' severities
   */
  readonly severityOverrides?: { [ruleId: string]: string };
  /**
   * Fail the synth when an object is passed over unchecked (a custom resource no rule reads), with one violation
   * listing them.
   * @default false
   */
  readonly failOnSkipped?: boolean;
  /**
   * Whether the manifests' own `cdk8s-hardened.io/suppress.<ruleId>` annotations may suppress findings. Set it to
   * false when the output holds YAML from outside the app (Include, Helm) whose authors should not decide what is
   * accepted; suppressions the in-app guardrails stamped from `Suppressions.add` are annotations too, and are then
   * ignored as well.
   * @default true
   */
  readonly manifestSuppressions?: boolean;
  /**
   * Objects that exist in the cluster but not in the manifests, as `Kind/namespace/name` (`*` for any namespace or
   * name), e.g. `Secret/shop/db-credentials`: references to them are not reported.
   * @default - none
   */
  readonly externalObjects?: string[];
}

/** The rule name under which objects passed over are reported with failOnSkipped (not a rule of any pack). */
const SKIPPED_OBJECT_RULE = 'cdk8s-hardened-skipped-object';

/** The rule name under which unreadable manifests are reported (not a rule of any pack). */
const UNREADABLE_MANIFEST_RULE = 'cdk8s-hardened-unreadable-manifest';

/**
 * A cdk8s-cli validation plugin that runs the guardrail rule packs over the manifests `cdk8s synth` wrote: the same
 * Evaluator as the `scan` command and the in-app guardrails, so all three agree.
 *
 * Every unsuppressed finding is reported, one violation per rule; the report fails (and `cdk8s synth` exits 2)
 * when a finding is at or above `failOn`. Findings suppressed with `cdk8s-hardened.io/suppress.<ruleId>`
 * annotations are counted in the report's metadata.
 *
 * @example
 * // cdk8s.yaml
 * // validations:
 * //   - package: cdk8s-hardened
 * //     version: 1.2.3
 * //     class: HardenedValidation
 * //     properties: { failOn: error, kubernetesVersion: "1.30" }   # no packs: every pack runs
 */
export class HardenedValidation {
  private readonly props: HardenedValidationProps;
  private readonly failOn: FailOn;

  constructor(props: HardenedValidationProps = {}) {
    this.props = props ?? {};
    // Check the configuration when cdk8s-cli loads the plugin, so a typo fails before any synthesis work.
    this.failOn = parseFailOn(this.props.failOn ?? FailOn.ERROR, 'HardenedValidation property failOn');
    if (this.props.packs !== undefined && !Array.isArray(this.props.packs)) {
      throw new Error(`HardenedValidation property packs must be a list of pack names, got ${JSON.stringify(this.props.packs)}.`);
    }
    resolvePacks(this.props.packs);
    if (this.props.kubernetesVersion !== undefined) {
      RuleContext.parseKubernetesMinor(String(this.props.kubernetesVersion), 'HardenedValidation property kubernetesVersion');
    }
    severityOverrides(this.props.severityOverrides);
    if (this.props.externalObjects !== undefined && !Array.isArray(this.props.externalObjects)) {
      throw new Error(`HardenedValidation property externalObjects must be a list of Kind/namespace/name entries, got ${JSON.stringify(this.props.externalObjects)}.`);
    }
    ExternalObjects.parse(this.props.externalObjects ?? [], 'HardenedValidation property externalObjects');
  }

  /**
   * Called by cdk8s-cli after synthesis with the manifest files; fills and submits the report.
   * @param context cdk8s-cli's `ValidationContext`
   */
  public async validate(context: any): Promise<void> {
    const ctx = context as CliValidationContext;
    const result = scan([...ctx.manifests], {
      packs: this.props.packs,
      kubernetesVersion: this.props.kubernetesVersion,
      severityOverrides: severityOverrides(this.props.severityOverrides),
      manifestSuppressions: this.props.manifestSuppressions,
      externalObjects: this.props.externalObjects,
    });
    const report = result.report;

    const byRule = new Map<string, Finding[]>();
    for (const finding of report.unsuppressed()) {
      if (!byRule.has(finding.ruleId)) byRule.set(finding.ruleId, []);
      byRule.get(finding.ruleId)!.push(finding);
    }
    for (const [ruleId, findings] of byRule) {
      const rule = report.rules.find(r => r.id === ruleId);
      ctx.report.addViolation(toViolation(ruleId, findings, rule?.summary ?? findings[0].message));
    }
    for (const problem of result.problems) {
      ctx.report.addViolation({
        ruleName: UNREADABLE_MANIFEST_RULE,
        recommendation: `The manifest could not be read, so its objects were not checked: ${formatInputProblem(problem)}`,
        fix: 'Make the manifest valid UTF-8 YAML (cdk8s writes valid manifests: check what else writes to the output directory).',
        violatingResources: [{ resourceName: problem.file, locations: [formatInputProblem(problem)], manifestPath: problem.file }],
      });
    }

    const failOnSkipped = this.props.failOnSkipped === true && report.skipped > 0;
    if (failOnSkipped) {
      ctx.report.addViolation({
        ruleName: SKIPPED_OBJECT_RULE,
        recommendation: `${report.skipped} object${report.skipped === 1 ? ' was' : 's were'} not checked: no rule reads their kind, and failOnSkipped is set.`,
        fix: 'Remove the objects, or set failOnSkipped to false to accept them unchecked.',
        violatingResources: report.skippedObjects.map(s => ({ resourceName: s.name ?? s.kind ?? '', locations: [describeSkipped(s)], manifestPath: s.file ?? '' })),
      });
    }
    const threshold = failOnSeverity(this.failOn);
    const failed = result.problems.length > 0 || failOnSkipped || (threshold !== undefined && report.hasFindingsAtOrAbove(threshold));
    const s = report.summary;
    ctx.report.submit(failed ? 'failure' : 'success', {
      objects: String(s.objects),
      errors: String(s.errors),
      warnings: String(s.warnings),
      infos: String(s.infos),
      suppressed: String(s.suppressed),
      skipped: String(report.skipped),
      failOn: this.failOn,
    });
  }
}

function toViolation(ruleId: string, findings: Finding[], summary: string): CliViolation {
  const severity = findings[0].severity;
  const resources = new Map<string, { resourceName: string; locations: string[]; manifestPath: string }>();
  for (const f of findings) {
    const key = `${f.file}\u0000${f.resource.kind}\u0000${f.resource.namespace ?? ''}\u0000${f.resource.name}`;
    if (!resources.has(key)) resources.set(key, { resourceName: f.resource.name, locations: [], manifestPath: f.file ?? '' });
    // The message starts with the object's name, which the report shows already.
    const text = f.message.includes(': ') ? f.message.slice(f.message.indexOf(': ') + 2) : f.message;
    resources.get(key)!.locations.push(`${f.path ?? f.resource.kind}${f.line ? ` (line ${f.line})` : ''}: ${text}`);
  }
  return {
    ruleName: ruleId,
    recommendation: `[${severity}] ${summary}`,
    fix: findings[0].remediation,
    violatingResources: [...resources.values()],
  };
}

function severityOverrides(given: { [ruleId: string]: string } | undefined): { [ruleId: string]: Severity } | undefined {
  if (given === undefined) return undefined;
  const result: { [ruleId: string]: Severity } = {};
  for (const [ruleId, value] of Object.entries(given)) {
    const severity = Object.values(Severity).find(v => v === value);
    if (!severity) {
      throw new Error(`HardenedValidation property severityOverrides.${ruleId} is "${value}": use one of ${Object.values(Severity).join(', ')}.`);
    }
    result[ruleId] = severity;
  }
  return result;
}
