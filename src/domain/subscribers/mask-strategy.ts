// Which index finds a «Выбор абонента» mask among a client's numbers (ARCHITECTURE.md, Search), decided from
// the mask itself so a client of 100 000 is never scanned for a rare mask: a long fixed end takes its range
// (the fixed start over msisdn, the fixed end over reverse(msisdn)), a long inner run takes pg_trgm, and
// anything else walks the client's numbers in msisdn order until the page is full. Pure: no SQL here.

export type MaskStrategy =
  | { kind: 'exact'; msisdn: string }
  /** The client's numbers in msisdn order from `prefix` (the whole 375… when empty), filtered by the mask. */
  | { kind: 'ordered'; prefix: string }
  /** Numbers ending in `suffix`: a range of reverse(msisdn), then sorted. */
  | { kind: 'suffix'; suffix: string }
  /** Numbers containing `run`: the trigram index over every client, then this client's, sorted. */
  | { kind: 'trigram'; run: string };

/** A fixed end this long narrows a client of 100 000 to about a hundred numbers. */
const SUFFIX_DIGITS = 3;
/** pg_trgm needs three characters; four keep its candidates to hundreds at a million numbers. */
const TRIGRAM_DIGITS = 4;

/** The fixed digit runs of an anchored LIKE pattern (`375…`): the first, the last, and the longest of all. */
export function fixedRuns(like: string): { prefix: string; suffix: string; longest: string; wildcard: boolean } {
  const runs = like.split(/[%_]/);
  const wildcard = runs.length > 1;
  const prefix = runs[0]!;
  const suffix = wildcard ? runs[runs.length - 1]! : prefix;
  // The country code of the prefix is in every number: it narrows nothing.
  const longest = [prefix.slice(3), ...runs.slice(1)].reduce((a, b) => (b.length > a.length ? b : a), '');
  return { prefix, suffix, longest, wildcard };
}

export function maskStrategy(like: string): MaskStrategy {
  const { prefix, suffix, longest, wildcard } = fixedRuns(like);
  if (!wildcard) return { kind: 'exact', msisdn: like };
  const prefixDigits = prefix.length - 3;
  if (suffix.length >= SUFFIX_DIGITS && suffix.length >= prefixDigits) return { kind: 'suffix', suffix };
  // A run whose trigrams repeat (`1111`) lists a percent of all numbers in the index: walk the client instead.
  if (longest.length >= TRIGRAM_DIGITS && longest.length > prefixDigits && distinctTrigrams(longest))
    return { kind: 'trigram', run: longest };
  return { kind: 'ordered', prefix };
}

/** Whether every trigram (three consecutive characters) of the run is different. */
export function distinctTrigrams(run: string): boolean {
  const grams = Array.from({ length: run.length - 2 }, (_, i) => run.slice(i, i + 3));
  return new Set(grams).size === grams.length;
}

/** The upper bound of a prefix range: the prefix with its last character stepped up (byte order). */
export function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
