/**
 * Ink reads CI and CONTINUOUS_INTEGRATION once, when it is first imported, and if either is set it
 * draws nothing until the app exits. The full-screen app only runs on a terminal a person types in,
 * so those flags must not reach Ink: call this before Ink is imported.
 */
export function keepInkLiveUnderCi(env: NodeJS.ProcessEnv = process.env): void {
  for (const flag of ['CI', 'CONTINUOUS_INTEGRATION']) delete env[flag];
}
