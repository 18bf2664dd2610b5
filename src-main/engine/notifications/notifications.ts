// Runs in: engine. Wires the notification service to the engine's store, secrets, bus, audit log and redactor.
import { fetchPost } from '../../adapters/notifications/http-post';
import { TELEGRAM_API } from '../../adapters/notifications/telegram-channel';
import type { SecretStore } from '../../adapters/secrets/secret-store';
import type { ActionsRepo } from '../../adapters/store/actions-repo';
import type { ReportRowsRepo } from '../../adapters/store/report-rows-repo';
import type { SettingsRepo } from '../../adapters/store/settings-repo';
import { desktopUnavailable, type DesktopNotifier } from '../../core/notifications/desktop-notification';
import { DEFAULT_RETRY, type RetryPolicy } from '../../core/notifications/send-outcome';
import { closedTrades } from '../../core/reports/closed-trades';
import type { Logger } from '../../core/logging/logger';
import type { Redactor } from '../../core/logging/redact';
import type { EventBus } from '../event-bus';
import type { SafetyService } from '../services/safety-service';
import { timerSleep } from './channel-sender';
import { ChannelStore } from './channel-store';
import { NotificationService } from './notification-service';
import type { RemoteTiming } from './remote-control';
import { transportFor } from './transports';

export interface NotificationOptions {
  /** Test harness only: where the Telegram Bot API is (a local fake). Default `https://api.telegram.org`. */
  readonly telegramBaseUrl?: string;
  /** Test harness only: shorter retries. */
  readonly retry?: RetryPolicy;
  /** Test harness only: shorter long polls and confirmation windows for Telegram remote control. */
  readonly remote?: Partial<RemoteTiming>;
}


export interface NotificationWiring {
  /** Closed trades per account, for the fill messages. */
  readonly rows: Pick<ReportRowsRepo, 'fills'>;
  readonly bus: EventBus;
  readonly settingsRepo: SettingsRepo;
  readonly secrets: SecretStore;
  readonly actions: ActionsRepo;
  readonly safety: SafetyService;
  readonly redactor: Redactor;
  readonly log: Logger;
  readonly options?: NotificationOptions;
  /** Native notifications of the desktop shell; absent in the headless cockpit, where desktop channels are unavailable. */
  readonly desktop?: DesktopNotifier;
}

export function createNotifications(w: NotificationWiring): NotificationService {
  const store = new ChannelStore(w.settingsRepo, w.secrets);
  const post = fetchPost();
  const telegramBaseUrl = w.options?.telegramBaseUrl ?? TELEGRAM_API;
  return new NotificationService({
    bus: w.bus,
    store,
    onAction: (listener) => w.actions.onRecord(listener),
    safety: () => w.safety.snapshot(),
    closedTrades: (accountId) => closedTrades(w.rows.fills(accountId, Date.now())),
    transport: (channel) => transportFor(channel, store, { telegramBaseUrl, post, desktop: w.desktop }),
    desktopUnavailable: () => desktopUnavailable(w.desktop),
    redact: (text) => w.redactor.text(text),
    learnSecret: (value) => w.redactor.addSecret(value),
    now: Date.now,
    sleep: timerSleep,
    retry: w.options?.retry ?? DEFAULT_RETRY,
    defer: (work) => void setImmediate(work),
    log: (line) => w.log.warn(line),
  });
}
