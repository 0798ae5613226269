import { TeamLabelCheck } from './team-label-check';
import { Packs, Rule, RulePack, RuleScope, Severity } from '../../src';

/** Acme's house rules, next to the shipped packs: metadata here, logic in the check. */
export function acmePack(): RulePack {
  return new RulePack({
    name: 'acme',
    description: 'House rules of Acme: ownership labels.',
    rules: [
      new Rule({
        id: 'acme-team-label',
        severity: Severity.ERROR,
        summary: 'Every workload carries a team label.',
        explanation: 'The on-call rota is looked up by the team label; an unlabeled workload pages nobody when it breaks.',
        remediation: 'Add metadata.labels.team with the owning team, e.g. `team: payments`.',
        fields: ['metadata.labels.team'],
        check: new TeamLabelCheck(),
        // The check reads only the object: it runs as each object is read, and a scan need not keep objects for it.
        scope: RuleScope.OBJECT,
      }),
    ],
  });
}

/** The packs Acme's apps run: the shipped ones, with one severity changed for Acme, plus the house rules. */
export function acmePacks(): RulePack[] {
  const defaults = Packs.defaults().map(pack =>
    // Acme runs a mesh that encrypts pod traffic, and treats an unselected policy peer as an error.
    pack.findRule('network-policy-peer-selects-pods') ? pack.withSeverity('network-policy-peer-selects-pods', Severity.ERROR) : pack);
  return [...defaults, acmePack()];
}
