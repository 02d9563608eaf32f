// Writes clients/typescript/persisted-documents.json from the built client (run by
// `npm run build:client` after tsc): SHA-256 → document, exactly as the client sends them.
import { writeFileSync } from 'node:fs';
import { URL } from 'node:url';
import { persistedDocuments } from '../dist/persistedManifest.js';

const manifest = await persistedDocuments();
const target = new URL('../persisted-documents.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`persisted-documents.json: ${Object.keys(manifest).length} documents`);
