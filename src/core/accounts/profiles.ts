import { booleanSelector, loadConfig, loadSharedConfigFiles, SelectorType } from '@smithy/core/config';
import type { ConnectionOptions } from '../iam/client.js';

/**
 * Every profile named in the AWS config and credentials files (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE),
 * read by the SDK's own loader. `[sso-session x]` and `[services x]` sections are not profiles; the profiles
 * that use them are.
 */
export async function configuredProfiles(): Promise<string[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = [...Object.keys(configFile), ...Object.keys(credentialsFile)].filter(
    (name) => !/^(sso-session|services)\./.test(name),
  );
  return [...new Set(names)].sort();
}

/** "--profile a,b" names several; spaces around commas and empty parts are left out. */
export function profileList(flag: string | undefined): string[] {
  return (flag ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** What a named profile sets that iamcert must pass on itself: the SDK reads both only for the AWS_PROFILE profile. */
export interface ProfileSettings {
  endpointUrl?: string;
  region?: string;
}

/**
 * A profile's `endpoint_url` and `region`, read with the SDK's own config loader. The SDK looks the endpoint up only
 * for the profile in AWS_PROFILE, not for one given to a client, so a profile chosen by name would otherwise go to
 * AWS. AWS_ENDPOINT_URL and AWS_REGION, which the SDK puts before the config files, still win.
 */
export async function profileSettings(profile: string | undefined): Promise<ProfileSettings> {
  if (!profile) return {};
  const read = (key: 'endpoint_url' | 'region') =>
    loadConfig<string | undefined>(
      {
        environmentVariableSelector: () => undefined,
        configFileSelector: (section) =>
          key === 'endpoint_url' && booleanSelector(section, 'ignore_configured_endpoint_urls', SelectorType.CONFIG)
            ? undefined
            : section[key],
        default: undefined,
      },
      { profile, ignoreCache: true },
    )();
  const [endpointUrl, region] = await Promise.all([
    process.env.AWS_ENDPOINT_URL ? undefined : read('endpoint_url'),
    (process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION) ? undefined : read('region'),
  ]);
  return { ...(endpointUrl ? { endpointUrl } : {}), ...(region ? { region } : {}) };
}

/** The options with their profile's endpoint and region wherever the options themselves give none. */
export async function withProfileSettings(options: ConnectionOptions): Promise<ConnectionOptions> {
  const fromProfile = await profileSettings(options.profile);
  return {
    ...options,
    region: options.region ?? fromProfile.region,
    endpointUrl: options.endpointUrl ?? fromProfile.endpointUrl,
  };
}
