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
