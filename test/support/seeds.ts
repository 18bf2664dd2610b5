// Practice-game seeds picked for their crash points: the game is deterministic per seed, so a test can choose rounds
// that are short, long enough to click in, or an instant crash.
import { CrashChain } from '../../src-shared/crash/bustabit';

/** The first seed `${prefix}-n` whose first `rounds` crash points all pass `accept`; each candidate costs a 1000-hash chain. */
export function seedWhere(prefix: string, rounds: number, accept: (crashPoint: number) => boolean, tries = 2000): string {
  for (let i = 0; i < tries; i++) {
    const chain = new CrashChain(`${prefix}-${i}`);
    let ok = true;
    for (let r = 1; r <= rounds && ok; r++) ok = accept(chain.crashPoint(r));
    if (ok) return `${prefix}-${i}`;
  }
  throw new Error(`no ${prefix} seed with ${rounds} suitable rounds in ${tries} tries: loosen the bounds`);
}
