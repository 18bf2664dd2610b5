// Runs in: engine. Telegram remote control: long-polls each bot that has it switched on and obeys only its chat.
import type { ConfirmationView, PositionRow, SymbolPnl, TradingMode } from '../../../src-shared/contract';
import { intentText } from '../../core/confirmations/confirmation-queue';
import type { ActionRecord } from '../../adapters/store/actions-repo';
import {
  CONFIRM_FLATTEN_BUTTON,
  decide,
  flattenButtonData,
  FlattenConfirmations,
  flattenQuestion,
  flattenText,
  HELP_TEXT,
  pnlText,
  positionsText,
  refusedConfirmation,
  statusText,
  tradeButtons,
  tradeOutcomeText,
  tradeQuestion,
  updateIdOf,
  type FlattenStepFact,
  type PnlFacts,
  type RemoteCommand,
  type RemoteDecision,
  type StatusFacts,
} from '../../core/notifications/remote-commands';
import type { StoredChannel } from './channel-store';

/** The Bot API calls used here (`adapters/notifications/telegram-bot.ts`). */
export interface RemoteBot {
  getUpdates(offset: number | null, timeoutSeconds: number, signal: AbortSignal): Promise<unknown[]>;
  sendMessage(chatId: string, text: string, buttons: ReadonlyArray<{ text: string; data: string }>, signal: AbortSignal): Promise<void>;
  answerCallbackQuery(id: string, text: string, signal: AbortSignal): Promise<void>;
}

/** What a remote command may do: only the safe direction (stop, dry run, flatten); arming live is not here. */
export interface RemoteActions {
  engageKillSwitch(reason: string): Promise<{ saved: boolean; message: string | null }>;
  /** Disarms live; false when it was already in dry run. */
  goDry(reason: string): boolean;
  flatten(): Promise<readonly FlattenStepFact[]>;
}

/** Trade confirmations (`engine/confirmations`): asked in every listening chat, answered by its buttons. */
export interface RemoteConfirmations {
  onChange(listener: (c: ConfirmationView) => void): () => void;
  /** Throws, saying why, when the answer is refused (second, late, unknown). */
  answer(id: string, approve: boolean, by: string): ConfirmationView;
}

/** The engine's own numbers, as the app shows them. */
export interface RemoteReadModels {
  mode(): TradingMode;
  status(): StatusFacts | Promise<StatusFacts>;
  pnl(): { autopilot: PnlFacts['autopilot']; exchange: readonly SymbolPnl[] } | Promise<{ autopilot: PnlFacts['autopilot']; exchange: readonly SymbolPnl[] }>;
  positions(): readonly PositionRow[] | Promise<readonly PositionRow[]>;
}

export interface RemoteControlDeps {
  readonly bot: (botToken: string) => RemoteBot;
  /** The channel's decrypted bot token; null when none is stored. */
  readonly botToken: (channelId: string) => string | null;
  readonly actions: RemoteActions;
  readonly read: RemoteReadModels;
  /** The audit log: every command, obeyed or refused. Throws when the database does. */
  readonly audit: (action: ActionRecord) => unknown;
  /** Keeps known secrets out of every reply and log line. */
  readonly redact: (text: string) => string;
  readonly learnSecret: (value: string | null) => void;
  readonly now: () => number;
  /** A fresh random nonce, 16 to 32 hex characters. */
  readonly nonce: () => string;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly log: (line: string) => void;
  readonly timing: RemoteTiming;
  readonly confirmations?: RemoteConfirmations;
}

