import { createContext, useContext } from 'react';
import type { Issue } from '../api.js';
import type { Draft, DraftPath } from './draft.js';
import type { LoadedField } from './fromLoaded.js';

/** What every field of the editor reads and writes, given once by the editor. */
export interface EditorState {
  draft: Draft;
  /** Sets the value at `path` of the draft. */
  set: (path: DraftPath, value: unknown) => void;
  /** The loaded translation field at a text's path (`details.0.text`), if the API gave one. */
  field: (path: string) => LoadedField | undefined;
  /** The problems (the API's or zod's, paths under `patch`) found at exactly `path`. */
  issues: (path: DraftPath) => string[];
  /** True when the signed-in role may not change this concept (controls disabled). */
  readOnly: boolean;
}

const EditorContext = createContext<EditorState | null>(null);

/** Provides the editor's state to its fields. */
export const EditorProvider = EditorContext.Provider;

/** The editor's state (only inside the concept editor). */
export function useEditor(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error('useEditor outside the concept editor');
  return state;
}

/** The messages of the issues that name exactly `path` under the patch (`['patch', ...path]`). */
export function issuesAt(issues: Issue[], path: DraftPath): string[] {
  const wanted = JSON.stringify(['patch', ...path]);
  return issues.filter((issue) => JSON.stringify(issue.path) === wanted).map((i) => i.message);
}

/** A DOM id for a draft path (`details-0-text-en`). */
export function idOf(path: DraftPath): string {
  return path.join('-');
}
