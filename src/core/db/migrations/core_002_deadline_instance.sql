-- Every transition reads its instance's open deadlines, and guards read one deadline of a
-- kind; without this index each of those scanned the whole table (40 ms at a million
-- deadlines, while the audit-chain head was locked: transitions fell to 11/s at 1M cases).
create index deadlines_instance on deadlines (instance_id, kind) include (due_date, status);
