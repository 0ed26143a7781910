import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireBotToken, secretsKey } from '../src/config.js';
import { demoSupplier, settingsFromConfig } from '../src/domain/settings.js';

const TOKEN = '123456789:AAEhBP0av28NLUzZyeHH5JrmXbPzNgm8o9s';

describe('config: one zod schema over the environment', () => {
  it('runs on embedded defaults with nothing but a token', () => {
    const c = loadConfig({ BOT_TOKEN: TOKEN });
    expect(c.BOT_MODE).toBe('polling');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.PGLITE_DIR).toBe('./.data/pglite');
    expect(requireBotToken(c)).toBe(TOKEN);
  });

  it('the CLI and tests need no token; the bot does', () => {
    const c = loadConfig({});
    expect(() => requireBotToken(c)).toThrow(/BOT_TOKEN/);
  });

  it('lists every problem at once in a readable message', () => {
    try {
      loadConfig({
        BOT_TOKEN: 'nope',
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        BOT_MODE: 'webhook',
        SUPPORT_CHAT_ID: '42',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['BOT_TOKEN', 'PORT', 'DATABASE_URL', 'WEBHOOK_URL', 'WEBHOOK_SECRET', 'SUPPORT_CHAT_ID'])
        expect(problems).toContain(name);
    }
  });

  it('refuses BOT_NOW and a missing SECRETS_KEY in production (R-TZ)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', BOT_NOW: '2026-11-10T10:00:00+03:00' })).toThrow(
      /BOT_NOW[\s\S]*SECRETS_KEY|SECRETS_KEY[\s\S]*BOT_NOW/,
    );
  });

  it('accepts a 32-byte key as hex or base64 and refuses others', () => {
    const hex = 'ab'.repeat(32);
    expect(secretsKey(loadConfig({ SECRETS_KEY: hex })).toString('hex')).toBe(hex);
    expect(secretsKey(loadConfig({ SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') }))).toHaveLength(32);
    expect(() => loadConfig({ SECRETS_KEY: 'short' })).toThrow(/SECRETS_KEY/);
  });

  it('empty strings count as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' }).DATABASE_URL).toBeUndefined();
  });
});

describe('Issue 25 item 8: the invoice supplier and due day', () => {
  const supplierEnv = {
    SUPPLIER_NAME: 'СООО «Оператор»',
    SUPPLIER_UNP: '100000009',
    SUPPLIER_ADDRESS: 'г. Минск',
    SUPPLIER_IBAN: 'BY86AKBB30120000000000000009',
    SUPPLIER_BANK: 'ОАО «Банк»',
    SUPPLIER_BIC: 'AKBBBY2X',
  };

  it('demo supplier and the 25th by default outside production; SUPPLIER_* and INVOICE_DUE_DAY when set', () => {
    expect(settingsFromConfig(loadConfig({})).supplier).toEqual(demoSupplier);
    expect(settingsFromConfig(loadConfig({})).invoiceDueDay).toBe(25);
    const set = settingsFromConfig(loadConfig({ ...supplierEnv, INVOICE_DUE_DAY: '10' }));
    expect(set.supplier).toEqual({
      name: 'СООО «Оператор»',
      unp: '100000009',
      address: 'г. Минск',
      iban: 'BY86AKBB30120000000000000009',
      bankName: 'ОАО «Банк»',
      bic: 'AKBBBY2X',
    });
    expect(set.invoiceDueDay).toBe(10);
    expect(() => loadConfig({ INVOICE_DUE_DAY: '31' })).toThrow(/INVOICE_DUE_DAY/);
    expect(() => loadConfig({ SUPPLIER_IBAN: 'DE00' })).toThrow(/SUPPLIER_IBAN/);
  });

  it('production requires every SUPPLIER_* variable', () => {
    const production = { NODE_ENV: 'production', SECRETS_KEY: 'ab'.repeat(32) };
    expect(() => loadConfig(production)).toThrow(/SUPPLIER_NAME[\s\S]*SUPPLIER_BIC/);
    expect(() => loadConfig({ ...production, ...supplierEnv })).not.toThrow();
  });
});
