-- The annotator project file, current schema. Code and tests both read this file.
-- A new project runs it as is; an older project is brought here by store/migrations/*.sql.
-- Offsets (start, end) are Python string indices (code points) into article.text, end exclusive.

CREATE TABLE project (
    key   TEXT PRIMARY KEY,          -- 'id' (uuid of this file), 'created', 'language', 'app'
    value TEXT NOT NULL
);

CREATE TABLE codebook (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL               -- JSON of annotator.core.codebook.Codebook
);

CREATE TABLE article (
    id           INTEGER PRIMARY KEY,
    ext_id       TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL DEFAULT '',
    outlet       TEXT NOT NULL DEFAULT '',
    date         TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,      -- never changes after import
    sha256       TEXT NOT NULL,
    text_length  INTEGER NOT NULL,
    source_file  TEXT NOT NULL DEFAULT '',
    metadata     TEXT NOT NULL DEFAULT '{}',
    duplicate_of INTEGER REFERENCES article(id),  -- same text under another outlet (wire copy)
    require_blind INTEGER NOT NULL DEFAULT 0,      -- reliability sample: suggestions hidden
    imported_at  TEXT NOT NULL
);
CREATE INDEX article_sha256 ON article(sha256);

-- Trigger keeps the promise that a stored text never changes.
CREATE TRIGGER article_text_frozen BEFORE UPDATE OF text, sha256 ON article
BEGIN
    SELECT RAISE(ABORT, 'article text is read-only');
END;

CREATE TABLE coder (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    origin_file_id TEXT,             -- project id of the coder's own file, once merged
    created_at     TEXT NOT NULL
);

-- The suggestion layer: the pipeline's output, once per article, never a coder's work.
CREATE TABLE suggestion_run (
    article_id       INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
    pipeline_version TEXT NOT NULL,
    language         TEXT NOT NULL,
    created_at       TEXT NOT NULL
);

CREATE TABLE suggestion (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES suggestion_run(article_id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('source', 'cue', 'claim')),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL CHECK (end >= start),
    type        TEXT,                -- source type (source)
    attribution TEXT,                -- claim
    certainty   TEXT,                -- claim
    source_ref  INTEGER REFERENCES suggestion(id) ON DELETE SET NULL,
    cue_ref     INTEGER REFERENCES suggestion(id) ON DELETE SET NULL,
    rule        TEXT NOT NULL DEFAULT '',  -- the suggester's rule that made it (schema 3)
    channel_ref INTEGER REFERENCES suggestion(id) ON DELETE SET NULL  -- claim (schema 4)
);
CREATE INDEX suggestion_article ON suggestion(article_id, kind);

-- A coder's decision on a suggestion, keyed by span so it survives re-running the pipeline.
CREATE TABLE suggestion_decision (
    coder_id   INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    decision   TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    decided_at TEXT NOT NULL,
    PRIMARY KEY (coder_id, article_id, kind, start, end)
);

-- A coder's own annotations. origin: accepted (as suggested), edited, manual.
CREATE TABLE source_mention (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    article_id    INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    coder_id      INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL CHECK (end > start),
    type          TEXT,
    canonical     TEXT,              -- shared name of all mentions of one source in the article
    origin        TEXT NOT NULL CHECK (origin IN ('accepted', 'edited', 'manual')),
    suggestion_id INTEGER,           -- suggestion.id it came from (not a foreign key: runs are redone)
    created       TEXT NOT NULL,
    modified      TEXT NOT NULL
);
CREATE INDEX source_mention_owner ON source_mention(article_id, coder_id);

CREATE TABLE cue (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    article_id    INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    coder_id      INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL CHECK (end > start),
    origin        TEXT NOT NULL CHECK (origin IN ('accepted', 'edited', 'manual')),
    suggestion_id INTEGER,
    created       TEXT NOT NULL,
    modified      TEXT NOT NULL
);
CREATE INDEX cue_owner ON cue(article_id, coder_id);

CREATE TABLE claim (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    article_id    INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    coder_id      INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL CHECK (end > start),
    source_id     INTEGER REFERENCES source_mention(id) ON DELETE SET NULL,
    channel_id    INTEGER REFERENCES source_mention(id) ON DELETE SET NULL,
    cue_id        INTEGER REFERENCES cue(id) ON DELETE SET NULL,
    note          TEXT NOT NULL DEFAULT '',
    origin        TEXT NOT NULL CHECK (origin IN ('accepted', 'edited', 'manual')),
    suggestion_id INTEGER,
    created       TEXT NOT NULL,
    modified      TEXT NOT NULL
);
CREATE INDEX claim_owner ON claim(article_id, coder_id);

-- One value per claim-level variable of the codebook (attribution, certainty, ...).
CREATE TABLE claim_value (
    claim_id INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    variable TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (claim_id, variable)
);

CREATE TABLE article_value (
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    coder_id   INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    variable   TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (article_id, coder_id, variable)
);

CREATE TABLE article_status (
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    coder_id   INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
    note       TEXT NOT NULL DEFAULT '',
    modified   TEXT NOT NULL,
    PRIMARY KEY (article_id, coder_id)
);

-- Who codes which article (annotator assign).
CREATE TABLE assignment (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    coder_id    INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    reliability INTEGER NOT NULL DEFAULT 0,   -- in the sample every coder codes
    PRIMARY KEY (article_id, coder_id)
);

-- Coder files merged into this project (annotator merge).
CREATE TABLE merge_log (
    id             INTEGER PRIMARY KEY,
    origin_file_id TEXT NOT NULL,             -- project id of the coder's file
    coder_name     TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,             -- of the coder's work as merged
    source_path    TEXT NOT NULL DEFAULT '',
    merged_at      TEXT NOT NULL
);
CREATE INDEX merge_log_coder ON merge_log(coder_name, id);
