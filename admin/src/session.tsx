import { createContext, useContext } from 'react';
import type { ViewerQuery } from './gql/graphql.js';

/** Who is signed in: the token sent with every request and what the API says it may do. */
export interface Session {
  token: string;
  viewer: ViewerQuery['viewer'];
  /** Whether the API allows this action to the signed-in role (only such controls are shown). */
  can: (permission: ViewerQuery['viewer']['permissions'][number]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Provides the signed-in session to every screen below it. */
export const SessionProvider = SessionContext.Provider;

/** The signed-in session (screens are only rendered once someone is signed in). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in console');
  return session;
}
