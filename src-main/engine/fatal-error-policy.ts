// Runs in: every shell (CLI commands, headless, Electron main). The one answer to an error nobody caught.

/** Exit code after an uncaught exception or unhandled rejection (EX_SOFTWARE). */
export const FATAL_EXIT_CODE = 70;

/** What the policy needs of a running engine: stop money moving, in memory first. */
export interface TradingEngine {
  readonly safety: { engageInMemory(): void };
  stopTrading(reason: string): Promise<void>;
}

export interface FatalErrorDeps {
  /** One line to the log and stderr. */
  readonly report: (line: string) => void;
  readonly exit: (code: number) => void;
  /** Stopping trading gets this long before the process exits anyway. */
  readonly stopTimeoutMs?: number;
}

/**
 * An uncaught exception or unhandled rejection means the engine's state can no longer be trusted. So, always:
 * log it, engage the kill switch in memory (every click and order is refused from then on), stop the autopilot
 * and the strategies, and exit with FATAL_EXIT_CODE. Nothing is written to the database on the way: it may be
 * what failed. A restart reads the kill switch as it was last saved.
 */
export class FatalErrorPolicy {
  private readonly engines = new Set<TradingEngine>();
  private fatal = false;

  constructor(private readonly deps: FatalErrorDeps) {}

  /** Registers the handlers on `target` (the process); once per process. */
  install(target: NodeJS.EventEmitter): void {
    target.on('uncaughtException', (error: unknown) => void this.handle('uncaught exception', error));
    target.on('unhandledRejection', (reason: unknown) => void this.handle('unhandled rejection', reason));
  }

  /** The engine to stop on a fatal error; returns the undo for a clean shutdown. */
  protect(engine: TradingEngine): () => void {
    this.engines.add(engine);
    return () => this.engines.delete(engine);
  }

  async handle(kind: string, error: unknown): Promise<void> {
    if (this.fatal) return this.deps.report(`cockpit: another ${kind} while stopping: ${describe(error)}`);
    this.fatal = true;
    this.deps.report(`cockpit: fatal ${kind}: ${describe(error)}`);
    if (this.engines.size > 0) this.deps.report('cockpit: kill switch engaged (in memory), stopping trading, then exiting');
    const stops = [...this.engines].map(async (engine) => {
      engine.safety.engageInMemory();
      await engine.stopTrading(`fatal ${kind}`);
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, this.deps.stopTimeoutMs ?? 5000).unref());
    await Promise.race([Promise.allSettled(stops), timeout]);
    this.deps.exit(FATAL_EXIT_CODE);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
