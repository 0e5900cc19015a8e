import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fixInApp } from '../core/errors.js';
import { Box, useApp, useStdout } from 'ink';
import { clipboardSequence } from '../ui/clipboard.js';
import { toProblem } from '../core/errors.js';
import { Footer } from '../ui/frame/Footer.js';
import { Header } from '../ui/frame/Header.js';
import { HelpOverlay, type HelpContent } from '../ui/frame/HelpOverlay.js';
import { FocusProvider, useShownKeys, type ShownKeys } from '../ui/keys/focus.js';
import { Palette } from './palette/Palette.js';
import type { PaletteOutcome } from './palette/commands.js';
import { useTerminalSize } from '../ui/use-terminal-size.js';
import { FrameProvider, type Frame, type IdentityState } from '../ui/frame-context.js';
import { NavigationProvider, ScreenStack } from '../ui/navigation.js';
import { useNavigation, type Route } from '../screens/routes.js';
import type { Services } from '../ui/services.js';
import { renderRoute, TITLES } from './routes.js';

/** What the app ends with after Ctrl-C, so the process exits 130 as after any interrupted command. */
export const INTERRUPTED = Symbol('interrupted');

export interface AppProps {
  services: Services;
  /** Tests pin the size; the real app follows the terminal. */
  size?: { columns: number; rows: number };
  initialRoute?: Route;
  /** Told the keys of what has focus whenever they change: the keymap as data, for tests. */
  onShownKeys?: (shown: ShownKeys) => void;
  /** `:profile NAME`: the services of another profile (another account), or a problem saying why not. */
  switchProfile?: (name: string) => Promise<Services>;
  /** How long to wait before asking STS again while offline or the account is unknown (tests shorten it). */
  identityRetryMs?: number;
}

type Overlay = { kind: 'none' } | { kind: 'help'; content: HelpContent } | { kind: 'palette' };

/** A status line belongs to the screen that made it: going to another screen clears it. */
function ClearOnNavigate({ depth, clear }: { depth: number; clear: () => void }): null {
  useEffect(() => clear(), [depth, clear]);
  return null;
}

/** While iamcert is offline or STS did not answer, it asks again this often: an endpoint started later is found. */
const IDENTITY_RETRY_MS = 15_000;

function useIdentity(services: Services, retryMs: number): IdentityState {
  const [identity, setIdentity] = useState<IdentityState>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const ask = () =>
      services.whoAmI(controller.signal).then(
        (found) => {
          if (controller.signal.aborted) return;
          setIdentity({ state: 'ready', identity: found });
          if (!found.account) timer = setTimeout(() => void ask(), retryMs).unref();
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setIdentity({ state: 'offline', problem: toProblem(error) });
          timer = setTimeout(() => void ask(), retryMs).unref();
        },
      );
    setIdentity({ state: 'loading' });
    void ask();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [services, retryMs]);
  return identity;
}

function useFlash(): [string | undefined, (message: string | undefined) => void] {
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    if (!message) return undefined;
    const timer = setTimeout(() => setMessage(undefined), 4000);
    return () => clearTimeout(timer);
  }, [message]);
  return [message, setMessage];
}

