// Runs in: anywhere (pure). Telegram remote control: which updates are obeyed, what they ask for, and the replies.
import { z } from 'zod';
import type { ConfirmationView, PositionRow, SymbolPnl, TradingMode } from '../../../src-shared/contract';
import { intentText } from '../confirmations/confirmation-queue';
import { signed } from './notice';

/** What `/…` the bot obeys; `/live` is never one of them: arming live stays on the computer. */
export const REMOTE_COMMANDS = ['help', 'status', 'pnl', 'positions', 'stop', 'flatten', 'dry'] as const;
export type RemoteCommand = (typeof REMOTE_COMMANDS)[number];

const Chat = z.object({ id: z.number().int() });

/** The subset of a Bot API `Update` remote control reads (https://core.telegram.org/bots/api#update). */
export const TelegramUpdate = z.object({
  update_id: z.number().int().nonnegative(),
  message: z
    .object({
      chat: Chat,
      /** Unix seconds. */
      date: z.number().int().nonnegative(),
      text: z.string().max(4096).optional(),
    })
    .optional(),
  callback_query: z
    .object({
      id: z.string().min(1).max(128),
      data: z.string().max(64).optional(),
      /** Absent for buttons under inline-mode messages: then there is no chat to check, and it is refused. */
      message: z.object({ chat: Chat, date: z.number().int().nonnegative().optional() }).optional(),
    })
    .optional(),
});
export type TelegramUpdate = z.infer<typeof TelegramUpdate>;

const UpdateId = z.object({ update_id: z.number().int().nonnegative() });

/** The update's id even when the rest does not parse: the poll offset must move past a malformed update too. */
export function updateIdOf(raw: unknown): number | null {
  const parsed = UpdateId.safeParse(raw);
  return parsed.success ? parsed.data.update_id : null;
}

/** `flatten:<nonce>`: the only button the bot ever shows. */
const FLATTEN_DATA = /^flatten:([a-f0-9]{16,32})$/;

export function flattenButtonData(nonce: string): string {
  return `flatten:${nonce}`;
}

/** `trade-yes:<id>` / `trade-no:<id>`: the answer to a trade confirmation (its id is random hex, like a nonce). */
const TRADE_DATA = /^trade-(yes|no):([a-f0-9]{16,32})$/;

export function tradeButtons(confirmationId: string): Array<{ text: string; data: string }> {
  return [
    { text: 'Approve', data: `trade-yes:${confirmationId}` },
    { text: 'Reject', data: `trade-no:${confirmationId}` },
  ];
}

export type RemoteDecision =
  | { readonly kind: 'command'; readonly command: RemoteCommand; readonly chatId: string }
  | { readonly kind: 'confirm-flatten'; readonly nonce: string; readonly callbackId: string; readonly chatId: string }
  | { readonly kind: 'answer-trade'; readonly confirmationId: string; readonly approve: boolean; readonly callbackId: string; readonly chatId: string }
  | {
      readonly kind: 'refuse';
      /** The command or button, cut down to a safe token for the log (never the whole text). */
      readonly what: string;
      /** The chat the update came from, when it had one. */
      readonly chatId: string | null;
      readonly reason: string;
      /** Sent to the configured chat; null when the update came from anywhere else (strangers get no answer). */
      readonly reply: string | null;
      /** A button press is always answered, or Telegram keeps its spinner turning. */
      readonly callbackId: string | null;
    };

export interface DecideContext {
  /** The configured chat: the only one obeyed. */
  readonly chatId: string;
  readonly now: number;
  /** Older messages waited in Telegram while the app was not listening: acting on them now would surprise. */
  readonly maxAgeMs: number;
}

export const HELP_TEXT = [
  'Commands:',
  '/status: mode, kill switch, autopilot, strategies',
  '/pnl: autopilot and exchange P&L',
  '/positions: open exchange positions',
  '/stop: engage the kill switch (stops all trading)',
  '/flatten: close every position at market (asks you to confirm)',
  '/dry: back to dry run (disarms live)',
  'Arming live is only possible in the app on the computer.',
].join('\n');

export const LIVE_IS_LOCAL = 'Refused: live mode is armed only in the app on the computer, never remotely. /dry, /stop and /flatten work from here.';