export interface RemoteTiming {
  /** How long one getUpdates waits for news (Telegram allows up to 50 s). */
  readonly pollSeconds: number;
  /** How long a flatten confirmation button works. */
  readonly confirmWindowMs: number;
  /** Messages older than this waited in Telegram while the app was off: refused, not acted on. */
  readonly maxAgeMs: number;
  /** Backoff after a failed poll: doubles from base up to max, unless Telegram says how long. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
}

export const DEFAULT_REMOTE_TIMING: RemoteTiming = { pollSeconds: 25, confirmWindowMs: 60_000, maxAgeMs: 300_000, retryBaseMs: 1_000, retryMaxMs: 60_000 };

/** How long stop() waits for a command in flight (a flatten, a reply) before letting shutdown go on. */
const STOP_GRACE_MS = 2_000;

interface Poller {
  readonly channelId: string;
  readonly label: string;
  readonly chatId: string;
  /** Changes when the token or the chat does: the poller is restarted. */
  readonly key: string;
  readonly botToken: string;
  readonly bot: RemoteBot;
  readonly abort: AbortController;
  done: Promise<void>;
}

/**
 * One long-polling loop per Telegram channel with remote control on. Never throws out: a failing poll backs off, a
 * failing command is answered and logged. Every update is recorded in the audit log, obeyed or refused.
 */
export class RemoteControl {
  private readonly pollers = new Map<string, Poller>();
  /** Per bot (update ids are the bot's): the next update to ask for. Kept across restarts, so none is handled twice. */
  private readonly offsets = new Map<string, number>();
  private readonly confirmations: FlattenConfirmations;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private unfollow: (() => void) | null = null;

  constructor(private readonly deps: RemoteControlDeps) {
    this.confirmations = new FlattenConfirmations(deps.timing.confirmWindowMs);
  }

  /** Starts, restarts or stops the loops to match the channels; called at start and after every channel change. */
  sync(channels: readonly StoredChannel[]): void {
    if (this.stopped) return;
    this.unfollow ??= this.deps.confirmations?.onChange((c) => this.tellConfirmation(c)) ?? null;
    const wanted = new Map<string, { channel: StoredChannel; token: string }>();
    const tokens = new Set<string>();
    for (const channel of channels) {
      if (channel.kind !== 'telegram' || !channel.enabled || !channel.remoteControl || !channel.chatId) continue;
      const token = this.deps.botToken(channel.id);
      if (!token) continue;
      this.deps.learnSecret(token);
      // Telegram hands each update to one getUpdates caller: two loops on one bot would fight (409 Conflict).
      if (tokens.has(token)) {
        this.deps.log(this.deps.redact(`${channel.label}: remote control off, another channel already listens to the same bot`));
        continue;
      }
      tokens.add(token);
      wanted.set(channel.id, { channel, token });
    }
    for (const [id, poller] of this.pollers) {
      const want = wanted.get(id);
      if (!want || keyOf(want.channel, want.token) !== poller.key) {
        poller.abort.abort();
        this.pollers.delete(id);
      }
    }
    for (const [id, { channel, token }] of wanted) {
      if (this.pollers.has(id)) continue;
      const poller: Poller = { channelId: id, label: channel.label, chatId: channel.chatId!, key: keyOf(channel, token), botToken: token, bot: this.deps.bot(token), abort: new AbortController(), done: Promise.resolve() };
      this.pollers.set(id, poller);
      poller.done = this.loop(poller);
      this.deps.log(this.deps.redact(`${channel.label}: remote control listening (only chat ${channel.chatId} is obeyed)`));
    }
  }

  /** Which channels are listening (tests, diagnostics). */
  listening(): string[] {
    return [...this.pollers.keys()];
  }

