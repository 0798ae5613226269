import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { ensureAspectsRunAtSynthesis } from '../aspects/aspects';
import { describeSkipped } from '../cli/scan';
import { whySkipped } from '../cli/understood';
import { Evaluator } from '../engine/evaluator';
import { FailOn, failOnSeverity } from '../engine/fail-on';
import { renderText } from '../engine/render-text';
import { GuardrailReport } from '../engine/report';
import { RuleContext } from '../engine/rule-context';
import { RulePack } from '../engine/rule-pack';
import { Severity } from '../engine/severity';
import { NetworkFlows } from '../flows/network-flows';
import { Packs } from '../packs/packs';
import { FileWriter, WriteFailure, writeFileAtomic } from '../private/atomic-write';
import { callerLanguage, CallerLanguage, memberName } from '../private/caller-language';
import { ImageInventory } from '../private/image-inventory';
import { CollectedObject } from './private/collect-objects';
import { evaluateOutput, OutputEvaluation } from './private/evaluate-output';
import { guardrailFailure } from './private/failure';
import { prepareForCheck } from './private/prepare';
import { StringifyHelper } from './private/stringify-helper';
import { SynthesisHook } from './private/synthesis-hook';
import { SynthesisOutput } from './private/synthesis-output';

/** How the guardrails check an app. */
export interface GuardrailsProps {
  /** The rule packs to run. @default Packs.defaults() - every shipped pack */
  readonly packs?: RulePack[];
  /**
   * The Kubernetes version of the cluster, as `1.NN`. Pods in a namespace the app defines are judged at the Pod
   * Security version that namespace enforces (`pod-security.kubernetes.io/enforce-version`), up to this one.
   * @default - the newest version the packs know (DEFAULT_KUBERNETES_VERSION)
   */
  readonly kubernetesVersion?: string;
  /** Severity per rule ID, replacing the packs' severities for this app. @default - the packs' severities */
  readonly severityOverrides?: { [ruleId: string]: Severity };
  /**
   * The lowest severity that fails synthesis. `FailOn.WARNING` is strict mode; `FailOn.NEVER` only reports.
   * @default FailOn.ERROR
   */
  readonly failOn?: FailOn;
  /**
   * Whether error-level findings may be suppressed. Set to false to make errors unsuppressible: a suppression of
   * an error is then refused and reported.
   * @default true
   */
  readonly allowErrorSuppression?: boolean;
  /**
   * A folder to write the report to, as `guardrails-report.txt`, `.json` and `.sarif`, with the network flows
   * the policies allow as `network-flows.mmd` (Mermaid) and `network-flows.dot` (Graphviz), and every container
   * image of the app, once each, as `images.txt` (one reference per line, for an image scanner such as trivy) and
   * `images.json` (with tag, digest and the workloads that run it; the shape of `cdk8s-hardened images --format
   * json`), at every synthesis (also when it fails). None of these is a `.yaml` file, so cdk8s-cli does not take
   * them for manifests.
   * @default - no report files
   */
  readonly reportDir?: string;
  /**
   * List every info-level finding, and every field a hardening aspect (`HardenWorkloads`) set, in the printed
   * report and in a failed synthesis's error. Errors come first, then warnings; the infos are otherwise counted by
   * rule in one line, and the hardened fields by fix in one line per object (the report files list them all).
   * @default false
   */
  readonly listInfos?: boolean;
  /**
   * Print nothing to stderr when the synthesis passes (on failure the report is the thrown error's message, and
   * it is always kept in `lastReport`). Called from Python, Java, Go or .NET, whose runtimes show an error's
   * message twice, a failure prints the report to stderr once and the error carries its first line and the failing
   * rules.
   * @default - false, except under jest (`JEST_WORKER_ID` is set), where a passing synthesis prints nothing
   */
  readonly quiet?: boolean;
  /**
   * Write each construct-level suppression that accepted a finding into the object's annotations
   * (`cdk8s-hardened.io/suppress.<ruleId>`), so `cdk8s-hardened scan` over the synthesized YAML agrees with the
   * in-process check and the reason travels with the manifest.
   * @default true
   */
  readonly annotateSuppressions?: boolean;
  /** The date suppression expiry is compared with, as YYYY-MM-DD. @default - today (UTC) */
  readonly today?: string;
  /**
   * Fail synthesis when an object is passed over unchecked: a custom resource that no rule reads (any kind not
   * built into Kubernetes, other than the External Secrets resources and the pod-bearing custom resources the
   * packs know). The error lists each one. Skipped objects are counted in every report either way.
   * @default false
   */
  readonly failOnSkipped?: boolean;
  /**
   * Whether the `cdk8s-hardened.io/suppress.<ruleId>` annotations of objects brought in with `Include` (and so
   * `Helm`) may suppress their findings. Whoever writes that YAML (a chart author, a pull request) could otherwise
   * silence any finding, PSS errors included. Suppressions declared on constructs (`Suppressions.add`), on an
   * Include or its scopes too, always apply, and annotations on the app's own objects are trusted.
   * @default false
   */
  readonly trustIncludedSuppressions?: boolean;
  /**
   * Objects that exist in the cluster but are not made by the app, as `Kind/namespace/name` (`*` for any namespace
   * or name): a Secret a platform team creates (`Secret/shop/db-credentials`), a ServiceAccount every namespace
   * has (`ci-deployer`, written with `*` as the namespace). The references pack does not report references to them, so each is
   * declared once here instead of suppressed on every object that uses it. `cdk8s-hardened scan` takes the same
   * entries with `--external`.
   * @default - none: every reference must name an object of the app
   */
  readonly externalObjects?: string[];
}

