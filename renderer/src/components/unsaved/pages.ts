// A page is a section and, on a details page, the object it shows: `#/compose/web/files` is on `#/compose/web`.
// Its tabs are views of one page (drafts survive switching them); anything else is leaving it.

export function pageOf(hash: string): string {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p.length > 0);
  return `#/${parts.slice(0, 2).join('/')}`;
}

/** Whether going to `target` (a hash such as `#/images`) leaves `page`. */
export const leavesPage = (page: string, target: string): boolean => pageOf(target) !== page;
