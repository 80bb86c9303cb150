-- Acts and contracts of the public procurement portal (ЭГЗ, spec-rest §3.2–3.3; issue 14 item 4; ADR 0030), posted by the
-- portal's system key. Visible to their supplier and their customer only (ADR 0003).
CREATE TABLE procurement_documents (
    document_id      bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             varchar(10)   NOT NULL CHECK (kind IN ('ACT', 'CONTRACT')),
    number           varchar(100)  NOT NULL,
    doc_date         date          NOT NULL,
    contract_number  varchar(100)  NOT NULL,
    contract_date    date          NOT NULL,
    supplier_tin     varchar(20)   NOT NULL,
    customer_tin     varchar(20)   NOT NULL,
    status           varchar(30)   NOT NULL,
    -- The lines as transferred into section G: description, unitCode, quantity, priceWithoutTax, priceWithTax.
    items            jsonb         NOT NULL,
    received_at      timestamptz   NOT NULL,
    UNIQUE (kind, supplier_tin, number)
);

CREATE INDEX procurement_documents_customer ON procurement_documents (customer_tin);
CREATE INDEX procurement_documents_contract ON procurement_documents (supplier_tin, contract_number);
