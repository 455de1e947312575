-- Schema 3: each suggestion names the rule of the suggester that made it ("say why").

ALTER TABLE suggestion ADD COLUMN rule TEXT NOT NULL DEFAULT '';
