import { loadRuleset, type Ruleset } from '../engine/ruleset';

// Vite inlines rules/ into the bundle as text, so the app judges offline with the same data.
const texts = import.meta.glob<string>('/rules/**/*.yaml', { query: '?raw', import: 'default', eager: true });

const files = Object.fromEntries(Object.entries(texts).map(([path, text]) => [path.replace(/^\/rules\//, ''), text]));

/** The current rule set, bundled with the app. */
export const browserRuleset: Ruleset = loadRuleset(files);
