"use client";

import { createContext, useContext, type ReactNode } from "react";
import styles from "./app.module.css";

const SignedInUser = createContext<string | null>(null);

export interface SignedInUserProviderProps {
  /** The user the server's gate let in (auth.mode), or null with mode none. */
  user: string | null;
  children: ReactNode;
}

/** Hands the signed-in user, read by the root layout from the request, to the header of every page. */
export function SignedInUserProvider({ user, children }: SignedInUserProviderProps) {
  return <SignedInUser.Provider value={user}>{children}</SignedInUser.Provider>;
}

/** "Signed in as alice" in the header bar; nothing at all when nobody signed in. */
export function SignedInUserNote() {
  const user = useContext(SignedInUser);
  if (user === null) return null;
  return <span className={styles.user}>signed in as {user}</span>;
}
