/**
 * User text (a justification, a description, a name) as Markdown that reads as the same text and can make nothing
 * else: no heading, list, quote, table, link, HTML, formula or emphasis. CommonMark lets any ASCII punctuation be
 * escaped with a backslash (spec 0.31, §2.4), so every character that can open a construct is escaped, wherever it
 * stands; a line break stays a line break and a blank line a blank line, inside the list item the text belongs to.
 */

// Inline constructs anywhere: emphasis, code, links and images, HTML and autolinks, entities, tables, strikethrough,
// math ($), and the escape itself (a `!` makes an image only before a `[`, which is escaped). `:` `@` and `.` are escaped where GFM's extended autolinks would read a link.
const inline = /[\\`*_[\]<>|~&$]/g;
const linkish = /(?<=[A-Za-z])(:)(?=\/\/)|(?<=\bwww)(\.)|(?<=[\w.+-])(@)(?=[\w-]+\.)/gi;
// At the start of a line: headings, quotes, list markers and setext underlines (# > + - =), and the characters a
// spreadsheet runs as a formula (= + - @), so a table made from the text gets the character, not a formula.
const lineStart = /^[#>+\-=@]/;
const entity = (c: string) => `&#${c.codePointAt(0)};`;

function escapeLine(line: string, startsLine: boolean): string {
  let out = line.replace(inline, (c) => `\\${c}`).replace(linkish, (c) => `\\${c}`);
  if (!startsLine) return out.replace(/[ \t]$/, entity);
  // A numbered list needs "1." or "1)" at the start.
  out = out.replace(/^(\d+)([.)])/, '$1\\$2').replace(lineStart, (c) => `\\${c}`);
  // Leading white space would make an indented code block and trailing spaces a hard break or nothing: the outer
  // white-space character becomes its character reference, which CommonMark decodes back to the same character.
  return out.replace(/^[ \t]/, entity).replace(/[ \t]$/, entity);
}

/**
 * The text as Markdown that continues a line (after "- Motivering: "), on as many lines as it has. `indent` starts
 * every line after the first (a list item's continuation); a blank line is kept, and the indent holds what follows
 * inside the item.
 */
export function markdownInline(text: string, indent = ''): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line, i) => (i === 0 ? escapeLine(line, false) : line.trim() === '' ? '' : `${indent}${escapeLine(line, true)}`)).join('\n');
}

/** The text as Markdown paragraphs that start a line of their own. */
export function markdownBlock(text: string): string {
  return markdownInline(`\n${text}`).slice(1);
}
