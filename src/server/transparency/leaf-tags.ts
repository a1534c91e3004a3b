import { closeSync, existsSync, fdatasync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { createHash, createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

const tagBytes = 16;

/**
 * A tag for each leaf, HMAC-SHA-256 under a key derived from the signing key, truncated to 16
 * bytes, in leaf-tags.bin beside leaves.bin at offset (record id − 1) × 16. A leaf the signed
 * checkpoints do not cover yet (saved after the last one, as after a kill) is believed only with its
 * tag: whoever appends a record to the database and writes its leaf into leaves.bin, without the
 * key, has a leaf without a valid tag, and the log takes the record as not saved through the
 * register (verify names it) instead of signing it.
 */
export class LeafTags {
  private readonly fd: number;
  private readonly key: Buffer;
  readonly existed: boolean;

  /** Leaves the signed checkpoints cover need no tag; so a register from before the tags needs none for them either. */
  constructor(
    readonly path: string,
    privateKey: KeyObject,
  ) {
    this.existed = existsSync(path);
    if (!this.existed) writeFileSync(path, '', { mode: 0o644 });
    this.fd = openSync(path, 'r+');
    const d = privateKey.export({ format: 'jwk' }).d ?? '';
    this.key = createHash('sha256').update('vagval leaf tags\n').update(Buffer.from(d, 'base64url')).digest();
  }

  private tag(index: number, leaf: Uint8Array): Buffer {
    const at = Buffer.alloc(8);
    at.writeBigUInt64BE(BigInt(index));
    return createHmac('sha256', this.key).update(at).update(leaf).digest().subarray(0, tagBytes);
  }

  /** Tags leaves written from `index` on (32 bytes each). */
  write(index: number, leaves: Buffer): void {
    const tags = Buffer.alloc((leaves.length / 32) * tagBytes);
    for (let i = 0; i * 32 < leaves.length; i++) this.tag(index + i, leaves.subarray(i * 32, (i + 1) * 32)).copy(tags, i * tagBytes);
    writeSync(this.fd, tags, 0, tags.length, index * tagBytes);
  }

  /** Whether the leaf at `index` carries the tag only the key can make. */
  ok(index: number, leaf: Uint8Array): boolean {
    const stored = Buffer.alloc(tagBytes);
    const read = readSync(this.fd, stored, 0, tagBytes, index * tagBytes);
    return read === tagBytes && timingSafeEqual(stored, this.tag(index, leaf));
  }

  sync(): Promise<void> {
    return new Promise((resolve, reject) => fdatasync(this.fd, (error) => (error ? reject(error) : resolve())));
  }

  close(): void {
    closeSync(this.fd);
  }
}
