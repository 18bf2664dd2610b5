// Runs in: renderer. Manual trading: a market or limit order with an optional stop and take-profit (the same bracket path as a
// strategy's), and closing a position. The engine refuses it in dry run for a live account, under the kill switch or past a limit.
import { useState, type FormEvent } from 'react';
import type { AccountView, PositionRow } from '../../../../src-shared/contract';
import { useTransport } from '../../api/client-context';
import { fmtNum } from './num';

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

export function ManualOrderPanel({ accounts, positions, onChanged }: { accounts: readonly AccountView[]; positions: readonly PositionRow[]; onChanged: () => void }) {
  const { calls } = useTransport();
  const [accountId, setAccountId] = useState('');
  const [symbol, setSymbol] = useState('BTCUSDT');
  const [side, setSide] = useState<'BUY' | 'SELL'>('BUY');
  const [type, setType] = useState<'MARKET' | 'LIMIT'>('MARKET');
  const [quantity, setQuantity] = useState('');
  const [price, setPrice] = useState('');
  const [stopLoss, setStopLoss] = useState('');
  const [takeProfit, setTakeProfit] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const account = accountId || accounts[0]?.id || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await calls.markets.placeOrder({ accountId: account, symbol: symbol.trim().toUpperCase(), side, type, quantity: Number(quantity), price: type === 'LIMIT' ? num(price) : undefined, stopLoss: num(stopLoss), takeProfit: num(takeProfit) });
    setMessage(r.ok ? { error: false, text: `${r.data.clientOrderId}: ${r.data.status} ${fmtNum(r.data.filledQty)}/${fmtNum(r.data.quantity)}` } : { error: true, text: r.error.message });
    onChanged();
  };
  const close = async (p: PositionRow) => {
    const r = await calls.markets.closePosition({ accountId: p.accountId, symbol: p.symbol });
    setMessage(r.ok ? { error: false, text: `closed ${p.symbol}: ${r.data.filledQty} at ${r.data.avgPrice ?? '-'}` } : { error: true, text: r.error.message });
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby="manual-order-title">
      <h2 id="manual-order-title">Manual order</h2>
      <form className="configure-strategy" onSubmit={(e) => void submit(e)} aria-label="Manual order">
        <div className="field-row">
          <select aria-label="Account" value={account} onChange={(e) => setAccountId(e.target.value)}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>{`${a.label} (${a.environment})`}</option>
            ))}
          </select>
          <input aria-label="Symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} size={9} spellCheck={false} />
          <select aria-label="Side" value={side} onChange={(e) => setSide(e.target.value === 'SELL' ? 'SELL' : 'BUY')}>
            <option>BUY</option>
            <option>SELL</option>
          </select>
          <select aria-label="Type" value={type} onChange={(e) => setType(e.target.value === 'LIMIT' ? 'LIMIT' : 'MARKET')}>
            <option>MARKET</option>
            <option>LIMIT</option>
          </select>
          <input aria-label="Quantity" type="number" step="any" min={0} placeholder="qty" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
          {type === 'LIMIT' && <input aria-label="Limit price" type="number" step="any" min={0} placeholder="price" value={price} onChange={(e) => setPrice(e.target.value)} />}
          <input aria-label="Stop-loss" type="number" step="any" min={0} placeholder="stop-loss" value={stopLoss} onChange={(e) => setStopLoss(e.target.value)} />
          <input aria-label="Take-profit" type="number" step="any" min={0} placeholder="take-profit" value={takeProfit} onChange={(e) => setTakeProfit(e.target.value)} />
          <button type="submit" className="primary" disabled={!account || !(Number(quantity) > 0)}>
            Send
          </button>
        </div>
      </form>
      {positions.length > 0 && (
        <ul className="small">
          {positions.map((p) => (
            <li key={`${p.accountId}/${p.symbol}`}>
              {`${p.symbol} ${fmtNum(p.quantity)} (${accounts.find((a) => a.id === p.accountId)?.label ?? p.accountId}) `}
              <button onClick={() => void close(p)}>Close at market</button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className={message.error ? 'field-error' : 'muted small'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
