import Link from 'next/link';
import type { ReactNode } from 'react';

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
