import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { Box, useApp, useInput } from 'ink';
import { toProblem } from '../core/errors.js';
import { Footer } from '../components/Footer.js';
import { Header } from '../components/Header.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { useTerminalSize } from '../components/use-terminal-size.js';
import { CreateScreen } from '../screens/create/CreateScreen.js';
import { HOME_KEYS, HomeScreen } from '../screens/home/HomeScreen.js';
import { InspectScreen } from '../screens/inspect/InspectScreen.js';
import { OnboardScreen } from '../screens/onboard/OnboardScreen.js';
import { InventoryScreen } from '../screens/server-certificates/InventoryScreen.js';
import { ServerDetailsScreen } from '../screens/server-certificates/ServerDetailsScreen.js';
import { ServerUploadScreen } from '../screens/server-certificates/ServerUploadScreen.js';
import { SigningScreen } from '../screens/signing/SigningScreen.js';
import { FrameProvider, type Frame, type Hint, type IdentityState } from './frame-context.js';
import { NavigationProvider, ScreenStack, type Route } from './navigation.js';
import type { Services } from './services.js';

const TITLES: Record<Route['screen'], string> = {
  home: 'home',
  create: 'create key & certificate',
  inspect: 'inspect & convert',
  servers: 'server certificates',
  'server-details': 'server certificate',
  'server-upload': 'upload server certificate',
  signing: 'signing certificates',
  onboard: 'onboard a new IAM user',
};

function renderRoute(route: Route): React.ReactNode {
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'create':
      return <CreateScreen purpose={route.purpose} />;
    case 'inspect':
      return <InspectScreen initialPath={route.path} />;
    case 'servers':
      return <InventoryScreen />;
    case 'server-details':
      return <ServerDetailsScreen name={route.name} />;
    case 'server-upload':
      return <ServerUploadScreen prefill={route} />;
    case 'signing':
      return <SigningScreen user={route.user} uploadPath={route.uploadPath} />;
    case 'onboard':
      return <OnboardScreen />;
  }
}

export interface AppProps {
  services: Services;
  /** Tests pin the size; the real app follows the terminal. */
  size?: { columns: number; rows: number };
  initialRoute?: Route;
}

/** A status line belongs to the screen that made it: going to another screen clears it. */
function ClearOnNavigate({ depth, clear }: { depth: number; clear: () => void }): null {
  useEffect(() => clear(), [depth, clear]);
  return null;
}

export function App({ services, size: fixedSize, initialRoute = { screen: 'home' } }: AppProps): React.JSX.Element {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(fixedSize);
  const [identity, setIdentity] = useState<IdentityState>({ state: 'loading' });
  const [hints, setHintsState] = useState<{ hints: Hint[]; help: string[] }>(() => (initialRoute.screen === 'home' ? HOME_KEYS : { hints: [], help: [] }));
  const [helpOpen, setHelpOpen] = useState(false);
  const [message, setMessage] = useState<string | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    services.whoAmI(controller.signal).then(
      (found) => setIdentity({ state: 'ready', identity: found }),
      (error: unknown) => !controller.signal.aborted && setIdentity({ state: 'offline', problem: toProblem(error) }),
    );
    return () => controller.abort();
  }, [services]);

  useEffect(() => {
    if (!message) return undefined;
    const timer = setTimeout(() => setMessage(undefined), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  // Ctrl-C quits from anywhere, whatever has focus.
  useInput((input, key) => {
    if (key.ctrl && input === 'c') exit();
  });

  const clearMessage = useCallback(() => setMessage(undefined), []);
  const setHints = useCallback((next: Hint[], help: string[] = []) => setHintsState({ hints: next, help }), []);
  const frame = useMemo<Frame>(
    () => ({ services, identity, columns, rows, setHints, helpOpen, setHelpOpen, flash: setMessage }),
    [services, identity, columns, rows, setHints, helpOpen],
  );

  return (
    <FrameProvider value={frame}>
      <NavigationProvider initial={initialRoute} onQuit={exit}>
        {(stack) => {
          const top = stack[stack.length - 1]!;
          return (
            <Box flexDirection="column" width={columns} height={rows}>
              <ClearOnNavigate depth={stack.length} clear={clearMessage} />
              <Header identity={identity} title={TITLES[top.screen]} columns={columns} />
              <Box flexDirection="column" flexGrow={1} overflow="hidden">
                {helpOpen ? <HelpOverlay title={TITLES[top.screen]} hints={hints.hints} help={hints.help} onClose={() => setHelpOpen(false)} /> : null}
                <Box display={helpOpen ? 'none' : 'flex'} flexDirection="column" flexGrow={1}>
                  <ScreenStack stack={stack} render={renderRoute} />
                </Box>
              </Box>
              <Footer hints={hints.hints} message={message} columns={columns} />
            </Box>
          );
        }}
      </NavigationProvider>
    </FrameProvider>
  );
}
