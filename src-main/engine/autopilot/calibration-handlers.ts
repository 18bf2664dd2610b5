// Runs in: engine.
import { CallFailure, type CockpitHandlers } from '../../../src-shared/contract';
import type { RegionReader } from '../../core/autopilot/ports';
import type { ActionsRepo } from '../../adapters/store/actions-repo';
import { encodeDownscaledPng } from '../../adapters/screen/display-capture';
import { findPracticeGame } from '../../core/display/practice-game-finder';
import type { SafetyService } from '../services/safety-service';
import type { Desktop } from './desktop';

export function calibrationHandlers(desktop: Desktop, reader: () => Promise<RegionReader>, safety: SafetyService, actions: ActionsRepo): CockpitHandlers['calibration'] {
  const display = async (id?: string) => {
    const displays = await desktop.displays();
    const found = id === undefined ? (displays.find((d) => d.primary) ?? displays[0]) : displays.find((d) => d.id === id);
    if (!found) throw new CallFailure('NOT_FOUND', id === undefined ? 'No display found: is there a desktop session?' : `Display ${id} is not connected.`);
    return found;
  };
  return {
    listDisplays: () => desktop.displays(),
    captureScreen: async ({ displayId, maxWidth }) => {
      const d = await display(displayId);
      const encoded = encodeDownscaledPng(await desktop.grabRegion(d.bounds), maxWidth);
      return { png: encoded.png.toString('base64'), width: encoded.width, height: encoded.height, scale: encoded.scale, display: d, capturedAt: Date.now() };
    },
    readRegion: async ({ region, displayId, kind }) => {
      const d = await display(displayId);
      const read = await (await reader()).read({ ...region, x: region.x + d.bounds.x, y: region.y + d.bounds.y }, kind);
      return { text: read.text, value: read.value, ms: Math.round(read.ms * 100) / 100, path: read.text === '' ? 'none' : read.path };
    },
    findPracticeGame: async ({ name }) => {
      const displays = await desktop.displays();
      const unreadable: string[] = [];
      for (const d of displays) {
        const image = await desktop.grabRegion(d.bounds).catch((error: Error) => void unreadable.push(`display ${d.id}: ${error.message}`));
        const found = image ? findPracticeGame(image) : null;
        if (!found) continue;
        const profile = { version: 1 as const, name, display: { id: d.id, scaleFactor: d.scaleFactor }, regions: { multiplier: found.multiplier }, points: { bet: found.bet, cashout: found.cashout } };
        const where = `display ${d.id}, readout at (${found.multiplier.x}, ${found.multiplier.y}) ${found.multiplier.width}×${found.multiplier.height}`;
        return { profile, detail: `Found the practice game on ${where}${found.bet.x === found.cashout.x && found.bet.y === found.cashout.y ? ', one button' : ''}.` };
      }
      const why = unreadable.length > 0 ? ` (${unreadable.join('; ')})` : '';
      return { profile: null, detail: `The practice game is not on ${displays.length === 1 ? 'the screen' : `any of the ${displays.length} displays`}${why}: open it with ?markers=1, keep its window in view, uncovered.` };
    },
    // Test clicks only ever show a marker: the autopilot is the single path to a real click, and only at a saved profile's points.
    testClick: ({ point, label }) => {
      actions.record({ kind: 'test-click-marker', target: label, x: point.x, y: point.y, mode: safety.snapshot().mode, reason: 'calibration test click: marker only' });
      return { clicked: false, reason: `Marker only: the click for "${label}" would land at (${point.x}, ${point.y}).` };
    },
  };
}
