import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderInvoicePdf } from '../../src/documents/invoice-pdf.js';
import { invoiceDueDate, loadInvoiceDocument } from '../../src/domain/invoices/index.js';
import { invoices } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
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
    const document = await loadInvoiceDocument(deps.db, invoice.id, deps.settings);
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
    const document = await loadInvoiceDocument(deps.db, invoice.id, { ...deps.settings, vatPercent: 20 });
    expect(document!.lines).toEqual([{ position: 1, description: null, amount: 600, vat: 100 }]);
    const text = pdfText(await renderInvoicePdf(document!));
    expect(text).toContain('Услуги электросвязи за сентябрь 2026 6,00 руб. 1,00 руб.');
    expect(text).toContain('ИП Лютик');
  });

  it.runIf(existsSync('/usr/bin/pdftotext'))('opens in poppler too (pdftotext reads the Cyrillic text)', async () => {
    const { invoice } = await romashkaInvoice('190000003');
    const pdf = await renderInvoicePdf(
      (await loadInvoiceDocument(deps.db, invoice.id, { ...deps.settings, vatPercent: 20 }))!,
    );
    const text = execFileSync('/usr/bin/pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('Счет №');
    expect(text).toContain('ООО «Ромашка»');
  });
});

describe('Issue 25 item 8: a complete invoice — supplier, one total with VAT, payment purpose, due date', () => {
  const supplier = {
    name: 'СООО «Тест Мобайл»',
    unp: '100000009',
    address: '220000, г. Минск, ул. Тестовая, 5',
    iban: 'BY86AKBB30120000000000000009',
    bankName: 'ОАО «Тест Банк»',
    bic: 'AKBBBY2X',
  };

  it('prints the configured supplier, the total once with its VAT, the purpose and the 25th of the next month', async () => {
    const { invoice } = await romashkaInvoice('190000004');
    const document = (await loadInvoiceDocument(deps.db, invoice.id, { ...deps.settings, supplier }))!;
    expect(document.dueOn).toBe('2026-11-25');
    const text = pdfText(await renderInvoicePdf(document));
    for (const expected of [
      'Поставщик',
      'СООО «Тест Мобайл»',
      'УНП: 100000009',
      '220000, г. Минск, ул. Тестовая, 5',
      'Расчетный счет: BY86AKBB30120000000000000009',
      'ОАО «Тест Банк», БИК AKBBBY2X',
      'Плательщик',
      'Срок оплаты',
      'до 25.11.2026',
      'Назначение платежа',
      `Оплата по счету № ${invoice.number}`,
      'договор № КД-15/2024 от 01.03.2024',
    ]) {
      expect(text).toContain(expected);
    }
    // One line: the amount to pay and the VAT it includes (the extractor puts a space between bold and plain).
    expect(text).toMatch(/Итого к оплате: 200,10 руб\. ?, в том числе НДС 20%: 33,36 руб\./);
    expect(text.match(/Итого/g)).toHaveLength(1);
  });

  it('INVOICE_DUE_DAY moves the day; the operator’s due date on the invoice wins', async () => {
    expect(invoiceDueDate('2026-10-01', 25)).toBe('2026-11-25');
    expect(invoiceDueDate('2026-12-01', 10)).toBe('2027-01-10');
    expect(invoiceDueDate('2026-12-01', 25, '2027-01-05')).toBe('2027-01-05');
    const { invoice } = await romashkaInvoice('190000005');
    const byDay = (await loadInvoiceDocument(deps.db, invoice.id, { ...deps.settings, invoiceDueDay: 15 }))!;
    expect(byDay.dueOn).toBe('2026-11-15');
    await deps.db.update(invoices).set({ dueDate: '2026-11-20' }).where(eq(invoices.id, invoice.id));
    const set = (await loadInvoiceDocument(deps.db, invoice.id, deps.settings))!;
    expect(set.dueOn).toBe('2026-11-20');
    expect(pdfText(await renderInvoicePdf(set))).toContain('до 20.11.2026');
  });

  it.runIf(existsSync('/usr/bin/pdftoppm'))('renders to a PNG page (pdftoppm)', async () => {
    const { invoice } = await romashkaInvoice('190000006');
    const pdf = await renderInvoicePdf((await loadInvoiceDocument(deps.db, invoice.id, deps.settings))!);
    const dir = mkdtempSync(join(tmpdir(), 'invoice-png-'));
    writeFileSync(join(dir, 'invoice.pdf'), pdf);
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '40', '-singlefile', join(dir, 'invoice.pdf'), join(dir, 'page')]);
    expect(readFileSync(join(dir, 'page.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
    rmSync(dir, { recursive: true, force: true });
  });
});
