import { listBuyers, type Buyer } from '../../engine/buyers';
import { useI18n } from '../../i18n/i18n';
import { browserRuleset } from '../../rules-data/browser-ruleset';
import { organisationName } from './labels';

const groups: Array<{ label: { sv: string; en: string }; has: (b: Buyer) => boolean }> = [
  { label: { sv: 'Med inlagd policy', en: 'With a loaded policy' }, has: (b) => b.overlay !== null && b.kind !== 'other' },
  { label: { sv: 'Kommuner', en: 'Municipalities' }, has: (b) => b.kind === 'kommun' && b.overlay === null },
  { label: { sv: 'Regioner', en: 'Regions' }, has: (b) => b.kind === 'region' && b.overlay === null },
  { label: { sv: 'Övriga', en: 'Others' }, has: (b) => b.kind === 'state' || b.kind === 'other' },
];

/** The options of an organisation filter: every buyer, those with a loaded policy first, in named groups. */
export function OrganisationOptions() {
  const { t } = useI18n();
  const buyers = listBuyers(browserRuleset);
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.label.sv} label={t(g.label)}>
          {buyers
            .filter(g.has)
            .map((b) => ({ id: b.id, name: organisationName(b.id) }))
            .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
            .map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

/** An organisation filter as the statistics and the exception reports have it: every buyer, or all of them. */
export function OrganisationField({ id, value, onChange }: { id: string; value: string; onChange: (organisation: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {t({ sv: 'Organisation', en: 'Organisation' })}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t({ sv: 'Alla', en: 'All' })}</option>
        <OrganisationOptions />
      </select>
    </div>
  );
}
