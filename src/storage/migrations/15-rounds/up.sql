-- The fewest answers on a question before a round claims the group agrees (or not):
-- below it the interquartile range of one or two people says nothing about a group.
ALTER TABLE rounds ADD COLUMN min_answers INTEGER NOT NULL DEFAULT 3
    CHECK (min_answers BETWEEN 2 AND 100);
