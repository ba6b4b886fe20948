/** The sample workspace is opt-in per launch, so a real data folder is never seeded by accident. */
export function isDemoRequested(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return env.SWITCHBOARD_DEMO === '1' || argv.includes('--demo');
}
