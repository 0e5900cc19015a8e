import React, { createContext, useContext, useMemo, useState } from 'react';
import { Box } from 'ink';
import { KeyScope } from './keys/focus.js';

/** A screen and what it opens with; the union of them all is the app's (src/screens/routes.ts). */
export interface AnyRoute {
  screen: string;
}

export interface Navigation<Route extends AnyRoute = AnyRoute> {
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

/** The navigation of the stack above; `Route` is the app's union of screens, which the kit does not know. */
export function useNavigation<Route extends AnyRoute = AnyRoute>(): Navigation<Route> {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation outside NavigationProvider');
  return navigation as unknown as Navigation<Route>;
}

/** True for the screen on top of the stack (it reloads what it shows when it becomes so again). */
export function useIsTopScreen(): boolean {
  const depth = useContext(DepthContext);
  return useNavigation().stack.length - 1 === depth;
}

export function NavigationProvider<Route extends AnyRoute>({
  initial,
  home,
  onQuit,
  children,
}: {
  initial: Route;
  /** Where Esc goes from a screen opened first (a test, a deep link). */
  home: Route;
  onQuit: () => void;
  children: (stack: Route[]) => React.ReactNode;
}): React.JSX.Element {
  const [stack, setStack] = useState<Route[]>([initial]);
  const navigation = useMemo<Navigation<Route>>(
    () => ({
      stack,
      push: (route) => setStack((current) => [...current, route]),
      // Esc always goes somewhere: from a screen opened first (a test, a future deep link), it goes home.
      pop: () =>
        setStack((current) =>
          current.length > 1 ? current.slice(0, -1) : current[0]?.screen === home.screen ? current : [home],
        ),
      popWith: (update) =>
        setStack((current) =>
          current.length > 1 ? [...current.slice(0, -2), update(current[current.length - 2]!)] : current,
        ),
      reset: (route) => setStack([route]),
      quit: onQuit,
    }),
    [stack, home, onQuit],
  );
  return <NavigationContext.Provider value={navigation}>{children(stack)}</NavigationContext.Provider>;
}

/** Renders every screen of the stack, hiding all but the top one, so going back keeps a screen's state. */
export function ScreenStack<Route extends AnyRoute>({
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
