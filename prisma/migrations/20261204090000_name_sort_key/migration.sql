-- Sort by name as people read (docs/decisions/0010-name-order-as-people-read.md).
--
-- The name sort compared the names' bytes: "Zebra" before "apple", "Émile"
-- after "zulu". PGlite has no ICU and the servers' collations differ, so the
-- order comes from a key we build ourselves, the same on every engine and
-- locale: the name decomposed (NFKD: "É" is "E" and an accent, "ﬁ" is "fi"),
-- its accents dropped, the few letters that do not decompose spelled out,
-- then lower-cased (only ASCII letters are left to fold in Latin names, so the
-- database's ctype does not matter for them). Keys compare byte for byte
-- (COLLATE "C"); ties go to the name as typed, then the id.
CREATE FUNCTION name_sort_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN lower(
  -- The letters that take two: "Straße" sorts as "strasse", "Ærø" as "aero".
  replace(replace(replace(replace(
    -- Letters that do not decompose, and capitals of the two-letter ones.
    translate(
      -- Decomposed, then every combining mark dropped.
      regexp_replace(normalize(name, NFKD), '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'),
      'ØøŁłĐđĦħŦŧıĸÆŒÞẞ',
      'OoLlDdHhTtikæœþß'),
    'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th')
);

-- The key is stored beside the name rather than only indexed as an
-- expression: under row-level security a condition that calls a function
-- which is not leakproof (normalize, lower, ...) on a column is checked only
-- after the policy, never as an index condition, so a keyset page on an
-- expression index would walk every row before its cursor. A plain column
-- compares with text's leakproof operators and bounds the index scan.
-- Generated, so no code path can write a key that disagrees with the name.
ALTER TABLE customers ADD COLUMN name_key text GENERATED ALWAYS AS (name_sort_key(name)) STORED;

-- The list's name index, now on that key; name and id stay plain columns, so
-- search_customer_ids() can still walk the user's names in it without reading
-- the table (a common search, see search_under_rls).
DROP INDEX idx_customers_list_name;
CREATE INDEX idx_customers_list_name
  ON customers (user_id, name_key COLLATE "C", name COLLATE "C", id)
  WHERE deleted_at IS NULL;
