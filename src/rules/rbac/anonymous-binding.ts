import { subjectViolations } from './private/binding-subjects';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

const ANONYMOUS: { [name: string]: string } = {
  'system:anonymous': 'the identity of every request without credentials',
  'system:unauthenticated': 'the group of every request without credentials',
};

/** No binding grants anything to `system:anonymous` or `system:unauthenticated`. */
export class AnonymousBindingCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    return subjectViolations(
      object,
      s => ((s.kind === 'User' || s.kind === 'Group') && ANONYMOUS[s.name] ? ANONYMOUS[s.name] : undefined),
      'remove the subject and bind the users or ServiceAccounts that need the role',
    );
  }
}
