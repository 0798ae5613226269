import { missingReferences } from './private/missing-references';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/** Every PersistentVolumeClaim a pod mounts is defined in the app or declared external. */
export class PvcExistsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    return missingReferences(object, context, 'PersistentVolumeClaim');
  }
}
