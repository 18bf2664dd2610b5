// A first-run checklist with nothing blocking live mode: what SafetyService.armLive needs in tests that are not about the checklist.
import type { FirstRunChecklist } from '../../src-shared/contract/services/system';

export const READY_CHECKLIST: Pick<FirstRunChecklist, 'steps'> = { steps: [] };
