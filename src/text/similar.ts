// How alike two words are, for "did you mean …?" hints and for telling a typo from a wrong answer.

/** Levenshtein distance: insertions, deletions and substitutions, each costing one. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The candidate closest to `name` ignoring case, if within `maxDistance` edits (by default a third of
 * the name, at least one): close enough to be a likely typo.
 */
export function nearestName(name: string, candidates: Iterable<string>, maxDistance = Math.max(1, Math.floor(name.length / 3))): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of new Set(candidates)) {
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) (best = candidate), (bestDistance = d);
  }
  return best;
}

/**
 * The key (of a configuration, of front matter) that `name` was probably meant to be: as nearestName,
 * but two letters swapped ("titel", "tilte") count as the two edits they are, so a name longer than
 * three letters may be two edits off.
 */
export function nearestKey(name: string, candidates: Iterable<string>): string | undefined {
  return nearestName(name, candidates, name.length > 3 ? Math.max(2, Math.floor(name.length / 3)) : 1);
}
