import React, { useEffect, useState } from 'react';
import { HomeScreen } from '../screens/home/HomeScreen.js';
import type { Route } from '../screens/routes.js';
import { useHoldKeys } from '../ui/keys/focus.js';
import { Spinner } from '../widgets/Spinner.js';

type Screens = typeof import('./screens.js');
let read: Screens | undefined;
let loading: Promise<Screens> | undefined;

/**
 * Every screen but Home, read once: the first frame draws Home without waiting for them, and they are read as soon as
 * it is drawn (start.tsx), well before a person can choose one.
 */
export function loadScreens(): Promise<Screens> {
  loading ??= import('./screens.js').then((loaded) => (read = loaded));
  return loading;
}

/** A screen, drawn at once when the screens are read (always, but in the first moments); keys typed meanwhile wait. */
function Loaded({ route }: { route: Exclude<Route, { screen: 'home' }> }): React.JSX.Element {
  const [ready, setReady] = useState<Screens | undefined>(read);
  const [failed, setFailed] = useState<unknown>();
  useHoldKeys(ready === undefined);
  useEffect(() => {
    if (!ready) loadScreens().then(setReady, setFailed);
  }, [ready]);
  // A chunk that cannot be read (an install cut short) is a crash: the boundary says so and restores the terminal.
  if (failed !== undefined) throw failed;
  return ready ? <>{screenFor(ready, route)}</> : <Spinner label="Opening…" />;
}

export const TITLES: Record<Route['screen'], string> = {
  home: 'home',
  create: 'create key & certificate',
  inspect: 'inspect & convert',
  servers: 'server certificates',
  'server-details': 'server certificate',
  'acm-details': 'ACM certificate',
  radar: 'expiry radar',
  'acm-import': 'import into ACM',
  'server-upload': 'upload server certificate',
  rotate: 'rotate server certificate',
  signing: 'signing certificates: pick a user',
  'signing-user': 'signing certificates',
  onboard: 'onboard a new IAM user',
};

export function renderRoute(route: Route): React.ReactNode {
  return route.screen === 'home' ? <HomeScreen /> : <Loaded route={route} />;
}

function screenFor(screens: Screens, route: Exclude<Route, { screen: 'home' }>): React.ReactNode {
  switch (route.screen) {
    case 'create':
      return <screens.CreateScreen purpose={route.purpose} />;
    case 'inspect':
      return <screens.InspectScreen initialPath={route.path} />;
    case 'servers':
      return <screens.InventoryScreen select={route.select} />;
    case 'server-details':
      return <screens.ServerDetailsScreen name={route.name} />;
    case 'acm-import':
      return <screens.AcmImportScreen prefill={route} />;
    case 'radar':
      return <screens.RadarScreen />;
    case 'acm-details':
      return <screens.AcmDetailsScreen arn={route.arn} />;
    case 'server-upload':
      return <screens.ServerUploadScreen prefill={route} />;
    case 'rotate':
      return <screens.RotateScreen name={route.name} />;
    case 'signing':
      return <screens.SigningUsersScreen uploadPath={route.uploadPath} />;
    case 'signing-user':
      return <screens.SigningScreen user={route.user} uploadPath={route.uploadPath} />;
    case 'onboard':
      return <screens.OnboardScreen />;
  }
}
