// Runs in: engine. Writes a session report when something stops; a failed write is recorded, never thrown.
import type { ReportListing, ReportTrigger } from '../../../src-shared/contract/services/history';
import type { ReportFiles } from '../../adapters/reports/report-files';
import type { ReportRowsRepo } from '../../adapters/store/report-rows-repo';
import { closedTrades, type ClosedTrade } from '../../core/reports/closed-trades';
import { buildSessionReport, renderReportMarkdown, reportBaseName } from '../../core/reports/session-report';

export interface ReportRequest {
  readonly trigger: ReportTrigger;
  readonly subject: string;
  readonly reason: string;
  readonly from: number;
  /** Whose trades: every account's, one strategy's on its account, or none (the autopilot trades no account). */
  readonly trades: 'all' | 'none' | { readonly accountId: string; readonly strategy: string };
}

export interface SessionReportsDeps {
  readonly rows: ReportRowsRepo;
  readonly files: ReportFiles;
  readonly now: () => number;
  /** Where a failure is said (the log, a toast): the report is lost, trading goes on. */
  readonly alert: (message: string) => void;
  /** A hung disk (a network share) must not hold up a shutdown. */
  readonly writeTimeoutMs?: number;
}

const WRITE_TIMEOUT_MS = 3_000;

export class SessionReports {
  private lastError: string | null = null;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly deps: SessionReportsDeps) {}

  /**
   * Reads the rows now (the store may close right after a shutdown report), then writes the files. Answers the
   * Markdown path, or null when the report could not be written; it never rejects.
   */
  write(request: ReportRequest): Promise<string | null> {
    let job: Promise<string | null>;
    try {
      const to = this.deps.now();
      // A strategy's report is about its trades: the autopilot's rounds and clicks belong to the autopilot's.
      const crash = request.trigger !== 'strategy';
      const report = buildSessionReport({
        trigger: request.trigger,
        subject: request.subject,
        reason: request.reason,
        from: request.from,
        to,
        rounds: crash ? this.deps.rows.rounds(request.from, to) : [],
        trades: this.trades(request, to),
        limitEvents: this.deps.rows.limitEvents(request.from, to),
        errorEvents: crash ? this.deps.rows.errorEvents(request.from, to) : [],
        signalToClickMs: crash ? this.deps.rows.signalToClickMs(request.from, to) : [],
        clickMs: crash ? this.deps.rows.clickMs(request.from, to) : [],
      });
      job = withTimeout(this.deps.files.write(reportBaseName(report), report, renderReportMarkdown(report)), this.deps.writeTimeoutMs ?? WRITE_TIMEOUT_MS).then(
        (path) => ((this.lastError = null), path),
        (error: unknown) => this.failed(request, error),
      );
    } catch (error) {
      job = Promise.resolve(this.failed(request, error));
    }
    this.pending.add(job);
    void job.finally(() => this.pending.delete(job));
    return job;
  }

  /** Resolves once every report started so far is written or given up. */
  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async list(limit: number): Promise<ReportListing> {
    try {
      return { reports: await this.deps.files.list(limit), lastError: this.lastError, dir: this.deps.files.dir };
    } catch (error) {
      return { reports: [], lastError: `The reports folder cannot be read: ${error instanceof Error ? error.message : String(error)}`, dir: this.deps.files.dir };
    }
  }

  private trades(request: ReportRequest, to: number): ClosedTrade[] {
    if (request.trades === 'none') return [];
    const accounts = request.trades === 'all' ? this.deps.rows.accountIds().map((accountId) => ({ accountId, strategy: undefined })) : [request.trades];
    return accounts.flatMap((a) => closedTrades(this.deps.rows.fills(a.accountId, to, a.strategy))).filter((t) => t.closedAt >= request.from);
  }

  private failed(request: ReportRequest, error: unknown): null {
    const message = `Session report (${request.trigger} ${request.subject}) not written: ${error instanceof Error ? error.message : String(error)}`;
    this.lastError = message;
    this.deps.alert(message);
    return null;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the disk did not answer within ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
