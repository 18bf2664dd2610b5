// Runs in: renderer. The panel every data table sits in: a titled section, an empty message or the scrolling table.
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  /** `num` right-aligns figures; other classes size the column. */
  className?: string;
  /** Heard by screen readers only, for a column of buttons. */
  hidden?: boolean;
}

export interface TablePanelProps {
  /** Labels the section; unique on the page. */
  titleId: string;
  title: ReactNode;
  /** Beside the title (filters, a hint): the head becomes a row. */
  aside?: ReactNode;
  /** Between the title and the table, such as the last action's error. */
  notice?: ReactNode;
  /** Shown when there is nothing to list; null while there is. */
  empty: ReactNode | null;
  /**
   * The header stays, with the message below it inside the scroll area, for a table whose rows come and go under a
   * filter; otherwise the message stands in for the table.
   */
  emptyUnderHeader?: boolean;
  columns: readonly Column[];
  testId: string;
  className?: string;
  tableClassName?: string;
  /** Makes the scroll area a focusable, named region, for a table that fills up while people read it. */
  scrollLabel?: string;
  /** Under the table, such as how many rows are shown. */
  footer?: ReactNode;
  /** The rows. */
  children: ReactNode;
}

export function TablePanel(props: TablePanelProps) {
  const { titleId, title, aside, notice, empty, emptyUnderHeader = false, columns, testId, className, tableClassName, scrollLabel, footer, children } = props;
  const heading = <h2 id={titleId}>{title}</h2>;
  const table = (
    <table className={tableClassName ? `data ${tableClassName}` : 'data'} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.className}>
              {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  const scrollProps = scrollLabel ? { role: 'region', tabIndex: 0, 'aria-label': scrollLabel } : {};
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={titleId}>
      {aside === undefined ? (
        heading
      ) : (
        <div className="panel-head">
          {heading}
          {aside}
        </div>
      )}
      {notice}
      {emptyUnderHeader ? (
        <div className="table-scroll" {...scrollProps}>
          {table}
          {empty !== null && <p className="empty">{empty}</p>}
        </div>
      ) : empty !== null ? (
        <p className="empty">{empty}</p>
      ) : (
        <div className="table-scroll" {...scrollProps}>
          {table}
        </div>
      )}
      {footer}
    </section>
  );
}
