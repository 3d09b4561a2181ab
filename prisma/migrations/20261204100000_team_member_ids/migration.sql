-- Team members stored before members had ids (early data, the first demo
-- seeds) can be neither edited nor removed: the forms name a member by its id.
-- Give each one an id; members that have one keep it, and the order is kept.
-- Not a change a user made: updated_at stays as it was.
ALTER TABLE customers DISABLE TRIGGER customers_updated_at;

UPDATE customers c
   SET info = jsonb_set(c.info, '{team}', (
         SELECT jsonb_agg(CASE WHEN jsonb_typeof(m) = 'object' AND NOT (m ? 'id')
                               THEN m || jsonb_build_object('id', gen_random_uuid())
                               ELSE m END ORDER BY ord)
           FROM jsonb_array_elements(c.info->'team') WITH ORDINALITY AS t(m, ord)))
 WHERE jsonb_typeof(c.info->'team') = 'array'
   AND EXISTS (SELECT 1 FROM jsonb_array_elements(c.info->'team') m
                WHERE jsonb_typeof(m) = 'object' AND NOT (m ? 'id'));

ALTER TABLE customers ENABLE TRIGGER customers_updated_at;
