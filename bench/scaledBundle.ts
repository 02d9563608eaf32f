import type { ContentBundle } from '../src/domain/bundle.js';
import { scaleContent } from './generateContent.js';

/** The course with its concepts scaled `factor` times (categories kept, no relations or lessons). */
export function generateScaled(bundle: ContentBundle, factor: number): ContentBundle {
  return {
    ...bundle,
    concepts: scaleContent(bundle, factor),
    relations: [],
    comparisons: [],
    lessons: [],
  };
}
