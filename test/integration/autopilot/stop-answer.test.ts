// A stop answers within 2 s even while a round holds our bet. On a game with separate Bet and Cash out buttons there
// is no known cancel, so a bet placed before the flight is cashed out (protective) as soon as the round flies: the
// stop says so at once, refuses a new start meanwhile, and the engine keeps its store open until that is done.
// A real engine on a SQLite file, armed live on the simulated crash game (its mouse moves nothing), fed by a real
// signal server.
import { expect, it } from 'vitest';
import { STOP_ANSWER_MS } from '../../../src-main/engine/autopilot/autopilot-service';
import { useSimulatedAutopilot } from '../../support/simulated-autopilot';
import { until } from '../exchange/harness';

// A long betting phase, so the stop comes well before the flight.
const autopilot = useSimulatedAutopilot({
  game: { seed: 'stop-answer', countdownMs: 6000, pauseMs: 1500, rate: 0.00025 },
  beforeStart: (engine) => engine.safety.armLive({ steps: [] }, 'test: a live bet on the simulated game'),
});

it('answers within 2 s with what it still finishes, then cashes the bet out when the round flies', async () => {
  const { engine, calls, signals, screen, done } = autopilot();
  const betting = () => screen.at(Date.now()).phase === 'BETTING';
  await until(() => !betting(), 30_000, 5);
  await until(betting, 30_000, 5);
  signals.send({ timestamp: Date.now(), expectedMultiplier: 5, bet: true, roundId: 'r-stop' });
  await until(() => engine.autopilot.state().current?.status === 'PLACED_BET', 5_000, 5);
  const flightAt = screen.at(Date.now()).phase === 'BETTING' ? nextFlight() : null;
  expect(flightAt).not.toBeNull();

  const asked = Date.now();
  const answer = await calls.autopilot.stop();
  const answeredMs = Date.now() - asked;
  expect(answeredMs).toBeLessThan(2_000);
  expect(answeredMs).toBeGreaterThanOrEqual(STOP_ANSWER_MS - 50);
  if (!answer.ok) throw new Error(answer.error.message);
  expect(answer.data.running).toBe(false);
  expect(answer.data.stopping).toMatch(/round r-stop holds our bet .* cashed out \(protective\) as soon as the round flies/);
  expect(done.some((e) => e.roundId === 'r-stop')).toBe(false);

  const again = await calls.autopilot.start({});
  expect(again.ok ? null : again.error.code).toBe('CONFLICT');

  const final = await engine.autopilot.whenStopped();
  expect(final.stopping).toBeNull();
  const round = done.find((e) => e.roundId === 'r-stop')!;
  expect(round).toBeDefined();
  expect(round.endedAt!).toBeGreaterThanOrEqual(flightAt!);
  expect(round.status).toBe('CASHOUT_EXECUTED');
  expect(round.reason ?? '').toContain('autopilot stopping');
}, 60_000);

/** When the round now in its betting phase takes off. */
function nextFlight(): number {
  const { screen } = autopilot();
  let at = Date.now();
  while (screen.at(at).phase === 'BETTING') at += 5;
  return at;
}
