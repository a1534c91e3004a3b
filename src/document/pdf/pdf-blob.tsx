import { pdf } from '@react-pdf/renderer';
import type { DecisionSheet } from '../decision-sheet';
import { DecisionPdf } from './decision-pdf';
import './pdf-fonts-browser';

/** In the browser: the PDF as a Blob to download. Loaded with import() only when asked for, as react-pdf is large. */
export function decisionPdfBlob(sheet: DecisionSheet): Promise<Blob> {
  return pdf(<DecisionPdf sheet={sheet} />).toBlob();
}
