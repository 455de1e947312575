-- Schema 4: a suggested claim may name its channel (aldus X op Twitter), as it names its
-- source and cue. Suggestions stored before have none; `suggest --project --again` adds them.

ALTER TABLE suggestion ADD COLUMN channel_ref INTEGER REFERENCES suggestion(id) ON DELETE SET NULL;
