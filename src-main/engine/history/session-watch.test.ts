import { describe, expect, it } from 'vitest';
import type { AutopilotState, StrategyToggle } from '../../../src-shared/contract';
import { EventBus } from '../event-bus';
import type { ReportRequest } from './session-reports';
import { SessionWatch } from './session-watch';

const state = (running: boolean): AutopilotState => ({
  running,
  profile: 'Practice game',
  source: { url: 'ws://x', state: 'open', reconnects: 0, lastMessageAt: null, detail: null },
  queueLength: 0,
  current: null,
  game: null,
  stopping: null,
});

function setup() {
  const bus = new EventBus();
  let toggles: StrategyToggle[] = [
    { id: 'autopilot', label: 'Crash autopilot', kind: 'autopilot', enabled: false },
    { id: 'strategy:cfg-a', label: 'sma-cross · BTCUSDT 1s · Paper', kind: 'strategy', enabled: true },
    { id: 'strategy:cfg-b', label: 'breakout · ETHUSDT 1m · Paper', kind: 'strategy', enabled: false },
  ];
  const listeners = new Set<() => void>();
  const set = (id: string, enabled: boolean) => {
    toggles = toggles.map((t) => (t.id === id ? { ...t, enabled } : t));
    for (const l of listeners) l();
  };
  const reports: ReportRequest[] = [];
  let clock = 1_000;
  const watch = new SessionWatch({
    bus,
    toggles: { list: () => toggles, onChange: (l) => (listeners.add(l), () => listeners.delete(l)) },
    report: (r) => reports.push(r),
    now: () => clock,
    autopilotStopReason: (since) => `kill switch engaged (since ${since})`,
    strategy: (id) => (id === 'cfg-a' || id === 'cfg-b' ? { accountId: 'paper-1', stoppedReason: id === 'cfg-a' ? '3 failures in a row' : null } : undefined),
  });
  return { bus, set, reports, watch, tick: (ms: number) => (clock += ms) };
}

describe('SessionWatch', () => {
  it('reports an autopilot session once, from its start to its stop, whatever stopped it', () => {
    const { bus, reports, watch, tick } = setup();
    watch.start(0);
    tick(500);
    bus.emit('autopilot.state', state(true));
    tick(500);
    bus.emit('autopilot.state', state(true));
    bus.emit('autopilot.state', state(false));
    bus.emit('autopilot.state', state(false));
    expect(reports).toEqual([{ trigger: 'autopilot', subject: 'Practice game', reason: 'kill switch engaged (since 1500)', from: 1_500, trades: 'none' }]);
  });

  it('waits for a stopped autopilot to finish the round holding our bet before it reports the session', () => {
    const { bus, reports, watch } = setup();
    watch.start(0);
    bus.emit('autopilot.state', state(true));
    bus.emit('autopilot.state', { ...state(false), stopping: 'stopping: round 7 holds our bet' });
    expect(reports).toEqual([]);
    bus.emit('autopilot.state', state(false));
    expect(reports).toHaveLength(1);
  });

  it('reports a strategy when its toggle goes off: enabled before the watch (since the engine start) or after', () => {
    const { set, reports, watch, tick } = setup();
    watch.start(0);
    tick(1_000);
    set('strategy:cfg-a', false);
    set('strategy:cfg-b', true);
    tick(1_000);
    set('strategy:cfg-b', false);
    set('autopilot', true);
    set('autopilot', false);
    expect(reports).toEqual([
      { trigger: 'strategy', subject: 'sma-cross · BTCUSDT 1s · Paper', reason: '3 failures in a row', from: 0, trades: { accountId: 'paper-1', strategy: 'cfg-a' } },
      { trigger: 'strategy', subject: 'breakout · ETHUSDT 1m · Paper', reason: 'switched off', from: 2_000, trades: { accountId: 'paper-1', strategy: 'cfg-b' } },
    ]);
  });

  it('reports nothing once stopped (shutdown writes its own report)', () => {
    const { bus, set, reports, watch } = setup();
    watch.start(0);
    bus.emit('autopilot.state', state(true));
    watch.stop();
    bus.emit('autopilot.state', state(false));
    set('strategy:cfg-a', false);
    expect(reports).toEqual([]);
  });
});
