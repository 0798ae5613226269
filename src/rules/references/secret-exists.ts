import { missingReferences } from './private/missing-references';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { RuleContext } from '../../engine/rule-context';

/** Every Secret (and key) a pod reads, through env, envFrom, a volume or imagePullSecrets, is defined in the app, made by an operator from the app's objects (ExternalSecret, SealedSecret, Certificate), or declared external. */
export class SecretExistsCheck implements IRuleCheck {
  public check(object: ManifestObject, context: RuleContext): RuleViolation[] {
    return missingReferences(object, context, 'Secret');
  }
}
