// Settings → Notifications end to end: channels added in the UI of `cockpit headless`, a test message delivered to a
// local webhook receiver, a failing channel shown as failing, and no secret on the page or in a bridge answer.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, WEBHOOK_OK, type FakeServer } from '../integration/notifications/fake-servers';
import { openCockpitSession, type CockpitSession } from '../support/cockpit-session';
import { openCockpit } from '../support/ui-helpers';
import { tempDir } from '../support/temp-dir';

const SHOTS = 'test-results';
const SLACK_SECRET = 'PLANTEDslackPATHtoken9f8e7d';
const SIGNING_SECRET = 'PLANTED-signing-secret-1a2b3c';
const BOT_TOKEN = '987654321:PLANTEDbotTOKENzyxwvutsrqponmlk';

describe('settings: notifications', () => {
  const dir = tempDir('cockpit-notify-ui-');
  let session: CockpitSession;
  let page: Page;
  let hooks: FakeServer;
  const answers: string[] = [];

  const panel = () => page.getByTestId('notifications');
  const channel = (id: string) => page.locator(`[data-testid="notification-channels"] li[data-channel="${id}"]`);
  const addChannel = async (fill: () => Promise<void>) => {
    await panel().getByRole('button', { name: 'Add channel' }).click();
    await fill();
    await panel().getByRole('button', { name: 'Save channel' }).click();
    await panel().getByRole('button', { name: 'Add channel' }).waitFor();
  };

  beforeAll(async () => {
    hooks = await startFakeServer(WEBHOOK_OK);
    session = await openCockpitSession(['headless', '--port', '0', '--data', dir.path], {}, { width: 1280, height: 1000 });
    ({ page } = session);
    page.on('websocket', (ws) => ws.on('framereceived', (f) => void answers.push(String(f.payload))));
    await openCockpit(page, session.cockpit.url);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await panel().waitFor();
  });

  afterAll(async () => {
    expect(await session?.close()).toBe(0);
    await hooks?.close();
    dir.cleanup();
  });

  it('adds a Slack channel and delivers a test message to it', async () => {
    await addChannel(async () => {
      await panel().getByLabel('Kind').selectOption('slack');
      await panel().getByLabel('Name').fill('Team Slack');
      await panel().getByLabel(/Webhook URL/).fill(`${hooks.url}/slack/T0/B0/${SLACK_SECRET}`);
    });
    await channel('team-slack').getByRole('button', { name: 'Send a test message to Team Slack' }).click();
    await expect.poll(() => hooks.received.length).toBe(1);
    expect(JSON.parse(hooks.received[0]!.raw)).toEqual({ text: 'Test message from Trading Cockpit: this channel works.' });
    await expect.poll(() => channel('team-slack').textContent()).toContain('delivering · 1 sent');
  });

  it('shows a webhook that answers 500 as failing, with its error', async () => {
    await addChannel(async () => {
      await panel().getByLabel('Kind').selectOption('webhook');
      await panel().getByLabel('Name').fill('Ops webhook');
      await panel().getByLabel(/Webhook URL/).fill(`${hooks.url}/down`);
      await panel().getByLabel(/Signing secret/).fill(SIGNING_SECRET);
      await panel().getByLabel('Autopilot rounds').uncheck();
    });
    hooks.fallback = { status: 500, body: { error: 'down' } };
    await channel('ops-webhook').getByRole('button', { name: 'Send a test message to Ops webhook' }).click();
    await expect.poll(() => channel('ops-webhook').textContent()).toContain('failing ×1: HTTP 500');
    expect(hooks.received.at(-1)!.headers['x-cockpit-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    hooks.fallback = WEBHOOK_OK;
  });

  it('adds a Telegram channel with a digest, and never shows a secret', async () => {
    await addChannel(async () => {
      await panel().getByLabel('Kind').selectOption('telegram');
      await panel().getByLabel('Name').fill('My phone');
      await panel().getByLabel(/Bot token/).fill(BOT_TOKEN);
      await panel().getByLabel('Chat id').fill('123456789');
      await panel().getByLabel('Rounds: one message every N rounds').fill('10');
      await panel().getByLabel('Fills and closed trades').uncheck();
    });
    expect(await channel('my-phone').textContent()).toContain('Telegram chat 123456789');
    expect(await channel('my-phone').textContent()).toContain('digest every 10 rounds');
    // Editing shows the stored secrets as stored, never their value.
    await channel('team-slack').getByRole('button', { name: 'Edit Team Slack' }).click();
    expect(await panel().getByLabel(/Webhook URL/).inputValue()).toBe('');
    expect(await panel().textContent()).toContain(`(stored, encrypted: ${hooks.url}/…)`);
    await page.waitForTimeout(300);
    await panel().screenshot({ path: join(SHOTS, 'ui-notification-settings.png') });
    await panel().getByRole('button', { name: 'Cancel' }).click();
    await panel().getByRole('button', { name: 'Add channel' }).waitFor();
    await panel().screenshot({ path: join(SHOTS, 'ui-notification-channels.png') });
    const html = await page.content();
    for (const secret of [SLACK_SECRET, SIGNING_SECRET, BOT_TOKEN]) {
      expect(html).not.toContain(secret);
      expect(answers.join('\n')).not.toContain(secret);
    }
    expect(answers.length).toBeGreaterThan(0);
    expect(session.errors).toEqual([]);
  });
});
