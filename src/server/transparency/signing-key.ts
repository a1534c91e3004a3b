import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The Ed25519 key that signs checkpoints. It lives in a file outside the database (0600), so
 * whoever can rewrite the database still cannot sign a checkpoint for what they wrote. Keys are
 * named and identified as in C2SP signed-note: the key id is the first 4 bytes of
 * SHA-256(name || "\n" || 0x01 || public key), and the verifier key is written
 * `<name>+<key id, hex>+<base64(0x01 || public key)>`.
 */
export type Verifier = { name: string; keyId: Buffer; publicKey: KeyObject; vkey: string };
export type SigningKey = Verifier & { privateKey: KeyObject; file: string; created: boolean };

const ed25519Type = 0x01;

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url');
}

export function keyIdOf(name: string, raw: Buffer): Buffer {
  return createHash('sha256').update(name).update('\n').update(Buffer.from([ed25519Type])).update(raw).digest().subarray(0, 4);
}

function verifierOf(name: string, publicKey: KeyObject): Verifier {
  const raw = rawPublicKey(publicKey);
  const keyId = keyIdOf(name, raw);
  return { name, keyId, publicKey, vkey: `${name}+${keyId.toString('hex')}+${Buffer.concat([Buffer.from([ed25519Type]), raw]).toString('base64')}` };
}

/** Reads a verifier key (`name+hex id+base64 key`), refusing one whose id does not match its key. */
export function parseVerifierKey(vkey: string): Verifier {
  // The key's base64 may itself hold "+": only the first two separate.
  const [name, id, ...keyParts] = vkey.trim().split('+');
  const key = keyParts.join('+');
  if (!name || !id || !key) throw new Error('a verifier key is written name+keyid+base64key');
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ed25519Type) throw new Error('the verifier key is not an Ed25519 key');
  const raw = bytes.subarray(1);
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  const verifier = verifierOf(name, publicKey);
  if (verifier.keyId.toString('hex') !== id) throw new Error('the verifier key id does not match its key');
  return verifier;
}

/**
 * Loads the key from `file`, or makes one there on first start (owner read/write only). A key
 * file that others may read is tightened to 0600 and said so, since anyone with it can sign.
 */
export function loadOrCreateSigningKey(file: string, name: string, log: (line: string) => void): SigningKey {
  let created = false;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (error) {
      // Another instance made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    log(`the signing key ${file} could be read by others; its permissions are now 0600`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch {
    throw new Error(`the signing key file ${file} is not a PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the signing key in ${file} is not an Ed25519 key`);
  return { ...verifierOf(name, createPublicKey(privateKey)), privateKey, file, created };
}

/** Retired verifier keys, one a line, so checkpoints signed before a rotation still verify. */
export function loadRetiredKeys(file: string): Verifier[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      try {
        return parseVerifierKey(line);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}: ${line.slice(0, 80)}`, { cause: error });
      }
    });
}
