import Link from 'next/link';
import type { Eticket } from '@/lib/api/types';
import { getMessages } from '@/lib/messages/server';
import { EventDate, LocalDate } from './locale';

/** One e-ticket: the QR code the orders service renders (SVG), the event and seat, the code in text, the PDF. */
/** Only the markup orders renders for a QR code is inlined: an <svg> of paths, nothing scriptable. */
const isPlainSvg = (svg: string) =>
  /^<svg[^>]*>[\s\S]*<\/svg>\s*$/.test(svg) && !/<script|<foreignObject|\son\w+=|javascript:/i.test(svg);

export async function EticketCard({
  eticket,
  qrSvg,
  position,
}: {
  eticket: Eticket;
  qrSvg: string | null;
  /** "1 of 2" when its order bought several tickets. */
  position?: string;
}) {
  const t = await getMessages();
  const headingId = `eticket-${eticket.id}`;
  return (
    <article className="card eticket" aria-labelledby={headingId} data-testid="eticket">
      <div className="eticket__qr">
        {eticket.status === 'voided' ? (
          <p className="alert alert--warning">{t.etickets.voided}</p>
        ) : qrSvg && isPlainSvg(qrSvg) ? (
          <div
            className="eticket__qr-image"
            role="img"
            aria-label={t.eticket.qr(eticket.event.title)}
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
        ) : (
          <p className="alert alert--info">{t.etickets.qrUnavailable}</p>
        )}
      </div>
      <div className="stack">
        <h2 id={headingId}>
          <Link href={`/orders/${eticket.orderId}`}>{eticket.event.title}</Link>
        </h2>
        <span className={`badge badge--eticket-${eticket.status}`}>{t.etickets.status[eticket.status]}</span>
        <dl className="facts">
          <dt>{t.common.venue}</dt>
          <dd>{eticket.event.venue}</dd>
          <dt>{t.common.when}</dt>
          <dd>
            <EventDate iso={eticket.event.eventDate} timeZone={eticket.event.timeZone} />
          </dd>
          <dt>{t.common.seat}</dt>
          <dd>{eticket.seat ?? t.common.generalAdmission}</dd>
          {position && (
            <>
              <dt>{t.common.ticket}</dt>
              <dd data-testid="eticket-position">{t.eticket.inOrder(position)}</dd>
            </>
          )}
          <dt>{t.eticket.code}</dt>
          <dd className="mono eticket__code" data-testid="eticket-code">
            {eticket.code}
          </dd>
          {eticket.usedAt && (
            <>
              <dt>{t.eticket.checkedIn}</dt>
              <dd>
                <LocalDate iso={eticket.usedAt} />
              </dd>
            </>
          )}
        </dl>
        {/* No `download` attribute: the answer says attachment itself, and an expired session's detour
            through /session/refresh must be followed, not saved as a file. */}
        {eticket.status !== 'voided' && (
          <a className="button button--secondary" href={`/my-tickets/${eticket.orderId}/pdf`}>
            {t.eticket.downloadPdf}
          </a>
        )}
      </div>
    </article>
  );
}
