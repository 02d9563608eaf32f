import { lazy } from 'react';

// Every screen but the concept list (the first one after sign-in) is its own chunk, fetched when
// it is first opened: a phone signing in downloads the shell and the list, not the editor, the
// diff library, the ZIP reader and the zod schemas as well.

/** The concept screen (editor, publishing, relations, history tabs), loaded when first opened. */
export const ConceptScreen = lazy(() =>
  import('./ConceptScreen.js').then((m) => ({ default: m.ConceptScreen })),
);
/** The new-concept form, loaded when first opened. */
export const NewConcept = lazy(() =>
  import('./NewConcept.js').then((m) => ({ default: m.NewConcept })),
);
/** The import screen (and its ZIP reader), loaded when first opened. */
export const ImportScreen = lazy(() =>
  import('./import/ImportScreen.js').then((m) => ({ default: m.ImportScreen })),
);
/** The lesson list, loaded when first opened. */
export const LessonList = lazy(() =>
  import('./lessons/LessonList.js').then((m) => ({ default: m.LessonList })),
);
/** The lesson editor with its preview, loaded when first opened. */
export const LessonEditor = lazy(() =>
  import('./lessons/LessonEditor.js').then((m) => ({ default: m.LessonEditor })),
);
/** The translation queue, loaded when first opened. */
export const TranslationQueue = lazy(() =>
  import('./translations/TranslationQueue.js').then((m) => ({ default: m.TranslationQueue })),
);
/** The category list, loaded when first opened. */
export const CategoryList = lazy(() =>
  import('./catalog/CategoryList.js').then((m) => ({ default: m.CategoryList })),
);
/** The new-category form, loaded when first opened. */
export const NewCategory = lazy(() =>
  import('./catalog/NewCategory.js').then((m) => ({ default: m.NewCategory })),
);
/** A category's editor, loaded when first opened. */
export const CategoryScreen = lazy(() =>
  import('./catalog/CategoryScreen.js').then((m) => ({ default: m.CategoryScreen })),
);
/** The comparison list, loaded when first opened. */
export const ComparisonList = lazy(() =>
  import('./catalog/ComparisonList.js').then((m) => ({ default: m.ComparisonList })),
);
/** A comparison, read in both languages, loaded when first opened. */
export const ComparisonView = lazy(() =>
  import('./catalog/ComparisonView.js').then((m) => ({ default: m.ComparisonView })),
);
