// Official check digits the demo data must satisfy (R-UNP): the УНП check digit and the IBAN mod-97 pair.

const UNP_WEIGHTS = [29, 23, 19, 17, 13, 7, 5, 3];

/** The check digit for the first eight digits of an УНП, or undefined when the sum gives 10 (no valid УНП). */
export function unpCheckDigit(first8: string): number | undefined {
  if (!/^\d{8}$/.test(first8)) throw new Error('an УНП body is eight digits');
  const sum = UNP_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first8[i]), 0);
  const check = sum % 11;
  return check > 9 ? undefined : check;
}

export function isValidUnp(unp: string): boolean {
  return /^\d{9}$/.test(unp) && unpCheckDigit(unp.slice(0, 8)) === Number(unp[8]);
}

/** IBAN letters as numbers (A=10 … Z=35), reduced mod 97 piecewise so no big integers are needed. */
function mod97(text: string): number {
  const numeric = text.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}

/** A Belarusian IBAN (28 characters) for the bank code (4 letters of the BIC) and 20-character account. */
export function belarusianIban(bankCode: string, account: string): string {
  const bban = `${bankCode}${account}`;
  if (!/^[A-Z]{4}[0-9A-Z]{20}$/.test(bban)) throw new Error('a Belarusian BBAN is 4 letters and 20 characters');
  const check = 98 - mod97(`${bban}BY00`);
  return `BY${String(check).padStart(2, '0')}${bban}`;
}

export function isValidIban(iban: string): boolean {
  return /^[A-Z]{2}\d{2}[0-9A-Z]+$/.test(iban) && mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}
