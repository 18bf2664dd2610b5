// Runs in: Node (CLI). `--trace FILE` of `cockpit autopilot` and `cockpit learn`: every read of the multiplier region
// and the phase it implied, as JSON lines. What a report about a game the autopilot misreads needs, and what a
// read-stream test can be made from.
import { openSync, writeSync } from 'node:fs';
import type { Observation } from '../engine/autopilot/round-observer';

/** Appends one line per observation; synchronous writes keep lines whole and in order (~20 µs each). */
export function observationTrace(file: string): (o: Observation) => void {
  const fd = openSync(file, 'a');
  return (o) => {
    const { read, phaseRead } = o;
    const line = {
      at: Math.round(read.at * 10) / 10,
      value: read.value,
      text: read.text,
      ...(read.otherText ? { otherText: true } : {}),
      ...(read.decimals !== undefined ? { decimals: read.decimals } : {}),
      ...(read.ink !== undefined ? { ink: read.ink } : {}),
      ...(read.extraLines ? { extraLines: read.extraLines } : {}),
      ms: Math.round(read.ms * 100) / 100,
      ...(read.halfSize ? { halfSize: true } : {}),
      read: phaseRead.kind,
      ...(phaseRead.betButton ? { betButton: phaseRead.betButton } : {}),
      phase: o.state.phase,
      ...(o.events.length ? { events: o.events.map((e) => ({ type: e.type, ...('reason' in e ? { reason: e.reason } : {}), ...('value' in e ? { value: e.value } : {}) })) } : {}),
    };
    writeSync(fd, `${JSON.stringify(line)}\n`);
  };
}
