// Runs before every test file: tests that import the function entry (src/index.ts) would
// otherwise write a request log line per request into the test output. Tests about logs
// install a capturing logger of their own; a test that sets LOG_LEVEL keeps its value.
process.env.LOG_LEVEL ??= 'silent';
