import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { furniture, ruleset } from '../../tests/fixtures/decisions';
import { decisionToMarkdown } from './decision-markdown';
import { sheetForDecision } from './sheet-for';

// A real CommonMark parser with GFM's bare-URL links and raw HTML switched on: the most a reader's viewer could make.
const parser = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof parser.parse>[number];

function markdownWith(decision: { justification?: string; deviationReason?: string; description?: string }) {
  const draft = {
    ...furniture.draft,
    answers: { ...furniture.draft.answers, purchase: { ...furniture.draft.answers.purchase!, ...(decision.description ? { description: decision.description } : {}) } },
    decision: { ...furniture.draft.decision, ...decision },
  };
  const sheet = sheetForDecision(ruleset, { ...furniture, draft, answers: draft.answers }, 'sv');
  return { sheet, markdown: decisionToMarkdown(sheet), tokens: parser.parse(decisionToMarkdown(sheet), {}) };
}

/** The tokens of the page-1 list item that starts with `term: `. */
function itemTokens(tokens: Token[], term: string): Token[] {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'list_item_open') continue;
    let depth = 0;
    const item: Token[] = [];
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j]!;
      item.push(t);
      if (t.type === 'list_item_open') depth++;
      if (t.type === 'list_item_close' && --depth === 0) break;
    }
    if (item.find((t) => t.type === 'inline')?.content.startsWith(`${term}: `)) return item;
  }
  return [];
}

/** The text a reader sees in that item, paragraphs apart by a blank line. */
function itemText(tokens: Token[], term: string): string {
  const paragraphs = itemTokens(tokens, term)
    .filter((t) => t.type === 'inline')
    .map((t) => (t.children ?? []).map((c: Token) => (c.type === 'softbreak' || c.type === 'hardbreak' ? '\n' : c.content)).join(''));
  return paragraphs.join('\n\n').slice(term.length + 2);
}

const kinds = (tokens: Token[]): Token[] => tokens.flatMap((t) => [t, ...(t.children ?? [])]);

describe('the Markdown document cannot be forged from the text a procurer types', () => {
  it('keeps a justification written to add a second decision section as text of the justification, and it reads back the same', () => {
    const justification = 'Tre offerter jämfördes.\n\n## Beslut\n\n- Vald väg: IOP\n1. Godkänt\n> citat\n---\n    kod';
    const { tokens } = markdownWith({ justification });
    const headings = tokens.filter((t) => t.type === 'heading_open');
    const headingTexts = headings.map((h) => tokens[tokens.indexOf(h) + 1]!.content);
    expect(headingTexts).not.toContain('Beslut');
    expect(headingTexts.filter((h) => h === 'Beslut om upphandlingsväg')).toHaveLength(1);
    const item = itemTokens(tokens, 'Motivering');
    expect(item.map((t) => t.type).filter((type) => !['list_item_open', 'list_item_close', 'paragraph_open', 'paragraph_close', 'inline'].includes(type))).toEqual([]);
    expect(itemText(tokens, 'Motivering')).toBe(justification);
    // The forged line is no item of its own: "Vald väg" is on page 1 once, as the document's own bold line.
    expect(tokens.filter((t) => t.type === 'inline' && /^\**Vald väg/.test(t.content)).map((t) => t.content)).toEqual([expect.stringMatching(/^\*\*Vald väg: Upphandling enligt LOU/)]);
  });

  it('leaves HTML, links and formulas as the characters typed', () => {
    const hostile = [
      '<script>alert(1)</script> <img src=x onerror=alert(1)>',
      '[klicka här](javascript:alert(1)) ![bild](https://evil.example/x.png) <javascript:alert(1)>',
      'https://evil.example/logga-in www.evil.example anna@evil.example',
      '=HYPERLINK("https://evil.example","Öppna") +SUM(A1) @cmd',
      '=HYPERLINK("https://evil.example","Öppna")',
      '*fet* _kursiv_ `kod` ~~struken~~ $x^2$ | a | b | &amp; \\',
    ].join('\n');
    const { tokens, markdown, sheet } = markdownWith({ justification: hostile, deviationReason: '<b>skäl</b>', description: '## Möbler [x](javascript:1)' });
    const all = kinds(tokens);
    expect(all.filter((t) => t.type.startsWith('html')).map((t) => t.content)).toEqual([]);
    for (const term of ['Motivering', 'Skäl att avvika', 'Köp']) {
      expect(kinds(itemTokens(tokens, term)).map((t) => t.type).filter((type) => !['list_item_open', 'list_item_close', 'paragraph_open', 'paragraph_close', 'inline', 'text', 'softbreak', 'text_special'].includes(type)), term).toEqual([]);
    }
    // The only links are the rule set's own sources.
    const sources = new Set<string>();
    JSON.stringify(sheet, (key, value: unknown) => (key === 'url' && typeof value === 'string' ? (sources.add(value), value) : value));
    const hrefs = all.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
    for (const href of hrefs) expect(sources, `${href} is a source of the rule set`).toContain(href);
    expect(itemText(tokens, 'Motivering')).toBe(hostile);
    expect(itemText(tokens, 'Skäl att avvika')).toBe('<b>skäl</b>');
    expect(itemText(tokens, 'Köp')).toBe('## Möbler [x](javascript:1) (varor)');
    // No line of the file starts with a character a spreadsheet runs as a formula.
    for (const line of markdown.split('\n')) expect(line, line).not.toMatch(/^\s*[=+@]/);
  });
});
