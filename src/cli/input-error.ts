import { InputProblem } from './input-problem';

/** `file:line:column: message`, the form editors and CI logs link to. */
export function formatInputProblem(problem: InputProblem): string {
  const where = [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter(part => part !== undefined)
    .join(':');
  return `${where}: ${problem.message}`;
}

/** Thrown by the readers for a problem that makes a whole file unusable; the scan turns it into an InputProblem. */
export class InputError extends Error {
  constructor(public readonly problem: InputProblem) {
    super(formatInputProblem(problem));
    this.name = 'InputError';
  }
}
