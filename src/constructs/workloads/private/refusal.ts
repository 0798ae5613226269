import { IConstruct } from 'constructs';
import { HardeningCheck } from '../hardening';
import { CHECKS } from './rule-ids';
import { callerLanguage, CallerLanguage } from '../../../private/caller-language';
import { constructPath } from '../../../private/construct-path';

/** Who refuses: `HardenedDeployment shop/web`, the construct's class and its path, as the guardrails report names it. */
export interface RefusalSubject {
  readonly construct: string;
  readonly path: string;
}

/** The subject of a construct being built, from its class name, scope and id. */
export function refusalSubject(construct: string, scope: IConstruct, id: string): RefusalSubject {
  return { construct, path: constructPath(scope, id) };
}

/**
 * Builds the construction-time error for a refused value. The message names the prop, the value received, the rule
 * it would break and the fix, including the override that would accept it deliberately.
 */
export function refusal(subject: RefusalSubject, prop: string, value: unknown, check: HardeningCheck, fix: string): Error {
  const info = CHECKS[check];
  return new Error(
    `${subject.construct} ${subject.path}: ${prop} is ${show(value)}, which breaks rule ${info.rule} (${info.risk}). `
    + `Fix: ${fix}. If this is deliberate, ${overrideHint(check)}.`,
  );
}

/** How to accept the refused value deliberately, as code the caller can paste, or in words where we cannot tell. */
export function overrideHint(check: HardeningCheck, language: CallerLanguage = callerLanguage()): string {
  return overrideHintFor('HardeningCheck', 'HardeningOverride', check, language);
}

/**
 * The same hint for any construct with a `check` enum and an override struct (`ApiAccessCheck`, `ApiAccessOverride`):
 * TypeScript and Python callers get code, the other languages words.
 */
export function overrideHintFor(checkEnum: string, overrideStruct: string, check: string, language: CallerLanguage = callerLanguage()): string {
  switch (language) {
    case CallerLanguage.TYPESCRIPT:
      return `add { check: ${checkEnum}.${check}, reason: '<why, at least 10 characters>' } to overrides`;
    case CallerLanguage.PYTHON:
      return `add ${overrideStruct}(check=${checkEnum}.${check}, reason="<why, at least 10 characters>") to overrides`;
    default:
      return `add to overrides ${/^[AEIOU]/.test(overrideStruct) ? 'an' : 'a'} ${overrideStruct} whose check is ${check} (of ${checkEnum}) `
        + 'and whose reason says why, in at least 10 characters';
  }
}

/** A refused value that no override can accept (bad input rather than a weaker setting). */
export function invalid(subject: RefusalSubject, prop: string, value: unknown, expected: string): Error {
  return new Error(`${subject.construct} ${subject.path}: ${prop} is ${show(value)}; ${expected}.`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return String(value);
}
