import React, { createContext, useContext } from 'react';
import type { Identity } from '../core/iam/identity-facts.js';
import type { Problem } from '../core/errors.js';
import type { Services } from './services.js';

export type Hint = [key: string, label: string];

export type IdentityState =
  { state: 'loading' } | { state: 'ready'; identity: Identity } | { state: 'offline'; problem: Problem };

export interface Frame {
  services: Services;
  identity: IdentityState;
  columns: number;
  rows: number;
  /** The `?` help: the keys of what has focus, one a row. */
  openHelp(): void;
  /** The `:` command line. */
  openPalette(): void;
  /** A short message in the footer: "Copied ARN", "Saved to …". */
  flash(message: string): void;
  /** Copies to the clipboard (OSC 52, through Ink) and says what was copied: copy(arn, 'the ARN'). */
  copy(text: string, what: string): void;
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
