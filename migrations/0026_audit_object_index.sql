-- An idea's public timeline says when a moderator approved it, which only the audit log
-- knows; the staff pages read an object's entries too. Without this index each such read
-- walked the whole log.
CREATE INDEX audit_events_object ON audit_events (object_type, object_id, action);
