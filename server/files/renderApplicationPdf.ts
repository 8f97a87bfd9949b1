import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AnswerNode } from '../../engine/review/collectAnswers.ts';
import { formatFileSize } from '../../engine/index.ts';
import { convertWoffToSfnt } from './convertWoffToSfnt.ts';

const require = createRequire(import.meta.url);
/** Noto Sans from KERN UX's fonts (WOFF, embedded as a subset): the same typeface family the portals offer. */
const FONT_DIR = join(dirname(require.resolve('@kern-ux/native/package.json')), 'dist/fonts/noto-sans');
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** The two fonts as plain sfnt, unpacked once per process. */
function getFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: convertWoffToSfnt(readFileSync(join(FONT_DIR, 'NotoSans-Regular.woff'))),
    bold: convertWoffToSfnt(readFileSync(join(FONT_DIR, 'NotoSans-Bold.woff'))),
  };
  return fonts;
}

/** Everything the application PDF shows; all texts already German. */
export interface ApplicationPdfContent {
  participantName: string;
  portalName: string;
  serviceTitle: string;
  version: string;
  reference: string;
  /** Received date-time, German local time, e.g. '07.12.2026, 10:15 Uhr'. */
  receivedAt: string;
  answers: AnswerNode[];
  attachments: { name: string; type: string; size: number; sha256: string; scan: string }[];
}

/**
 * Renders the application PDF with pdfkit: PDF/A-2b (fonts embedded as subsets, XMP metadata), tagged, German
 * language, A4. Returns the whole document (a few pages; small).
 */
export async function renderApplicationPdf(content: ApplicationPdfContent): Promise<Buffer> {
  // pdfkit (with its font metrics) loads with the first PDF: most server processes never render one.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    info: { Title: `${content.serviceTitle} – ${content.reference}`, Author: content.participantName, Subject: 'Antrag', Creator: 'kreisform' },
  });
  const { regular, bold } = getFonts();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('regular').fontSize(10).fillColor('#333333').text(`${content.participantName} · ${content.portalName}`);
  doc.moveDown(0.5);
  doc.font('bold').fontSize(18).fillColor('#000000').text(content.serviceTitle);
  doc.moveDown(0.5);
  const facts: [string, string][] = [
    ['Referenz', content.reference],
    ['Eingegangen am', content.receivedAt],
    ['Formularversion', content.version],
  ];
  for (const [label, value] of facts) line(doc, label, value, 0);
  doc.moveDown(1);
  doc.font('bold').fontSize(13).text('Angaben');
  doc.moveDown(0.3);
  writeAnswers(doc, content.answers, 0);
  doc.moveDown(1);
  doc.font('bold').fontSize(13).text('Anlagen');
  doc.moveDown(0.3);
  if (content.attachments.length === 0) doc.font('regular').fontSize(10).text('Keine Anlagen.');
  for (const attachment of content.attachments) {
    doc.font('bold').fontSize(10).text(attachment.name);
    doc.font('regular').fontSize(9).text(`${attachment.type}, ${formatFileSize(attachment.size)}, Virenprüfung: ${attachment.scan}`);
    doc.font('regular').fontSize(8).text(`SHA-256: ${attachment.sha256}`);
    doc.moveDown(0.4);
  }
  doc.end();
  return done;
}

function line(doc: PDFKit.PDFDocument, label: string, value: string, indent: number): void {
  doc.font('bold').fontSize(10).text(`${label}: `, doc.page.margins.left + indent, undefined, { continued: true });
  doc.font('regular').text(value);
}

function writeAnswers(doc: PDFKit.PDFDocument, nodes: AnswerNode[], indent: number): void {
  for (const node of nodes) {
    if (node.kind === 'value') {
      line(doc, node.label, node.text, indent);
    } else {
      doc.moveDown(0.2);
      doc.font('bold').fontSize(11).text(node.label, doc.page.margins.left + indent);
      writeAnswers(doc, node.children, indent + 14);
    }
  }
  doc.x = doc.page.margins.left;
}
