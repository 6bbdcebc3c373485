'use client';

import type { CheckInResult } from '@/lib/api/types';
import { LocalDate } from './locale';
import { useMessages } from './messages';

/** The answer at the door, in words big enough to read at arm's length; colour only repeats the words. */
export function CheckInOutcome({ outcome }: { outcome: CheckInResult }) {
  const t = useMessages();
  const text = t.checkIn;
  const event = outcome.eticket?.event;
  const detail = event && (
    <p>
      {event.title} · {outcome.eticket?.seat ?? t.common.generalAdmission}
    </p>
  );
  if (outcome.result === 'admitted') {
    return (
      <div className="checkin-result checkin-result--admitted" data-testid="checkin-result">
        <p className="checkin-result__headline">{text.admitted}</p>
        {detail}
      </div>
    );
  }
  if (outcome.result === 'already_used') {
    return (
      <div className="checkin-result checkin-result--used" data-testid="checkin-result">
        <p className="checkin-result__headline">{text.alreadyUsed}</p>
        <p>
          {text.usedAtLabel} <LocalDate iso={outcome.usedAt!} />
        </p>
        {detail}
      </div>
    );
  }
  return (
    <div className="checkin-result checkin-result--invalid" data-testid="checkin-result">
      <p className="checkin-result__headline">{text.notValid}</p>
      <p>{outcome.reason === 'voided' ? text.notValidVoided : text.notValidUnknown}</p>
      {detail}
    </div>
  );
}
