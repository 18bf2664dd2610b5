// Runs in: renderer. Settings → Notifications: webhook, Slack, Discord, Telegram and desktop channels, what each is told, and whether it delivers.
import { useCallback, useEffect, useState } from 'react';
import { NotificationKind, type NotificationChannelView, type NotificationsView, type NotificationTopic, type TopicSwitches } from '../../../src-shared/contract';
import { useTransport } from '../api/client-context';
import { call, useAppStore } from '../store/app-store';

const KINDS: Array<{ kind: NotificationKind; label: string }> = [
  { kind: 'telegram', label: 'Telegram bot' },
  { kind: 'slack', label: 'Slack webhook' },
  { kind: 'discord', label: 'Discord webhook' },
  { kind: 'webhook', label: 'Generic webhook (JSON)' },
  { kind: 'desktop', label: 'Desktop notification' },
];

const TOPICS: Array<{ topic: NotificationTopic; label: string }> = [
  { topic: 'rounds', label: 'Autopilot rounds' },
  { topic: 'safety', label: 'Kill switch, live mode, limits' },
  { topic: 'signals', label: 'Signal source down / back' },
  { topic: 'errors', label: 'Errors' },
  { topic: 'trades', label: 'Fills and closed trades' },
];

const ALL_ON: TopicSwitches = { rounds: true, safety: true, signals: true, errors: true, trades: true };

interface Draft {
  id?: string;
  kind: NotificationKind;
  label: string;
  enabled: boolean;
  topics: TopicSwitches;
  roundDigestEvery: string;
  maxPerMinute: string;
  chatId: string;
  remoteControl: boolean;
  url: string;
  botToken: string;
  signingSecret: string;
}

const emptyDraft = (): Draft => ({ kind: 'telegram', label: '', enabled: true, topics: ALL_ON, roundDigestEvery: '1', maxPerMinute: '20', chatId: '', remoteControl: false, url: '', botToken: '', signingSecret: '' });

function draftOf(c: NotificationChannelView): Draft {
  return { id: c.id, kind: c.kind, label: c.label, enabled: c.enabled, topics: c.topics, roundDigestEvery: String(c.roundDigestEvery), maxPerMinute: String(c.maxPerMinute), chatId: c.chatId ?? '', remoteControl: c.remoteControl, url: '', botToken: '', signingSecret: '' };
}

function StatusChip({ channel }: { channel: NotificationChannelView }) {
  const s = channel.status;
  if (!channel.enabled) return <span className="chip neutral">off</span>;
  if (s.healthy) return <span className="chip up">{s.sent > 0 ? `delivering · ${s.sent} sent` : 'ready'}</span>;
  return (
    <span className="chip down" title={s.lastError ?? ''}>
      failing{s.consecutiveFailures > 0 ? ` ×${s.consecutiveFailures}` : ''}: {s.lastError}
    </span>
  );
}

