/**
 * A throwaway certificate authority and a server certificate for 127.0.0.1 and localhost, made at
 * simulator start with node:crypto alone (no openssl, no dependency). msal-node talks to https
 * authorities only, so the Microsoft identity emulation serves https with this certificate; clients
 * trust it through `NODE_EXTRA_CA_CERTS=<caFile>` (read when a Node process starts).
 *
 * The DER below is the minimum of RFC 5280 that OpenSSL verifies: v3, ECDSA P-256 with SHA-256,
 * basicConstraints and keyUsage on both, subjectAltName and serverAuth on the server certificate.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
const octets = (bytes: Buffer) => tlv(0x04, bytes);
const bool = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, "utf8"));
const explicit = (n: number, content: Buffer) => tlv(0xa0 + n, content);

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split(".").map(Number);
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let value = arc >> 7; value > 0; value >>= 7) chunk.unshift(0x80 | (value & 0x7f));
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function integer(bytes: Buffer): Buffer {
  return tlv(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

/** A BIT STRING of named bits (bit 0 is the most significant), as keyUsage wants it: no trailing zero bits. */
function namedBits(bits: number[]): Buffer {
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  return tlv(0x03, Buffer.from([7 - (highest & 7)]), bytes);
}

function time(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z"; // YYMMDDHHMMSSZ
  return tlv(0x17, Buffer.from(text, "ascii"));
}

const name = (commonName: string) => sequence(set(sequence(oid("2.5.4.3"), utf8(commonName))));
const extension = (id: string, critical: boolean, value: Buffer) => sequence(oid(id), ...(critical ? [bool(true)] : []), octets(value));
const ecdsaWithSha256 = sequence(oid("1.2.840.10045.4.3.2"));

/** RFC 5280 4.2.1.2 method (1): SHA-1 of the subjectPublicKey bits. */
function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: "spki", format: "der" });
  // For P-256 the key bits are the last 65 bytes (the uncompressed point) of the SPKI.
  return createHash("sha1").update(spki.subarray(spki.length - 65)).digest();
}

interface CertificateSpec {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  extensions: Buffer[];
}

function certificate(spec: CertificateSpec): string {
  const now = Date.now();
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(Buffer.concat([Buffer.from([0x01]), randomBytes(15)])),
    ecdsaWithSha256,
    name(spec.issuer),
    sequence(time(new Date(now - 60 * 60_000)), time(new Date(now + 30 * 24 * 60 * 60_000))),
    name(spec.subject),
    spec.publicKey.export({ type: "spki", format: "der" }),
    explicit(3, sequence(...spec.extensions)),
  );
  const signature = sign("sha256", tbs, spec.signingKey);
  const der = sequence(tbs, ecdsaWithSha256, tlv(0x03, Buffer.from([0]), signature));
  return `-----BEGIN CERTIFICATE-----\n${der.toString("base64").replace(/(.{64})/g, "$1\n").trimEnd()}\n-----END CERTIFICATE-----\n`;
}

export interface TestCertificate {
  /** The server's private key and certificate, PEM, for `https.createServer`. */
  key: string;
  cert: string;
  /** The authority that signed it, PEM: what clients must trust. */
  caCert: string;
  /** A file holding `caCert`, for `NODE_EXTRA_CA_CERTS`. */
  caFile: string;
}

/** A new authority and a server certificate for 127.0.0.1 / ::1 / localhost, valid for 30 days. */
export function makeTestCertificate(label: string): TestCertificate {
  const ca = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const server = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const caName = `${label} test CA (pulumi-ucaas simulator, ${new Date().toISOString()})`;
  const caCert = certificate({
    subject: caName,
    issuer: caName,
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    extensions: [
      extension("2.5.29.19", true, sequence(bool(true))), // basicConstraints: a CA
      extension("2.5.29.15", true, namedBits([5, 6])), // keyUsage: keyCertSign, cRLSign
      extension("2.5.29.14", false, octets(keyIdentifier(ca.publicKey))),
    ],
  });
  const cert = certificate({
    subject: "localhost",
    issuer: caName,
    publicKey: server.publicKey,
    signingKey: ca.privateKey,
    extensions: [
      extension("2.5.29.19", true, sequence()), // basicConstraints: not a CA
      extension("2.5.29.15", true, namedBits([0])), // keyUsage: digitalSignature
      extension("2.5.29.37", false, sequence(oid("1.3.6.1.5.5.7.3.1"))), // extKeyUsage: serverAuth
      extension(
        "2.5.29.17", // subjectAltName
        false,
        sequence(tlv(0x82, Buffer.from("localhost")), tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x87, Buffer.alloc(16, 0).fill(1, 15))),
      ),
      extension("2.5.29.35", false, sequence(tlv(0x80, keyIdentifier(ca.publicKey)))), // authorityKeyIdentifier
    ],
  });
  const caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ucaas-sim-ca-")), "ca.pem");
  fs.writeFileSync(caFile, caCert);
  return { key: server.privateKey.export({ type: "pkcs8", format: "pem" }) as string, cert, caCert, caFile };
}