const ENABLED = new WeakMap<IConstruct, Guardrails>();

/**
 * Checks every Kubernetes object of a scope against rule packs before synthesis, the way cdk-nag checks an AWS
 * CDK app.
 *
 * @example
 * const app = new App();
 * Guardrails.enable(app);   // every default pack; synthesis fails on unsuppressed errors
 */
export class Guardrails {
  /**
   * Turns the guardrails on for `scope` (usually the App). From then on `app.synth()`, `app.synthYaml()`,
   * `cdk8s synth` and `Testing.synth(chart)` evaluate the objects under `scope` once per synthesis and fail with
   * every unsuppressed error listed (and warnings too in strict mode). What is judged is the final output, as the
   * cluster will decode it: the exact YAML `app.synth()` writes (held back until the check passed, so a failed
   * synthesis writes nothing) or `app.synthYaml()` returns, and for `Testing.synth` the very objects returned,
   * each decoded from the YAML cdk8s would write for it. Objects created by validations and values of Lazy
   * producers are judged as rendered for that output.
   */
  public static enable(scope: IConstruct, props: GuardrailsProps = {}): Guardrails {
    if (ENABLED.has(scope)) {
      throw new Error(`Guardrails are already enabled on "${scope.node.path || '<app>'}": enable them once, with every pack in the packs option.`);
    }
    const guardrails = new Guardrails(scope, props);
    const root = scope.node.root;
    SynthesisHook.of(root).addOutputCheck(100, output => guardrails.runAtSynthesis(output));
    // Loads cdk8s in a second thread while the app is built, to write half of the YAML at synthesis.
    StringifyHelper.prestart();
    ENABLED.set(scope, guardrails);
    ensureAspectsRunAtSynthesis(root);
    return guardrails;
  }

  /**
   * Applies the aspects, runs the validations of the app (which may create objects) and evaluates the objects
   * under `scope` now, each as decoded from the YAML cdk8s would write for it, without synthesizing and without
   * throwing on findings and without printing. Handy in tests: `expect(Guardrails.check(chart).findingsToFix()).toEqual([])`
   * passes when no unsuppressed error or warning is left (infos are advice: `findingsToFix(Severity.INFO)` counts
   * them too).
   */
  public static check(scope: IConstruct, props: GuardrailsProps = {}): GuardrailReport {
    return new Guardrails(scope, props).evaluate();
  }

  /** The guardrails enabled on this scope, if any. */
  public static of(scope: IConstruct): Guardrails | undefined {
    return ENABLED.get(scope);
  }

  private readonly scope: IConstruct;
  private readonly props: GuardrailsProps;
  private readonly evaluator: Evaluator;
  private report?: GuardrailReport;
  /**
   * The file-system calls report files go through (tests simulate a full disk with it).
   * @internal
   */
  public _fileWriter?: FileWriter;

  private constructor(scope: IConstruct, props: GuardrailsProps) {
    this.scope = scope;
    this.props = props;
    if (props.kubernetesVersion !== undefined) RuleContext.parseKubernetesMinor(props.kubernetesVersion, 'Guardrails kubernetesVersion');
    this.evaluator = new Evaluator({
      packs: props.packs ?? Packs.defaults(),
      kubernetesVersion: props.kubernetesVersion,
      severityOverrides: props.severityOverrides,
      allowErrorSuppression: props.allowErrorSuppression,
      today: props.today,
      externalObjects: props.externalObjects,
    });
  }

  /** The report of the latest evaluation, if one ran. */
  public get lastReport(): GuardrailReport | undefined {
    return this.report;
  }

  /** Applies the aspects, runs the validations and evaluates the scope now. Never throws for findings. */
  public evaluate(): GuardrailReport {
    prepareForCheck(this.scope.node.root);
    return this.evaluateOutput(SynthesisOutput.empty()).report;
  }

