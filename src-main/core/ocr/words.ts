/**
 * Whether an unrestricted Tesseract read shows words rather than a number: any letter but the multiplier's x and
 * the ones Tesseract writes for digits (l and I for 1, O and o for 0). A number mark misread as %, « or * is no
 * letter either.
 */
export function readsAsWords(text: string): boolean {
  return /[A-Za-z]/.test(text.replace(/[xXlIOo]/g, ''));
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
  return text.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1').replace(/[^0-9]/g, '');
}
