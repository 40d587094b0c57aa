-- An expert of the pool may hold a platform account (外聘专家 role): they then see their own
-- assignments and hand in their written opinions themselves (seed 002 #23: 支持其独立开展工作).
alter table decision_experts add column user_id integer references users(id);
create unique index decision_experts_user on decision_experts (user_id) where user_id is not null;
