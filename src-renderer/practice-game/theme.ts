// Runs in: the practice game page (a browser).
// The skin's class and font, and appearance overrides from the query string, applied as classes and CSS custom
// properties (CSSOM, so a strict CSP still holds).

import type { PracticeConfig } from './params';
import type { Skin } from './skins';

export function applyTheme(root: HTMLElement, config: PracticeConfig, skin: Skin): void {
  root.classList.add(`skin-${skin.name}`, `buttons-${skin.buttons}`);
  root.classList.toggle('theme-light', config.theme === 'light');
  // The readout's extra lines and bar follow the conventions, which a mix may borrow from another skin.
  root.classList.toggle('uses-line-above', skin.crash.kind === 'line');
  root.classList.toggle('uses-line-below', skin.betting.kind === 'previous-crash');
  root.classList.toggle('uses-progress', skin.betting.kind === 'waiting' && skin.betting.progressBar);
  root.style.setProperty('--skin-font', skin.font);
  root.style.setProperty('--mult-size', `${config.sizePx}px`);
  if (config.font) root.style.setProperty('--mult-font', config.font);
  if (config.fg && CSS.supports('color', config.fg)) root.style.setProperty('--mult-fg', config.fg);
  if (config.bg && CSS.supports('color', config.bg)) root.style.setProperty('--stage-bg', config.bg);
}
