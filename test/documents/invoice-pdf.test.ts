import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderInvoicePdf } from '../../src/documents/invoice-pdf.js';
import { loadInvoiceDocument } from '../../src/domain/invoices/index.js';
import { makeBankAccount, makeInvoice } from '../helpers/billing-fixtures.js';
import { createTestDeps } from '../helpers/deps.js';
import { makeClient } from '../helpers/fixtures.js';
import { pdfText } from './pdf-text.js';

const deps = await createTestDeps('2026-11-10T10:00');

async function romashkaInvoice(unp = '190000002') {
  const client = await makeClient(deps.db, {
    name: 'ООО «Ромашка»',
    unp,
    legalAddress: 'г. Минск, пр. Независимости, 10',
    contractNumber: 'КД-15/2024',
    contractDate: '2024-03-01',
  });
  await makeBankAccount(deps.db, client.id, { iban: 'BY13NBRB3600900000002Z00AB00' });
  // Two lines whose VAT parts are exactly half a kopeck: per line, half-up, each gives 16,68;
  // VAT of the sum would be 33,35, so the printed 33,36 proves the per-line rule.
  const invoice = await makeInvoice(deps.db, client.id, '2026-10-01', [
    { description: 'Абонентская плата', amount: 10005 },
    { description: 'Мобильный интернет', amount: 10005 },
  ]);
  return { client, invoice };
}

describe('R-INV-ORDER / R-MONEY: the invoice PDF', () => {
  it('is a PDF whose text shows requisites, contract, period, lines, per-line VAT and the total in Cyrillic', async () => {
    const { invoice } = await romashkaInvoice();
    const document = await loadInvoiceDocument(deps.db, invoice.id, deps.settings.vatPercent);
    expect(document).not.toBeNull();
    expect(document!.lines.map((l) => l.vat)).toEqual([1668, 1668]);
    expect(document!.vatTotal).toBe(3336);
    expect(document!.total).toBe(20010);

    const pdf = await renderInvoicePdf(document!);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdfText(pdf);
    for (const expected of [
      'Счет',
      `№ ${invoice.number}`,
      'ООО «Ромашка»',
      'УНП: 190000002',
      'г. Минск, пр. Независимости, 10',
      'BY13NBRB3600900000002Z00AB00',
      'Договор № КД-15/2024 от 01.03.2024',
      'Расчетный период: октябрь 2026',
      'Абонентская плата 100,05 руб. 16,68 руб.',
      'Мобильный интернет',
      'Итого к оплате: 200,10 руб.',
      'в том числе НДС 20%: 33,36 руб.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('an invoice without itemised lines prints one line for the month’s services', async () => {
    const client = await makeClient(deps.db, { name: 'ИП Лютик' });
    const invoice = await makeInvoice(deps.db, client.id, '2026-09-01', [], { amount: 600 });
    const document = await loadInvoiceDocument(deps.db, invoice.id, 20);
    expect(document!.lines).toEqual([{ position: 1, description: null, amount: 600, vat: 100 }]);
    const text = pdfText(await renderInvoicePdf(document!));
    expect(text).toContain('Услуги электросвязи за сентябрь 2026 6,00 руб. 1,00 руб.');
    expect(text).toContain('ИП Лютик');
  });

  it.runIf(existsSync('/usr/bin/pdftotext'))('opens in poppler too (pdftotext reads the Cyrillic text)', async () => {
    const { invoice } = await romashkaInvoice('190000003');
    const pdf = await renderInvoicePdf((await loadInvoiceDocument(deps.db, invoice.id, 20))!);
    const text = execFileSync('/usr/bin/pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('Счет №');
    expect(text).toContain('ООО «Ромашка»');
  });
});
