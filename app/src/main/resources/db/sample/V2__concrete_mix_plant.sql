-- The batch plant that mixed the concrete, as the lab writes it; free text, so spellings vary between senders.
ALTER TABLE concrete_mix ADD COLUMN plant VARCHAR(40);