/** Decides what an update asks for and whether it is obeyed: only the configured chat is, and never `/live`. */
export function decide(raw: unknown, ctx: DecideContext): RemoteDecision {
  const parsed = TelegramUpdate.safeParse(raw);
  if (!parsed.success) return refuse('(malformed)', null, 'not a Bot API update', null, null);
  const { message, callback_query: press } = parsed.data;
  if (press) {
    const chatId = press.message ? String(press.message.chat.id) : null;
    const trade = TRADE_DATA.exec(press.data ?? '');
    const what = press.data && FLATTEN_DATA.test(press.data) ? 'flatten button' : trade ? `trade ${trade[1] === 'yes' ? 'approve' : 'reject'} button` : 'button';
    if (chatId !== ctx.chatId) return refuse(what, chatId, `not the configured chat (${chatId ?? 'no chat'})`, null, press.id);
    if (trade) {
      // The button's message was sent by us; one older than the age limit was pressed long after the question.
      const ageMs = press.message?.date === undefined ? 0 : ctx.now - press.message.date * 1000;
      if (ageMs > ctx.maxAgeMs) return refuse(what, chatId, `its question was sent ${Math.round(ageMs / 1000)} s ago`, 'Ignored: that question is too old. No trade.', press.id);
      return { kind: 'answer-trade', confirmationId: trade[2]!, approve: trade[1] === 'yes', callbackId: press.id, chatId };
    }
    const nonce = FLATTEN_DATA.exec(press.data ?? '')?.[1];
    if (!nonce) return refuse(what, chatId, 'unknown button', 'That button is not one of mine.', press.id);
    return { kind: 'confirm-flatten', nonce, callbackId: press.id, chatId };
  }
  if (!message) return refuse('(other update)', null, 'neither a message nor a button press', null, null);
  const chatId = String(message.chat.id);
  const text = (message.text ?? '').trim();
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s|$)/.exec(text);
  const name = match ? match[1]!.toLowerCase() : null;
  const what = name ? `/${name}` : '(text)';
  if (chatId !== ctx.chatId) return refuse(what, chatId, `not the configured chat (${chatId})`, null, null);
  const ageMs = ctx.now - message.date * 1000;
  if (ageMs > ctx.maxAgeMs) {
    const ago = `${Math.round(ageMs / 1000)} s`;
    return refuse(what, chatId, `sent ${ago} ago, before the app was listening`, `Ignored ${what}: it was sent ${ago} ago, while the app was not listening. Send it again if you still mean it.`, null);
  }
  if (name === 'live') return refuse(what, chatId, 'arming live is local only', LIVE_IS_LOCAL, null);
  if (name === 'start') return { kind: 'command', command: 'help', chatId };
  const command = REMOTE_COMMANDS.find((c) => c === name);
  if (command) return { kind: 'command', command, chatId };
  return refuse(what, chatId, name ? 'unknown command' : 'not a command', `${name ? `Unknown command ${what}.` : 'Send a command.'}\n${HELP_TEXT}`, null);
}

function refuse(what: string, chatId: string | null, reason: string, reply: string | null, callbackId: string | null): RemoteDecision {
  return { kind: 'refuse', what, chatId, reason, reply, callbackId };
}

export type Redeemed = 'ok' | 'expired' | 'used' | 'unknown';

/** How many confirmations are remembered: far more than anyone presses within a window. */
const MAX_PENDING = 100;

/**
 * The flatten confirmations the bot has asked for: each nonce works once, within its window. Nonces come from the
 * caller (a random source is I/O); a used or expired one is remembered for another window to say why it is refused.
 */
export class FlattenConfirmations {
  private readonly issued = new Map<string, { expiresAt: number; used: boolean }>();

  constructor(private readonly windowMs: number) {}

  issue(nonce: string, now: number): void {
    this.prune(now);
    this.issued.set(nonce, { expiresAt: now + this.windowMs, used: false });
    if (this.issued.size > MAX_PENDING) this.issued.delete(this.issued.keys().next().value!);
  }

  redeem(nonce: string, now: number): Redeemed {
    this.prune(now);
    const entry = this.issued.get(nonce);
    if (!entry) return 'unknown';
    if (entry.used) return 'used';
    if (now > entry.expiresAt) return 'expired';
    entry.used = true;
    return 'ok';
  }

  private prune(now: number): void {
    for (const [nonce, entry] of this.issued) if (now > entry.expiresAt + this.windowMs) this.issued.delete(nonce);
  }
}

export function refusedConfirmation(outcome: Exclude<Redeemed, 'ok'>, windowMs: number): string {
  if (outcome === 'used') return 'Not flattened again: this confirmation was already used.';
  if (outcome === 'expired') return `Not flattened: the confirmation expired (${Math.round(windowMs / 1000)} s). Send /flatten again.`;
  return 'Not flattened: this confirmation is unknown (the app restarted since, or it is too old). Send /flatten again.';
}

export function flattenQuestion(windowMs: number): string {
  return `Flatten: cancel every open order and close every position at market, on every account? Press the button within ${Math.round(windowMs / 1000)} s to confirm.`;
}

export const CONFIRM_FLATTEN_BUTTON = 'Confirm flatten';

/** What became of a trade confirmation, told to every listening chat. */
export function tradeOutcomeText(c: ConfirmationView): string {
  const intent = intentText(c);
  if (c.status === 'approved') return `Approved by ${c.decidedBy ?? '?'}: ${intent}. The order goes out.`;
  if (c.status === 'rejected') return `Rejected by ${c.decidedBy ?? '?'}: ${intent}. No trade.`;
  if (c.status === 'expired') return `Expired (${c.reason ?? 'no answer'}): ${intent}. No trade.`;
  return `Canceled (${c.reason ?? c.decidedBy ?? '?'}): ${intent}. No trade.`;
}

