-- The method bank lives in files (phases/methods/); its texts are indexed here at start so
-- one full-text search covers notes, sources and methods.
CREATE VIRTUAL TABLE methods_fts USING fts5 (
    slug UNINDEXED, lang UNINDEXED, name, body,
    tokenize = 'unicode61 remove_diacritics 0'
);
