-- The lexical index as the Node index stores it (src/index/lexical-index.ts): each chunk's stems with their
-- frequency, and its number of stems, so that D1 computes the same BM25+ score in SQL. Replaces the FTS5 table.
DROP TABLE IF EXISTS chunks_fts;
ALTER TABLE chunks ADD COLUMN terms INTEGER NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS postings (
  stem TEXT NOT NULL,
  chunk_rowid INTEGER NOT NULL,
  tf INTEGER NOT NULL,
  PRIMARY KEY (stem, chunk_rowid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS postings_chunk ON postings(chunk_rowid);
