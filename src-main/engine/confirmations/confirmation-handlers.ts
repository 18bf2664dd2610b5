// Runs in: engine. The `confirmations` contract service: what is waiting, and the app's answer to one.
import type { CockpitHandlers } from '../../../src-shared/contract';
import type { ConfirmationService } from './confirmation-service';

export function confirmationHandlers(confirmations: ConfirmationService): CockpitHandlers['confirmations'] {
  return {
    pending: () => confirmations.pending(),
    answer: ({ id, approve }) => confirmations.answer(id, approve, 'app'),
  };
}
