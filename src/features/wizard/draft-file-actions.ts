// Saving the draft as a file and reading one back are rare: this code (the file's schema, the download) loads on
// the click, outside the guide's first load (bench/wizard.bench.ts).
import type { Ruleset } from '../../engine/ruleset';
import type { Decision } from '../../guide/decision';
import { parseDecisionFile, toDecisionFile } from '../../document/decision-file';
import { downloadText } from '../../document/download';
import { draftFileName } from '../../document/file-names';

export { parseDecisionFile };

export function exportDraft(ruleset: Ruleset, decision: Decision): void {
  downloadText(draftFileName(decision.draft), JSON.stringify(toDecisionFile(ruleset, decision), null, 2), 'application/json');
}
