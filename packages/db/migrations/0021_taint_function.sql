-- propagateTaint's walks in one call per commit (src/taint.ts says what it computes): for each
-- retraction among `retractions` (smallest first, byte order), the nodes downstream of its
-- starting points (`starts`, pairwise with `retractions`) along edges of `kinds`, skipping the
-- tainted ones, go into `tainted` and their `nodes.tainted_by`. Returns how many were added.
-- Each step's edge lookup is fenced with `offset 0` so it stays on `edges_dst`; the rows of a
-- walk are sorted before they go in, so it never reads rows its own statement inserts.
CREATE FUNCTION verity_taint_walks(retractions text[], starts text[], kinds text[])
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
  walked text;
  walk_added bigint;
  total bigint := 0;
BEGIN
  FOR walked IN
    SELECT DISTINCT r.id COLLATE "C" FROM unnest(retractions) AS r(id) ORDER BY 1
  LOOP
    WITH RECURSIVE down(node_id) AS (
      SELECT s.id FROM unnest(retractions, starts) AS s(retraction, id)
      WHERE s.retraction = walked
        AND NOT EXISTS (SELECT FROM tainted t WHERE t.node_id = s.id)
      UNION
      SELECT e.src FROM down d
      CROSS JOIN LATERAL (
        SELECT e.src FROM edges e
        WHERE e.dst = d.node_id AND e.kind = ANY(kinds)
        OFFSET 0
      ) e
      WHERE NOT EXISTS (SELECT FROM tainted t WHERE t.node_id = e.src)
    ),
    added AS (
      INSERT INTO tainted (node_id, retraction_id)
      SELECT node_id, walked FROM down
      ORDER BY node_id
      ON CONFLICT DO NOTHING
      RETURNING node_id
    ),
    marked AS (
      UPDATE nodes n SET tainted_by = walked, xact_id = pg_current_xact_id()
      FROM added a WHERE n.node_id = a.node_id
    )
    SELECT count(*) INTO walk_added FROM added;
    total := total + walk_added;
  END LOOP;
  RETURN total;
END
$$;
