// Issue 25 item 4: every count a text puts before a noun agrees with it through Intl.PluralRules
// (ru: one / few / many, en: one / other); SPEC's labels with the number after a colon stay verbatim.
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/bot/texts/index.js';
import { count, en, plural, ru } from '../../src/bot/texts/plural.js';

const NUMBERS = ru('номер', 'номера', 'номеров');

describe('plural forms', () => {
  it.each([
    [1, 'номер'],
    [2, 'номера'],
    [4, 'номера'],
    [5, 'номеров'],
    [11, 'номеров'],
    [12, 'номеров'],
    [21, 'номер'],
    [22, 'номера'],
    [25, 'номеров'],
    [101, 'номер'],
    [111, 'номеров'],
    [997, 'номеров'],
    [1.5, 'номера'],
  ])('ru %d %s', (n, form) => {
    expect(plural('ru', n, NUMBERS)).toBe(form);
  });

  it('en one / other', () => {
    expect(count('en', 1, en('number', 'numbers'))).toBe('1 number');
    expect(count('en', 0, en('number', 'numbers'))).toBe('0 numbers');
    expect(count('en', 21, en('number', 'numbers'))).toBe('21 numbers');
  });
});

describe('the catalogs use them', () => {
  const r = catalogs.ru;
  const e = catalogs.en;
  it('«номеров» and «попыток» read right for any count', () => {
    expect(r.lists.rename.listAccepted(1, 0, '12:00')).toContain('принято: 1 номер.');
    expect(r.lists.rename.listAccepted(3, 1, '12:00')).toContain(
      'принято: 3 номера (еще 1 номер больше не относится к вашей компании)',
    );
    expect(r.lists.rename.listAccepted(997, 2, '12:00')).toContain('997 номеров (еще 2 номера больше не относятся');
    expect(r.lists.jobs.renameListApplied(21)).toBe('Переименование по списку применено: 21 номер.');
    expect(r.numbers.terms.attempts(1)).toBe('Подбор номера: 1 попытка в сутки.');
    expect(r.numbers.terms.attempts(3)).toBe('Подбор номера: 3 попытки в сутки.');
    expect(r.numbers.terms.attempts(5)).toBe('Подбор номера: 5 попыток в сутки.');
    expect(e.numbers.terms.attempts(1)).toBe('Number search: 1 attempt a day.');
    expect(e.lists.jobs.renameListApplied(1)).toBe('Renames from the list applied: 1 number.');
  });

  it('days, minutes, characters, lines and files agree too', () => {
    expect(r.services.pause.daysButton(21)).toBe('21 день');
    expect(r.services.pause.daysButton(7)).toBe('7 дней');
    expect(r.services.pause.daysButton(3)).toBe('3 дня');
    expect(e.services.pause.daysButton(1)).toBe('1 day');
    expect(r.numbers.confirm.quarantine('+375 29 100-00-01', 90)).toContain('в карантин на 90 дней.');
    expect(r.numbers.terms.reservation(1)).toContain('на 1 минуту;');
    expect(r.numbers.terms.reservation(15)).toContain('на 15 минут;');
    expect(r.lists.rename.askName('+375 29 100-00-01', 'Иван', 21)).toContain('(от 1 до 21 символа)');
    expect(r.lists.rename.askName('+375 29 100-00-01', 'Иван', 64)).toContain('(от 1 до 64 символов)');
  });

  it('SPEC’s label with the number after a colon stays verbatim', () => {
    expect(r.numbers.screen.attempts(5)).toBe('Осталось попыток подбора номера: 5');
  });
});
