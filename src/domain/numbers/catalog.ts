// R-NUM-CATEGORY as data: the categories, their fees and ordered patterns are read from the tables
// number_categories + number_category_patterns, so a category is added by inserting rows, not code.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { numberCategories, numberCategoryPatterns } from '../../db/schema/index.js';
import { DomainError } from '../errors.js';
import { type CategoryRule, type CompiledCategory, classifyNumber, compileRules } from './categories.js';

export interface Category extends CategoryRule {
  id: number;
}

/** Every category with its patterns in their stored order, lowest rank first (the screen's order). */
export async function loadCategories(ex: Executor): Promise<Category[]> {
  const rows = await ex
    .select({
      id: numberCategories.id,
      code: numberCategories.code,
      name: numberCategories.name,
      nameEn: numberCategories.nameEn,
      rank: numberCategories.rank,
      fee: numberCategories.fee,
      pattern: numberCategoryPatterns.pattern,
      description: numberCategoryPatterns.description,
    })
    .from(numberCategories)
    .leftJoin(numberCategoryPatterns, eq(numberCategoryPatterns.categoryId, numberCategories.id))
    .orderBy(asc(numberCategories.rank), asc(numberCategoryPatterns.position));
  const byId = new Map<number, Category>();
  for (const r of rows) {
    let category = byId.get(r.id);
    if (!category) {
      category = { id: r.id, code: r.code, name: r.name, nameEn: r.nameEn, rank: r.rank, fee: r.fee, patterns: [] };
      byId.set(r.id, category);
    }
    if (r.pattern !== null) category.patterns.push({ pattern: r.pattern, description: r.description ?? '' });
  }
  return [...byId.values()];
}

/** The classifier over the stored rules (highest rank first). */
export async function loadClassifier(ex: Executor): Promise<{ categories: Category[]; compiled: CompiledCategory[] }> {
  const categories = await loadCategories(ex);
  return { categories, compiled: compileRules(categories) };
}

/** The stored category of a number by the stored rules. */
export async function classifyStored(ex: Executor, msisdn: string): Promise<Category> {
  const { categories, compiled } = await loadClassifier(ex);
  const code = classifyNumber(msisdn, compiled);
  return categories.find((c) => c.code === code)!;
}

/** A category chosen by the user («Все» is null); an unknown code is refused. */
export function categoryByCode(categories: Category[], code: string | null): Category | null {
  if (code === null) return null;
  const found = categories.find((c) => c.code === code);
  if (!found) throw new DomainError('numbers.unknownCategory');
  return found;
}
