-- Activities that are still suggestions (timeline projector): their entries are staff-only until a suggestion is
-- accepted, so a client never reads what the firm has not proposed to them yet.
CREATE TABLE timeline_suggestion (
    activity_id UUID NOT NULL PRIMARY KEY
);
