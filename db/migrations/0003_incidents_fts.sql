-- Full-text index over what an officer searches incidents by: narrative, place, perpetrator, category.
-- External content (no second copy of the narratives) keyed by the table's rowid; triggers keep it in
-- step. Nothing here runs VACUUM; if one is ever added, follow it with
-- INSERT INTO incidents_fts(incidents_fts) VALUES('rebuild'), because VACUUM may renumber rowids.
CREATE VIRTUAL TABLE incidents_fts USING fts5(
  narrative, place_name, admin_area, perpetrator_name, category,
  content='incidents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
  INSERT INTO incidents_fts(rowid, narrative, place_name, admin_area, perpetrator_name, category)
  VALUES (new.rowid, new.narrative, new.place_name, new.admin_area, new.perpetrator_name, new.category);
END;
--> statement-breakpoint
CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents BEGIN
  INSERT INTO incidents_fts(incidents_fts, rowid, narrative, place_name, admin_area, perpetrator_name, category)
  VALUES ('delete', old.rowid, old.narrative, old.place_name, old.admin_area, old.perpetrator_name, old.category);
END;
--> statement-breakpoint
CREATE TRIGGER incidents_fts_update AFTER UPDATE OF narrative, place_name, admin_area, perpetrator_name, category ON incidents BEGIN
  INSERT INTO incidents_fts(incidents_fts, rowid, narrative, place_name, admin_area, perpetrator_name, category)
  VALUES ('delete', old.rowid, old.narrative, old.place_name, old.admin_area, old.perpetrator_name, old.category);
  INSERT INTO incidents_fts(rowid, narrative, place_name, admin_area, perpetrator_name, category)
  VALUES (new.rowid, new.narrative, new.place_name, new.admin_area, new.perpetrator_name, new.category);
END;
