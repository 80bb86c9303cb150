-- Issue 10 (C1 / L4, ADR 0018): the registration number's 8-digit tail is a keyed permutation of registration_number_seq, so it is
-- «непоследовательный» (Rules p.3.15). The key is made here, once per database, from two random UUIDs (gen_random_uuid uses the
-- server's strong random source): 32 bytes that never leave the database and travel with its backups, so numbers stay unique
-- after a restore. The single-row constraint keeps a second key from ever appearing.
CREATE TABLE registration_number_key (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    key      bytea   NOT NULL CHECK (length(key) = 32)
);

INSERT INTO registration_number_key (key) VALUES (uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));
