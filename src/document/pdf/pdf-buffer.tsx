import { renderToBuffer } from '@react-pdf/renderer';
import type { DecisionSheet } from '../decision-sheet';
import { DecisionPdf } from './decision-pdf';
import './pdf-fonts-node';

/** In Node (the CLI, the tests): the PDF as bytes. */
export function decisionPdfBuffer(sheet: DecisionSheet): Promise<Buffer> {
  return renderToBuffer(<DecisionPdf sheet={sheet} />);
}
