import Link from 'next/link';
import type { Eticket } from '@/lib/api/types';
import { messages } from '@/lib/messages';
import { EventDate, LocalDate } from './locale';

/** One e-ticket: the QR code the orders service renders (SVG), the event and seat, the code in text, the PDF. */
export function EticketCard({ eticket }: { eticket: Eticket }) {
  const headingId = `eticket-${eticket.id}`;
  return (
    <article className="card eticket" aria-labelledby={headingId} data-testid="eticket">
      <div className="eticket__qr">
        {eticket.status === 'voided' ? (
          <p className="alert alert--warning">{messages.etickets.voided}</p>
        ) : (
          <img
            src={`/api/orders/etickets/${eticket.id}/qr.svg`}
            alt={`QR code of your e-ticket for ${eticket.event.title}`}
            width={220}
            height={220}
          />
        )}
      </div>
      <div className="stack">
        <h2 id={headingId}>
          <Link href={`/orders/${eticket.orderId}`}>{eticket.event.title}</Link>
        </h2>
        <span className={`badge badge--eticket-${eticket.status}`}>
          {messages.etickets.status[eticket.status]}
        </span>
        <dl className="facts">
          <dt>Venue</dt>
          <dd>{eticket.event.venue}</dd>
          <dt>When</dt>
          <dd>
            <EventDate iso={eticket.event.eventDate} />
          </dd>
          <dt>Seat</dt>
          <dd>{eticket.seat ?? 'General admission'}</dd>
          <dt>Code</dt>
          <dd className="mono eticket__code" data-testid="eticket-code">
            {eticket.code}
          </dd>
          {eticket.usedAt && (
            <>
              <dt>Checked in</dt>
              <dd>
                <LocalDate iso={eticket.usedAt} />
              </dd>
            </>
          )}
        </dl>
        {eticket.status !== 'voided' && (
          <a
            className="button button--secondary"
            href={`/api/orders/${eticket.orderId}/etickets/pdf`}
            download
          >
            Download PDF
          </a>
        )}
      </div>
    </article>
  );
}
