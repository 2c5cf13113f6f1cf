/**
 * The people below a viewer in the reporting lines, at any depth, as a subquery of ids: the SQL
 * side of StaffAccessService, shared by every list that a supervisor sees. `viewer` is the
 * placeholder of the viewer's id (e.g. `$1`). The depth cap only guards against a loop that the
 * staff service and its lock already prevent.
 */
export const belowViewer = (viewer: string): string => `(
  WITH RECURSIVE below(id, depth) AS (
    SELECT id, 1 FROM staff WHERE supervisor_id = ${viewer}
    UNION ALL
    SELECT x.id, b.depth + 1 FROM staff x JOIN below b ON x.supervisor_id = b.id WHERE b.depth < 1000)
  SELECT id FROM below)`;

/** Rows whose `column` is a person the viewer may see; a NULL viewer (admin, finance) sees everyone. */
export const visibleTo = (column: string, viewer: string): string =>
  `(${viewer}::uuid IS NULL OR ${column} = ${viewer} OR ${column} IN ${belowViewer(viewer)})`;

/**
 * The WHERE clause of a list of people's records: the viewer's scope on `column` (null: everyone),
 * then each condition whose value is given, `?` standing for its parameter.
 */
export function scopedWhere(column: string, scopeViewerId: string | null, conditions: [string, unknown][]): { condition: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (scopeViewerId !== null) {
    params.push(scopeViewerId);
    where.push(visibleTo(column, `$${params.length}`));
  }
  for (const [condition, value] of conditions) {
    if (value === undefined || value === null || value === '') continue;
    params.push(value);
    where.push(condition.replace('?', `$${params.length}`));
  }
  return { condition: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}
