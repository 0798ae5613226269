import { subjectViolations } from './private/binding-subjects';
import { BINDINGS, noSubject } from './private/bindings-cel';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { CelForm, CelTarget, celString } from '../../private/cel-form';

const DEFAULT_SA_USER = /^system:serviceaccount:([^:]+):default$/;

/**
 * The CEL form: no subject is a ServiceAccount named default (the API server requires its namespace on a
 * ClusterRoleBinding, and a RoleBinding's own namespace stands in for a missing one) or its user name.
 */
export const DEFAULT_SERVICE_ACCOUNT_BINDING_CEL: CelForm = {
  target: CelTarget.OBJECT,
  resources: BINDINGS,
  compliant: noSubject(`(s.kind == 'ServiceAccount' && s.name == 'default') || (s.kind == 'User' && s.name.matches(${celString(DEFAULT_SA_USER.source)}))`),
  problem: 'grants its role to a namespace\'s default ServiceAccount (subjects), which every pod without a serviceAccountName runs as',
};

/** No binding grants anything to a namespace's `default` ServiceAccount. */
export class DefaultServiceAccountBindingCheck implements IRuleCheck {
  public readonly celForm = DEFAULT_SERVICE_ACCOUNT_BINDING_CEL;

  public check(object: ManifestObject): RuleViolation[] {
    return subjectViolations(object, s => {
      const ns = s.kind === 'ServiceAccount' && s.name === 'default' ? s.namespace
        : (s.kind === 'User' ? DEFAULT_SA_USER.exec(s.name)?.[1] : undefined);
      if (ns === undefined) return undefined;
      return `which every pod of namespace ${ns} that sets no serviceAccountName runs as`;
    }, 'create a ServiceAccount for the workload that needs the role, bind that one and set it as the pod\'s serviceAccountName');
  }
}
