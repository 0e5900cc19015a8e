import React from 'react';
import { HomeScreen } from '../screens/home/HomeScreen.js';
import type { Route } from '../screens/routes.js';
import { Loaded, moduleLoader } from './module-loader.js';

type Screens = typeof import('./screens.js');

/**
 * Every screen but Home, read once: the first frame draws Home without waiting for them, and they are read as soon as
 * it is drawn (start.tsx), well before a person can choose one.
 */
export const screens = moduleLoader<Screens>(() => import('./screens.js'));

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
  return route.screen === 'home' ? <HomeScreen /> : <Loaded loader={screens} draw={(read) => screenFor(read, route)} />;
}

function screenFor(read: Screens, route: Exclude<Route, { screen: 'home' }>): React.ReactNode {
  switch (route.screen) {
    case 'create':
      return <read.CreateScreen purpose={route.purpose} />;
    case 'inspect':
      return <read.InspectScreen initialPath={route.path} />;
    case 'servers':
      return <read.InventoryScreen select={route.select} />;
    case 'server-details':
      return <read.ServerDetailsScreen name={route.name} />;
    case 'acm-import':
      return <read.AcmImportScreen prefill={route} />;
    case 'radar':
      return <read.RadarScreen />;
    case 'acm-details':
      return <read.AcmDetailsScreen arn={route.arn} />;
    case 'server-upload':
      return <read.ServerUploadScreen prefill={route} />;
    case 'rotate':
      return <read.RotateScreen name={route.name} />;
    case 'signing':
      return <read.SigningUsersScreen uploadPath={route.uploadPath} />;
    case 'signing-user':
      return <read.SigningScreen user={route.user} uploadPath={route.uploadPath} />;
    case 'onboard':
      return <read.OnboardScreen />;
  }
}
