import { Fragment } from 'react';
import { LANGUAGES, type Language } from '@/lib/messages';
import { setLanguage } from '@/lib/messages/set-language';

/**
 * "English · Deutsch": each language named in itself (and marked as such for screen readers), the current
 * one pressed. A plain form, so it works before (or without) JavaScript too.
 */
export function LanguageSwitch({ current, label }: { current: Language; label: string }) {
  return (
    <form action={setLanguage} className="language-switch" aria-label={label}>
      {Object.entries(LANGUAGES).map(([code, catalogue], i) => (
        <Fragment key={code}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <button
            type="submit"
            name="lang"
            value={code}
            lang={code}
            className="button button--link"
            aria-pressed={code === current}
          >
            {catalogue.name}
          </button>
        </Fragment>
      ))}
    </form>
  );
}
