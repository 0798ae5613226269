import { missingReferences } from './private/missing-references';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/** Every ConfigMap (and key) a pod reads, through env, envFrom or a volume, is defined in the app, made by an operator, or declared external. */
export class ConfigMapExistsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    return missingReferences(object, context, 'ConfigMap');
  }
}
