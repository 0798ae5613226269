import { ManifestObject } from '../../engine/manifest-object';
import { IRuleCheck, RuleViolation } from '../../engine/rule';
import { ALL_CONTAINERS, CelForm, CelTarget } from '../../private/cel-form';
import { containersOf, describeContainer, isObject, podTemplateOf } from '../../private/pod-template';

/** The CEL form: every name of the container's env appears once. */
export const ENV_NAME_UNIQUE_CEL: CelForm = {
  target: CelTarget.CONTAINERS,
  compliant: '!has(c.env) || c.env.all(e, c.env.filter(f, f.name == e.name).size() == 1)',
  containerLists: ALL_CONTAINERS,
  problem: 'sets an environment variable twice in env',
};

/** No container sets the same environment variable twice in `env`. */
export class EnvNameUniqueCheck implements IRuleCheck {
  public readonly celForm = ENV_NAME_UNIQUE_CEL;

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