  private evaluateOutput(output: SynthesisOutput): OutputEvaluation {
    const evaluation = evaluateOutput(this.evaluator, this.scope, output, {
      annotate: this.props.annotateSuppressions ?? true,
      trustIncludedSuppressions: this.props.trustIncludedSuppressions ?? false,
      packs: this.props.packs ?? Packs.defaults(),
    });
    this.report = evaluation.report;
    return evaluation;
  }

  private runAtSynthesis(output: SynthesisOutput): void {
    const { report, collected } = this.evaluateOutput(output);
    this.writeReportFiles(report, collected);
    const failOn = this.props.failOn ?? FailOn.ERROR;
    const threshold = failOnSeverity(failOn);
    const failing = threshold ? report.unsuppressed(threshold) : [];
    // A test run that prints the whole report of every passing synthesis buries the failures that matter.
    const quiet = this.props.quiet ?? process.env.JEST_WORKER_ID !== undefined;
    // Rendered only when printed or thrown: a quiet, passing synthesis of thousands of objects need not pay for it.
    const failsOnSkipped = this.props.failOnSkipped === true && report.skipped > 0;
    const text = !quiet || failing.length || failsOnSkipped ? renderText(report, {
      bySeverity: true,
      listInfos: this.props.listInfos ?? false,
      listInfosHint: `${listInfosOption()} lists them`,
      listHardening: this.props.listInfos ?? false,
      listHardeningHint: `${listInfosOption()} and the report files list each one`,
    }) : '';
    if (!quiet && !failing.length) process.stderr.write(text);
    if (failsOnSkipped) {
      const option = memberName('failOnSkipped');
      throw guardrailFailure({
        headline: `cdk8s-hardened guardrails: ${report.skipped} object${report.skipped === 1 ? ' was' : 's were'} not checked and ${option} is set; `
          + `remove them, or turn ${option} off to accept them unchecked:\n${report.skippedObjects.map(s => `  ${describeSkipped(s)}`).join('\n')}`,
        report: text,
      });
    }
    if (failing.length) {
      const counts = `${report.summary.errors} error${report.summary.errors === 1 ? '' : 's'}${failOn === FailOn.WARNING ? ` and ${report.summary.warnings} warning${report.summary.warnings === 1 ? '' : 's'}` : ''}`;
      throw guardrailFailure({
        headline: `cdk8s-hardened guardrails: ${counts} must be fixed or suppressed (with a reason) before synthesis.`,
        report: text,
        ruleIds: failing.map(f => f.ruleId),
      });
    }
  }

  private writeReportFiles(report: GuardrailReport, collected: CollectedObject[]): void {
    const dir = this.props.reportDir;
    if (!dir) return;
    const flows = NetworkFlows.fromObjects(collected.map(c => c.object));
    // The images of the objects the rules judged, as `cdk8s-hardened images` lists them from the written YAML.
    const images = ImageInventory.of(collected.map(c => c.object).filter(o => whySkipped(o.manifest) === undefined));
    fs.mkdirSync(dir, { recursive: true });
    const files: Array<[string, string, string]> = [
      ['network-flows.mmd', flows.toMermaid(), 'the network flows (Mermaid)'],
      ['network-flows.dot', flows.toDot(), 'the network flows (Graphviz)'],
      ['guardrails-report.txt', report.toText(), 'the guardrails report (text)'],
      ['guardrails-report.json', JSON.stringify(report.toJson(), undefined, 2) + '\n', 'the guardrails report (JSON)'],
      ['guardrails-report.sarif', JSON.stringify(report.toSarif(), undefined, 2) + '\n', 'the guardrails report (SARIF)'],
      ['images.txt', images.toText(), 'the image list (text)'],
      ['images.json', JSON.stringify(images.toJson(), undefined, 2) + '\n', 'the image list (JSON)'],
    ];
    for (const [name, content, what] of files) {
      try {
        writeFileAtomic(path.join(dir, name), content, what, this._fileWriter);
      } catch (e) {
        // One line, not a stack trace into the file system: the message says what, where and how much.
        if (e instanceof WriteFailure) throw guardrailFailure({ headline: `cdk8s-hardened guardrails: ${e.message}` });
        throw e;
      }
    }
  }
}

/** How the caller turns on listInfos, in the caller's language. */
function listInfosOption(language: CallerLanguage = callerLanguage()): string {
  switch (language) {
    case CallerLanguage.TYPESCRIPT: return 'Guardrails.enable(app, { listInfos: true })';
    case CallerLanguage.PYTHON: return 'Guardrails.enable(app, list_infos=True)';
    default: return 'the listInfos option of Guardrails.enable';
  }
}
