import { useNavigation as useKitNavigation, type Navigation } from '../ui/navigation.js';

/** Every screen of the app and what it opens with: what one screen hands another, and what the : line opens. */
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

/** The screens that work offline: files in, files out. Every other one talks to AWS. */
const OFFLINE_SCREENS: ReadonlySet<Route['screen']> = new Set(['home', 'create', 'inspect']);

export function needsAws(route: Route): boolean {
  return !OFFLINE_SCREENS.has(route.screen);
}

/** The line Home and the `:` line both give for a screen that needs AWS while iamcert is offline. */
export const NEEDS_AWS = 'That task needs AWS credentials; the start screen says how to connect.';

/** The stack of screens, typed with the app's routes. */
export function useNavigation(): Navigation<Route> {
  return useKitNavigation<Route>();
}
