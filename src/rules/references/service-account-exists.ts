import { missingReferences } from './private/missing-references';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/** The ServiceAccount a pod runs as is defined in the app, is the namespace's default, or is declared external. */
export class ServiceAccountExistsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    return missingReferences(object, context, 'ServiceAccount');
  }
}
