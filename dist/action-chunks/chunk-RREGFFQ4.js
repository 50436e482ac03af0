import { createRequire as __headroomRequire } from 'node:module';
import { dirname as __headroomDirname } from 'node:path';
import { fileURLToPath as __headroomFilePath } from 'node:url';
const require = __headroomRequire(import.meta.url);
const __filename = __headroomFilePath(import.meta.url);
const __dirname = __headroomDirname(__filename);
import {
  __commonJS
} from "./chunk-7IJUVYVN.js";

// node-builtin:node:fs
var require_node_fs = __commonJS({
  "node-builtin:node:fs"(exports, module) {
    var loaded;
    var load = () => loaded ??= process.getBuiltinModule("node:fs");
    module.exports = Object.defineProperties({}, Object.fromEntries(["appendFile", "appendFileSync", "access", "accessSync", "chown", "chownSync", "chmod", "chmodSync", "close", "closeSync", "copyFile", "copyFileSync", "cp", "cpSync", "createReadStream", "createWriteStream", "exists", "existsSync", "fchown", "fchownSync", "fchmod", "fchmodSync", "fdatasync", "fdatasyncSync", "fstat", "fstatSync", "fsync", "fsyncSync", "ftruncate", "ftruncateSync", "futimes", "futimesSync", "glob", "globSync", "lchown", "lchownSync", "lchmod", "lchmodSync", "link", "linkSync", "lstat", "lstatSync", "lutimes", "lutimesSync", "mkdir", "mkdirSync", "mkdtemp", "mkdtempSync", "mkdtempDisposableSync", "open", "openSync", "openAsBlob", "readdir", "readdirSync", "read", "readSync", "readv", "readvSync", "readFile", "readFileSync", "readlink", "readlinkSync", "realpath", "realpathSync", "rename", "renameSync", "rm", "rmSync", "rmdir", "rmdirSync", "stat", "statfs", "statSync", "statfsSync", "symlink", "symlinkSync", "truncate", "truncateSync", "unwatchFile", "unlink", "unlinkSync", "utimes", "utimesSync", "watch", "watchFile", "writeFile", "writeFileSync", "write", "writeSync", "writev", "writevSync", "Dirent", "Stats", "ReadStream", "WriteStream", "FileReadStream", "FileWriteStream", "Utf8Stream", "_toUnixTimestamp", "Dir", "opendir", "opendirSync", "F_OK", "R_OK", "W_OK", "X_OK", "constants", "promises"].map((key) => [key, {
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
  require_node_fs
};
