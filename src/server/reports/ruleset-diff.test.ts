import { describe, expect, it } from 'vitest';
import { withIdentity } from '../../engine/ruleset';
import { nodeRuleset } from '../../rules-data/node-ruleset';
import { storedBeforeLayers } from '../../../tests/fixtures/stored-ruleset';
import { rulesetData } from '../register-service';
import { diffRulesets } from './ruleset-diff';

const current = nodeRuleset();

describe('comparing two rule sets', () => {
  it("lists a change in a buyer's layer, field by field, under the layers", () => {
    const data = structuredClone(rulesetData(current));
    const ljungby = data.layers!.ljungby!;
    ljungby.version = '2026-01-01';
    ljungby.notes = ljungby.notes.map((n) => (n.id === 'overlay.ljungby.open-attitude' ? { ...n, text: { sv: 'Ny text.', en: 'New text.' } } : n));
    const diff = diffRulesets(current, withIdentity(data));
    expect(diff.entries.filter((e) => e.part === 'layers').map((e) => [e.id, e.change, e.label, e.fields.map((f) => f.field)])).toEqual([
      ['ljungby', 'changed', 'Ljungby kommun: Policy gällande sociala företag', ['notes', 'version']],
    ]);
  });

  it('shows the move of the seed policies in 2026.12.3: their overlays removed and their layers added', () => {
    const diff = diffRulesets(storedBeforeLayers(current), current);
    const ids = (part: string, change: string) => diff.entries.filter((e) => e.part === part && e.change === change).map((e) => e.id);
    expect(ids('overlays', 'removed')).toEqual(['lekeberg', 'ljungby', 'motala', 'other', 'region-orebro', 'region-ostergotland']);
    expect(ids('layers', 'added')).toEqual(['lekeberg', 'ljungby', 'motala', 'region-orebro', 'region-ostergotland']);
    expect(diff.entries.filter((e) => e.part === 'rules' || e.part === 'parameters')).toEqual([]);
  });
});
