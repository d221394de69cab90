-- What of a piece of input may be published: the sender's name only if they allowed it,
-- and the moderators' edited version of the text (NULL: the text as sent). The text as
-- sent is kept unchanged for the moderators.
ALTER TABLE inputs ADD COLUMN name_public INTEGER NOT NULL DEFAULT 0 CHECK (name_public IN (0, 1));
ALTER TABLE inputs ADD COLUMN public_body TEXT CHECK (public_body IS NULL OR length(public_body) > 0);
