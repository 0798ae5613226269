import { IConstruct } from 'constructs';
import { ManifestObject } from '../../engine/manifest-object';
import { RulePack } from '../../engine/rule-pack';
import { SUPPRESS_ANNOTATION_PREFIX } from '../../engine/suppression';
import { Packs } from '../../packs/packs';
import { Suppressions } from '../suppressions';

/** The most close rule IDs a refusal suggests. */
const MAX_SUGGESTIONS = 3;

/**
 * Refuses suppressions that name a rule the guardrails cannot know: declared with `Suppressions.add` anywhere under
 * `scope` for a rule none of the configured packs has, or written as a `cdk8s-hardened.io/suppress.<ruleId>`
 * annotation (on an object whose annotations are trusted) for a rule no pack has, shipped or configured. A
 * misspelled ID would otherwise only show up as "unused" while the finding it meant stays. Annotations may name
 * rules of shipped packs these guardrails do not run: the manifests carry them for every reader (scan, the plugin),
 * and the workload constructs write them for their overrides. The error lists every such suppression with where
 * it was declared and the closest known rule IDs.
 */
export function refuseUnknownSuppressions(scope: IConstruct, objects: ManifestObject[], packs: RulePack[]): void {
  const configured = new Set(packs.flatMap(p => p.rules.map(r => r.id)));
  const shipped = new Set(Packs.defaults().flatMap(p => p.rules.map(r => r.id)));
  const problems = new Map<string, string>();
  for (const node of scope.node.findAll()) {
    for (const s of Suppressions._declared(node)) {
      if (configured.has(s.ruleId)) continue;
      const key = `construct ${s.origin} ${s.ruleId}`;
      if (!problems.has(key)) problems.set(key, `Suppressions.add on "${s.origin}" names rule "${s.ruleId}", ${unknownBecause(s.ruleId, packs)}`);
    }
  }
  for (const object of objects) {
    if (!object.trustAnnotationSuppressions) continue;
    for (const key of Object.keys(object.annotations)) {
      if (!key.startsWith(SUPPRESS_ANNOTATION_PREFIX)) continue;
      const ruleId = key.slice(SUPPRESS_ANNOTATION_PREFIX.length);
      if (configured.has(ruleId) || shipped.has(ruleId)) continue;
      const where = `${object.displayName}${object.constructPath ? ` (${object.constructPath})` : ''}`;
      const problemKey = `annotation ${where} ${ruleId}`;
      if (!problems.has(problemKey)) {
        problems.set(problemKey, `the annotation ${key} on ${where} names rule "${ruleId}", ${unknownBecause(ruleId, packs)}`);
      }
    }
  }
  if (problems.size === 0) return;
  const list = [...problems.values()];
  throw new Error(`cdk8s-hardened guardrails: ${list.length === 1 ? 'a suppression names a rule' : `${list.length} suppressions name rules`} `
    + `that the packs run here (${packs.map(p => p.name).join(', ')}) do not have:\n${list.map(p => `  - ${p}`).join('\n')}`);
}

/** Why a rule ID is not known to the configured packs, and the fix. */
function unknownBecause(ruleId: string, packs: RulePack[]): string {
  const shipped = Packs.defaults().filter(p => p.findRule(ruleId) && !packs.some(c => c.name === p.name));
  if (shipped.length) {
    return `a rule of the ${shipped.map(p => p.name).join(' and ')} pack, which these guardrails do not run: `
      + `add ${shipped.length === 1 ? 'the pack' : 'one of the packs'} to the packs option, or remove the suppression.`;
  }
  const known = [...new Set([...packs, ...Packs.defaults()].flatMap(p => p.rules.map(r => r.id)))];
  const closest = closestIds(ruleId, known);
  return closest.length
    ? `which no pack has: did you mean ${closest.map(id => `"${id}"`).join(' or ')}? Correct the rule ID, or remove the suppression.`
    : 'which no pack has: give the ID of a rule of the packs (RULES.md lists them), or remove the suppression.';
}

/** The known IDs nearest to `id` by edit distance, nearest first; none when even the nearest is far off. */
export function closestIds(id: string, known: string[]): string[] {
  const limit = Math.max(3, Math.floor(id.length / 3));
  const scored = known.map(k => ({ k, d: editDistance(id, k) })).filter(s => s.d <= limit);
  if (scored.length === 0) return [];
  const best = Math.min(...scored.map(s => s.d));
  return scored
    .filter(s => s.d <= best + 1)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, MAX_SUGGESTIONS)
    .map(s => s.k);
}

/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