export function NotificationsPanel() {
  const { calls } = useTransport();
  const pushToast = useAppStore((s) => s.pushToast);
  const [view, setView] = useState<NotificationsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [downSeconds, setDownSeconds] = useState('');

  // Silent: the poll below must not raise a toast every 5 s while the engine is unreachable (the header says so).
  const refresh = useCallback(async () => {
    const next = await calls.notifications.list();
    if (next.ok) setView(next.data);
  }, [calls]);

  useEffect(() => {
    void refresh();
    // Health changes as messages go out: a slow poll is enough for a settings page.
    const timer = setInterval(() => void refresh(), 5_000);
    return () => clearInterval(timer);
  }, [refresh]);
  const savedDownSeconds = view?.signalDownSeconds;
  useEffect(() => {
    if (savedDownSeconds !== undefined) setDownSeconds(String(savedDownSeconds));
  }, [savedDownSeconds]);

  const save = async (d: Draft) => {
    const next = await call(
      calls.notifications.save({
        ...(d.id ? { id: d.id } : {}),
        kind: d.kind,
        label: d.label,
        enabled: d.enabled,
        topics: d.topics,
        roundDigestEvery: Number(d.roundDigestEvery),
        maxPerMinute: Number(d.maxPerMinute),
        ...(d.kind === 'telegram' ? { chatId: d.chatId, remoteControl: d.remoteControl } : {}),
        ...(d.kind !== 'telegram' && d.kind !== 'desktop' && d.url ? { url: d.url } : {}),
        ...(d.kind === 'telegram' && d.botToken ? { botToken: d.botToken } : {}),
        ...(d.kind === 'webhook' && d.signingSecret ? { signingSecret: d.signingSecret } : {}),
      }),
    );
    if (next) {
      setView(next);
      setDraft(null);
    }
  };

  const test = async (c: NotificationChannelView) => {
    const result = await call(calls.notifications.test({ id: c.id }));
    if (result) pushToast(result.delivered ? { level: 'info', message: `${c.label}: test message delivered.` } : { level: 'warn', message: `${c.label}: not delivered (${result.error}).` });
    await refresh();
  };

  if (!view) return null;
  const editing = draft?.id ? view.channels.find((c) => c.id === draft.id) : undefined;
  // Offered only where it can be shown (the desktop app); a desktop channel made there stays editable from a browser.
  const kinds = KINDS.filter((k) => k.kind !== 'desktop' || view.desktopUnavailable === null || editing?.kind === 'desktop');

  return (
    <section className="panel notifications" aria-labelledby="notifications-h" data-testid="notifications">
      <h2 id="notifications-h">Notifications</h2>
      <p className="hint">Messages go out in the background: a channel that is down is retried and shown here, and never holds up trading.</p>
      {view.channels.length === 0 && <p className="muted">No channels yet.</p>}
      <ul className="channels" data-testid="notification-channels">
        {view.channels.map((c) => (
          <li key={c.id} data-channel={c.id}>
            <div>
              <div className="channel-name">
                <strong>{c.label}</strong> <span className="chip neutral">{KINDS.find((k) => k.kind === c.kind)?.label}</span> <StatusChip channel={c} />
              </div>
              <div className="muted small">
                {c.target} · {TOPICS.filter((t) => c.topics[t.topic]).map((t) => t.topic).join(', ') || 'nothing switched on'}
                {c.topics.rounds && c.roundDigestEvery > 1 ? ` · digest every ${c.roundDigestEvery} rounds` : ''} · max {c.maxPerMinute}/min
                {c.status.dropped > 0 ? ` · ${c.status.dropped} not sent` : ''}
                {c.remoteControl ? ' · remote control on' : ''}
              </div>
            </div>
            <div className="row">
              <button type="button" onClick={() => void test(c)} aria-label={`Send a test message to ${c.label}`}>
                Send test
              </button>
              <button type="button" onClick={() => setDraft(draftOf(c))} aria-label={`Edit ${c.label}`}>
                Edit
              </button>
              <button type="button" onClick={() => void call(calls.notifications.remove({ id: c.id })).then((next) => next && setView(next))} aria-label={`Remove ${c.label}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      {!draft && (
        <button type="button" onClick={() => setDraft(emptyDraft())}>
          Add channel
        </button>
      )}
      {draft && (
        <form
          aria-label="Notification channel"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft);
          }}
        >
          <div className="row">
            <label>
              Kind
              <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: NotificationKind.parse(e.target.value) })}>
                {kinds.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Name
              <input value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} placeholder="My phone" required maxLength={80} />
            </label>
          </div>
          {draft.kind === 'telegram' ? (
            <div className="row">
              <label>
                Bot token {editing?.hasBotToken ? '(stored, encrypted)' : ''}
                <input type="password" autoComplete="off" value={draft.botToken} onChange={(e) => setDraft({ ...draft, botToken: e.target.value })} placeholder={editing?.hasBotToken ? '•••••• (leave empty to keep)' : '123456:ABC-DEF…'} />
              </label>
              <label>
                Chat id
                <input value={draft.chatId} onChange={(e) => setDraft({ ...draft, chatId: e.target.value })} placeholder="123456789 or @channel" />
              </label>
              <label style={{ display: 'flex', gap: 4, alignItems: 'end' }} title="Only this chat is obeyed; arming live stays in the app. Needs a numeric chat id.">
                <input type="checkbox" checked={draft.remoteControl} onChange={(e) => setDraft({ ...draft, remoteControl: e.target.checked })} />
                Remote control from this chat (/status, /pnl, /positions, /stop, /flatten, /dry)
              </label>
            </div>
          ) : draft.kind === 'desktop' ? (
            <p className="hint">
              A notification on this computer, from the desktop app{view.desktopUnavailable ? ` (unavailable here: ${view.desktopUnavailable})` : ''}. macOS asks for permission the first time one is shown.
            </p>
          ) : (
            <label>
              Webhook URL {editing?.hasUrl ? `(stored, encrypted: ${editing.target})` : ''}
              <input type="password" autoComplete="off" value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} placeholder={editing?.hasUrl ? '•••••• (leave empty to keep)' : 'https://…'} />
            </label>
          )}
          {draft.kind === 'webhook' && (
            <label>
              Signing secret (HMAC-SHA256 in X-Cockpit-Signature) {editing?.hasSigningSecret ? '(stored, encrypted)' : '(optional)'}
              <input type="password" autoComplete="off" value={draft.signingSecret} onChange={(e) => setDraft({ ...draft, signingSecret: e.target.value })} placeholder={editing?.hasSigningSecret ? '•••••• (leave empty to keep)' : 'at least 8 characters'} />
            </label>
          )}
          <fieldset className="row" style={{ flexWrap: 'wrap', border: 'none', padding: 0 }}>
            <legend className="muted">Tell me about</legend>
            {TOPICS.map((t) => (
              <label key={t.topic} style={{ display: 'flex', gap: 4 }}>
                <input type="checkbox" checked={draft.topics[t.topic]} onChange={(e) => setDraft({ ...draft, topics: { ...draft.topics, [t.topic]: e.target.checked } })} />
                {t.label}
              </label>
            ))}
          </fieldset>
          <div className="row">
            <label>
              Rounds: one message every N rounds
              <input type="number" min="1" max="1000" step="1" value={draft.roundDigestEvery} onChange={(e) => setDraft({ ...draft, roundDigestEvery: e.target.value })} />
            </label>
            <label>
              At most per minute
              <input type="number" min="1" max="120" step="1" value={draft.maxPerMinute} onChange={(e) => setDraft({ ...draft, maxPerMinute: e.target.value })} />
            </label>
            <label style={{ display: 'flex', gap: 4, alignItems: 'end' }}>
              <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} />
              On
            </label>
          </div>
          <div className="row">
            <button type="submit">Save channel</button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <form
        className="signal-down"
        onSubmit={(e) => {
          e.preventDefault();
          void call(calls.notifications.setSignalDownSeconds({ seconds: Number(downSeconds) })).then((next) => next && setView(next));
        }}
      >
        <div className="row">
          <label>
            Signal source counts as down after (seconds, all channels)
            <input type="number" min="1" max="3600" step="1" value={downSeconds} onChange={(e) => setDownSeconds(e.target.value)} />
          </label>
          <button type="submit">Save threshold</button>
        </div>
      </form>
    </section>
  );
}
