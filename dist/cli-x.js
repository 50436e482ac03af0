#!/usr/bin/env node
import { createRequire as __headroomRequire } from 'node:module';
import { dirname as __headroomDirname } from 'node:path';
import { fileURLToPath as __headroomFilePath } from 'node:url';
const require = __headroomRequire(import.meta.url);
const __filename = __headroomFilePath(import.meta.url);
const __dirname = __headroomDirname(__filename);
import {
  __commonJS,
  __toESM
} from "./cli-chunks/chunk-CHGKIQ46.js";

// node-builtin:node:module
var require_node_module = __commonJS({
  "node-builtin:node:module"(exports, module2) {
    module2.exports = process.getBuiltinModule("node:module");
  }
});

// node-builtin:node:v8
var require_node_v8 = __commonJS({
  "node-builtin:node:v8"(exports, module2) {
    module2.exports = process.getBuiltinModule("node:v8");
  }
});

// src/delivery/short-lived-process.ts
var import_node_module = __toESM(require_node_module(), 1);
var import_node_v82 = __toESM(require_node_v8(), 1);

// src/delivery/baseline-wasm.ts
var import_node_v8 = __toESM(require_node_v8(), 1);
function keepWasmOnBaselineCompiler() {
  import_node_v8.default.setFlagsFromString("--no-wasm-tier-up --no-wasm-dynamic-tiering");
}

// src/delivery/short-lived-process.ts
var HOLD_YOUNG_GENERATION = Number(process.versions.v8.split(".")[0]) >= 12;
async function runShortLived(load) {
  keepWasmOnBaselineCompiler();
  if (HOLD_YOUNG_GENERATION) import_node_v82.default.setFlagsFromString(process.env.HRFLAGS ?? "--semi-space-growth-factor=1");
  import_node_module.default.enableCompileCache?.();
  process.exitCode = await (await load())();
}

// src/delivery/cli/bin.ts
await runShortLived(async () => {
  const { main } = await import("./cli-chunks/main-4JROURU2.js");
  return () => main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(
      `headroom: fatal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`
    );
    return 2;
  });
});
