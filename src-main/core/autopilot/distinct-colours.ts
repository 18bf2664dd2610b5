// Runs in: anywhere (pure).
import { channelCount, type RawImage } from '../ocr/raw-image';

/** Distinct colours in an image, counted up to `cap`: a blocked screen capture comes back as one flat colour. */
export function distinctColours(image: RawImage, cap = 64): number {
  const channels = channelCount(image.order);
  const stride = image.stride ?? image.width * channels;
  const seen = new Set<number>();
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = y * stride + x * channels;
      const colour = channels === 1 ? image.data[i]! : (image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!;
      seen.add(colour);
      if (seen.size >= cap) return cap;
    }
  }
  return seen.size;
}
