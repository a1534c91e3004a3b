/** "1 post", "290 poster" ("1 record", "290 records"): a count of the log's records in words that agree with it. */
export function recordCount(n: number, lang: 'sv' | 'en'): string {
  if (lang === 'sv') return n === 1 ? '1 post' : `${n} poster`;
  return n === 1 ? '1 record' : `${n} records`;
}