function Screens({
  services,
  columns,
  rows,
  identity,
  onProfile,
}: {
  services: Services;
  columns: number;
  rows: number;
  identity: IdentityState;
  onProfile(name: string): Promise<string>;
}): React.JSX.Element {
  const navigation = useNavigation();
  const shown = useShownKeys();
  const [overlay, setOverlay] = useState<Overlay>({ kind: 'none' });
  const [message, setMessage] = useFlash();
  const top = navigation.stack[navigation.stack.length - 1]!;
  // Read when ? is pressed: the help lists the keys of what had focus, not the help's own.
  const latest = useRef({ shown, title: TITLES[top.screen] });
  latest.current = { shown, title: TITLES[top.screen] };
  const openHelp = useCallback(
    () =>
      setOverlay({
        kind: 'help',
        content: { title: latest.current.title, rows: latest.current.shown.rows, help: latest.current.shown.help },
      }),
    [],
  );
  const openPalette = useCallback(() => setOverlay({ kind: 'palette' }), []);
  const close = useCallback(() => setOverlay({ kind: 'none' }), []);
  // What a move between screens should say on arrival (":profile prod" → "Now acting as profile prod."): the move
  // clears the old screen's line and shows this instead, so the two never race.
  const onArrival = useRef<string | undefined>(undefined);
  const clearMessage = useCallback(() => {
    setMessage(onArrival.current);
    onArrival.current = undefined;
  }, [setMessage]);
  // "No answer from Elastic Load Balancing in eu-west-1 … for 10 s": a wait is shown, never silent.
  useEffect(() => services.onWaiting?.((line) => setMessage(line)), [services, setMessage]);
  const { write } = useStdout();
  const copy = useCallback(
    (text: string, what: string) => {
      write(clipboardSequence(text));
      setMessage(`Copied ${what}`);
    },
    [write, setMessage],
  );
  const frame = useMemo<Frame>(
    () => ({ services, identity, columns, rows, openHelp, openPalette, flash: setMessage, copy }),
    [services, identity, columns, rows, openHelp, openPalette, setMessage, copy],
  );
  const onPalette = (outcome: Exclude<PaletteOutcome, { kind: 'unknown' }>) => {
    close();
    if (outcome.kind === 'quit') navigation.quit();
    else if (outcome.kind === 'profile')
      void onProfile(outcome.name).then((said) => {
        // Another account: every screen starts again from Home, on the new profile's services.
        if (!said.startsWith('Now')) return setMessage(said);
        // Leaving a deeper stack clears the line on arrival: the message waits for it there.
        if (navigation.stack.length > 1) onArrival.current = said;
        else setMessage(said);
        navigation.reset({ screen: 'home' });
      });
    else if (outcome.route.screen === 'home') navigation.reset(outcome.route);
    else {
      // As k9s: a view by name replaces the stack above Home, so Done never lands on an unrelated older screen.
      navigation.reset({ screen: 'home' });
      navigation.push(outcome.route);
    }
  };
  const covered = overlay.kind === 'help';
  return (
    <FrameProvider value={frame}>
      <Box flexDirection="column" width={columns} height={rows}>
        <ClearOnNavigate depth={navigation.stack.length} clear={clearMessage} />
        <Header identity={identity} title={TITLES[top.screen]} columns={columns} />
        <Box flexDirection="column" flexGrow={1} overflow="hidden">
          {overlay.kind === 'help' ? (
            <HelpOverlay content={overlay.content} columns={columns} rows={rows - 3} onClose={close} />
          ) : null}
          <Box display={covered ? 'none' : 'flex'} flexDirection="column" flexGrow={1}>
            <ScreenStack stack={navigation.stack} render={renderRoute} />
          </Box>
        </Box>
        {overlay.kind === 'palette' ? <Palette onOutcome={onPalette} onClose={close} /> : null}
        <Footer message={message} columns={columns} />
      </Box>
    </FrameProvider>
  );
}

const HOME: Route = { screen: 'home' };

export function App({
  services,
  size: fixedSize,
  initialRoute = HOME,
  onShownKeys,
  switchProfile,
  identityRetryMs = IDENTITY_RETRY_MS,
}: AppProps): React.JSX.Element {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize(fixedSize);
  const [active, setActive] = useState(services);
  const identity = useIdentity(active, identityRetryMs);
  const onProfile = useCallback(
    async (name: string): Promise<string> => {
      if (!switchProfile) return 'This app cannot change profile; start it again with AWS_PROFILE=NAME.';
      try {
        setActive(await switchProfile(name));
        return `Now acting as profile ${name}.`;
      } catch (error) {
        const problem = toProblem(error);
        return `${problem.message} ${fixInApp(problem)}`;
      }
    },
    [switchProfile],
  );
  return (
    <FocusProvider onQuit={exit} onInterrupt={() => exit(INTERRUPTED)} onShown={onShownKeys}>
      <NavigationProvider initial={initialRoute} home={HOME} onQuit={exit}>
        {() => <Screens services={active} columns={columns} rows={rows} identity={identity} onProfile={onProfile} />}
      </NavigationProvider>
    </FocusProvider>
  );
}
