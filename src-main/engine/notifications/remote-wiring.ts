// Runs in: engine. Wires Telegram remote control to the safety service, the markets, the autopilot and the audit log.
import { randomBytes } from 'node:crypto';
import { TelegramBot } from '../../adapters/notifications/telegram-bot';
import { TELEGRAM_API } from '../../adapters/notifications/telegram-channel';
import type { SecretStore } from '../../adapters/secrets/secret-store';
import type { ActionsRepo } from '../../adapters/store/actions-repo';
import type { SettingsRepo } from '../../adapters/store/settings-repo';
import type { Logger } from '../../core/logging/logger';
import type { Redactor } from '../../core/logging/redact';
import type { AutopilotService } from '../autopilot/autopilot-service';
import type { ConfirmationService } from '../confirmations/confirmation-service';
import type { MarketsService } from '../markets/markets-service';
import type { SafetyService } from '../services/safety-service';
import type { StrategyToggles } from '../services/strategy-toggles';
import { timerSleep } from './channel-sender';
import { ChannelStore } from './channel-store';
import type { NotificationOptions } from './notifications';
import { DEFAULT_REMOTE_TIMING, RemoteControl } from './remote-control';

export interface RemoteWiring {
  readonly settingsRepo: SettingsRepo;
  readonly secrets: SecretStore;
  readonly actions: ActionsRepo;
  readonly safety: SafetyService;
  readonly markets: MarketsService;
  readonly autopilot: AutopilotService;
  readonly strategies: StrategyToggles;
  /** Trade confirmations: asked in the chat with Approve / Reject buttons. */
  readonly confirmations?: ConfirmationService;
  readonly redactor: Redactor;
  readonly log: Logger;
  readonly options?: NotificationOptions;
}

export function createRemoteControl(w: RemoteWiring): RemoteControl {
  const store = new ChannelStore(w.settingsRepo, w.secrets);
  const baseUrl = w.options?.telegramBaseUrl ?? TELEGRAM_API;
  return new RemoteControl({
    bot: (botToken) => new TelegramBot({ baseUrl, botToken }),
    botToken: (channelId) => store.secret(channelId, 'botToken'),
    actions: {
      engageKillSwitch: async (reason) => {
        const outcome = await w.safety.setKillSwitch(true, reason);
        return outcome.saved ? { saved: true, message: null } : { saved: false, message: outcome.message };
      },
      goDry: (reason) => {
        const wasLive = w.safety.snapshot().mode === 'live';
        w.safety.setMode('dry-run', reason);
        return wasLive;
      },
      flatten: () => w.markets.flattenAll(),
    },
    read: {
      mode: () => w.safety.snapshot().mode,
      status: () => {
        const autopilot = w.autopilot.state();
        return {
          ...w.safety.snapshot(),
          autopilot: { running: autopilot.running, profile: autopilot.profile },
          strategiesOn: w.strategies.list().filter((t) => t.kind === 'strategy' && t.enabled).map((t) => t.label),
          openPositions: w.markets.positions().length,
        };
      },
      pnl: () => ({ autopilot: w.autopilot.pnl(), exchange: w.markets.pnlBySymbol() }),
      positions: () => w.markets.positions(),
    },
    audit: (action) => w.actions.record(action),
    redact: (text) => w.redactor.text(text),
    learnSecret: (value) => w.redactor.addSecret(value),
    now: Date.now,
    nonce: () => randomBytes(12).toString('hex'),
    sleep: timerSleep,
    log: (line) => w.log.warn(line),
    timing: { ...DEFAULT_REMOTE_TIMING, ...w.options?.remote },
    ...(w.confirmations ? { confirmations: w.confirmations } : {}),
  });
}
