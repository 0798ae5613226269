import { Rule } from './rule';
import { Severity } from './severity';

/** Options for a rule pack. */
export interface RulePackProps {
  /** Short name used on the command line (`--packs`), e.g. `pss-restricted`. Lower-case words joined by dashes. */
  readonly name: string;
  /** One sentence: what the pack covers. */
  readonly description: string;
  /** The rules of the pack. IDs must be unique within the pack. */
  readonly rules: Rule[];
}

const PACK_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A named, composable set of rules.
 *
 * Packs are immutable: `withSeverity`, `withoutRules` and `withRules` return new packs, so a shared pack is never changed
 * behind another user's back.
 */
export class RulePack {
  /**
   * Merges packs into one. A rule that appears in several packs (the same ID) is kept once, from the first pack
   * that has it.
   */
  public static combine(name: string, packs: RulePack[]): RulePack {
    const seen = new Map<string, Rule>();
    for (const pack of packs) {
      for (const rule of pack.rules) {
        if (!seen.has(rule.id)) seen.set(rule.id, rule);
      }
    }
    return new RulePack({
      name,
      description: `Combination of ${packs.map(p => p.name).join(', ')}.`,
      rules: [...seen.values()],
    });
  }

  public readonly name: string;
  public readonly description: string;
  public readonly rules: Rule[];

  constructor(props: RulePackProps) {
    if (!PACK_NAME.test(props.name)) {
      throw new Error(`Rule pack name "${props.name}" is invalid: use lower-case words joined by dashes (e.g. "pss-restricted").`);
    }
    const ids = new Set<string>();
    for (const rule of props.rules) {
      if (ids.has(rule.id)) {
        throw new Error(`Rule pack "${props.name}" contains rule "${rule.id}" twice: rule IDs must be unique within a pack.`);
      }
      ids.add(rule.id);
    }
    this.name = props.name;
    this.description = props.description;
    this.rules = [...props.rules];
  }

  /** The rule with this ID, or undefined. */
  public findRule(ruleId: string): Rule | undefined {
    return this.rules.find(r => r.id === ruleId);
  }

  /** A copy of this pack where one rule has another severity. Throws when the pack has no such rule. */
  public withSeverity(ruleId: string, severity: Severity): RulePack {
    this.requireRule(ruleId);
    return this.copy(this.rules.map(r => (r.id === ruleId ? r.withSeverity(severity) : r)));
  }

  /** A copy of this pack without the given rules. Throws when the pack has no such rule. */
  public withoutRules(...ruleIds: string[]): RulePack {
    ruleIds.forEach(id => this.requireRule(id));
    return this.copy(this.rules.filter(r => !ruleIds.includes(r.id)));
  }

  /** A copy of this pack with more rules. */
  public withRules(...rules: Rule[]): RulePack {
    return this.copy([...this.rules, ...rules]);
  }

  private copy(rules: Rule[]): RulePack {
    return new RulePack({ name: this.name, description: this.description, rules });
  }

  private requireRule(ruleId: string): void {
    if (!this.findRule(ruleId)) {
      throw new Error(`Rule pack "${this.name}" has no rule "${ruleId}". Its rules are: ${this.rules.map(r => r.id).join(', ')}.`);
    }
  }
}
