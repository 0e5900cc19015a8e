import React, { createContext, useContext, useMemo, useState } from 'react';
import { Box } from 'ink';
import { KeyScope } from './keys/focus.js';

export type Route =
  | { screen: 'home' }
  | { screen: 'create'; purpose?: 'signing' | 'server' | 'csr' }
  | { screen: 'inspect'; path?: string }
  /** select: the ARN to highlight once it is listed (the certificate just uploaded). */
  | { screen: 'servers'; select?: string }
  | { screen: 'server-details'; name: string }
  | { screen: 'acm-details'; arn: string }
  | { screen: 'radar' }
  | { screen: 'acm-import'; certificate?: string; privateKey?: string; chain?: string; arn?: string }
  | { screen: 'server-upload'; certificate?: string; privateKey?: string; chain?: string }
  /** Put another certificate everywhere this one is served, then retire it. */
  | { screen: 'rotate'; name: string }
  /** Pick a user (for a certificate file to upload, when given). */
  | { screen: 'signing'; uploadPath?: string }
  | { screen: 'signing-user'; user: string; uploadPath?: string }
  | { screen: 'onboard' };

export interface Navigation {
  stack: Route[];
  push(route: Route): void;
  pop(): void;
  /** Back to the screen underneath, handing it something as it comes back (what to highlight). */
  popWith(update: (below: Route) => Route): void;
  /** Start again from this one screen (`:home`). */
  reset(route: Route): void;
  quit(): void;
}

const NavigationContext = createContext<Navigation | undefined>(undefined);
const DepthContext = createContext(0);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationProvider');
  return navigation;
}

/** True for the screen on top of the stack (it reloads what it shows when it becomes so again). */
export function useIsTopScreen(): boolean {
  const depth = useContext(DepthContext);
  return useNavigation().stack.length - 1 === depth;
}

export function NavigationProvider({
  initial,
  onQuit,
  children,
}: {
  initial: Route;
  onQuit: () => void;
  children: (stack: Route[]) => React.ReactNode;
}): React.JSX.Element {
  const [stack, setStack] = useState<Route[]>([initial]);
  const navigation = useMemo<Navigation>(
    () => ({
      stack,
      push: (route) => setStack((current) => [...current, route]),
      // Esc always goes somewhere: from a screen opened first (a test, a future deep link), it goes home.
      pop: () =>
        setStack((current) =>
          current.length > 1 ? current.slice(0, -1) : current[0]?.screen === 'home' ? current : [{ screen: 'home' }],
        ),
      popWith: (update) =>
        setStack((current) =>
          current.length > 1 ? [...current.slice(0, -2), update(current[current.length - 2]!)] : current,
        ),
      reset: (route) => setStack([route]),
      quit: onQuit,
    }),
    [stack, onQuit],
  );
  return <NavigationContext.Provider value={navigation}>{children(stack)}</NavigationContext.Provider>;
}

/** Renders every screen of the stack, hiding all but the top one, so going back keeps a screen's state. */
export function ScreenStack({
  stack,
  render,
}: {
  stack: Route[];
  render: (route: Route) => React.ReactNode;
}): React.JSX.Element {
  return (
    <>
      {stack.map((route, depth) => (
        <DepthContext.Provider key={depth} value={depth}>
          <ScreenSlot visible={depth === stack.length - 1}>
            <KeyScope active={depth === stack.length - 1}>{render(route)}</KeyScope>
          </ScreenSlot>
        </DepthContext.Provider>
      ))}
    </>
  );
}

function ScreenSlot({ visible, children }: { visible: boolean; children: React.ReactNode }): React.JSX.Element {
  return (
    // flexShrink 0: a screen taller than the terminal is clipped at the bottom, never squeezed into overlapping lines.
    <Box display={visible ? 'flex' : 'none'} flexDirection="column" flexGrow={1} flexShrink={0}>
      {children}
    </Box>
  );
}
