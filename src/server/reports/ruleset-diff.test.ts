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

  it('says a new dated limit in words, with the value it replaces, its source and its status', () => {
    const data = structuredClone(rulesetData(current));
    const limit = data.parameters['direct-award-limit']!;
    limit.values.push({ ...limit.values.at(-1)!, from: '2025-01-01', value: 1_000_000, status: 'unverified', note: undefined });
    const diff = diffRulesets(current, withIdentity(data));
    const entry = diff.entries.find((e) => e.id === 'direct-award-limit')!;
    expect(entry.words.map((w) => w.sv)).toEqual([
      'Direktupphandlingsgränsen: nytt värde från 2025-01-01: 1\u00a0000\u00a0000 kr (tidigare 700\u00a0000 kr), källa Konkurrensverket, ”Nya upphandlingsregler från 1 februari”, Nyhet, overifierad',
    ]);
    expect(diff.from).toMatchObject({ version: current.version, date: current.manifest.lastReviewed });
  });

  it('names the fields of a changed rule in words', () => {
    const diff = diffRulesets(storedBeforeLayers(current), current);
    const layer = diff.entries.find((e) => e.part === 'layers' && e.id === 'lekeberg')!;
    expect(layer.words[0]!.sv).toMatch(/^Köparens lager tillagd: /);
  });

  it('shows the move of the seed policies in 2026.12.3: their overlays removed and their layers added', () => {
    const diff = diffRulesets(storedBeforeLayers(current), current);
    const ids = (part: string, change: string) => diff.entries.filter((e) => e.part === part && e.change === change).map((e) => e.id);
    expect(ids('overlays', 'removed')).toEqual(['lekeberg', 'ljungby', 'motala', 'other', 'region-orebro', 'region-ostergotland']);
    expect(ids('layers', 'added')).toEqual(['lekeberg', 'ljungby', 'motala', 'region-orebro', 'region-ostergotland']);
    expect(diff.entries.filter((e) => e.part === 'rules' || e.part === 'parameters')).toEqual([]);
  });
});
