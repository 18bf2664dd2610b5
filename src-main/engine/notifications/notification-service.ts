// Runs in: engine.
import { CallFailure, type ChannelStatus, type CockpitHandlers, type NotificationChannelView, type NotificationsView, type TradingMode } from '../../../src-shared/contract';
import { ChannelFilter } from '../../core/notifications/channel-filter';
import { toMessage, type Notice } from '../../core/notifications/notice';
import { NoticeDetector } from '../../core/notifications/notice-detector';
import type { ClosedTrade } from '../../core/reports/closed-trades';
import type { RetryPolicy } from '../../core/notifications/send-outcome';
import { SignalWatch } from '../../core/notifications/signal-watch';
import type { EventBus } from '../event-bus';
import { ChannelSender } from './channel-sender';
import { maskUrl, type ChannelStore, type StoredChannel } from './channel-store';
import { NOT_CONFIGURED, type TransportChoice } from './transports';

type SaveInput = Parameters<CockpitHandlers['notifications']['save']>[0];

export interface NotificationDeps {
  readonly bus: EventBus;
  readonly store: ChannelStore;
  /** The audit log's stream: refusals by a limit of clicks, typed fields and manual orders. */
  readonly onAction: (listener: (action: { kind: string; reason?: string | null }) => void) => () => void;
  readonly safety: () => { killSwitch: boolean; mode: TradingMode };
  /** An account's closed trades (round trips back to flat), from its recorded fills. */
  readonly closedTrades: (accountId: string) => readonly ClosedTrade[];
  /** The adapter for a channel, its secrets decrypted; or why it has none (a missing secret, no desktop). */
  readonly transport: (channel: StoredChannel) => TransportChoice;
  /** Why a desktop channel cannot deliver in this shell (headless, no OS support); null when it can. */
  readonly desktopUnavailable: () => string | null;
  /** Keeps known secrets out of anything a channel sends or the log shows. */
  readonly redact: (text: string) => string;
  /** Teaches the log redactor a secret as soon as it is stored. */
  readonly learnSecret: (value: string | null) => void;
  readonly now: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly retry: RetryPolicy;
  /** Runs work after the current event has been handled: reading fills must not sit on the order path. */
  readonly defer: (work: () => void) => void;
  readonly log: (line: string) => void;
}

/** How many messages a channel holds while it is rate-limited or failing. */
const QUEUE_CAPACITY = 50;
/** Closed trades remembered as told; far more than close between two fills of one account. */
const TOLD_TRADES = 5000;

interface LiveChannel {
  readonly config: StoredChannel;
  readonly filter: ChannelFilter;
  readonly sender: ChannelSender | null;
  /** Why there is no sender. */
  readonly unavailable: string | null;
}

/**
 * Watches the bus for what is worth telling (rounds, safety, the signal source, errors, fills) and hands each notice
 * to the channels that want it. Nothing here waits for a channel: each sender queues and delivers on its own.
 */
export class NotificationService {
  private readonly channels = new Map<string, LiveChannel>();
  private detector: NoticeDetector | null = null;
  private readonly signals: SignalWatch;
  private signalTimer: ReturnType<typeof setTimeout> | null = null;
  private detach: Array<() => void> = [];
  private readonly toldTrades = new Set<string>();
  private startedAt = 0;
  private signalDownMs = 60_000;
  private readonly channelListeners = new Set<(channels: readonly StoredChannel[]) => void>();

  constructor(private readonly deps: NotificationDeps) {
    // Kept in memory: the threshold is read on every autopilot.state while the source is down, off the store.
    this.signals = new SignalWatch(() => this.signalDownMs);
  }

  readonly handlers: CockpitHandlers['notifications'] = {
    list: () => this.view(),
    save: (input) => this.save(input),
    remove: ({ id }) => this.remove(id),
    setSignalDownSeconds: ({ seconds }) => {
      this.deps.store.write({ ...this.deps.store.read(), signalDownSeconds: seconds });
      this.signalDownMs = seconds * 1000;
      this.scheduleSignalCheck();
      return this.view();
    },
    test: async ({ id }) => {
      const channel = this.channels.get(id);
      if (!channel) throw new CallFailure('NOT_FOUND', `No notification channel "${id}".`);
      if (!channel.sender) return { delivered: false, error: channel.unavailable };
      return channel.sender.sendNow(toMessage({ topic: 'test', kind: 'test', at: this.deps.now() }));
    },
  };

  /** Hears the stored channels at start and after every save or removal (remote control follows them). */
  onChannels(listener: (channels: readonly StoredChannel[]) => void): () => void {
    this.channelListeners.add(listener);
    return () => this.channelListeners.delete(listener);
  }

