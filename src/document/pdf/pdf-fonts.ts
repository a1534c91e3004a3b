import { Font } from '@react-pdf/renderer';

/** Where each face of the PDF's font is read from: a file path in Node, a URL in the browser. */
export type PdfFontFiles = { regular: string; bold: string; italic: string; boldItalic: string };

/**
 * The PDF's text face: Noto Sans (SIL Open Font License, from @expo-google-fonts/noto-sans as TTF, the format react-pdf
 * reads), embedded and subset to the glyphs used. It draws Latin with every diacritic of the Nordic and Sámi
 * languages, Greek and Cyrillic; text outside it is refused at the field (src/shared/text-check.ts), never dropped.
 */
export const pdfFontFamily = 'NotoSans';

let registered = false;
export function registerPdfFonts(files: PdfFontFiles): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: pdfFontFamily,
    fonts: [
      { src: files.regular, fontWeight: 'normal', fontStyle: 'normal' },
      { src: files.bold, fontWeight: 'bold', fontStyle: 'normal' },
      { src: files.italic, fontWeight: 'normal', fontStyle: 'italic' },
      { src: files.boldItalic, fontWeight: 'bold', fontStyle: 'italic' },
    ],
  });
}

/** Words longer than this many characters are broken where a line ends; shorter words never are. */
export const longWord = 28;

// A word is never hyphenated (a legal text must read as written), except one too long for any line: it breaks into
// pieces that fit, so that all of it is printed. A URL may wrap after a slash or a query separator.
Font.registerHyphenationCallback((word) => {
  if (/^https?:\/\//.test(word)) return word.split(/(?<=[/?&=])/);
  if ([...word].length <= longWord) return [word];
  const pieces: string[] = [];
  const chars = [...word];
  for (let i = 0; i < chars.length; i += 12) pieces.push(chars.slice(i, i + 12).join(''));
  return pieces;
});
