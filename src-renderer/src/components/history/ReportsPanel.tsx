// Runs in: renderer. The latest session reports (written when the autopilot, a strategy or the engine stops), newest first.
import { useEffect, useState } from 'react';
import type { ReportListing } from '../../../../src-shared/contract';
import { formatPercent, signedMoney } from '../../lib/format';
import { useTransport } from '../../api/client-context';
import { call } from '../../store/app-store';
import { TablePanel, type Column } from '../TablePanel';
import { reportSummary } from './history-view';

const COLUMNS: readonly Column[] = [{ label: 'Stopped' }, { label: 'What' }, { label: 'Played' }, { label: 'P&L', className: 'num' }, { label: 'Win rate', className: 'num' }, { label: 'Limits / errors', className: 'num' }, { label: 'Signal → click p50', className: 'num' }];
const LIMIT = 10;

export function ReportsPanel() {
  const transport = useTransport();
  const [listing, setListing] = useState<ReportListing | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => void call(transport.calls.history.reports({ limit: LIMIT })).then((l) => live && l && setListing(l));
    load();
    // A report is written when something stops, which the state events announce.
    const offs = [transport.on('autopilot.state', (s) => !s.running && setTimeout(load, 500)), transport.on('app.status', () => setTimeout(load, 500))];
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [transport]);

  const reports = listing?.reports ?? [];
  return (
    <TablePanel
      titleId="reports-title"
      title="Session reports"
      className="reports"
      aside={listing ? <span className="muted small" title={listing.dir}>Markdown and JSON in the data folder’s reports/</span> : undefined}
      notice={
        listing?.lastError ? (
          <p className="field-error" role="alert">
            {listing.lastError}
          </p>
        ) : undefined
      }
      empty={reports.length === 0 ? 'No report yet: one is written when the autopilot or a strategy stops, and when the app quits.' : null}
      columns={COLUMNS}
      testId="reports-table"
    >
      {reports.map(({ file, report }) => {
        const s = reportSummary(report);
        const money = s.pnl === null ? null : signedMoney(s.pnl);
        const latency = report.latency.signalToClickMs;
        return (
          <tr key={file} title={file} data-trigger={report.trigger}>
            <td>{new Date(report.to).toLocaleString()}</td>
            <td>
              {`${report.trigger}: ${report.subject}`}
              <div className="muted small">{report.reason}</div>
            </td>
            <td>{s.counted}</td>
            <td className="num">
              {money ? (
                <span className={money.tone} aria-label={money.spoken}>
                  <span aria-hidden="true">{money.icon}</span> {money.text}
                  {s.simulated ? ' (sim.)' : ''}
                </span>
              ) : (
                '—'
              )}
            </td>
            <td className="num">{formatPercent(s.winRate)}</td>
            <td className="num">{`${report.limitsHit.count} / ${report.errors.count}`}</td>
            <td className="num">{latency ? `${latency.p50.toFixed(0)} ms` : '—'}</td>
          </tr>
        );
      })}
    </TablePanel>
  );
}
