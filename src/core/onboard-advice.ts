/** AWS's advice today, said where it applies: before a person gets an IAM user, and when a long-term key is made. */
export const IDENTITY_CENTER_NOTE =
  'For a person, AWS advises IAM Identity Center (short-lived credentials) over an IAM user; an IAM user with a long-term key is for a workload.';

export const KEY_ROTATION_ADVICE = 'Rotate this access key every 90 days (CIS; AWS Config access-keys-rotated).';

/** How to watch for keys due, headless and in CI. */
export const KEY_WATCH_COMMAND = 'iamcert expiring --max-key-age 90';
