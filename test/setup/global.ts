import type { TestProject } from 'vitest/node';
import { makeFixtures } from '../helpers/fixtures.js';
import { startMoto } from '../helpers/moto.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fixturesDir: string;
    motoEndpoint: string;
  }
}

/** Fixtures are made once per run by openssl; one moto_server serves every IAM test. Both go away afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fixtures = makeFixtures();
  const moto = await startMoto();
  project.provide('fixturesDir', fixtures.dir);
  project.provide('motoEndpoint', moto.endpoint);
  return async () => {
    await moto.stop();
    fixtures.cleanup();
  };
}