/** The question a trade confirmation sends to each listening chat, above its Approve / Reject buttons. */
export function tradeQuestion(intent: string, deadlineInMs: number): string {
  return `Confirm entry: ${intent}? Answer within ${Math.max(0, Math.round(deadlineInMs / 1000))} s; no answer means no trade.`;
}

export interface StatusFacts {
  readonly mode: TradingMode;
  readonly killSwitch: boolean;
  readonly killSwitchNotSaved: boolean;
  readonly autopilot: { readonly running: boolean; readonly profile: string | null };
  /** Labels of the exchange strategies switched on. */
  readonly strategiesOn: readonly string[];
  readonly openPositions: number;
}

export function statusText(s: StatusFacts): string {
  return [
    `Mode: ${s.mode === 'live' ? 'LIVE (armed)' : 'dry run'}`,
    `Kill switch: ${s.killSwitch ? (s.killSwitchNotSaved ? 'ENGAGED (not saved: a restart would release it)' : 'ENGAGED') : 'released'}`,
    `Autopilot: ${s.autopilot.running ? `running${s.autopilot.profile ? ` (${s.autopilot.profile})` : ''}` : 'stopped'}`,
    `Strategies on: ${s.strategiesOn.length > 0 ? s.strategiesOn.join(', ') : 'none'}`,
    `Open positions: ${s.openPositions}`,
  ].join('\n');
}

export interface PnlFacts {
  /** The autopilot's summary is for the current mode: simulated in dry run. */
  readonly mode: TradingMode;
  readonly autopilot: { readonly session: number; readonly today: number; readonly allTime: number; readonly wins: number; readonly losses: number };
  readonly exchange: readonly SymbolPnl[];
}

export function pnlText(p: PnlFacts): string {
  const a = p.autopilot;
  const lines = [
    `Autopilot (${p.mode === 'live' ? 'live' : 'dry run, simulated'}): session ${signed(a.session)}, today ${signed(a.today)}, all time ${signed(a.allTime)} (${a.wins} won, ${a.losses} lost)`,
  ];
  const accounts = new Map<string, { realized: number; unrealized: number; fees: number; trades: number }>();
  for (const row of p.exchange) {
    const t = accounts.get(row.accountId) ?? { realized: 0, unrealized: 0, fees: 0, trades: 0 };
    accounts.set(row.accountId, { realized: t.realized + row.realized, unrealized: t.unrealized + row.unrealized, fees: t.fees + row.fees, trades: t.trades + row.trades });
  }
  if (accounts.size === 0) lines.push('Exchange: no trades');
  for (const [id, t] of accounts) lines.push(`Exchange ${id}: realized ${signed(t.realized)}, unrealized ${signed(t.unrealized)}, fees ${t.fees.toFixed(2)}, ${t.trades} trade(s)`);
  return lines.join('\n');
}

export function positionsText(rows: readonly PositionRow[]): string {
  if (rows.length === 0) return 'No open positions.';
  return rows
    .map((r) => {
      const mark = r.markPrice === null ? 'no mark yet' : `mark ${num(r.markPrice)}`;
      const pnl = r.unrealizedPnl === null ? '' : `, P&L ${signed(r.unrealizedPnl)}`;
      return `${r.accountId} ${r.symbol} ${r.side} ${num(r.quantity)} @ ${num(r.entryPrice)}, ${mark}${pnl}${r.strategy ? ` (${r.strategy})` : ''}`;
    })
    .join('\n');
}

export interface FlattenStepFact {
  readonly accountId: string;
  readonly symbol: string | null;
  readonly step: 'cancel' | 'cancel-failed' | 'close' | 'close-failed' | 'rate-limited' | 'flat' | 'not-flat';
  readonly detail: string;
}

/** Problems listed in a flatten reply; the rest are in the app. */
const MAX_PROBLEMS = 5;

export function flattenText(steps: readonly FlattenStepFact[]): string {
  const count = (step: FlattenStepFact['step']) => steps.filter((s) => s.step === step).length;
  const problems = steps.filter((s) => s.step === 'not-flat' || s.step === 'close-failed' || s.step === 'cancel-failed');
  const head = `${problems.length > 0 ? 'Flatten INCOMPLETE' : 'Flattened'}: ${count('close')} close order(s), ${count('cancel')} order(s) canceled.`;
  const lines = problems.slice(0, MAX_PROBLEMS).map((s) => `${s.accountId}${s.symbol ? ` ${s.symbol}` : ''}: ${s.step}: ${s.detail}`);
  if (problems.length > MAX_PROBLEMS) lines.push(`…and ${problems.length - MAX_PROBLEMS} more (see the app).`);
  return [head, ...lines].join('\n');
}

/** Quantities and prices as the venue gave them, without float noise. */
function num(value: number): string {
  return String(Number(value.toPrecision(10)));
}
