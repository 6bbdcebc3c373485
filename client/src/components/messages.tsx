'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language, type Messages } from '@/lib/messages';

/**
 * The catalogue of the page's language for client components. The layout passes the language's code, not
 * the catalogue: its sentences with numbers are functions, which cannot cross from server to browser.
 */
const MessagesContext = createContext<Messages>(LANGUAGES[DEFAULT_LANGUAGE]);

export function MessagesProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  return <MessagesContext.Provider value={LANGUAGES[lang]}>{children}</MessagesContext.Provider>;
}

export const useMessages = () => useContext(MessagesContext);
