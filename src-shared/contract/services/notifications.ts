// Runs in: renderer and engine.
import { z } from 'zod';
import { method } from '../define';

/**
 * Where a channel posts: a generic JSON webhook, Slack's or Discord's incoming webhook, a Telegram bot, or a native
 * notification on this computer (desktop app only).
 */
export const NotificationKind = z.enum(['webhook', 'slack', 'discord', 'telegram', 'desktop']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** The groups of events a channel can switch on or off. */
export const NotificationTopic = z.enum(['rounds', 'safety', 'signals', 'errors', 'trades']);
export type NotificationTopic = z.infer<typeof NotificationTopic>;

export const TopicSwitches = z.object({
  /** Each finished autopilot round, or a digest every `roundDigestEvery` rounds. */
  rounds: z.boolean(),
  /** Kill switch engaged/released, live armed/disarmed, a bet or order refused by a limit. */
  safety: z.boolean(),
  /** The running autopilot's signal source down for longer than `signalDownSeconds`, and back. */
  signals: z.boolean(),
  /** Error toasts: a failed round, betting stopped, a strategy stopped after failures, a safety alert. */
  errors: z.boolean(),
  /** Exchange fills, and the P&L of a trade that closed. */
  trades: z.boolean(),
});
export type TopicSwitches = z.infer<typeof TopicSwitches>;

/** Whether a channel delivers; what the UI shows as healthy or not. */
export const ChannelStatus = z.object({
  healthy: z.boolean(),
  /** Failed attempts since the last delivered message. */
  consecutiveFailures: z.number().int(),
  lastError: z.string().nullable(),
  lastSentAt: z.number().nullable(),
  sent: z.number().int(),
  queued: z.number().int(),
  /** Messages not sent: the queue was full, or every retry failed. */
  dropped: z.number().int(),
});
export type ChannelStatus = z.infer<typeof ChannelStatus>;

const ChannelId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** What the UI may see of a channel. Secrets appear only as `has…` flags and a masked destination. */
export const NotificationChannelView = z.object({
  id: ChannelId,
  kind: NotificationKind,
  label: z.string(),
  enabled: z.boolean(),
  topics: TopicSwitches,
  roundDigestEvery: z.number().int(),
  maxPerMinute: z.number().int(),
  chatId: z.string().nullable(),
  /** Telegram only: commands from the chat are obeyed (/status, /pnl, /positions, /stop, /flatten, /dry; never /live). */
  remoteControl: z.boolean(),
  /** The destination with anything that could be a credential cut off, e.g. `https://hooks.slack.com/…`. */
  target: z.string(),
  hasUrl: z.boolean(),
  hasBotToken: z.boolean(),
  hasSigningSecret: z.boolean(),
  status: ChannelStatus,
});
export type NotificationChannelView = z.infer<typeof NotificationChannelView>;

export const NotificationsView = z.object({
  signalDownSeconds: z.number().int(),
  /** Why a desktop channel cannot be added here (the headless cockpit, a system without notifications); null when it can. */
  desktopUnavailable: z.string().nullable(),
  channels: z.array(NotificationChannelView),
});
export type NotificationsView = z.infer<typeof NotificationsView>;

const HttpUrl = z.string().max(2048).regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL');

export const SaveChannelInput = z
  .object({
    /** Omit to add a channel; give to change one. */
    id: ChannelId.optional(),
    kind: NotificationKind,
    label: z.string().trim().min(1).max(80),
    enabled: z.boolean().default(true),
    topics: TopicSwitches,
    /** 1: a message per round; N: one digest every N rounds. */
    roundDigestEvery: z.number().int().min(1).max(1000).default(1),
    maxPerMinute: z.number().int().min(1).max(120).default(20),
    /** Telegram only: a numeric chat id or an `@channel` name. */
    chatId: z
      .string()
      .regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/, 'must be a numeric chat id or @channelname')
      .nullable()
      .optional(),
    /** Telegram only: obey commands from the chat id (needs a numeric id). Omitted: keep the stored choice (off for a new channel). */
    remoteControl: z.boolean().optional(),
    // Write-only secrets, stored encrypted and never sent back. Omitted: keep the stored one.
    /** Webhook, Slack and Discord: the URL (Slack's and Discord's embed their token). */
    url: HttpUrl.optional(),
    /** Telegram: the bot token from @BotFather. */
    botToken: z
      .string()
      .regex(/^\d{3,15}:[A-Za-z0-9_-]{20,100}$/, 'must look like 123456:ABC-DEF… (the token @BotFather gave)')
      .optional(),
    /** Generic webhook: signs each body with HMAC-SHA256; '' forgets it. */
    signingSecret: z.union([z.literal(''), z.string().min(8).max(256)]).optional(),
  })
  .strict();
export type SaveChannelInput = z.input<typeof SaveChannelInput>;

export const NotificationTestResult = z.object({ delivered: z.boolean(), error: z.string().nullable() });
export type NotificationTestResult = z.infer<typeof NotificationTestResult>;

export const notificationsService = {
  list: method(z.void(), NotificationsView),
  save: method(SaveChannelInput, NotificationsView),
  remove: method(z.object({ id: ChannelId }), NotificationsView),
  setSignalDownSeconds: method(z.object({ seconds: z.number().int().min(1).max(3600) }), NotificationsView),
  /** Sends one test message now, past the queue and the rate limit, and answers whether it arrived. */
  test: method(z.object({ id: ChannelId }), NotificationTestResult),
};
