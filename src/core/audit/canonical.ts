/** Canonical JSON: object keys sorted, no whitespace; what the SM3 chain hashes. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).filter((k) => (value as any)[k] !== undefined).sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((value as any)[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

/** JSON round trip, so what is hashed equals what jsonb gives back. */
export function plain<T>(value: T): T {
  return value === undefined ? (null as T) : JSON.parse(JSON.stringify(value));
}
