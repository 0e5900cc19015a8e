import { datedItems } from './due.js';
import type { Holdings } from './holdings.js';
import type { AccountFailure } from '../accounts/accounts.js';

/** A label value: backslash, double quote and line feed escaped, as the text format asks. */
function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labels(pairs: Record<string, string | undefined>): string {
  return `{${Object.entries(pairs)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => `${name}="${label(value)}"`)
    .join(',')}}`;
}

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

interface Metric {
  name: string;
  help: string;
  samples: string[];
}

/**
 * A node-exporter textfile: absolute timestamps (seconds since the epoch), as Prometheus convention asks, so an
 * alert is `iamcert_certificate_not_after_timestamp_seconds - time() < 30 * 86400`.
 */
export function prometheusTextfile(holdings: Holdings[], failures: AccountFailure[], options: { now: Date }): string {
  const metrics: Metric[] = [
    { name: 'iamcert_certificate_not_after_timestamp_seconds', help: 'When the certificate expires.', samples: [] },
    {
      name: 'iamcert_access_key_created_timestamp_seconds',
      help: 'When the access key was made or last rotated.',
      samples: [],
    },
    {
      name: 'iamcert_access_key_last_used_timestamp_seconds',
      help: 'When the access key last signed a request.',
      samples: [],
    },
    { name: 'iamcert_account_read_success', help: '1 when everything in the account was read, else 0.', samples: [] },
    { name: 'iamcert_last_run_timestamp_seconds', help: 'When iamcert wrote this file.', samples: [] },
  ];
  const [notAfter, keyCreated, keyUsed, success, lastRun] = metrics as [Metric, Metric, Metric, Metric, Metric];
  for (const item of datedItems(holdings, options.now)) {
    const store = item.kind === 'signing-certificate' ? 'IAM-signing' : item.store;
    notAfter.samples.push(
      `${notAfter.name}${labels({ store, account: item.account, region: item.region ?? 'global', name: item.name, id: item.id })} ${seconds(item.date)}`,
    );
  }
  for (const held of holdings) {
    for (const user of held.users ?? []) {
      for (const key of user.accessKeys.filter((each) => each.active)) {
        const keyLabels = labels({ account: held.account, user: user.user, slot: String(key.slot) });
        if (key.lastRotated) keyCreated.samples.push(`${keyCreated.name}${keyLabels} ${seconds(key.lastRotated)}`);
        if (key.lastUsed) keyUsed.samples.push(`${keyUsed.name}${keyLabels} ${seconds(key.lastUsed)}`);
      }
    }
    success.samples.push(
      `${success.name}${labels({ account: held.account, profile: held.profile })} ${held.notes.length === 0 ? 1 : 0}`,
    );
  }
  for (const failure of failures) {
    success.samples.push(`${success.name}${labels({ account: failure.account ?? '', profile: failure.profile })} 0`);
  }
  lastRun.samples.push(`${lastRun.name} ${Math.floor(options.now.getTime() / 1000)}`);
  return metrics
    .map((metric) =>
      [`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} gauge`, ...metric.samples].join('\n'),
    )
    .join('\n')
    .concat('\n');
}
