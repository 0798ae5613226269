import { subjectViolations } from './private/binding-subjects';
import { BINDINGS, noSubject } from './private/bindings-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget } from '../../private/cel-form';

/** The group a subject names, when it stands for every authenticated identity or every ServiceAccount (of a namespace). */
function broadGroup(kind: string, name: string): string | undefined {
  if (kind !== 'Group') return undefined;
  if (name === 'system:authenticated') return 'that is every authenticated user and every ServiceAccount token of the cluster';
  if (name === 'system:serviceaccounts') return 'that is every ServiceAccount of the cluster, so every pod that mounts a token';
  if (name.startsWith('system:serviceaccounts:')) {
    return `that is every ServiceAccount of namespace ${name.slice('system:serviceaccounts:'.length)}, so every pod of it that mounts a token`;
  }
  return undefined;
}

/** The CEL form: no Group subject is one that broadGroup describes. */
export const BROAD_GROUP_BINDING_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: BINDINGS,
  compliant: noSubject("s.kind == 'Group' && (s.name in ['system:authenticated', 'system:serviceaccounts'] || s.name.startsWith('system:serviceaccounts:'))"),
  problem: 'grants its role to system:authenticated or to every ServiceAccount, system:serviceaccounts[:<namespace>] (subjects)',
};

/** No binding grants anything to `system:authenticated` or to all ServiceAccounts (`system:serviceaccounts[:<ns>]`). */
export class BroadGroupBindingCheck implements IRuleCheck {
  public readonly celForm = BROAD_GROUP_BINDING_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return subjectViolations(object, s => broadGroup(s.kind, s.name), 'bind the ServiceAccounts or users that need the role by name');
  }
}
