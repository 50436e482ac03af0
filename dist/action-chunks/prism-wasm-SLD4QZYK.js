import { createRequire as __headroomRequire } from 'node:module';
import { dirname as __headroomDirname } from 'node:path';
import { fileURLToPath as __headroomFilePath } from 'node:url';
const require = __headroomRequire(import.meta.url);
const __filename = __headroomFilePath(import.meta.url);
const __dirname = __headroomDirname(__filename);
import {
  require_node_fs
} from "./chunk-RREGFFQ4.js";
import "./chunk-7IJUVYVN.js";

// src/sources/ruby/prism-wasm.ts
async function prismWasm() {
  return require_node_fs().readFileSync(new URL("./prism.wasm", import.meta.url));
}
export {
  prismWasm
};