  /** Decrypts the channels' secrets and subscribes (kept out of the constructor: no I/O there). */
  start(): void {
    this.startedAt = this.deps.now();
    this.signalDownMs = this.deps.store.read().signalDownSeconds * 1000;
    this.detector = new NoticeDetector(this.deps.safety());
    for (const config of this.deps.store.read().channels) this.open(config);
    const detector = this.detector;
    const at = () => this.deps.now();
    const bus = this.deps.bus;
    this.detach = [
      bus.on('app.status', (s) => this.publish(detector.appStatus(s, at()))),
      bus.on('execution.updated', (e) => this.publish(detector.execution(e, at()))),
      bus.on('toast', (t) => this.publish(detector.toast(t, at()))),
      bus.on('markets.order', (o) => {
        this.publish(detector.order(o, at()));
        if (o.status === 'FILLED' || o.status === 'PARTIALLY_FILLED') this.checkClosedTrades(o.accountId);
      }),
      bus.on('autopilot.state', (s) => {
        this.publish(this.signals.update({ running: s.running, state: s.source.state }, at()));
        this.scheduleSignalCheck();
      }),
      this.deps.onAction((a) => this.publish(detector.action(a, at()))),
    ];
    this.channelsChanged();
  }

  stop(): void {
    for (const detach of this.detach) detach();
    this.detach = [];
    if (this.signalTimer) clearTimeout(this.signalTimer);
    this.signalTimer = null;
    // Not awaited: an attempt in flight is bounded by its own timeout, and shutdown must not wait on a chat service.
    for (const channel of this.channels.values()) void channel.sender?.close();
    this.channels.clear();
  }

