// Runs in: the practice game page (a browser).
// Draws the markers of src-shared/practice-markers.ts around the readout and the visible buttons, and keeps them on
// their elements as the layout changes.
import { PRACTICE_MARKERS, rgbCss, type MarkedElement } from '../../src-shared/practice-markers';

const { size, centre, gap, ring, centres } = PRACTICE_MARKERS;

function marker(element: MarkedElement): HTMLDivElement {
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.dataset.marker = element;
  const inset = (size - centre) / 2;
  Object.assign(box.style, {
    position: 'fixed',
    width: `${size}px`,
    height: `${size}px`,
    boxSizing: 'border-box',
    border: `${inset}px solid ${rgbCss(ring)}`,
    background: rgbCss(centres[element]),
    zIndex: '2147483647',
    pointerEvents: 'none',
  });
  return box;
}

/** `elements`: what to frame, each visible one by its element; a hidden one loses its markers. */
export function drawMarkers(elements: Record<MarkedElement, () => HTMLElement | null>): void {
  const pairs = new Map<MarkedElement, [HTMLDivElement, HTMLDivElement]>();
  const place = () => {
    for (const [name, find] of Object.entries(elements) as [MarkedElement, () => HTMLElement | null][]) {
      const target = find();
      const rect = target && !target.hidden ? target.getBoundingClientRect() : null;
      let pair = pairs.get(name);
      if (!rect || rect.width === 0) {
        pair?.forEach((m) => m.remove());
        pairs.delete(name);
        continue;
      }
      if (!pair) {
        pair = [marker(name), marker(name)];
        pairs.set(name, pair);
        document.body.append(...pair);
      }
      const [topLeft, bottomRight] = pair;
      topLeft.style.left = `${rect.left - gap - size}px`;
      topLeft.style.top = `${rect.top - gap - size}px`;
      bottomRight.style.left = `${rect.right + gap}px`;
      bottomRight.style.top = `${rect.bottom + gap}px`;
    }
  };
  place();
  addEventListener('resize', place);
  setInterval(place, 500);
}
