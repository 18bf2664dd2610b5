// Runs in: anywhere (pure).
/** A frame as it comes off the wire: text, or bytes (ws delivers Buffers, which are Uint8Arrays). */
export type RawFrame = string | Uint8Array;

/**
 * UTF-8 size of a string without encoding it. Stops counting once past `stopAbove`,
 * so a 100 MB frame costs nothing: each UTF-16 unit is at least one byte.
 */
export function utf8ByteLength(text: string, stopAbove = Infinity): number {
  if (text.length > stopAbove) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > stopAbove) return bytes;
  }
  return bytes;
}

export function frameByteLength(frame: RawFrame, stopAbove = Infinity): number {
  return typeof frame === 'string' ? utf8ByteLength(frame, stopAbove) : frame.byteLength;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes bytes as strict UTF-8; null when they are not valid UTF-8. */
export function decodeUtf8(frame: RawFrame): string | null {
  if (typeof frame === 'string') return frame;
  try {
    return strictUtf8.decode(frame);
  } catch {
    return null;
  }
}

/**
 * True when JSON text nests deeper than `maxDepth` (brackets inside strings do not count).
 * A linear scan is far cheaper than JSON.parse on pathological nesting (a 64 KiB frame
 * nested 30k deep takes ~5 ms to parse, ~0.1 ms to scan), so hostile frames cannot stall intake.
 */
export function exceedsNestingDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped char
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