  /** Resolves once every channel's queue is empty (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.channels.values()].map((c) => c.sender?.idle()));
  }

  private publish(notices: Notice[]): void {
    for (const notice of notices) {
      for (const channel of this.channels.values()) {
        if (!channel.config.enabled || !channel.sender) continue;
        for (const accepted of channel.filter.accept(notice)) {
          const message = toMessage(accepted);
          channel.sender.enqueue({ ...message, text: this.deps.redact(message.text) });
        }
      }
    }
  }

  private checkClosedTrades(accountId: string): void {
    this.deps.defer(() => {
      try {
        for (const trade of this.deps.closedTrades(accountId)) {
          // Trades closed before this engine started were told (or not) by an earlier run.
          const key = `${accountId}:${trade.symbol}:${trade.closedAt}`;
          if (trade.closedAt < this.startedAt || this.toldTrades.has(key)) continue;
          this.toldTrades.add(key);
          if (this.toldTrades.size > TOLD_TRADES) this.toldTrades.delete(this.toldTrades.values().next().value!);
          this.publish([{ topic: 'trades', kind: 'trade-closed', at: this.deps.now(), accountId, symbol: trade.symbol, pnl: trade.pnl }]);
        }
      } catch (error) {
        this.deps.log(`closed trades of ${accountId} not read: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  private scheduleSignalCheck(): void {
    if (this.signalTimer) clearTimeout(this.signalTimer);
    this.signalTimer = null;
    const checkAt = this.signals.checkAt();
    if (checkAt === null) return;
    this.signalTimer = setTimeout(() => {
      this.signalTimer = null;
      this.publish(this.signals.due(this.deps.now()));
      this.scheduleSignalCheck();
    }, Math.max(0, checkAt - this.deps.now()));
    this.signalTimer.unref?.();
  }

  private open(config: StoredChannel): void {
    void this.channels.get(config.id)?.sender?.close();
    const choice = this.deps.transport(config);
    for (const name of ['url', 'botToken', 'signingSecret'] as const) this.deps.learnSecret(this.deps.store.secret(config.id, name));
    const filter = new ChannelFilter(config);
    if ('unavailable' in choice) return void this.channels.set(config.id, { config, filter, sender: null, unavailable: choice.unavailable });
    const sender = new ChannelSender({
      transport: choice.transport,
      perMinute: config.maxPerMinute,
      capacity: QUEUE_CAPACITY,
      retry: this.deps.retry,
      now: this.deps.now,
      sleep: this.deps.sleep,
      log: (line) => this.deps.log(`${config.label}: ${this.deps.redact(line)}`),
    });
    this.channels.set(config.id, { config, filter, sender, unavailable: null });
  }

  private save(input: SaveInput): NotificationsView {
    const stored = this.deps.store.read();
    const existing = input.id ? stored.channels.find((c) => c.id === input.id) : undefined;
    if (input.id && !existing) throw new CallFailure('NOT_FOUND', `No notification channel "${input.id}".`);
    const id = existing?.id ?? this.newId(input.label, stored.channels);
    const remoteControl = input.kind === 'telegram' && (input.remoteControl ?? existing?.remoteControl ?? false);
    if (input.remoteControl && input.kind !== 'telegram') throw new CallFailure('BAD_INPUT', 'Remote control works only through a Telegram bot.');
    const has = (name: 'url' | 'botToken') => (input[name] !== undefined && input[name] !== '') || (existing !== undefined && this.deps.store.hasSecret(id, name));
    let target: string;
    if (input.kind === 'desktop') {
      // A desktop channel saved in the app stays editable from the browser; a new one there could never deliver.
      const unavailable = this.deps.desktopUnavailable();
      if (unavailable && existing?.kind !== 'desktop') throw new CallFailure('BAD_INPUT', `Cannot add a desktop channel: ${unavailable}.`);
      target = 'This computer';
    } else if (input.kind === 'telegram') {
      const chatId = input.chatId ?? existing?.chatId ?? null;
      if (!has('botToken') || !chatId) throw new CallFailure('BAD_INPUT', 'A Telegram channel needs a bot token and a chat id.');
      // Commands arrive from a chat with a numeric id; an @channel name could never match, so nothing would be obeyed.
      if (remoteControl && !/^-?\d+$/.test(chatId)) throw new CallFailure('BAD_INPUT', 'Remote control needs a numeric chat id (your chat with the bot, or a group), not an @channel name.');
      target = `Telegram chat ${chatId}`;
    } else {
      if (!has('url')) throw new CallFailure('BAD_INPUT', `A ${input.kind} channel needs its webhook URL.`);
      target = input.url ? maskUrl(input.url) : existing && existing.kind !== 'telegram' ? existing.target : '';
    }
    const config: StoredChannel = {
      id,
      kind: input.kind,
      label: input.label,
      enabled: input.enabled,
      topics: input.topics,
      roundDigestEvery: input.roundDigestEvery,
      maxPerMinute: input.maxPerMinute,
      chatId: input.kind === 'telegram' ? (input.chatId ?? existing?.chatId ?? null) : null,
      remoteControl,
      target,
    };
    // Only the secrets this kind uses are kept: switching a channel's kind must not leave a stale token behind.
    const store = this.deps.store;
    if (input.kind === 'desktop') {
      for (const name of ['url', 'botToken', 'signingSecret'] as const) store.setSecret(id, name, null);
    } else if (input.kind === 'telegram') {
      if (input.botToken) store.setSecret(id, 'botToken', input.botToken);
      store.setSecret(id, 'url', null);
      store.setSecret(id, 'signingSecret', null);
    } else {
      if (input.url) store.setSecret(id, 'url', input.url);
      store.setSecret(id, 'botToken', null);
      if (input.kind !== 'webhook') store.setSecret(id, 'signingSecret', null);
      else if (input.signingSecret !== undefined) store.setSecret(id, 'signingSecret', input.signingSecret || null);
    }
    store.write({ ...stored, channels: existing ? stored.channels.map((c) => (c.id === id ? config : c)) : [...stored.channels, config] });
    this.open(config);
    this.channelsChanged();
    return this.view();
  }

  private remove(id: string): NotificationsView {
    const stored = this.deps.store.read();
    if (!stored.channels.some((c) => c.id === id)) throw new CallFailure('NOT_FOUND', `No notification channel "${id}".`);
    void this.channels.get(id)?.sender?.close();
    this.channels.delete(id);
    this.deps.store.forget(id);
    this.deps.store.write({ ...stored, channels: stored.channels.filter((c) => c.id !== id) });
    this.channelsChanged();
    return this.view();
  }

  private view(): NotificationsView {
    const stored = this.deps.store.read();
    return {
      signalDownSeconds: stored.signalDownSeconds,
      desktopUnavailable: this.deps.desktopUnavailable(),
      channels: stored.channels.map((c): NotificationChannelView => ({
        id: c.id,
        kind: c.kind,
        label: c.label,
        enabled: c.enabled,
        topics: c.topics,
        roundDigestEvery: c.roundDigestEvery,
        maxPerMinute: c.maxPerMinute,
        chatId: c.chatId,
        remoteControl: c.remoteControl,
        target: c.target,
        hasUrl: this.deps.store.hasSecret(c.id, 'url'),
        hasBotToken: this.deps.store.hasSecret(c.id, 'botToken'),
        hasSigningSecret: this.deps.store.hasSecret(c.id, 'signingSecret'),
        status: this.status(c.id),
      })),
    };
  }

  /** A failing listener must not fail the save that changed the channels. */
  private channelsChanged(): void {
    const channels = this.deps.store.read().channels;
    for (const listener of this.channelListeners) {
      try {
        listener(channels);
      } catch (error) {
        this.deps.log(`a channel listener failed: ${this.deps.redact(error instanceof Error ? error.message : String(error))}`);
      }
    }
  }

  private status(id: string): ChannelStatus {
    const channel = this.channels.get(id);
    if (channel?.sender) return channel.sender.status();
    return { healthy: false, consecutiveFailures: 0, lastError: channel?.unavailable ?? NOT_CONFIGURED, lastSentAt: null, sent: 0, queued: 0, dropped: 0 };
  }

  private newId(label: string, channels: readonly StoredChannel[]): string {
    const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'channel';
    let id = base;
    for (let n = 2; channels.some((c) => c.id === id); n++) id = `${base}-${n}`;
    return id;
  }
}
