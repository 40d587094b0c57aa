-- The statistics page counts hearings per case: a small partial index answers it (672 kB at
-- 4M records) instead of one probe of the full records index per case.
create index enforcement_records_hearing on enforcement_records (case_id) where kind = 'hearing';

-- A city's cases of a year are spread over the whole table; covering the columns the
-- statistics read lets the query stay in the index (1M cases: 643 → 324 ms in SQL).
drop index enforcement_cases_filed;
create index enforcement_cases_filed on enforcement_cases (org_id, filed_on) include (id, power_id, instance_id, status, decided_on, fine_amount, paid_amount);
