// Ranking of the wall's colours. The server decides a reading's own colour against the patient's targets
// (dashboard Clinical/ReadingClassifier.cs, DESIGN.md §6); an alert engine alert naming the reading may raise it.

const RANK = { unknown: 0, normal: 0, low: 1, "above-target": 1, warning: 1, urgent: 2, critical: 3 };

/** The stronger of two severities; on a tie the first (the reading's own, more specific) wins. */
export function strongest(a, b) {
  return (RANK[a] ?? 0) >= (RANK[b] ?? 0) ? a : b;
}

/** Legend order on the wall. */
export const LEGEND = ["urgent", "above-target", "low", "normal"];
