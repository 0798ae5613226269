import { subjectViolations } from './private/binding-subjects';
import { BINDINGS, noSubject } from './private/bindings-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, celStrings } from '../../private/cel-form';

const ANONYMOUS: { [name: string]: string } = {
  'system:anonymous': 'the identity of every request without credentials',
  'system:unauthenticated': 'the group of every request without credentials',
};

/** The CEL form: no User or Group subject is one of ANONYMOUS. */
export const ANONYMOUS_BINDING_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: BINDINGS,
  compliant: noSubject(`s.kind in ['User', 'Group'] && s.name in ${celStrings(Object.keys(ANONYMOUS))}`),
  problem: 'grants its role to system:anonymous or system:unauthenticated (subjects), i.e. to requests without credentials',
};

/** No binding grants anything to `system:anonymous` or `system:unauthenticated`. */
export class AnonymousBindingCheck implements IRuleCheck {
  public readonly celForm = ANONYMOUS_BINDING_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return subjectViolations(
      object,
      s => ((s.kind === 'User' || s.kind === 'Group') && ANONYMOUS[s.name] ? ANONYMOUS[s.name] : undefined),
      'remove the subject and bind the users or ServiceAccounts that need the role',
    );
  }
}
