-- corrob store, schema version 3: how many times each entity of the last
-- run is mentioned across the documents (shown by 'corrob entities').
ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
