import crypto from 'node:crypto';

/** SM3 (GB/T 32905) digest, hex. Node's OpenSSL 3 provides it natively. */
export function sm3(data: string | Buffer): string {
  return crypto.createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return crypto.createHmac('sm3', key).update(data).digest();
}

/**
 * SM4 (GB/T 32907) encryption of short personal identifiers: SM4-CBC with a random IV,
 * then HMAC-SM3 over IV‖ciphertext (encrypt-then-MAC, since OpenSSL offers no SM4-GCM
 * here). Output: 'v1:' + base64url(iv ‖ ciphertext ‖ mac).
 */
export class Sm4Box {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  constructor(masterSecret: string) {
    const k = crypto.createHash('sm3').update('fazhi-sm4|' + masterSecret).digest();
    this.encKey = k.subarray(0, 16);
    this.macKey = crypto.createHash('sm3').update('fazhi-mac|' + masterSecret).digest();
  }
  encrypt(plain: string): string {
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('sm4-cbc', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const mac = hmacSm3(this.macKey, Buffer.concat([iv, ct]));
    return 'v1:' + Buffer.concat([iv, ct, mac]).toString('base64url');
  }
  decrypt(box: string): string {
    if (!box.startsWith('v1:')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(box.slice(3), 'base64url');
    const iv = raw.subarray(0, 16);
    const ct = raw.subarray(16, raw.length - 32);
    const mac = raw.subarray(raw.length - 32);
    const expect = hmacSm3(this.macKey, Buffer.concat([iv, ct]));
    if (!crypto.timingSafeEqual(mac, expect)) throw new Error('ciphertext integrity check failed');
    const decipher = crypto.createDecipheriv('sm4-cbc', this.encKey, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
  }
}
