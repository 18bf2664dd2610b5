// Runs in: renderer.
export function MarketsView() {
  return (
    <section className="panel">
      <h2>Markets</h2>
      <p className="hint">Exchange accounts, charts, positions and orders.</p>
    </section>
  );
}
