-- Illustrations uploaded by the editorial team, stored under generated names.
CREATE TABLE images (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    mime        TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')),
    alt         TEXT NOT NULL CHECK (length(alt) > 0),
    bytes       BLOB NOT NULL,
    size        INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES users (id),
    created_at  INTEGER NOT NULL
);
