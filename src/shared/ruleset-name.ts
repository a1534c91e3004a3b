import type { RulesetName } from './audit-report';

/**
 * A rule set named so that two can be told apart in a report: "2026.12.3 av 2026-12-01 (a1b2c3d4)", or
 * "arbetskopia 2026.12.3 (a1b2c3d4)" for the working copy of rules/, which shares its version with the one it
 * will replace until a maintainer raises it.
 */
export function rulesetName(r: RulesetName, lang: 'sv' | 'en'): string {
  const short = r.hash.slice(0, 8);
  const date = r.date ? (lang === 'sv' ? ` av ${r.date}` : ` of ${r.date}`) : '';
  const working = r.working ? (lang === 'sv' ? 'arbetskopia ' : 'working copy ') : '';
  return `${working}${r.version}${date} (${short})`;
}