  /** Aborts every poll at once; waits briefly for a command in flight, never for Telegram. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unfollow?.();
    this.unfollow = null;
    const loops = [...this.pollers.values()].map((p) => (p.abort.abort(), p.done));
    this.pollers.clear();
    const grace = new AbortController();
    await Promise.race([Promise.all([...loops, ...this.inFlight]), this.deps.sleep(STOP_GRACE_MS, grace.signal)]);
    grace.abort();
  }

  private async loop(p: Poller): Promise<void> {
    const signal = p.abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const offset = this.offsets.get(p.botToken) ?? null;
        const updates = await p.bot.getUpdates(offset, this.deps.timing.pollSeconds, signal);
        if (signal.aborted) break;
        let next = offset;
        for (const raw of updates) {
          const id = updateIdOf(raw);
          if (id !== null && (next === null || id >= next)) next = id + 1;
        }
        if (updates.length > 0 && next === offset) throw new Error('updates without a usable update_id');
        if (next !== null) this.offsets.set(p.botToken, next);
        if (failures > 0) this.deps.log(`${p.label}: remote control polling again`);
        failures = 0;
        for (const raw of updates) await this.handle(p, raw);
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        const told = error instanceof Error && 'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : null;
        const delay = told ?? Math.min(this.deps.timing.retryMaxMs, this.deps.timing.retryBaseMs * 2 ** Math.min(failures - 1, 16));
        // Once per outage, then every tenth failure: a bot that is down must not fill the log.
        if (failures === 1 || failures % 10 === 0) this.log(p, `remote control poll failed (${failures}×): ${messageOf(error)}; retrying in ${Math.round(delay / 1000)} s`);
        await this.deps.sleep(delay, signal);
      }
    }
  }

  private async handle(p: Poller, raw: unknown): Promise<void> {
    const decision = decide(raw, { chatId: p.chatId, now: this.deps.now(), maxAgeMs: this.deps.timing.maxAgeMs });
    try {
      if (decision.kind === 'refuse') await this.refuse(p, decision);
      else if (decision.kind === 'command') await this.run(p, decision.command);
      else if (decision.kind === 'answer-trade') await this.answerTrade(p, decision);
      else await this.confirm(p, decision.nonce, decision.callbackId);
    } catch (error) {
      this.log(p, `handling an update failed: ${messageOf(error)}`);
    }
  }

  private async refuse(p: Poller, d: Extract<RemoteDecision, { kind: 'refuse' }>): Promise<void> {
    this.record(p, d.what, `refused: ${d.reason}`, d.chatId);
    this.log(p, `refused ${d.what} from chat ${d.chatId ?? '(none)'}: ${d.reason}`);
    if (d.callbackId) await this.answerButton(p, d.callbackId, d.reply === null ? 'Not allowed.' : 'Refused.');
    if (d.reply !== null) await this.reply(p, d.reply);
  }

  private async run(p: Poller, command: RemoteCommand): Promise<void> {
    const what = `/${command}`;
    const reason = `remote: ${what} from Telegram chat ${p.chatId}`;
    let text: string;
    let outcome = 'done';
    try {
      switch (command) {
        case 'help':
          text = HELP_TEXT;
          break;
        case 'status':
          text = statusText(await this.deps.read.status());
          break;
        case 'pnl': {
          const pnl = await this.deps.read.pnl();
          text = pnlText({ mode: this.deps.read.mode(), ...pnl });
          break;
        }
        case 'positions':
          text = positionsText(await this.deps.read.positions());
          break;
        case 'stop': {
          const engaged = await this.deps.actions.engageKillSwitch(reason);
          outcome = engaged.saved ? 'kill switch engaged' : `kill switch engaged, NOT saved: ${engaged.message ?? ''}`;
          text = engaged.saved ? 'Kill switch ENGAGED: all trading stopped. Release it in the app.' : `Kill switch ENGAGED in memory, but ${engaged.message ?? 'not saved'}.`;
          break;
        }
        case 'dry':
          outcome = this.deps.actions.goDry(reason) ? 'live disarmed' : 'already in dry run';
          text = outcome === 'live disarmed' ? 'Dry run: live mode disarmed. Arming it again is only possible in the app.' : 'Already in dry run.';
          break;
        case 'flatten': {
          const nonce = this.deps.nonce();
          this.confirmations.issue(`${p.channelId}:${nonce}`, this.deps.now());
          outcome = 'asked to confirm';
          this.record(p, what, `accepted: ${outcome}`, p.chatId);
          await this.reply(p, flattenQuestion(this.deps.timing.confirmWindowMs), [{ text: CONFIRM_FLATTEN_BUTTON, data: flattenButtonData(nonce) }]);
          return;
        }
      }
    } catch (error) {
      this.record(p, what, `failed: ${messageOf(error)}`, p.chatId);
      this.log(p, `${what} failed: ${messageOf(error)}`);
      await this.reply(p, `${what} failed: ${messageOf(error)}`);
      return;
    }
    this.record(p, what, `accepted: ${outcome}`, p.chatId);
    await this.reply(p, text);
  }

  private async confirm(p: Poller, nonce: string, callbackId: string): Promise<void> {
    const outcome = this.confirmations.redeem(`${p.channelId}:${nonce}`, this.deps.now());
    if (outcome !== 'ok') {
      this.record(p, 'flatten button', `refused: confirmation ${outcome}`, p.chatId);
      this.log(p, `refused the flatten button: confirmation ${outcome}`);
      await this.answerButton(p, callbackId, 'Refused.');
      await this.reply(p, refusedConfirmation(outcome, this.deps.timing.confirmWindowMs));
      return;
    }
    this.record(p, 'flatten button', 'accepted: flattening', p.chatId);
    await this.answerButton(p, callbackId, 'Flattening…');
    // Not awaited by the loop: closing at market can take a while, and a /stop sent meanwhile must not wait for it.
    const work = (async () => {
      try {
        await this.reply(p, flattenText(await this.deps.actions.flatten()));
      } catch (error) {
        this.log(p, `flatten failed: ${messageOf(error)}`);
        await this.reply(p, `Flatten failed: ${messageOf(error)}`);
      }
    })();
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /** A new confirmation is asked in every listening chat with its buttons; a decision is told to all of them. */
  private tellConfirmation(c: ConfirmationView): void {
    const text = c.status === 'pending' ? tradeQuestion(intentText(c), c.deadline - this.deps.now()) : tradeOutcomeText(c);
    const buttons = c.status === 'pending' ? tradeButtons(c.id) : [];
    for (const p of this.pollers.values()) {
      const work = this.reply(p, text, buttons);
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    }
  }

