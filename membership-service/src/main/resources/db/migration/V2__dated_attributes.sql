-- The attributes that slice the group's figures are dated, so a report for a past year uses the
-- values in force then (docs/events: attributeHistory, subAllianceHistory). What exists now becomes
-- the first version, in force since ever.
ALTER TABLE organization ADD COLUMN attribute_history JSONB;
UPDATE organization o SET attribute_history = jsonb_build_array(jsonb_build_object(
    'from', NULL, 'kind', o.kind, 'schoolLevel', o.school_level, 'enterpriseSize', o.enterprise_size,
    'industryChains', coalesce((SELECT jsonb_agg(c.chain_code ORDER BY c.chain_code)
                                FROM organization_industry_chain c WHERE c.organization_id = o.id), '[]'::jsonb),
    'region', jsonb_build_object('city', o.city, 'province', o.province, 'country', o.country),
    'overseas', o.country <> 'CN'));
ALTER TABLE organization ALTER COLUMN attribute_history SET NOT NULL;

ALTER TABLE membership ADD COLUMN sub_alliance_history JSONB;
UPDATE membership m SET sub_alliance_history = jsonb_build_array(jsonb_build_object(
    'from', NULL,
    'subAlliances', coalesce((SELECT jsonb_agg(a.alliance_code ORDER BY a.alliance_code)
                              FROM membership_sub_alliance a WHERE a.membership_id = m.id), '[]'::jsonb)));
ALTER TABLE membership ALTER COLUMN sub_alliance_history SET NOT NULL;
