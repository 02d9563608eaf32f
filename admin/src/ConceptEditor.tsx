// The concept screen's editing tab: the full editor lives in ./concept/ (one file per job).
export { ConceptEditor } from './concept/ConceptEditor.js';
