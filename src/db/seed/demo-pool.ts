// The demo number pool: free numbers of every category (R-NUM-CATEGORY), each classified by the same
// classifier the bot uses, with a uniform random key for offers, plus a few numbers in quarantine.
import type { Executor } from '../client.js';
import { numberPool } from '../schema/index.js';
import { classifyNumber, compileRules, defaultCategoryRules } from '../../domain/numbers/categories.js';
import { addDays, type IsoDate, startOfMinskDay } from '../../domain/time.js';
import { insertBatches } from './batch.js';
import type { Prng } from './prng.js';

/** Operator codes of the demo pool (bulk data uses others, so the two never collide). */
const DEMO_POOL_CODES = ['29', '44'];

/** Last seven digits shaped to fall into a premium category, so every category has plenty of numbers. */
function patterned(rnd: Prng): string {
  const d = () => String(rnd.int(0, 9));
  const a = d();
  const b = d();
  const c = d();
  switch (rnd.int(0, 8)) {
    case 0:
      return `${rnd.digits(3)}${a.repeat(4)}`; // d4=d5=d6=d7
    case 1:
      return `${d()}${a.repeat(5)}${d()}`; // five in a row
    case 2:
      return `${d()}${a}${b}${a}${b}${a}${b}`; // d2=d4=d6, d3=d5=d7
    case 3:
      return `${d()}${a}${a}${b}${b}${c}${c}`; // d2=d3, d4=d5, d6=d7
    case 4:
      return `${rnd.digits(3)}${a}${a}${b}${b}`; // d4=d5, d6=d7
    case 5:
      return `${rnd.digits(3)}${a}${b}${a}${b}`; // d4=d6, d5=d7
    case 6:
      return `${rnd.digits(4)}000`; // d5=d6=d7=0
    case 7:
      return `${d()}${a.repeat(3)}${b.repeat(3)}`; // d2=d3=d4, d5=d6=d7
    default:
      return `${d()}${a}${b}${c}${a}${b}${c}`; // d2d3d4 = d5d6d7
  }
}

/**
 * `free` free numbers and `quarantined` numbers in quarantine, none of them a number in `taken`.
 * Returns how many of each category were written.
 */
export async function seedDemoPool(
  tx: Executor,
  categories: Record<string, number>,
  taken: Set<string>,
  counts: { free: number; quarantined: number },
  rnd: Prng,
  today: IsoDate,
): Promise<Record<string, number>> {
  const rules = compileRules(defaultCategoryRules);
  const seen = new Set(taken);
  const rows: (typeof numberPool.$inferInsert)[] = [];
  const perCategory: Record<string, number> = {};
  const total = counts.free + counts.quarantined;
  while (rows.length < total) {
    // One in ten is shaped; the rest are plain random numbers (mostly «Простой», some premium by chance).
    const last7 = rnd.chance(0.1) ? patterned(rnd) : `${rnd.int(1, 9)}${rnd.digits(6)}`;
    const msisdn = `375${rnd.pick(DEMO_POOL_CODES)}${last7}`;
    if (seen.has(msisdn)) continue;
    seen.add(msisdn);
    const code = classifyNumber(msisdn, rules);
    perCategory[code] = (perCategory[code] ?? 0) + 1;
    const quarantined = rows.length >= counts.free;
    rows.push({
      msisdn,
      categoryId: categories[code]!,
      status: quarantined ? 'quarantine' : 'free',
      quarantineUntil: quarantined ? startOfMinskDay(addDays(today, rnd.int(20, 85))) : null,
      randomKey: rnd.next(),
    });
  }
  await insertBatches(tx, numberPool, rows, 2000);
  return perCategory;
}
