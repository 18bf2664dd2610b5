// Runs in: anywhere (pure).
import { Sma } from './sma';

/** Simple moving average of bar volume; a named wrapper so strategies read as they are specified. */
export class VolumeSma extends Sma {
  updateBar(bar: { readonly volume: number }): number {
    return this.update(bar.volume);
  }
}
