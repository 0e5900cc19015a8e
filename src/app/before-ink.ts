/**
 * Ink reads CI and CONTINUOUS_INTEGRATION once, when it is first imported, and if either is set it
 * draws nothing until the app exits. The full-screen app only runs on a terminal a person types in,
 * so those flags must not reach Ink: call this before Ink is imported.
 */
export function keepInkLiveUnderCi(env: NodeJS.ProcessEnv = process.env): void {
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
}

/**
 * Yoga, Ink's layout engine, loads its embedded WebAssembly through the global fetch when there is
 * one, and that first fetch loads undici: a sixth of the time to the first frame. Without fetch it
 * decodes the same bytes directly. fetch is put back as soon as the modules are loaded.
 */
export async function loadWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!fetch?.configurable) return load();
  Reflect.deleteProperty(globalThis, 'fetch');
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
