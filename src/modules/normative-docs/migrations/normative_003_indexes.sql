-- The catalogue lists the newest documents first: with this index a common search word
-- finds its first page by walking publication dates instead of sorting every match.
create index normative_documents_published on normative_documents (published_on desc, id desc);

-- The daily validity scan looks for documents in force by their last day of validity; the
-- first index of that name covered only two of the four in-force states, so it never served.
drop index normative_documents_expiry;
create index normative_documents_expiry on normative_documents (expires_on, id) where status in ('published','filed','correction','approved');
