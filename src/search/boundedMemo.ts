/**
 * `compute`, remembered per key, forgetting everything once `limit` keys are held: for the
 * search's per-word and per-character work, asked again and again for a vocabulary that is small
 * in practice, but that hostile or huge input must not grow without bound.
 */
export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const remembered = new Map<string, V>();
  return (key) => {
    let value = remembered.get(key);
    if (value === undefined) {
      if (remembered.size >= limit) remembered.clear();
      value = compute(key);
      remembered.set(key, value);
    }
    return value;
  };
}
