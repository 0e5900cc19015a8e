import { configuredProfiles } from '../accounts/profiles.js';
import { loadSts, type IamClients } from './client.js';
import { checkAnswer } from '../aws/answer-shape.js';
import { fail, IamcertError, CHECK_THE_WAY_TO_AWS } from '../errors.js';
import { describeAwsError } from './errors.js';
import type { Identity } from './identity-facts.js';

/**
 * Who calls will act as, so nobody deletes a certificate in the wrong account.
 * An emulator without STS still gets an identity: the endpoint, and a note saying so.
 */
export async function whoAmI(clients: IamClients, signal?: AbortSignal): Promise<Identity> {
  const base = {
    endpoint: clients.endpointLabel,
    profile: clients.profile,
    region: clients.region,
    // Keys in the environment come first in the SDK's chain: no profile is in play then.
    ...(!clients.profile && process.env.AWS_ACCESS_KEY_ID ? { fromEnvironment: true } : {}),
  };
  try {
    const [sts, { GetCallerIdentityCommand }] = await Promise.all([clients.sts(), loadSts()]);
    const answer = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
    checkAnswer('STS', 'GetCallerIdentity', answer, clients.endpointLabel);
    // The account names folders (the rotation records): twelve digits, or it is not an answer from AWS.
    if (!/^\d{12}$/.test(answer.Account ?? '')) {
      fail(
        'ANSWER_NOT_FROM_AWS',
        `STS named the account as "${answer.Account ?? ''}", which is not an AWS account number.`,
        CHECK_THE_WAY_TO_AWS,
      );
    }
    return { ...base, account: answer.Account, arn: answer.Arn, userId: answer.UserId };
  } catch (error) {
    const problem = describeAwsError(error, {
      action: 'GetCallerIdentity',
      endpoint: clients.endpointLabel,
      profile: clients.profile,
    });
    const credentialProblem = [
      'NO_CREDENTIALS',
      'PROFILE_NOT_FOUND',
      'SSO_LOGIN_REQUIRED',
      'CREDENTIALS_EXPIRED',
      'CREDENTIALS_REJECTED',
    ].includes(problem.code);
    if (problem.code === 'NO_CREDENTIALS' && clients.profile && !(await configuredProfiles()).includes(clients.profile))
      throw new IamcertError({
        code: 'PROFILE_NOT_FOUND',
        message: `No profile ${clients.profile} in the AWS config files.`,
        fix: 'Check the name (aws configure list-profiles lists them), or set it up with aws configure --profile NAME.',
      });
    if (credentialProblem || clients.endpointLabel === 'AWS') throw new IamcertError(problem);
    return {
      ...base,
      note: `STS could not be asked at ${clients.endpointLabel} (${problem.message}); showing the endpoint instead of the account.`,
    };
  }
}
