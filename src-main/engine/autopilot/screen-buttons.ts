// Runs in: engine. The game's buttons as small captures around the profile's click points.
import type { GameProfile, Rect } from '../../../src-shared/game-profile';
import { buttonBox, buttonLookOf, type ButtonLook } from '../../core/crash';
import type { RawImage } from '../../core/ocr/raw-image';
import type { ButtonCues } from './crash-executor';

export class ScreenButtons implements ButtonCues {
  constructor(
    private readonly profile: GameProfile,
    private readonly grab: (region: Rect) => Promise<RawImage>,
  ) {}

  async look(target: 'bet' | 'cashout'): Promise<ButtonLook | null> {
    try {
      return buttonLookOf(await this.grab(buttonBox(this.profile.points[target])));
    } catch {
      // A failed capture is "don't know": the executor then never clicks on the buttons' word.
      return null;
    }
  }
}
