// R-NUM-CATEGORY: a number's category follows from its last seven digits d1…d7 by ordered patterns.
// The patterns are data (table number_category_patterns); these are the catalog's defaults, which the
// seed writes and the classifier below evaluates.

export interface CategoryRule {
  code: string;
  name: string;
  nameEn: string;
  /** Higher is tested first. */
  rank: number;
  /** Kopecks. */
  fee: number;
  patterns: { pattern: string; description: string }[];
}

export const defaultCategoryRules: CategoryRule[] = [
  {
    code: 'platinum',
    name: 'Платиновый',
    nameEn: 'Platinum',
    rank: 5,
    fee: 20729,
    patterns: [
      { pattern: '(\\d)\\1{4}', description: 'five equal digits in a row' },
      { pattern: '^\\d{3}(\\d)\\1{3}$', description: 'd4=d5=d6=d7' },
    ],
  },
  {
    code: 'gold',
    name: 'Золотой',
    nameEn: 'Gold',
    rank: 4,
    fee: 11560,
    patterns: [
      { pattern: '^\\d(\\d)(\\d)\\1\\2\\1\\2$', description: 'd2=d4=d6 and d3=d5=d7' },
      { pattern: '^\\d(\\d)\\1(\\d)\\2(\\d)\\3$', description: 'd2=d3, d4=d5, d6=d7' },
    ],
  },
  {
    code: 'silver',
    name: 'Серебряный',
    nameEn: 'Silver',
    rank: 3,
    fee: 7756,
    patterns: [
      { pattern: '^\\d{3}(\\d)\\1(\\d)\\2$', description: 'd4=d5 and d6=d7' },
      { pattern: '^\\d{3}(\\d)(\\d)\\1\\2$', description: 'd4=d6 and d5=d7' },
      { pattern: '^\\d{4}000$', description: 'd5=d6=d7=0' },
    ],
  },
  {
    code: 'bronze',
    name: 'Бронзовый',
    nameEn: 'Bronze',
    rank: 2,
    fee: 3787,
    patterns: [
      { pattern: '^\\d(\\d)\\1\\1(\\d)\\2\\2$', description: 'd2=d3=d4 and d5=d6=d7' },
      { pattern: '^(\\d)\\1\\1\\d(\\d)\\2\\2$', description: 'd1=d2=d3 and d5=d6=d7' },
      { pattern: '^\\d(\\d{3})\\1$', description: 'd2d3d4 = d5d6d7' },
    ],
  },
  {
    code: 'simple',
    name: 'Простой',
    nameEn: 'Simple',
    rank: 1,
    fee: 887,
    patterns: [{ pattern: '^\\d{7}$', description: 'every other number' }],
  },
];

export interface CompiledCategory {
  code: string;
  rank: number;
  regexes: RegExp[];
}

export function compileRules(rules: Pick<CategoryRule, 'code' | 'rank' | 'patterns'>[]): CompiledCategory[] {
  return [...rules]
    .sort((a, b) => b.rank - a.rank)
    .map((r) => ({ code: r.code, rank: r.rank, regexes: r.patterns.map((p) => new RegExp(p.pattern)) }));
}

/** The category code of `msisdn` (`375` + operator code + d1…d7): the highest rule with a matching pattern. */
export function classifyNumber(msisdn: string, compiled: CompiledCategory[]): string {
  const d = msisdn.slice(-7);
  for (const category of compiled) {
    if (category.regexes.some((re) => re.test(d))) return category.code;
  }
  throw new Error(`no category matches ${d}`);
}
