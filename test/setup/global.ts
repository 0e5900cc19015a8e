import type { TestProject } from 'vitest/node';
import { cachedFixtures } from './fixtures-cache.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fixturesDir: string;
  }
}

/** Every tier reads the openssl-made fixtures; they are made once and cached by content (see fixtures-cache.ts). */
export default function setup(project: TestProject): void {
  project.provide('fixturesDir', cachedFixtures());
}
