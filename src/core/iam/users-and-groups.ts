import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  GetGroupCommand,
  GetUserCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListPoliciesCommand,
  ListUsersCommand,
  type GetGroupCommandOutput,
  type GetUserCommandOutput,
  type ListAttachedGroupPoliciesCommandOutput,
  type ListGroupsCommandOutput,
  type ListGroupsForUserCommandOutput,
  type ListPoliciesCommandOutput,
  type ListUsersCommandOutput,
} from '@aws-sdk/client-iam';
import { fail } from '../errors.js';
import { callIam, isNoSuchEntity } from './call.js';
import type { IamClients } from './client.js';
import { matchingPolicies, type ManagedPolicy } from './managed-policies.js';
import { allPages, truncatedMarker } from './pages.js';

export interface NamedEntity {
  name: string;
  arn: string;
  path: string;
  created?: string;
}

export function listUsers(clients: IamClients, signal?: AbortSignal): Promise<NamedEntity[]> {
  return allPages(async (marker) => {
    const page = await callIam<ListUsersCommandOutput>(
      clients,
      new ListUsersCommand({ Marker: marker, MaxItems: 1000 }),
      { signal },
    );
    return {
      items: (page.Users ?? []).map((user) => ({
        name: user.UserName ?? '',
        arn: user.Arn ?? '',
        path: user.Path ?? '/',
        created: user.CreateDate?.toISOString(),
      })),
      marker: truncatedMarker(page),
    };
  });
}

export function listGroups(clients: IamClients, signal?: AbortSignal): Promise<NamedEntity[]> {
  return allPages(async (marker) => {
    const page = await callIam<ListGroupsCommandOutput>(
      clients,
      new ListGroupsCommand({ Marker: marker, MaxItems: 1000 }),
      { signal },
    );
    return {
      items: (page.Groups ?? []).map((group) => ({
        name: group.GroupName ?? '',
        arn: group.Arn ?? '',
        path: group.Path ?? '/',
        created: group.CreateDate?.toISOString(),
      })),
      marker: truncatedMarker(page),
    };
  });
}

/** The entity, or undefined when IAM has no such thing; any other error is thrown. */
async function findOrUndefined<T>(lookup: () => Promise<T>): Promise<T | undefined> {
  try {
    return await lookup();
  } catch (error) {
    if (isNoSuchEntity(error)) return undefined;
    throw error;
  }
}

export async function findUser(
  clients: IamClients,
  name: string,
  signal?: AbortSignal,
): Promise<NamedEntity | undefined> {
  return findOrUndefined(async () => {
    const answer = await callIam<GetUserCommandOutput>(clients, new GetUserCommand({ UserName: name }), {
      signal,
      subject: `user "${name}"`,
    });
    return { name, arn: answer.User?.Arn ?? '', path: answer.User?.Path ?? '/' };
  });
}

export async function findGroup(
  clients: IamClients,
  name: string,
  signal?: AbortSignal,
): Promise<NamedEntity | undefined> {
  return findOrUndefined(async () => {
    const answer = await callIam<GetGroupCommandOutput>(
      clients,
      new GetGroupCommand({ GroupName: name, MaxItems: 1 }),
      { signal, subject: `group "${name}"` },
    );
    return { name, arn: answer.Group?.Arn ?? '', path: answer.Group?.Path ?? '/' };
  });
}

export async function createUser(clients: IamClients, name: string, signal?: AbortSignal): Promise<NamedEntity> {
  const answer = await callIam<{ User?: { Arn?: string; Path?: string } }>(
    clients,
    new CreateUserCommand({ UserName: name }),
    { signal, subject: `user "${name}"` },
  );
  return { name, arn: answer.User?.Arn ?? '', path: answer.User?.Path ?? '/' };
}

export async function createGroup(clients: IamClients, name: string, signal?: AbortSignal): Promise<NamedEntity> {
  const answer = await callIam<{ Group?: { Arn?: string; Path?: string } }>(
    clients,
    new CreateGroupCommand({ GroupName: name }),
    { signal, subject: `group "${name}"` },
  );
  return { name, arn: answer.Group?.Arn ?? '', path: answer.Group?.Path ?? '/' };
}

export async function groupsOfUser(clients: IamClients, userName: string, signal?: AbortSignal): Promise<string[]> {
  return allPages(async (marker) => {
    const page = await callIam<ListGroupsForUserCommandOutput>(
      clients,
      new ListGroupsForUserCommand({ UserName: userName, Marker: marker }),
      { signal, subject: `user "${userName}"` },
    );
    return { items: (page.Groups ?? []).map((group) => group.GroupName ?? ''), marker: truncatedMarker(page) };
  });
}

export async function addUserToGroup(
  clients: IamClients,
  userName: string,
  groupName: string,
  signal?: AbortSignal,
): Promise<void> {
  await callIam(clients, new AddUserToGroupCommand({ UserName: userName, GroupName: groupName }), {
    signal,
    subject: `group "${groupName}"`,
  });
}

/** Every AWS-managed policy, by name. */
export async function listManagedPolicies(clients: IamClients, signal?: AbortSignal): Promise<ManagedPolicy[]> {
  const policies = await allPages(async (marker) => {
    const page = await callIam<ListPoliciesCommandOutput>(
      clients,
      new ListPoliciesCommand({ Scope: 'AWS', Marker: marker, MaxItems: 1000 }),
      { signal },
    );
    return {
      items: (page.Policies ?? []).map((policy) => ({ name: policy.PolicyName ?? '', arn: policy.Arn ?? '' })),
      marker: truncatedMarker(page),
    };
  });
  return policies.sort((a, b) => a.name.localeCompare(b.name));
}

/** Policy ARNs as given, or the ARNs of the AWS-managed policies with exactly these names, from one listing for all. */
export async function resolvePolicyArns(
  clients: IamClients,
  namesOrArns: string[],
  signal?: AbortSignal,
): Promise<string[]> {
  const isArn = (nameOrArn: string) => nameOrArn.startsWith('arn:');
  const managed = namesOrArns.every(isArn) ? [] : await listManagedPolicies(clients, signal);
  return namesOrArns.map((nameOrArn) => {
    if (isArn(nameOrArn)) return nameOrArn;
    const exact = managed.find((policy) => policy.name === nameOrArn);
    if (!exact) {
      const close = matchingPolicies(managed, nameOrArn)
        .slice(0, 3)
        .map((policy) => policy.name);
      fail(
        'NO_SUCH_POLICY',
        `There is no AWS-managed policy named "${nameOrArn}".`,
        close.length > 0
          ? `Did you mean ${close.join(', ')}?`
          : 'Give the policy ARN, or check the name in the IAM console.',
      );
    }
    return exact.arn;
  });
}

export async function attachedGroupPolicies(
  clients: IamClients,
  groupName: string,
  signal?: AbortSignal,
): Promise<string[]> {
  return allPages(async (marker) => {
    const page = await callIam<ListAttachedGroupPoliciesCommandOutput>(
      clients,
      new ListAttachedGroupPoliciesCommand({ GroupName: groupName, Marker: marker }),
      { signal, subject: `group "${groupName}"` },
    );
    return {
      items: (page.AttachedPolicies ?? []).map((policy) => policy.PolicyArn ?? ''),
      marker: truncatedMarker(page),
    };
  });
}

export async function attachGroupPolicy(
  clients: IamClients,
  groupName: string,
  policyArn: string,
  signal?: AbortSignal,
): Promise<void> {
  await callIam(clients, new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: policyArn }), {
    signal,
    subject: `group "${groupName}"`,
  });
}
