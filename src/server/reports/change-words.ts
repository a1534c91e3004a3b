import { formatValue } from '../../engine/format';
import type { Ruleset } from '../../engine/ruleset';
import type { Localized, Parameter, ParameterValue } from '../../engine/ruleset-schema';
import { evidenceNames } from '../../shared/audit-labels';

/**
 * A rule change as an auditor writes it in an audit report: "Direktupphandlingsgränsen: nytt värde från
 * 2025-01-01: 1 000 000 kr (tidigare 700 000 kr), källa …, overifierad", not the two JSON arrays it is stored as.
 */

const both = (f: (lang: 'sv' | 'en') => string): Localized => ({ sv: f('sv'), en: f('en') });

/** Where a value comes from, as the rule set names it: document title and section. */
function sourceText(ruleset: Ruleset, value: ParameterValue, lang: 'sv' | 'en'): string {
  const doc = ruleset.sources[value.source.document];
  if (!doc) return `${lang === 'sv' ? 'källa' : 'source'} ${value.source.document}`;
  const section = doc.excerpts.find((e) => e.id === value.source.excerpt)?.section;
  return `${lang === 'sv' ? 'källa' : 'source'} ${doc.issuer}, ”${doc.title}”${section ? `, ${section}` : ''}`;
}

const inForce = (p: Parameter | undefined, date: string) => p?.values.filter((v) => v.from <= date).at(-1) ?? null;

/** Each dated value added, changed or removed, in words. */
export function parameterChangeWords(before: Parameter | undefined, after: Parameter | undefined, from: Ruleset, to: Ruleset): Localized[] {
  const p = after ?? before!;
  const amount = (v: number, lang: 'sv' | 'en') => formatValue(v, p.unit, lang);
  const status = (v: ParameterValue, lang: 'sv' | 'en') => evidenceNames[v.status]![lang];
  const words: Localized[] = [];
  if (!before) {
    words.push(both((l) => `${p.label[l]}: ${l === 'sv' ? 'nytt värde i regelverket' : 'new value in the rule set'}`));
  }
  if (!after) {
    words.push(both((l) => `${p.label[l]}: ${l === 'sv' ? 'borttaget ur regelverket' : 'removed from the rule set'}`));
    return words;
  }
  for (const v of after.values) {
    const old = before?.values.find((b) => b.from === v.from);
    const said = (l: 'sv' | 'en') => `${sourceText(to, v, l)}, ${status(v, l)}`;
    if (!old) {
      const previous = inForce(before, v.from);
      words.push(
        both((l) => {
          const was = previous ? ` (${l === 'sv' ? 'tidigare' : 'previously'} ${amount(previous.value, l)})` : '';
          return `${p.label[l]}: ${l === 'sv' ? 'nytt värde från' : 'new value from'} ${v.from}: ${amount(v.value, l)}${was}, ${said(l)}`;
        }),
      );
    } else if (old.value !== v.value) {
      words.push(both((l) => `${p.label[l]}: ${l === 'sv' ? 'värdet från' : 'the value from'} ${v.from} ${l === 'sv' ? 'ändrat till' : 'changed to'} ${amount(v.value, l)} (${l === 'sv' ? 'tidigare' : 'previously'} ${amount(old.value, l)}), ${said(l)}`));
    } else if (old.status !== v.status || old.source.document !== v.source.document || old.source.excerpt !== v.source.excerpt) {
      words.push(
        both((l) => `${p.label[l]}: ${l === 'sv' ? 'värdet från' : 'the value from'} ${v.from} (${amount(v.value, l)}) ${l === 'sv' ? 'har nu' : 'now has'} ${said(l)} (${l === 'sv' ? 'tidigare' : 'previously'} ${sourceText(from, old, l)}, ${status(old, l)})`),
      );
    } else if (JSON.stringify(old.note ?? null) !== JSON.stringify(v.note ?? null)) {
      words.push(both((l) => `${p.label[l]}: ${l === 'sv' ? 'anmärkningen till värdet från' : 'the note on the value from'} ${v.from} ${l === 'sv' ? 'ändrad' : 'changed'}`));
    }
  }
  for (const old of before?.values ?? []) {
    if (!after.values.some((v) => v.from === old.from)) {
      words.push(both((l) => `${p.label[l]}: ${l === 'sv' ? 'värdet från' : 'the value from'} ${old.from} (${amount(old.value, l)}) ${l === 'sv' ? 'borttaget' : 'removed'}`));
    }
  }
  if (before && before.validTo !== after.validTo) {
    words.push(both((l) => `${p.label[l]}: ${l === 'sv' ? 'gäller till' : 'in force until'} ${after.validTo ?? (l === 'sv' ? 'vidare' : 'further notice')} (${l === 'sv' ? 'tidigare' : 'previously'} ${before.validTo ?? (l === 'sv' ? 'vidare' : 'further notice')})`));
  }
  if (before && (before.label.sv !== after.label.sv || before.label.en !== after.label.en)) {
    words.push(both((l) => `${after.label[l]}: ${l === 'sv' ? 'nytt namn (tidigare' : 'renamed (previously'} ”${before.label[l]}”)`));
  }
  return words;
}

/** The fields of an entry, named as a reader of the rule set would call them. */
const fieldNames: Record<string, Localized> = {
  when: { sv: 'villkoret', en: 'the condition' },
  condition: { sv: 'villkoret', en: 'the condition' },
  text: { sv: 'texten', en: 'the text' },
  title: { sv: 'rubriken', en: 'the title' },
  rationale: { sv: 'motiveringen', en: 'the rationale' },
  source: { sv: 'källan', en: 'the source' },
  status: { sv: 'källans status', en: 'the source status' },
  excerpts: { sv: 'utdragen', en: 'the excerpts' },
  notes: { sv: 'anteckningarna', en: 'the notes' },
  version: { sv: 'versionen', en: 'the version' },
  values: { sv: 'värdena', en: 'the values' },
  label: { sv: 'namnet', en: 'the name' },
  question: { sv: 'frågan', en: 'the question' },
  options: { sv: 'svarsalternativen', en: 'the options' },
  url: { sv: 'adressen', en: 'the address' },
  validFrom: { sv: 'giltig från', en: 'valid from' },
  validTo: { sv: 'giltig till', en: 'valid to' },
  recommendation: { sv: 'rekommendationsordningen', en: 'the order of recommendation' },
  manifest: { sv: 'regelverkets uppgifter', en: "the rule set's details" },
  held: { sv: 'texten när villkoret håller', en: 'the text when the condition holds' },
  failed: { sv: 'texten när villkoret inte håller', en: 'the text when the condition fails' },
};

/** An entry other than a value, in words: added, removed, or which of its fields changed. */
export function entryChangeWords(label: string, change: 'added' | 'removed' | 'changed', fields: string[], kind: Localized): Localized[] {
  if (change === 'added') return [both((l) => `${kind[l]} ${l === 'sv' ? 'tillagd' : 'added'}: ${label}`)];
  if (change === 'removed') return [both((l) => `${kind[l]} ${l === 'sv' ? 'borttagen' : 'removed'}: ${label}`)];
  return [both((l) => `${label}: ${l === 'sv' ? 'ändrat' : 'changed'} ${fields.map((f) => fieldNames[f]?.[l] ?? f).join(l === 'sv' ? ', ' : ', ')}`)];
}
