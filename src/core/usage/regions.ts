import { DescribeRegionsCommand, type DescribeRegionsCommandOutput } from '@aws-sdk/client-ec2';
import { callService, type ServingClients } from './serving-clients.js';

/** The regions enabled for the account (opt-in regions not turned on are left out, as EC2 lists them). */
export async function enabledRegions(clients: ServingClients, signal?: AbortSignal): Promise<string[]> {
  const answer = await callService<DescribeRegionsCommandOutput>(
    await clients.ec2(),
    new DescribeRegionsCommand({ AllRegions: false }),
    { service: 'ec2', clients, signal },
  );
  return (answer.Regions ?? [])
    .map((region) => region.RegionName ?? '')
    .filter(Boolean)
    .sort();
}
