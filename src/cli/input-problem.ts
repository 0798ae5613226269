/**
 * An input that could not be read or understood: a missing path, a binary or non-UTF-8 file, malformed YAML.
 *
 * `scan` reports it on standard error and exits 2; the findings of the other files are still reported.
 */
export interface InputProblem {
  /** The file as given on the command line (or found under a directory), `<stdin>` for standard input. */
  readonly file: string;
  /** 1-based line of the problem. @default - the file as a whole */
  readonly line?: number;
  /** 1-based column of the problem. @default - the line as a whole */
  readonly column?: number;
  /** What is wrong and, where it helps, what to do. One line. */
  readonly message: string;
}
