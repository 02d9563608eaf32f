import type { Concept } from '../domain/concept.js';
import type { ContentIndex, Edge } from './contentIndex.js';
import type { Entry } from './entries.js';

/** Deepest `related` walk a client may ask for: each level multiplies the work. */
export const MAX_RELATED_DEPTH = 3;

/** One hop of a path: from a concept, along an edge, to the next concept. */
export interface PathHop {
  from: string;
  edge: Edge;
  to: string;
}

/**
 * Concepts reachable from `slug` within `depth` hops, following relations in either direction,
 * nearest first (then in edge order). The concept itself is not included.
 */
export function relatedConcepts(
  index: ContentIndex,
  slug: string,
  depth: number,
): Entry<Concept>[] {
  const seen = new Set([slug]);
  const found: Entry<Concept>[] = [];
  let frontier = [slug];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const current of frontier) {
      for (const edge of index.edgesOf(current)) {
        if (seen.has(edge.other)) continue;
        seen.add(edge.other);
        const concept = index.concept(edge.other);
        if (concept) found.push(concept);
        next.push(edge.other);
      }
    }
    frontier = next;
  }
  return found;
}

/**
 * The shortest chain of relations from one concept to another, following relations in either
 * direction (breadth-first, so ties resolve in edge order: deterministic). Returns [] when
 * `from === to` and null when no chain exists or either concept is unknown.
 */
export function shortestPath(index: ContentIndex, from: string, to: string): PathHop[] | null {
  if (!index.concept(from) || !index.concept(to)) return null;
  if (from === to) return [];
  const cameFrom = new Map<string, PathHop>();
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const current of frontier) {
      for (const edge of index.edgesOf(current)) {
        if (seen.has(edge.other)) continue;
        seen.add(edge.other);
        cameFrom.set(edge.other, { from: current, edge, to: edge.other });
        if (edge.other === to) return unwind(cameFrom, from, to);
        next.push(edge.other);
      }
    }
    frontier = next;
  }
  return null;
}

function unwind(cameFrom: ReadonlyMap<string, PathHop>, from: string, to: string): PathHop[] {
  const hops: PathHop[] = [];
  for (let at = to; at !== from;) {
    const hop = cameFrom.get(at)!;
    hops.push(hop);
    at = hop.from;
  }
  return hops.reverse();
}
