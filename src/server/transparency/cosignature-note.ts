import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { rawPublicKey } from './signing-key';

/**
 * Witness cosignatures as C2SP tlog-cosignature defines them (the Ed25519 type, v1): a signed-note
 * signature line `— <cosigner name> base64(key id || u64 timestamp || Ed25519 signature)`, the
 * signature over "cosignature/v1\ntime <timestamp>\n" followed by the checkpoint's note body. The
 * key id is SHA-256(name || "\n" || 0x04 || public key)[:4], and the cosigner's verifier key is
 * written `<name>+<key id, hex>+<base64(0x04 || public key)>` (C2SP signed-note vkey).
 */
export type Cosigner = { name: string; keyId: Buffer; publicKey: KeyObject; vkey: string };
export type CosignerKey = Cosigner & { privateKey: KeyObject };

/** What a verified cosignature says: this witness saw the log at this size, with this root, at this time. */
export type Cosignature = { cosigner: string; vkey: string; size: number; rootHash: Buffer; timestamp: number; line: string };

const cosignatureType = 0x04;
const dash = '\u2014';

export function cosignerKeyId(name: string, raw: Buffer): Buffer {
  return createHash('sha256').update(name).update('\n').update(Buffer.from([cosignatureType])).update(raw).digest().subarray(0, 4);
}

export function cosignerOf(name: string, publicKey: KeyObject): Cosigner {
  const raw = rawPublicKey(publicKey);
  const keyId = cosignerKeyId(name, raw);
  return { name, keyId, publicKey, vkey: `${name}+${keyId.toString('hex')}+${Buffer.concat([Buffer.from([cosignatureType]), raw]).toString('base64')}` };
}

/** Reads a cosigner's verifier key, refusing one that is not a tlog-cosignature Ed25519 key or whose id does not match. */
export function parseCosignerKey(vkey: string): Cosigner {
  const [name, id, ...keyParts] = vkey.trim().split('+');
  const key = keyParts.join('+');
  if (!name || !id || !key) throw new Error('a witness key is written name+keyid+base64key');
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 33 || bytes[0] !== cosignatureType) throw new Error(`the witness key of ${name} is not a cosignature (type 0x04) Ed25519 key`);
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.subarray(1).toString('base64url') }, format: 'jwk' });
  const cosigner = cosignerOf(name, publicKey);
  if (cosigner.keyId.toString('hex') !== id) throw new Error(`the witness key id of ${name} does not match its key`);
  return cosigner;
}

/** The note body of a signed checkpoint: the text above the blank line, with its final newline. */
export function noteBody(note: string): string {
  const text = note.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  return split < 0 ? text : text.slice(0, split + 1);
}

const signedMessage = (body: string, timestamp: number) => Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`);

/** The cosignature line for a checkpoint's note body, timestamped `timestamp` (POSIX seconds). */
export function cosign(body: string, key: CosignerKey, timestamp: number): string {
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(timestamp));
  const signature = sign(null, signedMessage(body, timestamp), key.privateKey);
  return `${dash} ${key.name} ${Buffer.concat([key.keyId, stamp, signature]).toString('base64')}\n`;
}

/**
 * The cosignatures among `lines` (a witness's answer, or a note's signature lines) that verify
 * for `note` under one of `cosigners`; lines from unknown keys are ignored, as the spec asks.
 * Throws when a line from a known cosigner does not verify: someone altered it or the checkpoint.
 */
export function verifyCosignatures(note: string, lines: string, cosigners: readonly Cosigner[]): Cosignature[] {
  const body = noteBody(note);
  const [, sizeText, rootText] = body.split('\n');
  const found: Cosignature[] = [];
  for (const line of lines.replace(/\r\n/g, '\n').split('\n')) {
    const match = new RegExp(`^${dash} (\\S+) ([A-Za-z0-9+/=]+)$`).exec(line.trim());
    if (!match) continue;
    const bytes = Buffer.from(match[2]!, 'base64');
    const cosigner = cosigners.find((c) => c.name === match[1] && bytes.length === 76 && c.keyId.equals(bytes.subarray(0, 4)));
    if (!cosigner) continue;
    const timestamp = Number(bytes.readBigUInt64BE(4));
    if (!verify(null, signedMessage(body, timestamp), cosigner.publicKey, bytes.subarray(12))) {
      throw new Error(`the cosignature of ${cosigner.name} does not match the checkpoint for ${sizeText} records`);
    }
    found.push({ cosigner: cosigner.name, vkey: cosigner.vkey, size: Number(sizeText), rootHash: Buffer.from(rootText ?? '', 'base64'), timestamp, line: `${line.trim()}\n` });
  }
  return found;
}
