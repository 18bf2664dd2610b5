// Runs in: renderer.
export function AutopilotView() {
  return (
    <div className="grid">
      <section className="panel">
        <h2>Autopilot</h2>
        <p className="hint">Connect a signal source in Settings, calibrate a game profile, then start the autopilot in dry run.</p>
      </section>
    </div>
  );
}
