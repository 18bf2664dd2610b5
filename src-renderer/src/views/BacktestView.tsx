// Runs in: renderer.
export function BacktestView() {
  return (
    <section className="panel">
      <h2>Backtest</h2>
      <p className="hint">Run a strategy over historical candles and compare runs.</p>
    </section>
  );
}
