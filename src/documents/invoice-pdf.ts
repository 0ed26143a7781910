// Renders an invoice (R-INV-ORDER) as a PDF with pdfmake 0.2 on the server and the bundled DejaVu
// font, so Cyrillic renders. Pure: data in, Buffer out; the job handler decides where it goes.
import { createRequire } from 'node:module';
import type { InvoiceDocument } from '../domain/invoices/document.js';
import { formatMoney } from '../domain/money.js';
import { dejaVuFonts } from './fonts.js';
import { invoiceTexts as t } from './invoice-texts.js';

/** pdfmake's document tree, loosely typed: @types/pdfmake describes 0.3, we run 0.2's printer. */
type Content = string | { [key: string]: unknown };
type TDocumentDefinitions = { content: Content[]; [key: string]: unknown };

/** The part of pdfmake 0.2's server-side printer we use. */
interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  end(): void;
}
interface PdfPrinter {
  createPdfKitDocument(definition: TDocumentDefinitions): PdfKitDocument;
}

let printer: PdfPrinter | undefined;

function getPrinter(): PdfPrinter {
  if (!printer) {
    const Printer = createRequire(import.meta.url)('pdfmake/src/printer') as new (fonts: unknown) => PdfPrinter;
    printer = new Printer(dejaVuFonts());
  }
  return printer;
}

/** The supplier (whom to pay, into which account) beside the payer: the two blocks of requisites. */
function parties(doc: InvoiceDocument): Content {
  const s = doc.supplier;
  const c = doc.client;
  const supplier: Content[] = [
    { text: t.supplier, color: '#666666', fontSize: 8 },
    { text: s.name, bold: true },
    `${t.unp}: ${s.unp}`,
    `${t.address}: ${s.address}`,
    `${t.bankAccount}: ${s.iban}`,
    `${s.bankName}, ${t.bic} ${s.bic}`,
  ];
  const payer: Content[] = [
    { text: t.payer, color: '#666666', fontSize: 8 },
    { text: c.name, bold: true },
    `${t.unp}: ${c.unp}${c.okpo ? `, ${t.okpo}: ${c.okpo}` : ''}`,
  ];
  if (c.address) payer.push(`${t.address}: ${c.address}`);
  for (const a of c.bankAccounts) payer.push(`${t.bankAccount}: ${a.iban}`, `${a.bankName}, ${t.bic} ${a.bic}`);
  return {
    columns: [
      { width: '*', stack: supplier },
      { width: '*', stack: payer },
    ],
    columnGap: 20,
    margin: [0, 0, 0, 8],
  };
}

function linesTable(doc: InvoiceDocument): Content {
  const right = { alignment: 'right' as const };
  return {
    table: {
      headerRows: 1,
      widths: [20, '*', 95, 95],
      body: [
        [t.columns.position, t.columns.description, t.columns.amount, t.columns.vat(doc.vatPercent)].map((text) => ({
          text,
          bold: true,
        })),
        ...doc.lines.map((l, i) => [
          String(i + 1),
          l.description ?? t.servicesLine(doc.period),
          { text: formatMoney(l.amount), ...right },
          { text: formatMoney(l.vat), ...right },
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 12, 0, 12],
  };
}

export function invoiceDefinition(doc: InvoiceDocument): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    defaultStyle: { font: 'DejaVu', fontSize: 10 },
    info: { title: t.title(doc.number, doc.issuedOn), creator: 'Portal Bot' },
    content: [
      { text: t.title(doc.number, doc.issuedOn), fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      { text: t.period(doc.period), margin: [0, 0, 0, 12] },
      parties(doc),
      t.contract(doc.contract.number, doc.contract.date),
      linesTable(doc),
      // The one total: the amount to pay with the VAT it includes.
      {
        text: [
          { text: `${t.total}: ${formatMoney(doc.total)}`, bold: true },
          `, ${t.vatTotal(doc.vatPercent)}: ${formatMoney(doc.vatTotal)}`,
        ],
        alignment: 'right',
        fontSize: 11,
      },
      {
        table: {
          widths: [110, '*'],
          body: [
            [
              { text: t.dueLabel, bold: true },
              { text: t.due(doc.dueOn), bold: true },
            ],
            [
              { text: t.purposeLabel, bold: true },
              t.purpose({
                number: doc.number,
                issuedOn: doc.issuedOn,
                period: doc.period,
                contract: doc.contract.number,
                contractDate: doc.contract.date,
              }),
            ],
          ],
        },
        layout: 'noBorders',
        margin: [0, 16, 0, 0],
      },
      { text: doc.paid ? t.paid : t.unpaid, margin: [0, 12, 0, 0], italics: true },
    ],
  };
}

export function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = getPrinter().createPdfKitDocument(invoiceDefinition(doc));
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
