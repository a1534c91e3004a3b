/**
 * One way to write a moment for a reader in Sweden: the date and time in Europe/Stockholm to the
 * minute, marked "svensk tid" / "Swedish time", so that a page never mixes local time and UTC.
 * A text that is not a moment is returned as it is rather than as "Invalid Date".
 */
export function swedishTime(iso: string, lang: 'sv' | 'en'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${lang === 'sv' ? 'svensk tid' : 'Swedish time'}`;
}
