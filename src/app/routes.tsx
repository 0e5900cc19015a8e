import React from 'react';
import { CreateScreen } from '../screens/create/CreateScreen.js';
import { HomeScreen } from '../screens/home/HomeScreen.js';
import { InspectScreen } from '../screens/inspect/InspectScreen.js';
import { OnboardScreen } from '../screens/onboard/OnboardScreen.js';
import { InventoryScreen } from '../screens/server-certificates/InventoryScreen.js';
import { AcmImportScreen } from '../screens/acm-import/AcmImportScreen.js';
import { RadarScreen } from '../screens/radar/RadarScreen.js';
import { AcmDetailsScreen } from '../screens/server-certificates/AcmDetailsScreen.js';
import { ServerDetailsScreen } from '../screens/server-certificates/ServerDetailsScreen.js';
import { RotateScreen } from '../screens/rotate/RotateScreen.js';
import { ServerUploadScreen } from '../screens/server-certificates/ServerUploadScreen.js';
import { SigningScreen } from '../screens/signing/SigningScreen.js';
import { SigningUsersScreen } from '../screens/signing/SigningUsersScreen.js';
import type { Route } from '../screens/routes.js';

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
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'create':
      return <CreateScreen purpose={route.purpose} />;
    case 'inspect':
      return <InspectScreen initialPath={route.path} />;
    case 'servers':
      return <InventoryScreen select={route.select} />;
    case 'server-details':
      return <ServerDetailsScreen name={route.name} />;
    case 'acm-import':
      return <AcmImportScreen prefill={route} />;
    case 'radar':
      return <RadarScreen />;
    case 'acm-details':
      return <AcmDetailsScreen arn={route.arn} />;
    case 'server-upload':
      return <ServerUploadScreen prefill={route} />;
    case 'rotate':
      return <RotateScreen name={route.name} />;
    case 'signing':
      return <SigningUsersScreen uploadPath={route.uploadPath} />;
    case 'signing-user':
      return <SigningScreen user={route.user} uploadPath={route.uploadPath} />;
    case 'onboard':
      return <OnboardScreen />;
  }
}
