/**
 * Jest runs the TypeScript sources as native ESM through SWC
 * (needs NODE_OPTIONS=--experimental-vm-modules, set by `npm test`).
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
      },
    ],
  },
  // Sources import siblings as `./x.js` (NodeNext style); map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  setupFiles: ['<rootDir>/tests/setupEnv.ts'],
  // The browser suites serve the built console: built once, before every suite.
  globalSetup: '<rootDir>/tests/buildConsole.js',
  testTimeout: 30000,
};
