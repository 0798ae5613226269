import { Evaluator, Finding, ManifestObject, Rule, RulePack, Severity } from '../../src';

/** One case of a rule's fixture table. */
export interface RuleCase {
  /** Reads like a specification: "fails when a container adds SYS_ADMIN". */
  readonly name: string;
  /** The manifests evaluated together (whole-app rules see all of them). */
  readonly objects: any[];
  /** Target Kubernetes version. Default 1.28. */
  readonly kubernetesVersion?: string;
  /** Failing cases: each string must appear in some finding's message. */
  readonly messageIncludes?: string[];
  /** Failing cases: some finding must point at this field path. */
  readonly path?: string;
}

/** Every rule has at least one manifest that must fail it and one that must pass it. */
export interface RuleFixtures {
  readonly ruleId: string;
  readonly failing: RuleCase[];
  readonly passing: RuleCase[];
}

/** Runs one rule (alone) over the objects and returns its unsuppressed findings. */
export function runRule(rule: Rule, objects: any[], kubernetesVersion?: string): Finding[] {
  const pack = new RulePack({ name: 'under-test', description: 'the rule under test', rules: [rule] });
  const evaluator = new Evaluator({ packs: [pack], kubernetesVersion });
  return evaluator.evaluate(objects.map(o => ManifestObject.fromJson(o))).unsuppressed();
}

/** Runs packs over the objects and returns the report. */
export function runPacks(packs: RulePack[], objects: any[], kubernetesVersion?: string) {
  return new Evaluator({ packs, kubernetesVersion }).evaluate(objects.map(o => ManifestObject.fromJson(o)));
}

/** Short description of findings for assertion messages. */
export function describeFindings(findings: Finding[]): string {
  return findings.map(f => `${f.severity} ${f.ruleId} ${f.message}${f.path ? ` @${f.path}` : ''}`).join('\n') || '(none)';
}

/** A minimal Pod manifest, merged with the given spec fields. */
export function pod(spec: any, metadata: any = {}): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'fixture', namespace: 'fixtures', ...metadata },
    spec,
  };
}

/** A minimal Deployment manifest wrapping a pod spec. */
export function deployment(podSpec: any, metadata: any = {}, podMetadata: any = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'fixture', namespace: 'fixtures', ...metadata },
    spec: {
      selector: { matchLabels: { app: 'fixture' } },
      template: { metadata: { labels: { app: 'fixture' }, ...podMetadata }, spec: podSpec },
    },
  };
}

export { Severity };
