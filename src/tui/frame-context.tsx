import React, { createContext, useContext } from 'react';
import type { Identity } from '../core/iam/identity-facts.js';
import type { Problem } from '../core/errors.js';
import type { Services } from './services.js';

export type Hint = [key: string, label: string];

export type IdentityState = { state: 'loading' } | { state: 'ready'; identity: Identity } | { state: 'offline'; problem: Problem };

export interface Frame {
  services: Services;
  identity: IdentityState;
  columns: number;
  rows: number;
  /** The screen on top shows its keys in the footer and in the `?` help. */
  setHints(hints: Hint[], help?: string[]): void;
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
  /** A short message in the footer: "Copied ARN", "Saved to …". */
  flash(message: string): void;
}

export const FrameContext = createContext<Frame | undefined>(undefined);

export function useFrame(): Frame {
  const frame = useContext(FrameContext);
  if (!frame) throw new Error('useFrame outside the app frame');
  return frame;
}

export function useServices(): Services {
  return useFrame().services;
}

export function FrameProvider({ value, children }: { value: Frame; children: React.ReactNode }): React.JSX.Element {
  return <FrameContext.Provider value={value}>{children}</FrameContext.Provider>;
}
