// Cells of a list row as the user typed them.

/** Cells trimmed, trailing empty cells dropped. */
export function trimCells(cells: string[]): string[] {
  const out = cells.map((c) => (c ?? '').trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
