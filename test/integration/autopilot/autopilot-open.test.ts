// Constructors do no I/O: a round the last run left open is marked INTERRUPTED (with its audit line) by
// AutopilotService.open(), not by the constructor; the engine's composition root opens it at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScryptCipher } from '../../../src-main/adapters/secrets/scrypt-cipher';
import { ActionsRepo } from '../../../src-main/adapters/store/actions-repo';
import { openDatabase, type Db } from '../../../src-main/adapters/store/database';
import { ExecutionsRepo } from '../../../src-main/adapters/store/executions-repo';
import { SettingsRepo } from '../../../src-main/adapters/store/settings-repo';
import { SignalRecorder } from '../../../src-main/adapters/store/signal-recorder';
import { SignalRows } from '../../../src-main/adapters/store/signal-rows';
import { SqliteSecretStore } from '../../../src-main/adapters/store/sqlite-secret-store';
import { silentLogger } from '../../../src-main/core/logging/logger';
import { AutopilotService } from '../../../src-main/engine/autopilot/autopilot-service';
import { createEngine } from '../../../src-main/engine/engine';
import { EventBus } from '../../../src-main/engine/event-bus';
import { SettingsService } from '../../../src-main/engine/services/settings-service';
import { recordingDesktop } from '../../support/recording-desktop';
import { sqliteSafety } from '../../support/safety';
import { tempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir('cockpit-autopilot-open-');
  file = `${dir.path}/cockpit.sqlite`;
});
afterEach(() => dir.cleanup());

/** A round left PENDING on the file, as when the process died mid-round. */
function leaveRoundOpen(db: Db): number {
  return new ExecutionsRepo(db).create({ signalId: null, roundId: 'r-open', mode: 'dry-run', bet: true, stake: 1, target: 2, at: Date.now() - 1_000 }).id;
}

const interruptedLines = (actions: ActionsRepo) => actions.recent().filter((a) => a.kind === 'interrupted');

describe('AutopilotService.open', () => {
  it('the constructor leaves an open round alone; open() marks it INTERRUPTED with one audit line, once', () => {
    const db = openDatabase(file);
    try {
      const id = leaveRoundOpen(db);
      const executions = new ExecutionsRepo(db);
      const actions = new ActionsRepo(db);
      const settingsRepo = new SettingsRepo(db);
      const desktop = recordingDesktop();
      const autopilot = new AutopilotService({
        executions,
        signalRecorder: new SignalRecorder(db),
        signalRows: new SignalRows(db),
        settingsRepo,
        bus: new EventBus(),
        safety: sqliteSafety(db, actions),
        settings: new SettingsService(settingsRepo, new SqliteSecretStore(db, new ScryptCipher('t'))),
        actions,
        mouse: desktop.mouse,
        createReader: desktop.createReader,
        displays: desktop.displays,
        log: silentLogger,
      });
      expect(executions.get(id)?.status).toBe('PENDING');
      expect(interruptedLines(actions)).toEqual([]);

      autopilot.open();
      expect(executions.get(id)).toMatchObject({ status: 'INTERRUPTED', endedAt: expect.any(Number) });
      expect(interruptedLines(actions)).toEqual([expect.objectContaining({ target: 'r-open', mode: 'dry-run', executionId: id })]);

      autopilot.open();
      expect(interruptedLines(actions)).toHaveLength(1);
    } finally {
      db.close();
    }
  });

  it('the engine opens it as it is built: an open round is INTERRUPTED before createEngine returns', async () => {
    const db = openDatabase(file);
    const id = leaveRoundOpen(db);
    db.close();
    const engine = createEngine({ dataDir: dir.path, shell: 'cli', cipher: new ScryptCipher('t'), desktop: recordingDesktop(), startMarkets: false });
    try {
      expect(engine.autopilot.executions.get(id)?.status).toBe('INTERRUPTED');
      expect(interruptedLines(engine.actions)).toHaveLength(1);
    } finally {
      await engine.shutdown('test done');
    }
  });
});
