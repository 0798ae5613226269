import { IRuleCheck, ManifestObject, RuleViolation } from '../../src';

/** The logic of a house rule: every workload says which team owns it, in a `team` label. */
export class TeamLabelCheck implements IRuleCheck {
  private static readonly WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

  public check(object: ManifestObject): RuleViolation[] {
    if (!TeamLabelCheck.WORKLOADS.includes(object.kind)) return [];
    const team = object.labels.team;
    if (team === undefined || team === '') {
      return [{ message: 'has no "team" label: nobody is on call for it', path: 'metadata.labels' }];
    }
    return [];
  }
}
