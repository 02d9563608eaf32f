// The part of Node's `process` the app reads, so it compiles without @types/node (one package
// fewer for the offline install).
declare const process: { env: Record<string, string | undefined> };
