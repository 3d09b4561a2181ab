-- Partial updates of customers.info merge inside the UPDATE itself, so two
-- concurrent edits of different keys both survive (no read-modify-write).
-- Semantics of RFC 7386 (JSON Merge Patch): objects merge recursively, a null
-- removes the key, anything else (arrays included) replaces.
CREATE OR REPLACE FUNCTION jsonb_merge_patch(target jsonb, patch jsonb)
RETURNS jsonb AS $$
DECLARE
  result jsonb;
  k text;
  v jsonb;
BEGIN
  IF patch IS NULL OR jsonb_typeof(patch) <> 'object' THEN
    RETURN patch;
  END IF;
  IF target IS NULL OR jsonb_typeof(target) <> 'object' THEN
    result := '{}'::jsonb;
  ELSE
    result := target;
  END IF;
  FOR k, v IN SELECT key, value FROM jsonb_each(patch) LOOP
    IF jsonb_typeof(v) = 'null' THEN
      result := result - k;
    ELSE
      result := jsonb_set(result, ARRAY[k], jsonb_merge_patch(result -> k, v));
    END IF;
  END LOOP;
  RETURN result;
END;
$$ LANGUAGE plpgsql IMMUTABLE;

-- A ceiling on what one customer's info may hold, whoever writes it.
ALTER TABLE customers
  ADD CONSTRAINT customers_info_size CHECK (info IS NULL OR octet_length(info::text) <= 131072);
