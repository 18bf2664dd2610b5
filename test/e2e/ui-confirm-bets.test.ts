// "Confirm each bet" through the cockpit UI, on `cockpit demo` (no display: the round simulator, dry run): the setting
// is saved in Settings, each signalled bet then waits in the Autopilot view's "Bets to confirm" with the signal's
// target and a countdown, Reject skips it with the reason, Approve lets it play. A screenshot goes to test-results.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCockpitSession, type CockpitSession } from '../support/cockpit-session';

const SHOTS = process.env.COCKPIT_DEMO_SHOTS ?? 'test-results';

describe('confirm each bet, in the cockpit', () => {
  let session: CockpitSession;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session = await openCockpitSession(['demo', '--port', '0'], { DISPLAY: undefined, WAYLAND_DISPLAY: undefined }, { width: 1440, height: 1000 });
    page = session.page;
    await page.goto(session.cockpit.url);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('asks in the Autopilot view before each bet; Reject skips it with the reason, Approve plays it', async () => {
    const view = (name: string) => page.getByRole('button', { name, exact: true }).click();
    await view('Settings');
    await page.getByLabel(/Confirm each bet within/).fill('20');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await view('Autopilot');
    // Shown at the top, only while a bet waits.
    const panel = page.getByTestId('confirmations-panel-crash-bet');

    const question = () => panel.locator('li').first();
    await question().waitFor({ timeout: 20_000 });
    expect(await panel.getByRole('heading').textContent()).toBe('Bets to confirm');
    expect(await question().textContent()).toMatch(/^Bet [\d.]+, cash out at [\d.]+×next round of .+ · signal \S+\d+ s left/);
    await page.screenshot({ path: join(SHOTS, 'confirm-bets-autopilot.png'), fullPage: true });
    const signalOf = async () => /signal (\S+)$/.exec((await question().locator('.muted').textContent())!)![1]!;
    const rowOf = (roundId: string) => page.getByTestId('executions').locator('tbody tr').filter({ has: page.getByRole('cell', { name: roundId, exact: true }) });
    const rejected = await signalOf();
    await question().getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => rowOf(rejected).textContent(), { timeout: 10_000 }).toMatch(/Skipped.*not confirmed: rejected by app/);

    await question().waitFor({ timeout: 20_000 });
    const approved = await signalOf();
    await question().getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => panel.count(), { timeout: 5_000 }).toBe(0);
    // The approved signal is played, not skipped for want of an answer.
    await expect.poll(() => rowOf(approved).textContent(), { timeout: 20_000 }).toMatch(/Cashed out|Crashed/);
    expect(session.errors).toEqual([]);
  }, 90_000);
});
