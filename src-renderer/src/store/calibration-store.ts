// Runs in: renderer. The profile being calibrated: regions and points in physical pixels, plus what the editor has selected.
import { create } from 'zustand';
import { GameProfile, profileProblems, type DisplayInfo, type Point, type Rect } from '../../../src-shared/contract';

export type RegionKey = 'multiplier' | 'balance';
export type PointKey = 'bet' | 'cashout' | 'stakeInput' | 'autoCashoutInput';
export const POINT_KEYS: readonly PointKey[] = ['bet', 'cashout', 'stakeInput', 'autoCashoutInput'];
export type ElementKey = RegionKey | PointKey;

export const ELEMENTS: ReadonlyArray<{ key: ElementKey; label: string; kind: 'region' | 'point'; required: boolean }> = [
  { key: 'multiplier', label: 'Multiplier region', kind: 'region', required: true },
  { key: 'balance', label: 'Balance region', kind: 'region', required: false },
  { key: 'bet', label: 'Bet point', kind: 'point', required: true },
  { key: 'cashout', label: 'Cash out point', kind: 'point', required: true },
  { key: 'stakeInput', label: 'Stake input point', kind: 'point', required: false },
  { key: 'autoCashoutInput', label: 'Auto cash-out input point', kind: 'point', required: false },
];
export const isRegionKey = (k: ElementKey): k is RegionKey => k === 'multiplier' || k === 'balance';

export interface TestClickMark {
  point: Point;
  label: string;
  clicked: boolean;
  reason: string;
}

export interface Draft {
  name: string;
  displayId: string | null;
  scaleFactor: number;
  regions: Partial<Record<RegionKey, Rect>>;
  points: Partial<Record<PointKey, Point>>;
}

export interface CalibrationStore {
  draft: Draft;
  selected: ElementKey | null;
  /** The element the next drag (region) or click (point) on the surface creates. */
  tool: ElementKey | null;
  testClick: TestClickMark | null;
  setName(name: string): void;
  setDisplay(display: DisplayInfo): void;
  setRegion(key: RegionKey, rect: Rect): void;
  setPoint(key: PointKey, point: Point): void;
  remove(key: ElementKey): void;
  select(key: ElementKey | null): void;
  arm(tool: ElementKey | null): void;
  load(profile: GameProfile): void;
  showTestClick(mark: TestClickMark | null): void;
}

const emptyDraft = (): Draft => ({ name: '', displayId: null, scaleFactor: 1, regions: {}, points: {} });

export const useCalibrationStore = create<CalibrationStore>((set) => ({
  draft: emptyDraft(),
  selected: null,
  tool: null,
  testClick: null,
  setName: (name) => set((s) => ({ draft: { ...s.draft, name } })),
  setDisplay: (d) => set((s) => ({ draft: { ...s.draft, displayId: d.id, scaleFactor: d.scaleFactor } })),
  setRegion: (key, rect) => set((s) => ({ draft: { ...s.draft, regions: { ...s.draft.regions, [key]: rect } } })),
  setPoint: (key, point) => set((s) => ({ draft: { ...s.draft, points: { ...s.draft.points, [key]: point } } })),
  remove: (key) =>
    set((s) => {
      const regions = { ...s.draft.regions };
      const points = { ...s.draft.points };
      if (isRegionKey(key)) delete regions[key];
      else delete points[key];
      return { draft: { ...s.draft, regions, points }, selected: s.selected === key ? null : s.selected };
    }),
  select: (selected) => set({ selected }),
  arm: (tool) => set({ tool, ...(tool ? { selected: tool } : {}) }),
  load: (p) =>
    set({
      draft: { name: p.name, displayId: p.display.id, scaleFactor: p.display.scaleFactor, regions: { ...p.regions }, points: { ...p.points } },
      selected: null,
      tool: null,
      testClick: null,
    }),
  showTestClick: (testClick) => set({ testClick }),
}));

/** The draft as a profile, or the list of what is still missing or wrong. */
export function checkDraft(draft: Draft, displays: readonly DisplayInfo[]): { profile: GameProfile | null; problems: string[] } {
  const missing = ELEMENTS.filter((e) => e.required && !(isRegionKey(e.key) ? draft.regions[e.key] : draft.points[e.key as PointKey])).map((e) => `Place the ${e.label.toLowerCase()}.`);
  if (!draft.name.trim()) missing.unshift('Give the profile a name.');
  if (draft.displayId === null) missing.push('Pick a display.');
  const parsed = GameProfile.safeParse({
    version: 1,
    name: draft.name,
    display: { id: draft.displayId ?? '', scaleFactor: draft.scaleFactor },
    regions: draft.regions,
    points: draft.points,
  });
  if (missing.length || !parsed.success) return { profile: null, problems: missing.length ? missing : ['The profile is incomplete.'] };
  const problems = profileProblems(parsed.data, displays);
  return { profile: problems.length ? null : parsed.data, problems };
}
