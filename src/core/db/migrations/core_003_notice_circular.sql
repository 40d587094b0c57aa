-- 督办 escalates reminder → 督办通知 → 约谈 or 通报 (issue 7): 通报 (circular) joins the levels.
alter table supervision_notices drop constraint supervision_notices_level_check;
alter table supervision_notices add constraint supervision_notices_level_check check (level in ('reminder', 'notice', 'interview', 'circular'));
