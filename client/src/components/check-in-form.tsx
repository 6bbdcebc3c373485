'use client';

import { useCallback, useRef, useState } from 'react';
import { browserApi } from '@/lib/api/browser';
import type { CheckInResult } from '@/lib/api/types';
import { CheckInOutcome } from './check-in-result';
import { ActionForm } from './action-form';
import { Field } from './field';
import { useFormAction } from './use-form-action';
import { useQrScanner } from './use-qr-scanner';
import { useMessages } from './messages';

/** The door: a code typed, pasted or scanned → valid / already used / not valid, announced to screen readers. */
export function CheckInForm() {
  const t = useMessages();
  const say = t.checkInPage;
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<CheckInResult | null>(null);
  const action = useFormAction(
    async (form) => {
      setOutcome(null);
      try {
        setOutcome(await browserApi.checkIn(String(form.get('code') ?? '').trim()));
        setCode('');
      } finally {
        inputRef.current?.focus();
      }
    },
    { catalogue: 'checkin' },
  );
  const { run } = action;
  const {
    videoRef,
    state: scanState,
    start,
    stop,
  } = useQrScanner(
    useCallback(
      (scanned: string) => {
        const form = new FormData();
        form.set('code', scanned);
        run(form);
      },
      [run],
    ),
  );

  return (
    <div className="stack">
      <ActionForm action={action} className="card stack">
        <Field id="checkin-code" label={say.code} error={action.fields.code}>
          {(aria) => (
            <input
              {...aria}
              ref={inputRef}
              name="code"
              className="mono"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={action.busy}>
            {action.busy ? say.checking : say.submit}
          </button>
          {scanState === 'idle' && (
            <button type="button" className="button button--secondary" onClick={() => void start()}>
              {say.scan}
            </button>
          )}
          {scanState === 'scanning' && (
            <button type="button" className="button button--secondary" onClick={stop}>
              {say.stop}
            </button>
          )}
        </div>
        <video
          ref={videoRef}
          className="checkin-camera"
          hidden={scanState !== 'scanning'}
          muted
          playsInline
          aria-label={say.camera}
        />
        {scanState === 'unsupported' && <p className="muted">{t.checkIn.noCamera}</p>}
        {scanState === 'denied' && <p className="muted">{t.checkIn.cameraDenied}</p>}
      </ActionForm>
      <div role="status" aria-live="assertive" aria-atomic="true">
        {outcome && !action.busy && <CheckInOutcome outcome={outcome} />}
      </div>
    </div>
  );
}
