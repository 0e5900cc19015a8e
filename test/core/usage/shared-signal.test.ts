import { describe, expect, it } from 'vitest';
import { scanConsumers } from '../../../src/core/usage/scan.js';
import { createServingClients } from '../../../src/core/usage/serving-clients.js';
import { motoEndpoint } from '../../helpers/iam.js';

describe('a scan with a signal (as every screen passes)', () => {
  it('sends many calls at once on the one signal without Node warning of a listener leak (the app would print it on exit)', async () => {
    const warnings: string[] = [];
    const collect = (warning: Error) => warnings.push(warning.name);
    process.on('warning', collect);
    try {
      const regions = [
        'us-east-1',
        'us-east-2',
        'us-west-1',
        'us-west-2',
        'eu-west-1',
        'eu-west-2',
        'eu-central-1',
        'ap-southeast-1',
        'ap-southeast-2',
        'ap-northeast-1',
        'sa-east-1',
        'ca-central-1',
      ];
      const scan = await scanConsumers(createServingClients({ endpointUrl: motoEndpoint(), maxAttempts: 1 }), {
        regions,
        signal: new AbortController().signal,
      });
      expect(scan.regions).toHaveLength(12);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', collect);
    }
  });
});
