import { describe, expect, it } from 'vitest';
import { classifyNumber, compileRules, defaultCategoryRules } from '../../src/domain/numbers/categories.js';

const rules = compileRules(defaultCategoryRules);
const of = (d7: string) => classifyNumber(`37529${d7}`, rules);

describe('R-NUM-CATEGORY: every pattern and the precedence between them', () => {
  it.each([
    // Платиновый
    ['1222229', 'platinum'], // five equal in a row (inner)
    ['7777712', 'platinum'], // five equal at the start
    ['1234444', 'platinum'], // d4=d5=d6=d7
    // Золотой
    ['1232323', 'gold'], // d2=d4=d6, d3=d5=d7
    ['1223344', 'gold'], // d2=d3, d4=d5, d6=d7
    // Серебряный
    ['1234455', 'silver'], // d4=d5, d6=d7
    ['1234545', 'silver'], // d4=d6, d5=d7
    ['1234000', 'silver'], // d5=d6=d7=0
    // Бронзовый
    ['1222333', 'bronze'], // d2=d3=d4, d5=d6=d7
    ['1113444', 'bronze'], // d1=d2=d3, d5=d6=d7
    ['1234234', 'bronze'], // d2d3d4 = d5d6d7
    // Простой
    ['1234567', 'simple'],
    ['9081726', 'simple'],
  ])('%s is %s', (d7, code) => expect(of(d7)).toBe(code));

  it('precedence: a number matching several rules takes the highest', () => {
    expect(of('1222222')).toBe('platinum'); // also gold (d2=d3,d4=d5,d6=d7) and bronze
    expect(of('1212121')).toBe('gold'); // d4=d6,d5=d7 is silver too
    expect(of('1000000')).toBe('platinum'); // silver's 000 and bronze's repeat lose
    expect(of('1225000')).toBe('silver'); // d5=d6=d7=0 beats simple
  });
});
