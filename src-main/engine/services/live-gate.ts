// Runs in: engine. Wraps a dispatch so live mode cannot be armed while the first-run checklist has blockers
// (missing permissions, an elevated game window, no passing capture-and-click probe).
import { SetModeInput, fail } from '../../../src-shared/contract';
import type { FirstRunChecklist } from '../../../src-shared/contract/services/system';
import { liveBlockers } from '../../core/first-run/checklist';
import type { Dispatch } from '../dispatcher';

// Only a well-formed arming request reaches the checklist: a malformed one gets the dispatcher's precise input error.
const armsLive = (name: string, input: unknown) => name === 'app.setMode' && SetModeInput.safeParse(input).data?.mode === 'live';

export function gateLiveArming(dispatch: Dispatch, checklist: () => Promise<FirstRunChecklist>): Dispatch {
  return async (name, input) => {
    if (armsLive(name, input)) {
      const blockers = liveBlockers(await checklist());
      if (blockers.length > 0) return fail('REFUSED', `Live mode stays off until the first-run checklist passes: ${blockers.join(', ')}.`);
    }
    return dispatch(name, input);
  };
}
