/**
 * ApiAccess and the rbac pack never disagree, over random rules: the same rules written as a plain Role and
 * RoleBinding are judged by the rbac pack first, then
 * - without overrides, ApiAccess refuses exactly when the pack reports a dangerous permission, naming one of the
 *   rules it reports;
 * - with an override for each reported rule (and no other), it accepts them, and every default pack finds nothing
 *   unsuppressed in what it synthesizes.
 */
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { ApiAccess, ApiAccessCheck, ApiAccessRule, HardenedDeployment, Packs } from '../../src';
import { IMAGE, NAMESPACE, namespacedChart, report } from '../constructs/workloads/support';
import { describeFindings, runPacks } from '../helpers/rule-harness';

/** The check whose override accepts what each rbac rule reports (held equal to the construct's table by the unit tests). */
const CHECK_OF_RULE: { [rule: string]: ApiAccessCheck } = {
  'rbac-secrets-read': ApiAccessCheck.READ_SECRETS,
  'rbac-create-workloads': ApiAccessCheck.CREATE_WORKLOADS,
  'rbac-pod-exec': ApiAccessCheck.POD_EXEC,
  'rbac-escalate': ApiAccessCheck.ESCALATE,
  'rbac-bind': ApiAccessCheck.BIND,
  'rbac-impersonate': ApiAccessCheck.IMPERSONATE,
};

// Namespaced resources, dangerous and harmless, with the verbs that matter for each.
const RESOURCES: [string, string][] = [
  ['', 'secrets'], ['', 'configmaps'], ['', 'pods'], ['', 'pods/log'], ['', 'pods/exec'], ['', 'pods/attach'], ['', 'pods/portforward'],
  ['', 'serviceaccounts'], ['', 'serviceaccounts/token'], ['', 'events'], ['', 'replicationcontrollers'], ['', 'services'],
  ['apps', 'deployments'], ['apps', 'statefulsets'], ['apps', 'replicasets'], ['apps', 'daemonsets'], ['apps', 'deployments/scale'],
  ['extensions', 'deployments'], ['batch', 'jobs'], ['batch', 'cronjobs'], ['coordination.k8s.io', 'leases'],
  ['rbac.authorization.k8s.io', 'roles'], ['rbac.authorization.k8s.io', 'rolebindings'],
];
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'escalate', 'bind', 'impersonate'];

const rule = fc.record({
  verbs: fc.uniqueArray(fc.constantFrom(...VERBS), { minLength: 1, maxLength: 4 }),
  resources: fc.uniqueArray(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 3 }),
  resourceNames: fc.option(fc.constantFrom(['one'], ['one', 'two']), { nil: undefined }),
})
  // create and deletecollection cannot be limited by name: the construct refuses such rules as bad input.
  .filter(r => !r.resourceNames || !r.verbs.some(v => v === 'create' || v === 'deletecollection'));

const toApiAccessRule = (r: { verbs: string[]; resources: [string, string][]; resourceNames?: string[] }): ApiAccessRule => ({
  verbs: r.verbs,
  resources: r.resources.map(([apiGroup, resourceType]) => kplus.ApiResource.custom({ apiGroup, resourceType })),
  resourceNames: r.resourceNames,
});

/** The rule IDs the rbac pack reports on the same rules, written by hand as one Role rule per resource. */
function rbacVerdict(rules: { verbs: string[]; resources: [string, string][]; resourceNames?: string[] }[]): string[] {
  const role = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'plain', namespace: NAMESPACE },
    rules: rules.flatMap(r => r.resources.map(([group, resource]) => ({
      apiGroups: [group], resources: [resource], verbs: r.verbs, ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
    }))),
  };
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'plain', namespace: NAMESPACE },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'plain' },
    subjects: [{ kind: 'ServiceAccount', name: 'worker', namespace: NAMESPACE }],
  };
  const ids = runPacks([Packs.rbac()], [role, binding]).unsuppressed().map(f => f.ruleId);
  return ids.filter((id, i) => ids.indexOf(id) === i).sort();
}

function build(rules: ApiAccessRule[], checks: ApiAccessCheck[]) {
  const chart = namespacedChart();
  const workload = new HardenedDeployment(chart, 'web', { metadata: { namespace: NAMESPACE }, containers: [{ name: 'web', image: IMAGE }] });
  new ApiAccess(chart, 'access', { workload, rules, overrides: checks.map(check => ({ check, reason: `needed by the controller; PLAT-${check}` })) });
  return chart;
}

describe('ApiAccess agrees with the rbac pack', () => {
  test('refuses exactly what the pack reports, and accepts it with the overrides, with zero findings', () => {
    fc.assert(fc.property(fc.array(rule, { minLength: 1, maxLength: 3 }), rules => {
      const reported = rbacVerdict(rules);
      // Every rule the pack reports here is one an override can accept: a Role grants nothing cluster-scoped.
      expect(reported.filter(id => !(id in CHECK_OF_RULE))).toEqual([]);
      const apiRules = rules.map(toApiAccessRule);

      let refusal: string | undefined;
      try {
        build(apiRules, []);
      } catch (e) {
        refusal = (e as Error).message;
      }
      if (reported.length === 0) {
        expect(refusal).toBeUndefined();
      } else {
        expect(refusal).toMatch(new RegExp(`^ApiAccess test/access: rules\\[\\d\\] grants .*, which breaks rule (${reported.join('|')}) `));
      }

      const chart = build(apiRules, reported.map(id => CHECK_OF_RULE[id]));
      expect(describeFindings(report(chart).unsuppressed())).toEqual('(none)');
    }), { numRuns: 150 });
  });
});
