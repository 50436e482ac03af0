import { createRequire as __headroomRequire } from 'node:module';
import { dirname as __headroomDirname } from 'node:path';
import { fileURLToPath as __headroomFilePath } from 'node:url';
const require = __headroomRequire(import.meta.url);
const __filename = __headroomFilePath(import.meta.url);
const __dirname = __headroomDirname(__filename);
import {
  __commonJS
} from "./chunk-7IJUVYVN.js";

// node-builtin:node:crypto
var require_node_crypto = __commonJS({
  "node-builtin:node:crypto"(exports, module) {
    var loaded;
    var load = () => loaded ??= process.getBuiltinModule("node:crypto");
    module.exports = Object.defineProperties({}, Object.fromEntries(["argon2", "argon2Sync", "checkPrime", "checkPrimeSync", "createCipheriv", "createDecipheriv", "createDiffieHellman", "createDiffieHellmanGroup", "createECDH", "createHash", "createHmac", "createPrivateKey", "createPublicKey", "createSecretKey", "createSign", "createVerify", "diffieHellman", "generatePrime", "generatePrimeSync", "getCiphers", "getCipherInfo", "getCurves", "getDiffieHellman", "getHashes", "hkdf", "hkdfSync", "pbkdf2", "pbkdf2Sync", "generateKeyPair", "generateKeyPairSync", "generateKey", "generateKeySync", "privateDecrypt", "privateEncrypt", "publicDecrypt", "publicEncrypt", "randomBytes", "randomFill", "randomFillSync", "randomInt", "randomUUID", "randomUUIDv7", "scrypt", "scryptSync", "sign", "setEngine", "timingSafeEqual", "getFips", "setFips", "verify", "hash", "encapsulate", "decapsulate", "Certificate", "Cipheriv", "Decipheriv", "DiffieHellman", "DiffieHellmanGroup", "ECDH", "Hash", "Hmac", "KeyObject", "Sign", "Verify", "X509Certificate", "secureHeapUsed", "fips", "constants", "webcrypto", "subtle", "getRandomValues", "prng", "pseudoRandomBytes", "rng"].map((key) => [key, {
      get: () => load()[key],
      set: (value) => {
        load()[key] = value;
      },
      enumerable: true,
      configurable: true
    }])));
  }
});

export {
  require_node_crypto
};
