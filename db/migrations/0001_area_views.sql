-- Views drizzle-kit cannot express: an area's full path and the security phase in force on it (its own
-- latest declaration, else the nearest ancestor's). UUIDv7 ids are time-ordered, so max(id) is the latest.
CREATE VIEW area_paths AS
WITH RECURSIVE walk(area_id, ancestor_id, depth, path) AS (
  SELECT id, parent_id, 0, name FROM areas
  UNION ALL
  SELECT w.area_id, a.parent_id, w.depth + 1, a.name || ' › ' || w.path
  FROM walk w JOIN areas a ON a.id = w.ancestor_id
)
SELECT area_id, path FROM walk WHERE ancestor_id IS NULL;
--> statement-breakpoint
CREATE VIEW area_effective_phase AS
WITH RECURSIVE latest AS (
  SELECT pd.* FROM phase_declarations pd
  WHERE pd.id = (SELECT max(id) FROM phase_declarations WHERE area_id = pd.area_id)
),
chain(area_id, ancestor_id, depth) AS (
  SELECT id, id, 0 FROM areas
  UNION ALL
  SELECT c.area_id, a.parent_id, c.depth + 1
  FROM chain c JOIN areas a ON a.id = c.ancestor_id
  WHERE a.parent_id IS NOT NULL
),
ranked AS (
  SELECT c.area_id, c.depth, l.id AS declaration_id,
         row_number() OVER (PARTITION BY c.area_id ORDER BY c.depth) AS rn
  FROM chain c JOIN latest l ON l.area_id = c.ancestor_id
)
SELECT r.area_id, r.depth > 0 AS inherited, pd.id, pd.area_id AS declared_on, a.name AS declared_on_name,
       pd.scale, pd.level, pd.reason, pd.declared_at, pd.declared_by
FROM ranked r
JOIN phase_declarations pd ON pd.id = r.declaration_id
JOIN areas a ON a.id = pd.area_id
WHERE r.rn = 1;
