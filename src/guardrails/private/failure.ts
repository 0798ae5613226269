import { callerLanguage, CallerLanguage } from '../../private/caller-language';

/** What a failed synthesis says: one line, and the report under it. */
export interface FailureText {
  /** One line: what failed and what to do. */
  readonly headline: string;
  /** The report (the findings with their fixes), or undefined when the headline is all there is. */
  readonly report?: string;
  /** The rules whose findings failed the synthesis, for a caller that reads only the error. */
  readonly ruleIds?: string[];
}

/**
 * The error a guardrail failure is thrown as.
 *
 * From JavaScript or TypeScript the message is the whole story (the headline, then every finding with its fix) and
 * so is the stack, without frames: Node prints an uncaught error's `stack`, and `cdk8s synth` passes the app's
 * stderr through, so a stack would put a trace into our library after the report.
 *
 * Through jsii (Python, Java, Go, .NET) the runtime shows the message twice: Python raises it chained to the
 * JavaScript error whose text is the message again, Java appends that text to the message. So the report is
 * written to standard error once, here, and the error carries the headline, the failing rules and where the report
 * is kept.
 */
export function guardrailFailure(failure: FailureText, language: CallerLanguage = callerLanguage()): Error {
  let message: string;
  if (failure.report === undefined) {
    message = failure.headline;
  } else if (language === CallerLanguage.TYPESCRIPT) {
    message = `${failure.headline}\n\n${failure.report}`;
  } else {
    process.stderr.write(`${failure.headline}\n\n${failure.report}`);
    // A headline that ends in a list (the objects failOnSkipped refuses) gets the sentences on a line of their own.
    const gap = failure.headline.includes('\n') ? '\n' : ' ';
    const rules = failure.ruleIds?.length ? `Rules: ${[...new Set(failure.ruleIds)].join(', ')}. ` : '';
    const kept = language === CallerLanguage.PYTHON ? 'Guardrails.of(app).last_report' : 'the lastReport of Guardrails.of(app)';
    message = `${failure.headline}${gap}${rules}The report is printed on standard error and kept in ${kept}.`;
  }
  const error = new Error(message);
  const text = `${error.name}: ${message}`;
  error.stack = text;
  // util.inspect (console.error(e)) shows an error without stack frames in brackets; show the text as it is.
  Object.defineProperty(error, Symbol.for('nodejs.util.inspect.custom'), { value: () => text });
  return error;
}