  /** Approve or Reject pressed in the configured chat: answered once, before the deadline; the outcome goes to every chat. */
  private async answerTrade(p: Poller, d: Extract<RemoteDecision, { kind: 'answer-trade' }>): Promise<void> {
    const what = `trade ${d.approve ? 'approve' : 'reject'} button`;
    const confirmations = this.deps.confirmations;
    try {
      if (!confirmations) throw new Error('trade confirmations are not available here');
      confirmations.answer(d.confirmationId, d.approve, `telegram chat ${p.chatId}`);
    } catch (error) {
      this.record(p, what, `refused: ${messageOf(error)}`, p.chatId);
      this.log(p, `refused the ${what} for ${d.confirmationId}: ${messageOf(error)}`);
      await this.answerButton(p, d.callbackId, 'Refused.');
      await this.reply(p, messageOf(error));
      return;
    }
    this.record(p, what, `accepted: ${d.approve ? 'approved' : 'rejected'} confirmation ${d.confirmationId}`, p.chatId);
    await this.answerButton(p, d.callbackId, d.approve ? 'Approved.' : 'Rejected.');
  }

  private async reply(p: Poller, text: string, buttons: ReadonlyArray<{ text: string; data: string }> = []): Promise<void> {
    try {
      await p.bot.sendMessage(p.chatId, this.deps.redact(text), buttons, p.abort.signal);
    } catch (error) {
      this.log(p, `reply not sent: ${messageOf(error)}`);
    }
  }

  private async answerButton(p: Poller, id: string, text: string): Promise<void> {
    try {
      await p.bot.answerCallbackQuery(id, text, p.abort.signal);
    } catch (error) {
      this.log(p, `button not answered: ${messageOf(error)}`);
    }
  }

  /** Best effort: a failing database must not stop a /stop. Redacted: an error's words may quote a secret. */
  private record(p: Poller, what: string, reason: string, chatId: string | null): void {
    try {
      this.deps.audit({ kind: 'remote-command', target: what, mode: this.deps.read.mode(), reason: this.deps.redact(reason), detail: { channel: p.channelId, chat: chatId } });
    } catch (error) {
      this.log(p, `audit record for ${what} not written: ${messageOf(error)}`);
    }
  }

  private log(p: Poller, line: string): void {
    this.deps.log(this.deps.redact(`${p.label}: ${line}`));
  }
}

function keyOf(channel: StoredChannel, token: string): string {
  return `${channel.chatId ?? ''}\u0000${token}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
