-- Plainer names for four default categories (the language review of December 2026, F34): the
-- DK2020 template's words meant little to residents. Only names still as shipped change; a
-- municipality's own names stay.
UPDATE sectors SET name_da = 'Industri og virksomheder', name_en = 'Industry and businesses'
 WHERE key = 'industry' AND name_da = 'Industri og industrielle processer';
UPDATE sectors SET name_da = 'Kommunens egen drift (bygninger, biler, indkøb)',
                   name_en = 'The municipality''s own operations'
 WHERE key = 'municipality' AND name_da = 'Kommunen som virksomhed';
UPDATE adaptation_themes SET name_da = 'Højt grundvand'
 WHERE key = 'groundwater' AND name_da = 'Terrænnært grundvand';
UPDATE adaptation_themes SET name_da = 'Flere hændelser på én gang (fx stormflod og skybrud)',
                             name_en = 'Several events at once (e.g. storm surge and cloudburst)'
 WHERE key = 'compound' AND name_da = 'Koblede hændelser';
