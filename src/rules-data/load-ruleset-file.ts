import type { Ruleset } from '../engine/ruleset';

/**
 * Fetches the built rule set (see ruleset-plugin.ts). If it cannot be had, the page says so in
 * Swedish and English in place of the app rather than staying blank.
 */
export async function loadRulesetFile(url: string): Promise<Ruleset> {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as Ruleset;
  } catch (error) {
    const root = document.getElementById('root');
    if (root) {
      root.innerHTML =
        '<main class="app-main"><h1>Vägval kunde inte starta</h1><p role="alert">Regelverket kunde inte hämtas från servern. Ladda om sidan om en stund; kvarstår felet, kontakta den som driftar Vägval.</p>' +
        '<p lang="en">Vägval could not start: the rule set could not be fetched from the server. Reload the page in a while.</p></main>';
    }
    throw error;
  }
}
