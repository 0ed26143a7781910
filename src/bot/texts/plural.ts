// Counts before a noun agree with the number (issue 25): Intl.PluralRules picks the form — Russian one / few
// / many (1 номер, 2 номера, 5 номеров; fractions take `other`), English one / other. The catalogs call
// `count('ru', n, NUMBERS)` instead of writing «${n} номеров». SPEC's portal labels that put the number
// after a colon («Осталось попыток подбора номера: 5») stay verbatim and need none of this.
import type { Lang } from './index.js';

export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const rules = new Map<Lang, Intl.PluralRules>();

function rulesFor(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r;
}

/** The form of the noun for `n` in `lang`. */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  const category = rulesFor(lang).select(n) as keyof PluralForms;
  return forms[category] ?? forms.other;
}

/** `n` and its noun: `count('ru', 21, DAYS)` → «21 день». */
export function count(lang: Lang, n: number | string | undefined, forms: PluralForms): string {
  return `${n} ${plural(lang, Number(n), forms)}`;
}

/** Russian forms for 1, 2 and 5 (fractions, rare here, take the form for 2: «1,5 дня»). */
export function ru(one: string, few: string, many: string): PluralForms {
  return { one, few, many, other: few };
}

/** English forms for 1 and for the rest. */
export function en(one: string, other: string): PluralForms {
  return { one, other };
}
