// Runs in: renderer. The add-account form. The secret goes to the engine once and is never shown or read back.
import { useState, type FormEvent } from 'react';
import type { AccountEnvironment, AccountExchange } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';

const VENUE_LABEL: Readonly<Record<AccountExchange, string>> = { paper: 'Paper', 'binance-spot': 'Binance', 'binance-futures': 'Binance futures', bybit: 'Bybit' };

export function AddAccountForm({ onAdded }: { onAdded: () => void }) {
  const { calls } = useTransport();
  const [exchange, setExchange] = useState<AccountExchange>('paper');
  const [environment, setEnvironment] = useState<AccountEnvironment>('testnet');
  const [label, setLabel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [balance, setBalance] = useState('10000');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const paper = exchange === 'paper';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await calls.markets.addAccount({
      exchange,
      environment: paper ? 'paper' : environment,
      label: label || VENUE_LABEL[exchange],
      apiKey: paper ? undefined : apiKey,
      apiSecret: paper ? undefined : apiSecret,
      baseUrl: baseUrl.trim() || undefined,
      paperBalance: paper ? Number(balance) : undefined,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setApiSecret('');
    setApiKey('');
    setLabel('');
    onAdded();
  };

  return (
    <form className="add-account" onSubmit={(e) => void submit(e)} aria-label="Add account">
      <div className="field-row">
        <div className="field">
          <label htmlFor="acc-exchange">Exchange</label>
          <select id="acc-exchange" value={exchange} onChange={(e) => setExchange(e.target.value as AccountExchange)}>
            <option value="paper">Paper (simulated fills)</option>
            <option value="binance-spot">Binance spot</option>
            <option value="binance-futures">Binance USDⓈ-M futures</option>
            <option value="bybit">Bybit (USDT perpetuals)</option>
          </select>
        </div>
        {!paper && (
          <div className="field">
            <label htmlFor="acc-env">Environment</label>
            <select id="acc-env" value={environment} onChange={(e) => setEnvironment(e.target.value as AccountEnvironment)}>
              <option value="testnet">Testnet</option>
              <option value="live">Live (real money; orders need live mode armed)</option>
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="acc-label">Label</label>
          <input id="acc-label" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} placeholder={VENUE_LABEL[exchange]} />
        </div>
      </div>
      {!paper && (
        <div className="field-row">
          <div className="field">
            <label htmlFor="acc-key">API key</label>
            <input id="acc-key" value={apiKey} autoComplete="off" spellCheck={false} onChange={(e) => setApiKey(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="acc-secret">API secret</label>
            <input id="acc-secret" type="password" value={apiSecret} autoComplete="new-password" onChange={(e) => setApiSecret(e.target.value)} />
          </div>
        </div>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor="acc-url">Base URL (simulator or testnet override, optional)</label>
          <input id="acc-url" value={baseUrl} placeholder="http://127.0.0.1:7100" spellCheck={false} onChange={(e) => setBaseUrl(e.target.value)} />
        </div>
        {paper && (
          <div className="field">
            <label htmlFor="acc-balance">Starting USDT</label>
            <input id="acc-balance" type="number" min={1} value={balance} onChange={(e) => setBalance(e.target.value)} />
          </div>
        )}
      </div>
      <p className="muted small">Keys are encrypted at rest and never shown again. A key allowed to withdraw is refused.</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Connecting…' : 'Add account'}
      </button>
    </form>
  );
}
