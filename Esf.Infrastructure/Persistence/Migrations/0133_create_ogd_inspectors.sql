-- Inspectors of the state revenue bodies (инспекторы ОГД) who may confirm a waybill in its buyer's place («Подтвержден
-- инспектором ОГД», seed L2552, L3571; issue 12; ADR 0032). A registry imported like the others (registry «ogd-inspectors»):
-- the inspector's ИИН and the code of the ОГД (taxpayers.kogd) they serve. An inspector acts only on waybills whose buyer is
-- registered with that ОГД.
CREATE TABLE ogd_inspectors (
    iin      varchar(20)  PRIMARY KEY,
    kogd     varchar(8)   NOT NULL,
    name_ru  text
);

CREATE INDEX ogd_inspectors_kogd ON ogd_inspectors (kogd);
