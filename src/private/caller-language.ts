/**
 * The language the library is called from, so that a message can show code the caller can paste. jsii runs the
 * library in a Node process that the Python, Java, Go and .NET runtimes start with `JSII_AGENT` set to their name
 * and version (`Python/3.11.2`, `Java/17.0.2`); without it the caller is JavaScript or TypeScript.
 */
export enum CallerLanguage {
  /** JavaScript or TypeScript: messages show TypeScript. */
  TYPESCRIPT = 'typescript',
  /** Python, through jsii: messages show Python. */
  PYTHON = 'python',
  /** Java, Go or .NET through jsii: messages say it in words and name members as API.md does. */
  OTHER = 'other',
}

/** The caller's language, read from `JSII_AGENT`. */
export function callerLanguage(env: NodeJS.ProcessEnv = process.env): CallerLanguage {
  const agent = env.JSII_AGENT;
  if (agent === undefined || agent === '') return CallerLanguage.TYPESCRIPT;
  return /^python\//i.test(agent) ? CallerLanguage.PYTHON : CallerLanguage.OTHER;
}

/**
 * A property or method name as the caller writes it: `list_infos` for `listInfos` in Python, the declared name
 * elsewhere (jsii's own conversion: an underscore before each capital, then lower case).
 */
export function memberName(name: string, language: CallerLanguage = callerLanguage()): string {
  return language === CallerLanguage.PYTHON ? name.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`) : name;
}
