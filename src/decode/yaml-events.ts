import { YamlEvents } from './compose-value';
import { YamlEventParser } from './goyaml/parser';

/** go-yaml v2's event parser over one document's text: its fields are the current event. */
export function yamlEvents(text: string): YamlEvents {
  return new YamlEventParser(text);
}
