// Runs in: renderer. Configure a strategy on an account: the same strategies and params the backtester runs.
import { useState, type FormEvent } from 'react';
import { CONFIRM_SECONDS_MAX, CONFIRM_SECONDS_MIN, confirmDeadlineProblem, NO_STOP_PHRASE, type AccountView, type StrategyConfigInput } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { useBacktestStore } from '../../store/backtest-store';

const INTERVALS = ['1s', '1m', '5m', '15m', '1h', '4h', '1d'] as const;

export function ConfigureStrategyForm({ accounts, onSaved }: { accounts: readonly AccountView[]; onSaved: () => void }) {
  const { calls } = useTransport();
  const strategies = useBacktestStore((s) => s.strategies);
  const [strategy, setStrategy] = useState('sma-cross');
  const [params, setParams] = useState('{}');
  const [accountId, setAccountId] = useState('');
  const [symbol, setSymbol] = useState('BTCUSDT');
  const [interval, setBarInterval] = useState<(typeof INTERVALS)[number]>('1m');
  const [quote, setQuote] = useState('');
  // On by default: every entry is protected by a stop resting at the venue.
  const [riskProfile, setRiskProfile] = useState(true);
  const [noStop, setNoStop] = useState('');
  // Off by default: a person approves each entry (here or on Telegram) before its deadline, or there is no trade.
  const [confirmEntries, setConfirmEntries] = useState(false);
  const [confirmSeconds, setConfirmSeconds] = useState('30');
  const [error, setError] = useState<string | null>(null);
  const account = accounts.find((a) => a.id === accountId) ?? accounts[0];
  const bareOnLive = !riskProfile && account?.environment === 'live';
  // Offered only where a deadline fits half a candle (not on 1s candles).
  const confirmOffered = confirmDeadlineProblem(interval, CONFIRM_SECONDS_MIN) === null;
  const confirmProblem = confirmEntries && confirmOffered ? confirmDeadlineProblem(interval, Number(confirmSeconds)) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(params || '{}') as Record<string, unknown>;
    } catch {
      return setError('Params must be a JSON object, e.g. {"fast": 10, "slow": 30}.');
    }
    if (bareOnLive && noStop !== NO_STOP_PHRASE) return setError(`Without the risk profile nothing protects this live account's positions: type ${NO_STOP_PHRASE} to accept that.`);
    if (confirmProblem) return setError(`Confirm entries: ${confirmProblem}.`);
    const confirm = confirmEntries && confirmOffered ? { confirmEntries: true, confirmSeconds: Number(confirmSeconds) } : { confirmEntries: false };
    const input: StrategyConfigInput = { strategy, params: parsed, accountId: accountId || accounts[0]!.id, symbol: symbol.trim().toUpperCase(), interval, riskProfile, quotePerTrade: quote ? Number(quote) : undefined, confirmNoStop: bareOnLive ? NO_STOP_PHRASE : undefined, ...confirm };
    const r = await calls.markets.configureStrategy(input);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    onSaved();
  };

  return (
    <form className="configure-strategy" onSubmit={(e) => void submit(e)} aria-label="Configure strategy">
      <div className="field-row">
        <div className="field">
          <label htmlFor="cs-strategy">Strategy</label>
          <select id="cs-strategy" value={strategy} onChange={(e) => setStrategy(e.target.value)}>
            {(strategies.length ? strategies.map((s) => s.name) : ['sma-cross']).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cs-account">Account</label>
          <select id="cs-account" value={accountId || accounts[0]?.id} onChange={(e) => setAccountId(e.target.value)}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>{`${a.label} (${a.environment})`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cs-symbol">Symbol</label>
          <input id="cs-symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="cs-interval">Interval</label>
          <select id="cs-interval" value={interval} onChange={(e) => setBarInterval(e.target.value as (typeof INTERVALS)[number])}>
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="cs-params">Params (JSON)</label>
          <input id="cs-params" value={params} onChange={(e) => setParams(e.target.value)} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="cs-quote">Quote per trade (empty = all-in)</label>
          <input id="cs-quote" type="number" min={1} value={quote} onChange={(e) => setQuote(e.target.value)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={riskProfile} onChange={(e) => setRiskProfile(e.target.checked)} /> Risk profile (1% at risk, stop 15%, trailing 20%, a third out at +30% and +75%)
        </label>
      </div>
      {confirmOffered && (
        <div className="field-row">
          <label className="check">
            <input type="checkbox" checked={confirmEntries} onChange={(e) => setConfirmEntries(e.target.checked)} /> Confirm each entry (Approve in the app or on Telegram; no answer means no trade; exits never wait)
          </label>
          {confirmEntries && (
            <div className="field">
              <label htmlFor="cs-confirm-seconds">Deadline (s, at most half a candle)</label>
              <input id="cs-confirm-seconds" type="number" min={CONFIRM_SECONDS_MIN} max={CONFIRM_SECONDS_MAX} value={confirmSeconds} onChange={(e) => setConfirmSeconds(e.target.value)} />
            </div>
          )}
        </div>
      )}
      {confirmProblem && (
        <p className="field-warning" role="note">
          {confirmProblem}
        </p>
      )}
      {!riskProfile && (
        <p className="field-warning" role="note">
          No stop: this strategy's positions will have no protective order at the venue.
        </p>
      )}
      {bareOnLive && (
        <div className="field">
          <label htmlFor="cs-no-stop">
            Live account: type <strong>{NO_STOP_PHRASE}</strong> to run it without a stop
          </label>
          <input id="cs-no-stop" value={noStop} onChange={(e) => setNoStop(e.target.value)} spellCheck={false} />
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        Save strategy
      </button>
    </form>
  );
}
