import { afterAll, beforeAll } from 'vitest';
import { startMoto, type Moto } from '../helpers/moto.js';

/**
 * A moto of its own for each test file of the integration and e2e tiers, on a free port: files run side by
 * side on every core, and no file sees another's certificates, users or load balancers.
 */
let moto: Moto | undefined;

beforeAll(async () => {
  moto = await startMoto();
  process.env.IAMCERT_TEST_MOTO_ENDPOINT = moto.endpoint;
});

afterAll(async () => {
  delete process.env.IAMCERT_TEST_MOTO_ENDPOINT;
  await moto?.stop();
});
