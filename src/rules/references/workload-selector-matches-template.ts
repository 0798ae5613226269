import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { isObject } from '../../private/json';
import { podTemplateOf } from '../../private/pod-template';
import { describeLabels, labelsOf, LabelSelector } from '../network/private/label-selector';

// apps/v1 (and v1beta2) require a non-empty selector; extensions/v1beta1 and apps/v1beta1 defaulted it from the template.
const SELECTOR_REQUIRED = new Set(['apps/v1', 'apps/v1beta2']);
const APPS_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * A workload's selector selects the pods of its own template, as the API server requires: apps workloads
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet), ReplicationControllers that set a selector, and Jobs with
 * manualSelector. A Job selector without manualSelector, and a selector or manualSelector in a CronJob's job
 * template, are refused too: the API server generates the selector of a Job itself.
 */
export class WorkloadSelectorMatchesTemplateCheck implements IRuleCheck {
  public readonly noCelForm = 'the API server\'s own validation refuses every object this rule reports (the explanation lists them), so the '
    + 'cluster enforces it without a policy: the rule says it before the cluster does';

  public check(object: ManifestObject): RuleViolation[] {
    const template = podTemplateOf(object);
    if (!template) return [];
    const labels = labelsOf(template.metadata);
    const spec = isObject(object.manifest?.spec) ? object.manifest.spec : {};
    const group = object.apiGroup;
    if (APPS_KINDS.has(object.kind) && (group === 'apps' || group === 'extensions')) {
      if (spec.selector === undefined || spec.selector === null) {
        if (!SELECTOR_REQUIRED.has(object.apiVersion)) return [];
        return [{ message: `sets no spec.selector, which ${object.apiVersion} requires: the API server refuses the object; set spec.selector.matchLabels to labels of the pod template (${describeLabels(labels)})`, path: 'spec' }];
      }
      return mismatch(LabelSelector.parse(spec.selector), labels, 'spec.selector', template.metadataPath, SELECTOR_REQUIRED.has(object.apiVersion));
    }
    if (object.kind === 'ReplicationController' && group === '') {
      // An unset or empty selector defaults to the template's labels.
      if (!isObject(spec.selector) || Object.keys(spec.selector).length === 0) return [];
      return mismatch(LabelSelector.parse({ matchLabels: spec.selector }), labels, 'spec.selector', template.metadataPath, false);
    }
    if (object.kind === 'Job' && group === 'batch') {
      if (spec.manualSelector === true) {
        return mismatch(LabelSelector.parse(spec.selector ?? {}), labels, 'spec.selector', template.metadataPath, true);
      }
      if (spec.selector !== undefined && spec.selector !== null) {
        return [{ message: 'sets spec.selector without spec.manualSelector: true; the API server generates the selector of a Job and refuses one it did not generate; remove spec.selector (or, to adopt existing pods, set manualSelector: true)', path: 'spec.selector' }];
      }
      return [];
    }
    if (object.kind === 'CronJob' && group === 'batch') {
      const jobSpec = isObject(spec.jobTemplate?.spec) ? spec.jobTemplate.spec : {};
      if (jobSpec.manualSelector === true) {
        return [{ message: 'sets spec.jobTemplate.spec.manualSelector to true, which the API server refuses in a CronJob: its Jobs always get a generated selector; remove manualSelector and the selector', path: 'spec.jobTemplate.spec.manualSelector' }];
      }
      if (jobSpec.selector !== undefined && jobSpec.selector !== null) {
        return [{ message: 'sets spec.jobTemplate.spec.selector, which the API server refuses in a CronJob: the selector of its Jobs is always generated; remove the selector', path: 'spec.jobTemplate.spec.selector' }];
      }
    }
    return [];
  }
}

function mismatch(selector: LabelSelector, labels: { [k: string]: string }, path: string, labelsAt: string, emptyRefused: boolean): RuleViolation[] {
  if (!selector.valid) return [{ message: `${path} ${selector.problem}: the API server refuses the object; fix the selector`, path }];
  if (selector.isEmpty && emptyRefused) {
    return [{ message: `${path} is empty, which the API server refuses: it would select every pod of the namespace; select labels of the pod template (${describeLabels(labels)})`, path }];
  }
  if (selector.matches(labels)) return [];
  return [{
    message: `${path} (${selector}) does not select the pods of its own template (${labelsAt}.labels: ${describeLabels(labels)}): `
      + 'the API server refuses the object; make the selector and the template labels agree',
    path,
  }];
}
