// Runs in: anywhere (pure).
// What the autopilot needs from the desktop. Adapters implement these; the engine composes them.
import type { Point, Rect } from '../../../src-shared/game-profile';
import type { KnownFormat, TrailingZeros } from '../ocr/format-lock';

export interface ScreenRead {
  /** Wall-clock ms (sub-ms precision) when the capture had its pixels (a read can then only be behind the game). */
  readonly at: number;
  readonly text: string;
  readonly value: number | null;
  readonly ms: number;
  readonly path: 'glyph' | 'tesseract';
  /** Read from a half-size analysis (a big number in flight). */
  readonly halfSize?: true;
  /** Set when the region shows text that is not a multiplier: the game's crash or status text ("BUSTED", "5s"). */
  readonly otherText?: boolean;
  /** Decimals shown in the number that was read; null when value is null. */
  readonly decimals?: number | null;
  /** With a value: whether the game writes trailing zeros or drops them, once the reader has seen which. */
  readonly trailingZeros?: TrailingZeros;
  /** Mean colour (0–255 RGB) of the ink of the line that was read (the number line when there is one); null when blank. */
  readonly ink?: { readonly r: number; readonly g: number; readonly b: number } | null;
  /** Text lines in the region other than the one read (e.g. "FLEW AWAY!" above the number; a progress bar does not count). */
  readonly extraLines?: number;
}

/**
 * What a region shows: the multiplier (its conventions: crash text, status words) or an amount such as the balance,
 * which may have a label or a currency beside it.
 */
export type RegionKind = 'multiplier' | 'amount';

export interface RegionReader {
  /** `format`: the number's format, learned in an earlier session, so a misread in another format is refused from the first read. */
  read(region: Rect, kind?: RegionKind, format?: KnownFormat): Promise<ScreenRead>;
  close?(): Promise<void>;
}

export interface MousePort {
  /** Clicks at a physical-pixel point of the profile's display. Resolves once the OS accepted the input. */
  click(point: Point, scaleFactor: number): Promise<void>;
  /**
   * Moves the pointer to `point` without clicking, reads it back and puts it back where it was: proves input
   * injection works (macOS Accessibility, Windows UIPI) without pressing anything in the game.
   */
  probeMove(point: Point, scaleFactor: number): Promise<{ moved: boolean }>;
  /**
   * Moves the pointer to `point` without clicking; resolves once the OS took the move. Optional: a desktop without a
   * real pointer (the simulated demo) has none.
   */
  movePointer?(point: Point, scaleFactor: number): Promise<void>;
  /** Clicks into a text field, selects its content and types `text` over it. */
  typeInto(point: Point, text: string, scaleFactor: number): Promise<void>;
}
