import * as fs from 'fs';
import * as path from 'path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * A validator for SARIF 2.1.0 logs. The schema is the OASIS 2.1.0 (rtm.5) schema as published in
 * `@microsoft/jest-sarif@1.0.0-beta.0` (lib/schemas/sarif-2.1.0-rtm.5.json), copied unchanged; it is a
 * JSON Schema draft-04 document, hence the draft-04 Ajv.
 */
export function sarifValidator(): (log: unknown) => unknown[] {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'schemas', 'sarif-schema-2.1.0.json'), 'utf-8'));
  // The schema's language pattern has a stray bracket that is only legal without the regex 'u' flag.
  const ajv = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return log => (validate(log) ? [] : [...(validate.errors ?? [])]);
}
