// Runs in: anywhere (pure).
/** Letters Tesseract writes for digits when nothing restricts it: l and I for 1, O and o for 0, T for 7, S for 5. */
const DIGIT_LOOKALIKES: Record<string, string> = { l: '1', I: '1', '|': '1', O: '0', o: '0', T: '7', S: '5' };
/**
 * Also B for 8 (a neon x842 read xB42), in a read of what should be a number. Not when telling status text from a
 * garbled number (`showsWords`): "BET" would have no two letters left.
 */
const NUMBER_LOOKALIKES: Record<string, string> = { ...DIGIT_LOOKALIKES, B: '8' };

/**
 * Whether an unrestricted Tesseract read shows words rather than a number: any letter but the multiplier's x and
 * the look-alikes of digits. A number mark misread as %, « or * is no letter either. Status texts always have
 * other letters ("BUSTED": U, E, D).
 */
export function readsAsWords(text: string): boolean {
  return /[A-Za-z]/.test([...text].filter((c) => !(c in NUMBER_LOOKALIKES) && c !== 'x' && c !== 'X').join(''));
}

/**
 * Whether a read is a status in words ("BUSTED", "FLEW AWAY!", "Starting in 5"): two letters in a row that are
 * neither an x nor a digit's look-alike. A number Tesseract garbled under an effect ("v7.37", "~J0L" for 600x)
 * has letters too, but scattered; to the phase model such a read is a lost frame, never crash text.
 */
export function showsWords(text: string): boolean {
  const masked = [...text].map((c) => (c in DIGIT_LOOKALIKES || c === 'x' || c === 'X' ? '#' : c)).join('');
  return /[A-Za-z]{2}/.test(masked);
}

/** Whether the first or last character of an unrestricted read (where a multiplier has its mark) is a letter other than x. */
export function endsInLetter(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return [compact.slice(0, 1), compact.slice(-1)].some((c) => /[a-z]/i.test(c) && !/x/i.test(c));
}

/** Decimals after the point of a multiplier text; 0 without a point. */
export function decimalsOf(text: string): number {
  return /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
}

/** The digits of a read, with the letters Tesseract writes for digits read as those digits. */
export function digitsOf(text: string): string {
  return numberPart(text).replace(/[.,]/g, '');
}

/** The digits and separators of a read, lookalikes taken as digits: "1.83%" and "1.83x" are one number. */
export function numberPart(text: string): string {
  return [...text]
    .map((c) => NUMBER_LOOKALIKES[c] ?? c)
    .join('')
    .replace(/[^0-9.,]/g, '');
}

/**
 * What a status text says, kept coarse enough to survive OCR noise: the first three letters of its first word of
 * three letters or more, upper-cased ("CRASHED @ 1.20x" and "CRASH" both say CRA, "Startingin 3" and "Starting: 2"
 * both STA). Null when no such word is read (a garbled number, a sprite read as "yp").
 */
export function statusWord(text: string): string | null {
  const word = /[A-Za-z]{3,}/.exec(text);
  return word ? word[0].slice(0, 3).toUpperCase() : null;
}
