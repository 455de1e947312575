-- Schema 2: who codes which article (assign), and which coder files were merged (merge).

CREATE TABLE assignment (
    article_id  INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    coder_id    INTEGER NOT NULL REFERENCES coder(id) ON DELETE CASCADE,
    reliability INTEGER NOT NULL DEFAULT 0,   -- in the sample every coder codes
    PRIMARY KEY (article_id, coder_id)
);

CREATE TABLE merge_log (
    id             INTEGER PRIMARY KEY,
    origin_file_id TEXT NOT NULL,             -- project id of the coder's file
    coder_name     TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,             -- of the coder's work as merged
    source_path    TEXT NOT NULL DEFAULT '',
    merged_at      TEXT NOT NULL
);
CREATE INDEX merge_log_coder ON merge_log(coder_name, id);
