import { loadSts, type IamClients } from './client.js';
import { IamcertError } from '../errors.js';
import { describeAwsError } from './errors.js';
import type { Identity } from './identity-facts.js';

/**
 * Who calls will act as, so nobody deletes a certificate in the wrong account.
 * An emulator without STS still gets an identity: the endpoint, and a note saying so.
 */
export async function whoAmI(clients: IamClients, signal?: AbortSignal): Promise<Identity> {
  const base = { endpoint: clients.endpointLabel, profile: clients.profile, region: clients.region };
  try {
    const [sts, { GetCallerIdentityCommand }] = await Promise.all([clients.sts(), loadSts()]);
    const answer = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
    return { ...base, account: answer.Account, arn: answer.Arn, userId: answer.UserId };
  } catch (error) {
    const problem = describeAwsError(error, {
      action: 'GetCallerIdentity',
      endpoint: clients.endpointLabel,
      profile: clients.profile,
    });
    const credentialProblem = ['NO_CREDENTIALS', 'SSO_EXPIRED', 'CREDENTIALS_EXPIRED', 'CREDENTIALS_REJECTED'].includes(
      problem.code,
    );
    if (credentialProblem || clients.endpointLabel === 'AWS') throw new IamcertError(problem);
    return {
      ...base,
      note: `STS could not be asked at ${clients.endpointLabel} (${problem.message}); showing the endpoint instead of the account.`,
    };
  }
}
