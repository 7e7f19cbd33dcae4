-- Fuzzy place lookup also compares transliteration-folding spelling keys ("Rakka" ~ "Raqqa").
CREATE INDEX "location_aliases_alias_key_trgm_idx" ON "location_aliases" USING gin ("alias_key" gin_trgm_ops);
