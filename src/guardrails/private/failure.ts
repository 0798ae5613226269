/**
 * The error a guardrail failure is thrown as. Its message is the whole story (every finding, with its fix), so its
 * stack is the message alone: Node prints an uncaught error's `stack`, and `cdk8s synth` passes the app's stderr
 * through, so a stack would put a trace into our library after the report.
 */
export function guardrailFailure(message: string): Error {
  const error = new Error(message);
  const text = `${error.name}: ${message}`;
  error.stack = text;
  // util.inspect (console.error(e)) shows an error without stack frames in brackets; show the text as it is.
  Object.defineProperty(error, Symbol.for('nodejs.util.inspect.custom'), { value: () => text });
  return error;
}
