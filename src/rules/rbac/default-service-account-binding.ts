import { subjectViolations } from './private/binding-subjects';
import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';

const DEFAULT_SA_USER = /^system:serviceaccount:([^:]+):default$/;

/** No binding grants anything to a namespace's `default` ServiceAccount. */
export class DefaultServiceAccountBindingCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    return subjectViolations(object, s => {
      const ns = s.kind === 'ServiceAccount' && s.name === 'default' ? s.namespace
        : (s.kind === 'User' ? DEFAULT_SA_USER.exec(s.name)?.[1] : undefined);
      if (ns === undefined) return undefined;
      return `which every pod of namespace ${ns} that sets no serviceAccountName runs as`;
    }, 'create a ServiceAccount for the workload that needs the role, bind that one and set it as the pod\'s serviceAccountName');
  }
}
