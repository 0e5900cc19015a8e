import type { TestProject } from 'vitest/node';
import { makeFixtures } from '../helpers/fixtures.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fixturesDir: string;
  }
}

/** Fixtures are made once per run by openssl, and removed afterwards. */
export default function setup(project: TestProject): () => void {
  const fixtures = makeFixtures();
  project.provide('fixturesDir', fixtures.dir);
  return () => fixtures.cleanup();
}
