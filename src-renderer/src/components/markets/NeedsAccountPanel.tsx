// Runs in: renderer. A panel that has no data source yet: it says so, and what would fill it, rather than showing made-up rows.
export function NeedsAccountPanel({ title, what }: { title: string; what: string }) {
  return (
    <section className="panel" aria-label={title} data-testid={`needs-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`}>
      <h2>{title}</h2>
      <p className="empty">{`No exchange account is connected, so there are no ${what} to show.`}</p>
      <ul className="needs">
        <li>Needs a Binance or Bybit account added to the cockpit (API key with trade permission, stored encrypted).</li>
        <li>{`Then ${what} stream in live from the exchange's user data feed.`}</li>
      </ul>
    </section>
  );
}
