import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { numberCategories, numberCategoryPatterns } from '../../../src/db/schema/index.js';
import { classifyStored, loadCategories, loadClassifier } from '../../../src/domain/numbers/catalog.js';
import { classifyNumber, compileRules, defaultCategoryRules } from '../../../src/domain/numbers/categories.js';
import { createTestDeps } from '../../helpers/deps.js';
import { makeCategories } from '../../helpers/fixtures.js';

const deps = await createTestDeps();
await makeCategories(deps.db);

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

describe('R-NUM-CATEGORY: categories and their ordered patterns are data in the tables', () => {
  it('loads every category with its patterns in stored order, and classifies as the defaults do', async () => {
    const loaded = await loadCategories(deps.db);
    expect(loaded.map((c) => c.code)).toEqual(['simple', 'bronze', 'silver', 'gold', 'platinum']);
    for (const rule of defaultCategoryRules) {
      const stored = loaded.find((c) => c.code === rule.code)!;
      expect(stored).toMatchObject({ name: rule.name, fee: rule.fee, rank: rule.rank });
      expect(stored.patterns.map((p) => p.pattern)).toEqual(rule.patterns.map((p) => p.pattern));
    }
    const { compiled } = await loadClassifier(deps.db);
    for (const d7 of ['1222229', '1232323', '1234545', '1113444', '1234567']) {
      expect(classifyNumber(`37529${d7}`, compiled)).toBe(of(d7));
    }
  });

  it('a category added as rows (no code) takes part by its rank', async () => {
    const [diamond] = await deps.db
      .insert(numberCategories)
      .values({ code: 'diamond', name: 'Бриллиантовый', nameEn: 'Diamond', rank: 6, fee: 50000 })
      .returning();
    await deps.db
      .insert(numberCategoryPatterns)
      .values({ categoryId: diamond!.id, position: 1, pattern: '^\\d{3}(\\d)\\1{3}$', description: 'd4=d5=d6=d7' });
    expect((await classifyStored(deps.db, '375291234444')).code).toBe('diamond');
    expect((await classifyStored(deps.db, '375291222229')).code).toBe('platinum');
    expect((await loadCategories(deps.db)).at(-1)).toMatchObject({ code: 'diamond', fee: 50000 });
  });

  it('pattern order within a category is the stored position, not the insertion order', async () => {
    const [cat] = await deps.db
      .insert(numberCategories)
      .values({ code: 'probe', name: 'Проба', nameEn: 'Probe', rank: 100, fee: 0 })
      .returning();
    await deps.db.insert(numberCategoryPatterns).values([
      { categoryId: cat!.id, position: 2, pattern: '^second$', description: 'b' },
      { categoryId: cat!.id, position: 1, pattern: '^first$', description: 'a' },
    ]);
    const probe = (await loadCategories(deps.db)).find((c) => c.code === 'probe')!;
    expect(probe.patterns.map((p) => p.pattern)).toEqual(['^first$', '^second$']);
    await deps.db.delete(numberCategories).where(eq(numberCategories.id, cat!.id));
  });
});
