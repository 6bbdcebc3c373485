/** Long because it is the kit of small parts the pages share (heads, empty lists, tables, alerts), a few lines each. */
import Link from 'next/link';
import type { CSSProperties, ReactNode } from 'react';
import { Money } from './locale';

/** A page's heading, the sentence under it and, beside them, its one main action. */
export function PageHead({
  title,
  lede,
  action,
}: {
  title: ReactNode;
  lede?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        {lede && <p className="lede">{lede}</p>}
      </div>
      {action}
    </div>
  );
}

/**
 * A section that is one table: the heading that names it, the table (a caption for screen readers, the
 * column heads, the rows), then any link to its next page.
 */
export function TableSection({
  id,
  title,
  caption,
  head,
  testId,
  pager,
  style,
  children,
}: {
  id: string;
  title: ReactNode;
  caption?: string;
  head: ReactNode;
  testId?: string;
  pager?: ReactNode;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <section className="stack" aria-labelledby={id} style={style}>
      <h2 id={id}>{title}</h2>
      <table className="table" data-testid={testId}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        {head}
        <tbody>{children}</tbody>
      </table>
      {pager}
    </section>
  );
}

/** An order's row begins with this cell: the title of its ticket, linking to the order. */
export function OrderTitleCell({ order }: { order: { id: string; ticket: { title: string } } }) {
  return (
    <td>
      <Link href={`/orders/${order.id}`}>{order.ticket.title}</Link>
    </td>
  );
}

/** A table's cell of money, labelled by its column on a phone (where the rows stack), then any note. */
export function MoneyCell({
  label,
  minor,
  currency,
  children,
}: {
  label: string;
  minor: number;
  currency: string;
  children?: ReactNode;
}) {
  return (
    <td data-label={label}>
      <Money minor={minor} currency={currency} />
      {children}
    </td>
  );
}

/** A page of one narrow column, mostly a form: its heading and the sentence under it, then the rest. */
export function NarrowPage({
  title,
  lede,
  children,
}: {
  title: ReactNode;
  lede?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="narrow">
      <PageHead title={title} lede={lede} />
      {children}
    </div>
  );
}

/** An empty list: what is missing, what fills it, and the link that starts it. */
export function EmptyState({
  title,
  hint,
  href,
  action,
}: {
  title: string;
  hint: string;
  href: string;
  action: string;
}) {
  return (
    <div className="card empty">
      <h2>{title}</h2>
      <p className="muted">{hint}</p>
      <Link href={href} className="button">
        {action}
      </Link>
    </div>
  );
}

/** A table's column headings, then (named for screen readers only) a column of row actions. */
export function TableHead({ columns, actions }: { columns: string[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">{actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

/** Something the user must see now, such as what went wrong with an action; nothing when there is none. */
export function Alert({
  message,
  tone = 'error',
  testId,
}: {
  message: ReactNode;
  tone?: 'error' | 'warning';
  testId?: string;
}) {
  if (!message) return null;
  return (
    <p className={`alert alert--${tone}`} role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
