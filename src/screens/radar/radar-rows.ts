import type { DueAction, DueItem } from '../../core/radar/due.js';
import { dueWords, itemTitle } from '../../core/radar/words.js';
import type { Route } from '../routes.js';
import type { ListShape } from '../../widgets/list/list-state.js';

/** What fixes a due item, in the app's words: the key and the screen, never a command-line flag. */
const APP_FIX: Record<DueAction, string> = {
  rotate: 'enter: rotate it',
  'delete-expired': 'enter: find it; delete it, or rotate it if still served',
  reimport: 'enter: details; a re-import renews it in place',
  'acm-renews': 'ACM renews it while its validation holds',
  'renew-signing': "enter: the user's signing certificates",
  'rotate-access-key': 'make a new key, switch to it, delete the old',
  'remove-access-key': 'deactivate it, then delete it once nothing breaks',
};

export function appFix(item: DueItem): string {
  return APP_FIX[item.action];
}

/** Where Enter takes a due item, when iamcert has a screen for its fix. */
export function fixRoute(item: DueItem): Route | undefined {
  switch (item.action) {
    case 'rotate':
      return { screen: 'rotate', name: item.name };
    case 'delete-expired':
      return { screen: 'servers', select: item.id };
    case 'reimport':
    case 'acm-renews':
      return { screen: 'acm-details', arn: item.id };
    case 'renew-signing':
      return { screen: 'signing-user', user: item.name };
    default:
      return undefined;
  }
}

/** What and where, short: "ACM us-east-1", "IAM server", "IAM signing", "IAM key 1". */
export function kindCell(item: DueItem): string {
  switch (item.kind) {
    case 'acm-certificate':
      return `ACM ${item.region ?? ''}`;
    case 'server-certificate':
      return 'IAM server';
    case 'signing-certificate':
      return 'IAM signing';
    case 'access-key':
      return `IAM ${item.id.replace('access ', '')}`;
  }
}

/** The NAME column: the certificate's name or domain, the user's name, and a signing certificate's ID start. */
export function nameCell(item: DueItem): string {
  return item.kind === 'signing-certificate' ? `${item.name} (${item.id.slice(0, 8)})` : item.name;
}

/** The radar as a list: most overdue first as the core orders it; filtered on everything a row shows. */
export const RADAR_SHAPE: ListShape<DueItem> = {
  key: (item) => `${item.kind}:${item.id}:${item.reason}`,
  text: (item) => `${dueWords(item)} ${itemTitle(item)} ${kindCell(item)} ${item.account} ${appFix(item)}`,
};
