import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files start first, so the two cores finish together instead of one waiting on a long file
 * started last. A fresh clone (CI) has no timings of earlier runs to go by; these are from bench/README.md.
 */
const HEAVIEST = [
  'test/e2e/flows.test.ts',
  'test/faults/iam-faults.test.ts',
  'test/commands/rotate.test.ts',
  'test/core/files/signal-during-write.test.ts',
  'test/fuzz/readers.test.ts',
  'test/corpus/real-world.test.ts',
  'test/e2e/rotate.test.ts',
];

const rank = (file: TestSpecification) => {
  const index = HEAVIEST.findIndex((path) => file.moduleId.endsWith(path));
  return index < 0 ? HEAVIEST.length : index;
};

export default class HeaviestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
