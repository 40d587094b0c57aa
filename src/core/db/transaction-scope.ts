import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks code running inside `Services.tx`. A query on the shared `db` handle from there
 * reads outside the transaction (wrong on PostgreSQL) and, on PGlite's single
 * connection, waits for the transaction that waits for it — a silent hang. The PGlite
 * driver refuses such a query at once instead.
 */
export const transactionScope = new AsyncLocalStorage<true>();

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super('A query used the shared db handle inside a transaction; pass the transaction (tx) instead');
  }
}
