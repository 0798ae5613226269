import * as fs from 'fs';
import * as path from 'path';
import { AdmissionGuardrails } from '../src/constructs/admission';
import { renderRulesMarkdown } from '../src/engine/rules-markdown';
import { Packs } from '../src/packs/packs';

// Regenerates RULES.md from the rule metadata of the shipped packs.
fs.writeFileSync(path.join(__dirname, '..', 'RULES.md'), renderRulesMarkdown(Packs.defaults(), AdmissionGuardrails.enforceableRuleIds()));
