-- A demo database says so: which programme's demo it holds and the moment of that
-- programme it acts as (Unix seconds). At most one row; `serve` runs its clock from it.

CREATE TABLE demo (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    programme TEXT NOT NULL,
    acts_as INTEGER NOT NULL,
    loaded_at INTEGER NOT NULL
);
