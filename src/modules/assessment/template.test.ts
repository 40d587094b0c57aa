import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const shipped = new URL('./templates/jilin-2014.txt', import.meta.url);
const seed = new URL('../../../../shared/seeds/000_70bf139aba38faa9.txt', import.meta.url);

/** The module ships seed 000 so that a deployment without ../shared still has its template. */
describe.skipIf(!fs.existsSync(seed))('the shipped template', () => {
  it('is the seed document, byte for byte', () => {
    expect(fs.readFileSync(shipped).equals(fs.readFileSync(seed))).toBe(true);
  });
});
