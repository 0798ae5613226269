import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { containersOf, describeContainer, isObject, podTemplateOf } from '../../private/pod-template';

/** No container sets the same environment variable twice in `env`. */
export class EnvNameUniqueCheck implements IRuleCheck {
  public check(object: ManifestObject): RuleViolation[] {
    const pod = podTemplateOf(object);
    if (!pod) return [];
    const violations: RuleViolation[] = [];
    for (const ref of containersOf(pod)) {
      const first = new Map<string, number>();
      (Array.isArray(ref.container.env) ? ref.container.env : []).forEach((e: any, i: number) => {
        if (!isObject(e) || typeof e.name !== 'string') return;
        const earlier = first.get(e.name);
        if (earlier === undefined) {
          first.set(e.name, i);
          return;
        }
        violations.push({
          message: `${describeContainer(ref)} sets env ${e.name} twice (env[${earlier}] and env[${i}]): the last one wins, and a strategic merge `
            + '(kubectl apply) keeps only one of them; remove one of the two',
          path: `${ref.path}.env[${i}]`,
        });
      });
    }
    return violations;
  }
}
