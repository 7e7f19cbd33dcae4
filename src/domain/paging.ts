/** Offset window for one page; `limit` is one more than asked, to tell whether a next page exists. */
export interface PageWindow {
  offset: number;
  limit: number;
}

/** A page of items for one parent, with the total across pages. */
export interface Page<T> {
  items: T[];
  totalCount: number;
}

/** Groups rows by parent id into pages, keeping every asked parent (empty when no rows). */
export function pagesByParent<T extends { parentId: number; total: number }>(
  parentIds: readonly number[],
  rows: T[],
): Map<number, Page<T>> {
  const pages = new Map<number, Page<T>>(parentIds.map((id) => [id, { items: [], totalCount: 0 }]));
  for (const row of rows) {
    const page = pages.get(Number(row.parentId));
    if (!page) continue;
    page.items.push(row);
    page.totalCount = Number(row.total);
  }
  return pages;
}
