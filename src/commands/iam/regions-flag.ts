import { fail } from '../../core/errors.js';

/** --regions us-east-1,eu-west-1: checked before any call; undefined means every region enabled for the account. */
export function parseRegions(text: string | undefined, flag = '--regions'): string[] | undefined {
  if (text === undefined) return undefined;
  const regions = text.split(',').map((region) => region.trim());
  if (regions.length === 0 || regions.some((region) => !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)))
    fail(
      'REGIONS_INVALID',
      `${flag} "${text}" is not a list of regions.`,
      `Give region names separated by commas, e.g. ${flag} us-east-1,eu-west-1.`,
    );
  return regions;
}
