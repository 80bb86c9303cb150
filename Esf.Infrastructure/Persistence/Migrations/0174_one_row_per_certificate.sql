-- Issue 17 item 3, ADR 0048: every invoice of an upload carries the upload's certificate (≈ 1.2 KB of Base64 that does not
-- compress), and an enterprise signs thousands of uploads with the same one. Each distinct certificate is now stored once, in
-- `certificates`, keyed by the SHA-256 of its text; an invoice keeps an 8-byte reference. The gateway's COPY no longer writes
-- the certificate (nor its TOAST chunk and TOAST index entry) per invoice, and the worker reads it once per upload.
--
-- No foreign key from invoices: its check would lock the certificate's row FOR KEY SHARE for every invoice of every upload,
-- and concurrent uploads signed with one certificate (the normal case) would then share that lock through MultiXacts. The
-- reference holds by construction instead: a certificate row is written in the upload's own transaction, before the invoices
-- that name it, and is never changed or deleted (the trigger below refuses both).
CREATE TABLE certificates (
    certificate_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256         bytea NOT NULL UNIQUE,
    certificate    text  NOT NULL
);

CREATE FUNCTION refuse_certificate_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'certificates are never changed or deleted: invoices refer to them by certificate_id';
END
$$;

CREATE TRIGGER certificates_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON certificates
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_certificate_change();

-- The id of a certificate's row, written first if it is new. A concurrent upload with the same new certificate waits on the
-- unique index and then finds nothing to insert; the next SELECT (a new snapshot under READ COMMITTED) sees its row.
CREATE FUNCTION certificate_id_of(certificate_text text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    key bytea := sha256(convert_to(certificate_text, 'UTF8'));
    id  bigint;
BEGIN
    LOOP
        SELECT c.certificate_id INTO id FROM certificates c WHERE c.sha256 = key;
        IF FOUND THEN
            RETURN id;
        END IF;
        INSERT INTO certificates (sha256, certificate) VALUES (key, certificate_text)
            ON CONFLICT (sha256) DO NOTHING RETURNING certificate_id INTO id;
        IF FOUND THEN
            RETURN id;
        END IF;
    END LOOP;
END
$$;

-- Existing invoices: each distinct certificate moved into its row, the invoice pointed at it, the column dropped. The UPDATE
-- writes a new version of every invoice once (a migration's one-off cost).
INSERT INTO certificates (sha256, certificate)
SELECT DISTINCT ON (key) key, certificate
FROM (SELECT sha256(convert_to(certificate, 'UTF8')) AS key, certificate FROM invoices) moved
ORDER BY key;

ALTER TABLE invoices ADD COLUMN certificate_id bigint;
UPDATE invoices i SET certificate_id = c.certificate_id
FROM certificates c WHERE c.sha256 = sha256(convert_to(i.certificate, 'UTF8'));
ALTER TABLE invoices ALTER COLUMN certificate_id SET NOT NULL;
ALTER TABLE invoices DROP COLUMN certificate;
