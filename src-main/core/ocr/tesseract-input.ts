// Runs in: anywhere (pure).
import type { GrayImage } from './raw-image';
import type { Box } from './text-box';

/** Text height Tesseract's LSTM reads best at; both tiny and huge digits get scaled towards it. */
export const TESSERACT_TEXT_HEIGHT = 40;
/** A second height for one retry when the first read disagrees with the screen: Tesseract's errors depend on scale. */
export const TESSERACT_RETRY_HEIGHT = 28;
/** White margin around the text, as a fraction of the scaled text height. */
const MARGIN_RATIO = 0.35;

/** Crops `box` out of an ink map, scales it bilinearly by `scale`, pads it with background and inverts it. */
export function cropScaleInvert(ink: GrayImage, box: Box, scale: number): GrayImage {
  const boxWidth = box.x1 - box.x0;
  const boxHeight = box.y1 - box.y0;
  const { innerWidth, innerHeight, margin } = layout(box, scale);
  const width = innerWidth + 2 * margin;
  const height = innerHeight + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  const stepX = boxWidth / innerWidth;
  const stepY = boxHeight / innerHeight;
  for (let y = 0; y < innerHeight; y++) {
    const sy = Math.min(boxHeight - 1, Math.max(0, (y + 0.5) * stepY - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(boxHeight - 1, y0 + 1);
    const fy = sy - y0;
    const rowA = (box.y0 + y0) * ink.width + box.x0;
    const rowB = (box.y0 + y1) * ink.width + box.x0;
    let dst = (y + margin) * width + margin;
    for (let x = 0; x < innerWidth; x++, dst++) {
      const sx = Math.min(boxWidth - 1, Math.max(0, (x + 0.5) * stepX - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(boxWidth - 1, x0 + 1);
      const fx = sx - x0;
      const top = (ink.data[rowA + x0] ?? 0) * (1 - fx) + (ink.data[rowA + x1] ?? 0) * fx;
      const bottom = (ink.data[rowB + x0] ?? 0) * (1 - fx) + (ink.data[rowB + x1] ?? 0) * fx;
      data[dst] = 255 - Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { data, width, height };
}

/**
 * A box in an image made by {@link cropScaleInvert} (Tesseract's coordinates) as a box in the ink it was cropped
 * from, widened to whole pixels.
 */
export function fromTesseractInput(tesseractBox: Box, box: Box, scale: number): Box {
  const { innerWidth, innerHeight, margin } = layout(box, scale);
  const stepX = (box.x1 - box.x0) / innerWidth;
  const stepY = (box.y1 - box.y0) / innerHeight;
  return {
    x0: Math.floor(box.x0 + (tesseractBox.x0 - margin) * stepX),
    x1: Math.ceil(box.x0 + (tesseractBox.x1 - margin) * stepX),
    y0: Math.floor(box.y0 + (tesseractBox.y0 - margin) * stepY),
    y1: Math.ceil(box.y0 + (tesseractBox.y1 - margin) * stepY),
  };
}

function layout(box: Box, scale: number): { innerWidth: number; innerHeight: number; margin: number } {
  const innerWidth = Math.max(1, Math.round((box.x1 - box.x0) * scale));
  const innerHeight = Math.max(1, Math.round((box.y1 - box.y0) * scale));
  return { innerWidth, innerHeight, margin: Math.max(4, Math.round(innerHeight * MARGIN_RATIO)) };
}

/** Binary PGM (P5), which tesseract.js decodes faster than PNG. */
export function encodePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const bytes = new Uint8Array(header.length + image.data.length);
  bytes.set(header, 0);
  bytes.set(image.data, header.length);
  return bytes;
}
