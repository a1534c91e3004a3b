/**
 * CSV that Swedish Excel opens as columns: semicolon-separated (the list separator under a
 * Swedish locale, where the comma is the decimal sign), UTF-8 with a byte-order mark so å, ä
 * and ö survive a double-click, CRLF line ends, decimal comma, no thousands separator (Excel
 * reads "1 234" as text).
 */
export type CsvCell = string | number | null | undefined;

export const excelBom = '\uFEFF';

export function excelNumber(value: number, decimals = 0): string {
  const fixed = value.toFixed(decimals);
  return decimals === 0 ? fixed : fixed.replace('.', ',');
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? excelNumber(value, Number.isInteger(value) ? 0 : 2) : value;
  // A leading = + - @ would be read as a formula (CSV injection); a quote keeps it text.
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toExcelCsv(header: string[], rows: CsvCell[][]): string {
  return `${excelBom}${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** Reads such a file back (for tests and re-import): fields by header, quotes undone. */
export function parseExcelCsv(text: string): { header: string[]; rows: string[][] } {
  const body = text.startsWith(excelBom) ? text.slice(1) : text;
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}
