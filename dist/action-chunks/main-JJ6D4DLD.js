import { createRequire as __headroomRequire } from 'node:module';
import { dirname as __headroomDirname } from 'node:path';
import { fileURLToPath as __headroomFilePath } from 'node:url';
const require = __headroomRequire(import.meta.url);
const __filename = __headroomFilePath(import.meta.url);
const __dirname = __headroomDirname(__filename);
import {
  require_node_crypto
} from "./chunk-FDPUOX2X.js";
import {
  require_node_fs
} from "./chunk-RREGFFQ4.js";
import {
  __commonJS,
  __toESM
} from "./chunk-7IJUVYVN.js";

// node-builtin:node:path
var require_node_path = __commonJS({
  "node-builtin:node:path"(exports, module) {
    var loaded;
    var load = () => loaded ??= process.getBuiltinModule("node:path");
    module.exports = Object.defineProperties({}, Object.fromEntries(["resolve", "normalize", "isAbsolute", "join", "relative", "toNamespacedPath", "dirname", "basename", "extname", "format", "parse", "matchesGlob", "sep", "delimiter", "win32", "posix", "_makeLong"].map((key) => [key, {
      get: () => load()[key],
      set: (value) => {
        load()[key] = value;
      },
      enumerable: true,
      configurable: true
    }])));
  }
});

// node-builtin:node:os
var require_node_os = __commonJS({
  "node-builtin:node:os"(exports, module) {
    var loaded;
    var load = () => loaded ??= process.getBuiltinModule("node:os");
    module.exports = Object.defineProperties({}, Object.fromEntries(["arch", "availableParallelism", "cpus", "endianness", "freemem", "getPriority", "homedir", "hostname", "loadavg", "networkInterfaces", "platform", "release", "setPriority", "tmpdir", "totalmem", "type", "userInfo", "uptime", "version", "machine", "constants", "EOL", "devNull"].map((key) => [key, {
      get: () => load()[key],
      set: (value) => {
        load()[key] = value;
      },
      enumerable: true,
      configurable: true
    }])));
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR2 = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR: STAR2,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform2 = navigator.platform.toLowerCase();
        return platform2 === "win32" || platform2 === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path3, { windows } = {}) => {
      const segs = path3.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob2 = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob2 = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob2 = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob2 === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob2 = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob2 === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob2 === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob: isGlob2,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel2 = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel2(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel2(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse4 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR: STAR2,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR2;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count3 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count3++;
        }
        if (count3 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse4(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc2, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc2) {
              return esc2 + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc2) {
              return esc2 + first + (rest ? star : "");
            }
            return star;
          }
          return esc2 ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix4 = POSIX_REGEX_SOURCE[rest2];
                if (posix4) {
                  prev.value = pre + posix4;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse4.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR: STAR2,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR2;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse4;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse4 = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject2 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch3 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix4 = opts.windows;
      const regex = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex, options, { glob, posix: posix4 });
        const result = { glob, state, regex, posix: posix4, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch3.test = (input, regex, options, { glob, posix: posix4 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix4 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex, options, posix4);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix4 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix4 }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch3.parse(p, options));
      return parse4(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse4.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse4(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch3.constants = constants;
    module.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch3, pico);
    module.exports = picomatch3;
  }
});

// node-builtin:node:util
var require_node_util = __commonJS({
  "node-builtin:node:util"(exports, module) {
    var loaded;
    var load = () => loaded ??= process.getBuiltinModule("node:util");
    module.exports = Object.defineProperties({}, Object.fromEntries(["_errnoException", "_exceptionWithHostPort", "_extend", "callbackify", "convertProcessSignalToExitCode", "debug", "debuglog", "deprecate", "format", "styleText", "formatWithOptions", "getCallSites", "getSystemErrorMap", "getSystemErrorName", "getSystemErrorMessage", "inherits", "inspect", "isArray", "isDeepStrictEqual", "promisify", "stripVTControlCharacters", "toUSVString", "transferableAbortSignal", "transferableAbortController", "aborted", "types", "parseEnv", "parseArgs", "TextDecoder", "TextEncoder", "MIMEType", "MIMEParams", "diff", "setTraceSigInt"].map((key) => [key, {
      get: () => load()[key],
      set: (value) => {
        load()[key] = value;
      },
      enumerable: true,
      configurable: true
    }])));
  }
});

// src/delivery/action/main.ts
var import_node_fs4 = __toESM(require_node_fs(), 1);
var import_node_path6 = __toESM(require_node_path(), 1);

// node_modules/@actions/core/lib/command.js
var os = __toESM(require_node_os(), 1);

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
var crypto = __toESM(require_node_crypto(), 1);
var fs = __toESM(require_node_fs(), 1);
var os2 = __toESM(require_node_os(), 1);

// node_modules/@actions/core/lib/core.js
var os4 = __toESM(require_node_os(), 1);
var path2 = __toESM(require_node_path(), 1);

// node_modules/@actions/core/lib/path-utils.js
var path = __toESM(require_node_path(), 1);

// node_modules/@actions/core/lib/platform.js
var import_os = __toESM(require_node_os(), 1);
var platform = import_os.default.platform();
var arch = import_os.default.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// src/files/classify.ts
var BINARY_SNIFF_BYTES = 8e3;
var UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
function classifyBytes(path3, bytes) {
  const size = bytes.byteLength;
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { path: path3, kind: "binary", size };
  try {
    const text2 = UTF8.decode(bytes);
    return { path: path3, kind: "text", text: text2, size };
  } catch {
    return { path: path3, kind: "binary", size };
  }
}

// src/files/file-set.ts
var DEFAULT_LIMITS = {
  maxFileBytes: 5 * 1024 * 1024,
  maxFiles: 1e4,
  maxListedEntries: 5e5
};

// src/files/skipped-directories.ts
var SKIPPED = /* @__PURE__ */ new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "bower_components",
  "vendor",
  "third_party",
  ".venv",
  "venv",
  "__pycache__",
  ".tox",
  ".mypy_cache",
  ".pytest_cache",
  "dist",
  "build",
  "out",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".turbo",
  ".vercel",
  ".netlify",
  ".cache",
  "coverage",
  "target"
]);
function isSkippedDirectory(name) {
  return SKIPPED.has(name);
}

// src/files/github-file-set.ts
var WELL_KNOWN_FOLDERS = [
  ".github",
  "prisma",
  "db",
  "migrations",
  "supabase",
  "drizzle",
  "sql"
];
var MODE_SYMLINK = "120000";
var GitHubFileSet = class {
  label;
  #client;
  #commit;
  #limits;
  #blobs;
  #blobsPerQuery;
  #bytesPerQuery;
  #skipped = [];
  #entries;
  constructor(client, commit, options = {}) {
    this.#client = client;
    this.#commit = commit;
    this.label = `${commit.owner}/${commit.repo}@${commit.sha.slice(0, 7)}`;
    this.#limits = options.limits ?? DEFAULT_LIMITS;
    this.#blobs = options.blobs ?? /* @__PURE__ */ new Map();
    this.#blobsPerQuery = options.blobsPerQuery ?? 100;
    this.#bytesPerQuery = options.bytesPerQuery ?? 4 * 1024 * 1024;
  }
  async list() {
    return [...(await this.#listing()).values()].map(({ path: path3, size, oid }) => ({ path: path3, size, oid }));
  }
  async read(paths) {
    const listing = await this.#listing();
    const wanted = paths.flatMap((path3) => listing.get(path3) ?? []);
    const readable = wanted.filter((entry) => (entry.size ?? 0) <= this.#limits.maxFileBytes);
    await this.#fetchMissing(readable);
    const result = /* @__PURE__ */ new Map();
    for (const entry of wanted) {
      if (!readable.includes(entry)) {
        result.set(entry.path, { path: entry.path, kind: "too-large", size: entry.size ?? 0 });
        continue;
      }
      const blob = await this.#blobs.get(entry.oid);
      if (blob) result.set(entry.path, { path: entry.path, ...blob });
    }
    return result;
  }
  skipped() {
    return [...this.#skipped];
  }
  #listing() {
    this.#entries ??= this.#fetchListing();
    return this.#entries;
  }
  async #fetchListing() {
    const root = await this.#tree(this.#commit.sha, true);
    let entries = root.tree;
    if (root.truncated) entries = [...entries, ...await this.#wellKnownFolders()];
    const listing = /* @__PURE__ */ new Map();
    const skippedFolders = /* @__PURE__ */ new Set();
    for (const entry of entries) {
      if (!entry.path || !entry.sha) continue;
      const skippedFolder = topSkippedFolder(entry);
      if (skippedFolder !== void 0) {
        skippedFolders.add(skippedFolder);
        continue;
      }
      if (entry.type !== "blob" || entry.mode === MODE_SYMLINK) continue;
      listing.set(entry.path, { path: entry.path, size: entry.size, oid: entry.sha });
    }
    for (const folder of [...skippedFolders].sort()) {
      this.#skipped.push({ path: `${folder}/`, reason: "dependency, build or VCS folder" });
    }
    return new Map([...listing].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  }
  /** After a truncated tree: the root's own files plus each well-known folder, recursively. */
  async #wellKnownFolders() {
    const root = await this.#tree(this.#commit.sha, false);
    const entries = [...root.tree];
    const folders = root.tree.filter(
      (entry) => entry.type === "tree" && WELL_KNOWN_FOLDERS.some((name) => name === entry.path)
    );
    for (const folder of folders) {
      const sub = await this.#tree(folder.sha, true);
      if (sub.truncated)
        this.#skipped.push({ path: `${folder.path}/`, reason: "GitHub truncated this folder too" });
      entries.push(...sub.tree.map((entry) => ({ ...entry, path: `${folder.path}/${entry.path}` })));
    }
    this.#skipped.push({
      path: "**",
      reason: `GitHub truncated the recursive file tree (too many files); Headroom read the files GitHub listed, the root folder and ${WELL_KNOWN_FOLDERS.map((name) => `${name}/`).join(", ")}; files elsewhere may be missing`
    });
    return entries;
  }
  async #tree(treeSha, recursive) {
    const { owner, repo } = this.#commit;
    const response = await this.#client.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      owner,
      repo,
      tree_sha: treeSha,
      ...recursive ? { recursive: "1" } : {}
    });
    return { tree: response.data.tree, truncated: response.data.truncated };
  }
  /** Starts one fetch for every blob not in the cache, and waits for all of them. */
  async #fetchMissing(entries) {
    const missing = [
      ...new Map(entries.filter((e) => !this.#blobs.has(e.oid)).map((e) => [e.oid, e])).values()
    ];
    const batches = batch(missing, this.#blobsPerQuery, this.#bytesPerQuery);
    const pending = batches.map((group) => this.#registerBatch(group));
    await Promise.all([...pending, ...entries.map((entry) => this.#blobs.get(entry.oid))]);
  }
  #registerBatch(group) {
    const query = this.#graphqlBlobs(group);
    group.forEach((entry, index) => {
      this.#blobs.set(
        entry.oid,
        query.then((blobs) => this.#fromGraphql(entry, blobs[index]))
      );
    });
    return query.then(() => void 0);
  }
  async #graphqlBlobs(group) {
    const fields = group.map(
      (entry, index) => `b${index}: object(oid: "${gitObjectId(entry.oid)}") { ... on Blob { text isBinary isTruncated byteSize } }`
    ).join("\n");
    const data = await this.#client.graphql(
      `query headroomBlobs($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${fields} } }`,
      { owner: this.#commit.owner, name: this.#commit.repo }
    );
    return group.map((_, index) => data.repository?.[`b${index}`]);
  }
  /** GraphQL cuts long texts; those few are fetched whole through the REST blob endpoint. */
  async #fromGraphql(entry, blob) {
    if (!blob) return void 0;
    if (blob.isBinary || blob.text === null) return { kind: "binary", size: blob.byteSize };
    if (!blob.isTruncated) return { kind: "text", text: blob.text, size: blob.byteSize };
    const { owner, repo } = this.#commit;
    const response = await this.#client.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
      owner,
      repo,
      file_sha: entry.oid
    });
    const content = classifyBytes(entry.path, Buffer.from(response.data.content, "base64"));
    return content.kind === "text" ? { kind: "text", text: content.text, size: content.size } : { kind: "binary", size: content.size };
  }
};
function topSkippedFolder(entry) {
  const parts = entry.path.split("/");
  const folders = entry.type === "tree" ? parts : parts.slice(0, -1);
  const index = folders.findIndex(isSkippedDirectory);
  return index === -1 ? void 0 : parts.slice(0, index + 1).join("/");
}
function gitObjectId(oid) {
  if (!/^[0-9a-f]{40,64}$/.test(oid)) throw new Error(`Not a git object id: ${oid}`);
  return oid;
}
function batch(entries, maxCount, maxBytes) {
  const batches = [];
  let current = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entry.size ?? 0;
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

// src/files/local-file-set.ts
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var LocalFileSet = class {
  label;
  /** The root with one trailing separator: paths are appended to it (path.join costs a normalize each). */
  #prefix;
  #limits;
  #skipped = [];
  #entries;
  constructor(root, limits2 = DEFAULT_LIMITS) {
    this.#prefix = (0, import_node_path.join)(root, "/");
    this.label = root;
    this.#limits = limits2;
  }
  list() {
    this.#entries ??= Promise.resolve(this.#walk());
    return this.#entries;
  }
  async read(paths) {
    const known = new Map((await this.list()).map((entry) => [entry.path, entry]));
    const result = /* @__PURE__ */ new Map();
    for (const path3 of paths) {
      const entry = known.get(path3);
      if (!entry) continue;
      try {
        result.set(path3, this.#readOne(entry));
      } catch (error3) {
        this.#skipped.push({ path: path3, reason: `cannot be read (${errorCode(error3)})` });
      }
    }
    return result;
  }
  skipped() {
    return [...this.#skipped];
  }
  /** One open, fstat and read per file: a stat before `readFileSync` cost a quarter more time. */
  #readOne(entry) {
    const fd = (0, import_node_fs.openSync)(this.#prefix + entry.path, "r");
    try {
      const size = entry.size ?? (0, import_node_fs.fstatSync)(fd).size;
      if (size > this.#limits.maxFileBytes) return { path: entry.path, kind: "too-large", size };
      const bytes = Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const count3 = (0, import_node_fs.readSync)(fd, bytes, read, size - read, read);
        if (count3 === 0) break;
        read += count3;
      }
      return classifyBytes(entry.path, bytes.subarray(0, read));
    } finally {
      (0, import_node_fs.closeSync)(fd);
    }
  }
  #walk() {
    const entries = [];
    const pending = [""];
    let listed = 0;
    while (pending.length > 0) {
      const dir = pending.pop();
      let dirents;
      try {
        dirents = (0, import_node_fs.readdirSync)(this.#prefix + dir, { withFileTypes: true });
      } catch (error3) {
        if (!dir) throw error3;
        this.#skipped.push({ path: `${dir}/`, reason: `cannot be read (${errorCode(error3)})` });
        continue;
      }
      listed += dirents.length;
      if (listed > this.#limits.maxListedEntries) {
        this.#skipped.push({
          path: dir ? `${dir}/` : "./",
          reason: `the walk stopped here, past ${this.#limits.maxListedEntries} entries; this folder and those not yet walked were not read`
        });
        break;
      }
      for (const dirent of dirents) {
        const path3 = dir ? `${dir}/${dirent.name}` : dirent.name;
        if (dirent.name.includes("\uFFFD")) {
          this.#skipped.push({ path: path3, reason: "its name is not valid UTF-8" });
          continue;
        }
        if (dirent.isDirectory()) {
          if (isSkippedDirectory(dirent.name))
            this.#skipped.push({ path: `${path3}/`, reason: "dependency, build or VCS folder" });
          else pending.push(path3);
        } else if (dirent.isFile()) {
          entries.push({ path: path3 });
        }
      }
    }
    entries.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    return entries;
  }
};
function errorCode(error3) {
  return error3.code ?? (error3 instanceof Error ? error3.message : String(error3));
}

// src/files/subdirectory-file-set.ts
var SubdirectoryFileSet = class {
  label;
  #inner;
  #prefix;
  constructor(inner, directory) {
    this.#inner = inner;
    this.#prefix = directory ? `${directory}/` : "";
    this.label = directory ? `${inner.label}/${directory}` : inner.label;
  }
  async list() {
    return (await this.#inner.list()).filter((entry) => entry.path.startsWith(this.#prefix)).map((entry) => ({ ...entry, path: entry.path.slice(this.#prefix.length) }));
  }
  async read(paths) {
    const read = await this.#inner.read(paths.map((path3) => this.#prefix + path3));
    return new Map(
      [...read.values()].map((content) => [
        content.path.slice(this.#prefix.length),
        { ...content, path: content.path.slice(this.#prefix.length) }
      ])
    );
  }
  skipped() {
    return this.#inner.skipped();
  }
};

// src/files/git-blob-id.ts
var import_node_crypto = __toESM(require_node_crypto(), 1);
function gitBlobId(text2) {
  const bytes = Buffer.from(text2, "utf8");
  return (0, import_node_crypto.createHash)("sha1").update(`blob ${bytes.byteLength}\0`).update(bytes).digest("hex");
}

// src/review/migration-scope.ts
async function scopeMigrations(migrations, texts, base) {
  const onBase = base ? await baseBlobIds(
    base,
    migrations.map((file) => file.path)
  ).catch(() => void 0) : void 0;
  if (!base || !onBase) {
    const newest = /* @__PURE__ */ new Map();
    for (const file of migrations) newest.set(file.directory, file.path);
    const judgedFiles2 = migrations.filter((file) => newest.get(file.directory) === file.path).map((f) => f.path);
    return { judged: "newest-per-directory", judgedFiles: judgedFiles2, notJudged: migrations.length - judgedFiles2.length };
  }
  const judgedFiles = migrations.filter((file) => onBase.get(file.path) !== gitBlobId(texts.get(file.path) ?? "")).map((file) => file.path);
  return {
    judged: "changed-since-base",
    base: base.label,
    judgedFiles,
    notJudged: migrations.length - judgedFiles.length
  };
}
async function baseBlobIds(base, paths) {
  const wanted = new Set(paths);
  const listed = (await base.list()).filter((entry) => wanted.has(entry.path));
  const ids = /* @__PURE__ */ new Map();
  for (const entry of listed) if (entry.oid) ids.set(entry.path, entry.oid);
  const unknown2 = listed.filter((entry) => !entry.oid).map((entry) => entry.path);
  if (unknown2.length > 0) {
    for (const content of (await base.read(unknown2)).values())
      if (content.kind === "text") ids.set(content.path, gitBlobId(content.text));
  }
  return ids;
}
function migrationScopeNote(scope) {
  if (!scope || scope.notJudged === 0) return void 0;
  const older = `${scope.notJudged} older migration${scope.notJudged === 1 ? "" : "s"}`;
  if (scope.judged === "changed-since-base")
    return `Migration safety was judged on the ${count(scope.judgedFiles.length, "migration")} this change adds or edits; ${scope.notJudged} already on ${scope.base ?? "the base"} ${scope.notJudged === 1 ? "has" : "have"} run and ${scope.notJudged === 1 ? "was" : "were"} not judged.`;
  return `Migration safety was judged on the newest migration of each migrations folder; ${older} ${scope.notJudged === 1 ? "was" : "were"} not judged (they have likely run). To judge the ones a change adds or edits, compare with its base: \`headroom --base main\`.`;
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// src/rules/rule.ts
var TIERS = ["launch", "growth", "scale", "enterprise"];
var SEVERITIES = ["error", "warning", "note"];
function defineRule(rule) {
  return rule;
}

// src/reporters/markdown-markers.ts
var COMMENT_MARKER = "<!-- headroom:review -->";
var LOGIN = String.raw`[A-Za-z0-9-]+(?:\[bot\])?`;
var TIME = String.raw`\d{4}-\d{2}-\d{2}T[\d:.]+Z`;
function findingMarker(fingerprint2, ack) {
  return `<!-- headroom:fp=${fingerprint2}${ack ? ` ack=${ack.by}${ack.at ? ` at=${ack.at}` : ""}` : ""} -->`;
}
var CHECKBOX = /^\s*[-*] \[( |x|X)\] /;
var MARKER = new RegExp(`<!-- headroom:fp=([0-9a-f]+)(?: ack=(${LOGIN})(?: at=(${TIME}))?)? -->`);
function acknowledgementRecord(acks) {
  const entries = [...acks].map(
    ([fingerprint2, ack]) => `${fingerprint2}=${ack.by}${ack.at ? `@${ack.at}` : ""}`
  );
  return entries.length ? `<!-- headroom:acks ${entries.join(" ")} -->` : "";
}
var RECORD = /<!-- headroom:acks ([^>]*) -->/;
var RECORD_ENTRY = new RegExp(`^([0-9a-f]+)=(${LOGIN})(?:@(${TIME}))?$`);
function parseAcknowledgementRecord(body) {
  const record3 = /* @__PURE__ */ new Map();
  for (const entry of RECORD.exec(body)?.[1]?.split(" ") ?? []) {
    const match = RECORD_ENTRY.exec(entry);
    if (match)
      record3.set(match[1], { by: match[2], ...match[3] ? { at: match[3] } : {} });
  }
  return record3;
}
function parseChecklist(body) {
  const items = [];
  for (const line of body.split(/\r?\n/)) {
    const box = CHECKBOX.exec(line);
    const marker = box ? MARKER.exec(line) : null;
    if (!box || !marker) continue;
    const item = { fingerprint: marker[1], checked: box[1] !== " " };
    if (marker[2]) item.ack = { by: marker[2], ...marker[3] ? { at: marker[3] } : {} };
    items.push(item);
  }
  return items;
}
function rewriteChecklist(body, acks) {
  const record3 = acknowledgementRecord(acks);
  const lines = body.split("\n");
  const at3 = lines.findIndex((line) => RECORD.test(line));
  if (at3 >= 0) lines.splice(at3, 1, ...record3 ? [record3] : []);
  else if (record3) lines.splice(lines.indexOf(COMMENT_MARKER) + 1, 0, record3);
  return lines.map((line) => {
    const box = CHECKBOX.exec(line);
    const marker = box ? MARKER.exec(line) : null;
    if (!box || !marker) return line;
    const fingerprint2 = marker[1];
    const ack = acks.get(fingerprint2);
    return line.replace(CHECKBOX, (whole) => whole.replace(/\[( |x|X)\]/, ack ? "[x]" : "[ ]")).replace(MARKER, findingMarker(fingerprint2, ack));
  }).join("\n");
}

// src/reporters/verdict.ts
function verdictSentence(result) {
  const active = result.findings.filter((f) => !f.acknowledgement);
  if (active.length === 0) {
    return result.findings.length > 0 ? `All clear: every finding is acknowledged (${result.findings.length}).` : "All clear: no scaling findings.";
  }
  const { blocking, failOn, gateOn } = result.gate;
  const fresh = result.compared ? active.filter((f) => f.status === "new").length : void 0;
  const counted2 = `${active.length} finding${active.length === 1 ? "" : "s"}${fresh !== void 0 ? ` (${fresh} new)` : ""}`;
  if (blocking > 0) {
    const scope = result.compared && gateOn === "new" ? "new " : "";
    return `${counted2}; ${blocking} ${scope}at or above ${failOn} block${blocking === 1 ? "s" : ""} the merge.`;
  }
  return `${counted2}; none blocks the merge${failOn === "never" ? " (failOn: never)" : ""}.`;
}
var CONCLUSION_LABEL = {
  success: "Passed",
  neutral: "Passed with findings",
  failure: "Failed"
};
function partitionFindings(result) {
  const open = result.findings.filter((f) => !f.acknowledgement);
  return {
    current: result.compared ? open.filter((f) => f.status === "new") : open,
    existing: result.compared ? open.filter((f) => f.status !== "new") : [],
    acknowledged: result.findings.filter((f) => f.acknowledgement)
  };
}
function figure(value, unit = "") {
  if (!value) return "\u2014";
  const number3 = Number.isInteger(value.value) ? String(value.value) : value.value.toFixed(1);
  return `${number3}${unit}${value.source === "read" ? "" : ` (${value.source})`}`;
}

// src/reporters/markdown.ts
var ICON = { success: "\u2705", neutral: "\u26A0\uFE0F", failure: "\u274C" };
var SEVERITY_ICON = { error: "\u{1F534}", warning: "\u{1F7E0}", note: "\u{1F535}" };
function renderMarkdown(result, options) {
  const maxLength = options.maxLength ?? 65536;
  let text2 = "";
  for (let level = 0; level <= MAX_LEVEL; level++) {
    text2 = render(result, options, level);
    if (text2.length <= maxLength) return text2;
  }
  return cutToFit(text2, maxLength);
}
var CUT_NOTE = "\n\u2026 (cut to fit GitHub's limit; run `headroom` locally for the full review)\n";
var CLOSE_DETAILS = "\n</details>";
function cutToFit(text2, maxLength) {
  const kept = [];
  let length = 0;
  let open = 0;
  for (const line of text2.split("\n")) {
    const opens = open + (line.startsWith("<details>") ? 1 : 0) - (line === "</details>" ? 1 : 0);
    if (length + line.length + 1 + CUT_NOTE.length + opens * CLOSE_DETAILS.length > maxLength) break;
    kept.push(line);
    length += line.length + 1;
    open = opens;
  }
  return `${kept.join("\n")}${CLOSE_DETAILS.repeat(open)}${CUT_NOTE}`;
}
var MAX_LEVEL = 5;
function render(result, options, level) {
  const lines = [];
  if (options.context === "comment") lines.push(COMMENT_MARKER);
  lines.push(
    `## ${ICON[result.gate.conclusion]} Headroom: ${CONCLUSION_LABEL[result.gate.conclusion]}`,
    "",
    `**${verdictSentence(result)}** Target tier: **${result.tier}**.${severityCounts(result)}`
  );
  if (options.context === "comment") {
    const record3 = acknowledgementRecord(
      result.findings.flatMap(
        (f) => f.acknowledgement ? [[f.fingerprint, f.acknowledgement]] : []
      )
    );
    if (record3) lines.push(record3);
  }
  lines.push(...capacityTable(result.capacity));
  const { current, existing, acknowledged } = partitionFindings(result);
  const withFix = level < 3;
  if (current.length > 0) {
    const limit = level >= 5 ? 50 : level >= 4 ? 200 : Number.POSITIVE_INFINITY;
    lines.push(
      "",
      result.compared ? `### New findings (${current.length})` : `### Findings (${current.length})`,
      ""
    );
    lines.push(...current.slice(0, limit).flatMap((f) => findingLines(f, withFix)));
    if (current.length > limit)
      lines.push(`- \u2026 and ${current.length - limit} more; run \`headroom\` locally for the full list.`);
  }
  if (existing.length > 0) {
    lines.push(
      "",
      `<details><summary>Findings already on the base branch (${existing.length})</summary>`,
      ""
    );
    lines.push(
      ...level >= 2 ? countsByRule(existing) : existing.flatMap((f) => findingLines(f, level < 1))
    );
    lines.push("", "</details>");
  }
  if (acknowledged.length > 0) {
    lines.push("", `### Acknowledged (${acknowledged.length})`, "");
    lines.push(
      ...level >= 2 ? countsByRule(acknowledged, (f) => f.acknowledgement?.by) : acknowledged.flatMap((f) => findingLines(f, false))
    );
  }
  if (result.suppressed.length > 0) {
    lines.push("", `<details><summary>Suppressed in the code (${result.suppressed.length})</summary>`, "");
    lines.push(
      ...level >= 2 ? countsByRule(result.suppressed) : result.suppressed.map(
        (f) => `- **${f.ruleId}** \`${f.entity}\` \u2014 ${f.suppression?.reason ?? ""} (${f.suppression?.location.path}:${f.suppression?.location.line})`
      )
    );
    lines.push("", "</details>");
  }
  const scopeNote = migrationScopeNote(result.migrations);
  if (scopeNote) lines.push("", `<sub>${scopeNote}</sub>`);
  if (result.diagnostics.length > 0) {
    const shown = level >= 4 ? result.diagnostics.slice(0, 20) : result.diagnostics;
    lines.push("", `### Could not read everything (${result.diagnostics.length})`, "");
    lines.push(
      ...shown.map(
        (d) => `- ${d.severity === "error" ? "\u2757" : "\u26A0\uFE0F"} \`${d.location.path}:${d.location.line}\` ${d.message}`
      )
    );
    if (shown.length < result.diagnostics.length)
      lines.push(`- \u2026 and ${result.diagnostics.length - shown.length} more.`);
  }
  if (result.skipped.length > 0) {
    lines.push("", `<details><summary>Skipped (${result.skipped.length})</summary>`, "");
    lines.push(...result.skipped.slice(0, level >= 2 ? 10 : 100).map((s) => `- \`${s.path}\`: ${s.reason}`));
    lines.push("", "</details>");
  }
  lines.push("", footer(result, options));
  return `${lines.join("\n")}
`;
}
function findingLines(finding2, withFix) {
  const box = finding2.acknowledgement ? "[x]" : "[ ]";
  const where = `${finding2.location.path}:${finding2.location.line}`;
  const head = `- ${box} ${SEVERITY_ICON[finding2.severity]} **[${finding2.ruleId}](${finding2.docsUrl})** \`${finding2.entity}\` ${finding2.message} (${where}) ${findingMarker(finding2.fingerprint, finding2.acknowledgement)}`;
  const lines = [head];
  if (finding2.acknowledgement)
    lines.push(
      `  Acknowledged by @${finding2.acknowledgement.by}${finding2.acknowledgement.at ? ` on ${finding2.acknowledgement.at.slice(0, 10)}` : ""}.`
    );
  else if (withFix && finding2.fix) {
    lines.push(`  Fix: ${finding2.fix.text}`);
    if (finding2.fix.replacement)
      lines.push("", "  ```", ...finding2.fix.replacement.split("\n").map((l) => `  ${l}`), "  ```");
  }
  return lines;
}
function severityCounts(result) {
  const parts = SEVERITIES.filter((s) => result.gate.counts[s] > 0).map(
    (s) => `${SEVERITY_ICON[s]} ${result.gate.counts[s]} ${s}`
  );
  return parts.length ? ` ${parts.join(" \xB7 ")}` : "";
}
function countsByRule(findings, who) {
  const byRule = /* @__PURE__ */ new Map();
  for (const finding2 of findings) {
    const entry = byRule.get(finding2.ruleId) ?? { count: 0, people: /* @__PURE__ */ new Set() };
    entry.count++;
    const person = who?.(finding2);
    if (person) entry.people.add(`@${person}`);
    byRule.set(finding2.ruleId, entry);
  }
  return [...byRule].map(
    ([rule, { count: count3, people }]) => `- **${rule}**: ${count3}${people.size ? ` (${[...people].join(", ")})` : ""}`
  );
}
function capacityTable(capacity) {
  const lines = [];
  if (capacity.services.length > 0) {
    lines.push(
      "",
      "### Capacity",
      "",
      "| Service | Plan | Instances | Processes | RAM | CPU | Memory per process |",
      "| --- | --- | --- | --- | --- | --- | --- |"
    );
    for (const s of capacity.services) {
      const instances = s.instances.min === s.instances.max ? `${s.instances.max}` : `${s.instances.min}\u2013${s.instances.max}`;
      lines.push(
        `| ${s.service} (${s.platform}) | ${s.plan ?? "\u2014"} | ${instances} | ${figure(s.processes)}${s.jobProcesses ? ` + ${figure(s.jobProcesses)} Solid Queue` : ""} | ${figure(s.memoryMb, " MB")} | ${figure(s.cpus)} | ${figure(s.memoryPerProcessMb, " MB")} |`
      );
    }
  }
  if (capacity.databases.length > 0) {
    lines.push(
      "",
      "| Database | Plan | Connection demand | Limit | Use |",
      "| --- | --- | --- | --- | --- |"
    );
    for (const d of capacity.databases) {
      const use = d.percent === void 0 ? "\u2014" : `${Math.round(d.percent)}%${d.percent > 100 ? " \u2757" : ""}`;
      lines.push(`| ${d.datastore} | ${d.plan ?? "\u2014"} | ${demandText(d)} | ${figure(d.limit)} | ${use} |`);
    }
  }
  const assumed = [
    ...capacity.services.flatMap((s) => [
      s.processes,
      s.jobProcesses,
      s.memoryPerProcessMb,
      s.memoryMb,
      s.cpus
    ]),
    ...capacity.databases.map((d) => d.limit)
  ].filter((f) => f && f.source !== "read").map((f) => f?.note).filter((note) => Boolean(note));
  if (assumed.length > 0)
    lines.push("", `<sub>Not read from your files: ${[...new Set(assumed)].join("; ")}.</sub>`);
  const notes = [
    ...capacity.services.map((s) => [s.service, s.notes]),
    ...capacity.databases.map((d) => [d.datastore, d.notes])
  ].flatMap(([name, entries]) => (entries ?? []).map((note) => `- **${name}**: ${note}`));
  if (notes.length > 0) lines.push("", ...notes);
  return lines;
}
function demandText(database) {
  const terms = database.contributors.map(
    (c) => `${c.instances} \xD7 ${c.processes.value} \xD7 ${c.poolSize.value} (${c.service})`
  );
  return terms.length ? `${database.demand} = ${terms.join(" + ")}` : `${database.demand}`;
}
function footer(result, options) {
  const boxes = options.context === "check" ? "" : options.interactive ? " Tick a box to acknowledge a finding: it stops blocking the merge and your name is recorded." : " The boxes are informational here.";
  return `<sub>Headroom ${result.tool.version} reviewed \`${result.target}\`.${boxes} Silence one in code with \`headroom-ignore <rule-id> -- <reason>\`.</sub>`;
}

// package.json
var package_default = {
  name: "headroom",
  version: "0.1.0",
  description: "Scaling-readiness review for pull requests: missing indexes, connection pooling, shared caches and hosting plans.",
  type: "module",
  license: "MIT",
  bin: {
    headroom: "dist/cli.js"
  },
  engines: {
    node: ">=20.19"
  },
  scripts: {
    "node-version": "node --version",
    example: "node src/delivery/cli/bin.ts examples/fastapi-render",
    headroom: "node src/delivery/cli/bin.ts",
    start: "node dist/app.js",
    test: "vitest run",
    typecheck: "tsc --noEmit",
    lint: "biome check .",
    format: "biome format --write .",
    bench: "node bench/run.ts",
    build: "node scripts/build.ts",
    docs: "node scripts/generate-docs.ts",
    schema: "node scripts/generate-config-schema.ts",
    prestart: "node scripts/build.ts app",
    prepack: "node scripts/build.ts cli",
    fuzz: "node scripts/fuzz.ts",
    "bench:app": "node bench/app-load.ts",
    worker: "node dist/worker.js",
    preworker: "node scripts/build.ts app"
  },
  devDependencies: {
    "@actions/core": "^3.0.1",
    "@babel/parser": "^8.1.3",
    "@biomejs/biome": "^2.6.8",
    "@microsoft/jest-sarif": "^1.0.0-beta.0",
    "@mrleebo/prisma-ast": "^0.16.0",
    "@octokit/openapi": "^23.0.2",
    "@octokit/rest": "^22.0.1",
    "@octokit/webhooks-examples": "^7.6.1",
    "@probot/get-private-key": "^2.1.1",
    "@probot/pino": "^5.0.1",
    "@ruby/prism": "^1.9.0",
    "@types/node": "^24.19.2",
    "@types/pg": "^8.23.1",
    "@types/picomatch": "^4.0.3",
    ajv: "^8.20.0",
    "ajv-draft-04": "^1.0.0",
    bottleneck: "^2.19.5",
    bullmq: "^6.7.0",
    esbuild: "^0.28.2",
    "fast-check": "^4.11.0",
    ioredis: "^5.11.1",
    "libpg-query": "^18.1.5",
    nock: "^15.0.2",
    node: "^24.21.0",
    pg: "^8.23.1",
    picomatch: "^4.0.7",
    pino: "^10.4.0",
    probot: "^14.3.2",
    "prom-client": "^15.1.3",
    "smol-toml": "^1.9.1",
    typescript: "5.9",
    vitest: "^5.1.1",
    yaml: "^2.9.1",
    zod: "^4.6.7"
  },
  allowScripts: {
    node: true,
    esbuild: true
  },
  files: [
    "dist/cli.js",
    "dist/cli-chunks/",
    "rules/*/*.md",
    "docs/",
    "schema/",
    "README.md",
    "LICENSE"
  ]
};

// src/meta.ts
var TOOL_NAME = "headroom";
var TOOL_VERSION = package_default.version;
var DOCS_BASE = "https://github.com/headroom-dev/headroom/blob/main/rules/";
var TOOL_URI = "https://github.com/headroom-dev/headroom";

// src/review/sha256.ts
var K = Int32Array.from([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var INITIAL = [
  1779033703,
  3144134277,
  1013904242,
  2773480762,
  1359893119,
  2600822924,
  528734635,
  1541459225
];
function sha256Hex(text2) {
  const message = Buffer.from(text2, "utf8");
  const blocks = Math.ceil((message.length + 9) / 64);
  const padded = Buffer.alloc(blocks * 64);
  message.copy(padded);
  padded[message.length] = 128;
  padded.writeUInt32BE(Math.floor(message.length / 536870912), padded.length - 8);
  padded.writeUInt32BE(message.length * 8 >>> 0, padded.length - 4);
  const hash = Int32Array.from(INITIAL);
  const w = new Int32Array(64);
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < 16; i++) w[i] = padded.readInt32BE(block * 64 + i * 4);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ x >>> 3;
      const s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ y >>> 10;
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let a = hash[0];
    let b = hash[1];
    let c = hash[2];
    let d = hash[3];
    let e = hash[4];
    let f = hash[5];
    let g = hash[6];
    let h = hash[7];
    for (let i = 0; i < 64; i++) {
      const s1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
      const t1 = h + s1 + (e & f ^ ~e & g) + K[i] + w[i] | 0;
      const s0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
      const t2 = s0 + (a & b ^ a & c ^ b & c) | 0;
      h = g;
      g = f;
      f = e;
      e = d + t1 | 0;
      d = c;
      c = b;
      b = a;
      a = t1 + t2 | 0;
    }
    hash[0] = hash[0] + a;
    hash[1] = hash[1] + b;
    hash[2] = hash[2] + c;
    hash[3] = hash[3] + d;
    hash[4] = hash[4] + e;
    hash[5] = hash[5] + f;
    hash[6] = hash[6] + g;
    hash[7] = hash[7] + h;
  }
  const digest = Buffer.alloc(32);
  for (let i = 0; i < 8; i++) digest.writeInt32BE(hash[i], i * 4);
  return digest.toString("hex");
}

// src/review/fingerprint.ts
function fingerprint(ruleId, entity) {
  return sha256Hex(`${ruleId}\0${entity}`).slice(0, 16);
}

// node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
  const numericValues = Object.values(entries).filter((v) => typeof v === "number");
  const values = Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
  return values;
}
function joinValues(array2, separator = "|") {
  return array2.map((val) => stringifyPrimitive(val)).join(separator);
}
function jsonStringifyReplacer(_, value) {
  if (typeof value === "bigint")
    return value.toString();
  return value;
}
var Cached = class {
  constructor(getter) {
    this._getter = getter;
    this._value = void 0;
  }
  get value() {
    const getter = this._getter;
    if (getter !== void 0) {
      this._value = getter();
      this._getter = void 0;
    }
    return this._value;
  }
};
function cached(getter) {
  return new Cached(getter);
}
function cleanRegex(source) {
  const start = source.startsWith("^") ? 1 : 0;
  const end = source.endsWith("$") ? source.length - 1 : source.length;
  return source.slice(start, end);
}
function assignProp(target, prop, value) {
  Object.defineProperty(target, prop, {
    value,
    writable: true,
    enumerable: true,
    configurable: true
  });
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
};
function isObject(data) {
  return typeof data === "object" && data !== null && !Array.isArray(data);
}
function isPlainObject(o) {
  if (isObject(o) === false)
    return false;
  const ctor = o.constructor;
  if (ctor === void 0)
    return true;
  if (typeof ctor !== "function")
    return true;
  const prot = ctor.prototype;
  if (isObject(prot) === false)
    return false;
  if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
    return false;
  }
  return true;
}
function shallowClone(o) {
  if (isPlainObject(o))
    return { ...o };
  if (Array.isArray(o))
    return [...o];
  if (o instanceof Map)
    return new Map(o);
  if (o instanceof Set)
    return new Set(o);
  return o;
}
var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
function escapeRegex(str) {
  return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
  const cl = new inst._zod.constr(def ?? inst._zod.def);
  if (!def || params?.parent)
    cl._zod.parent = inst;
  return cl;
}
function normalizeParams(_params) {
  const params = _params;
  if (!params)
    return {};
  if (typeof params === "string")
    return { error: () => params };
  if (params?.message !== void 0) {
    if (params?.error !== void 0)
      throw new Error("Cannot specify both `message` and `error` params");
    params.error = params.message;
  }
  delete params.message;
  if (typeof params.error === "string")
    return { ...params, error: () => params.error };
  return params;
}
function stringifyPrimitive(value) {
  if (typeof value === "bigint")
    return value.toString() + "n";
  if (typeof value === "string")
    return `"${value}"`;
  return `${value}`;
}
function optionalKeys(shape) {
  return Object.keys(shape).filter((k) => {
    return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
  });
}
var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-34028234663852886e22, 34028234663852886e22],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
function aborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue !== true) {
      return true;
    }
  }
  return false;
}
function explicitlyAborted(x, startIndex = 0) {
  if (x.aborted === true)
    return true;
  for (let i = startIndex; i < x.issues.length; i++) {
    if (x.issues[i]?.continue === false) {
      return true;
    }
  }
  return false;
}
function prefixIssues(path3, issues) {
  return issues.map((iss) => {
    var _a3;
    (_a3 = iss).path ?? (_a3.path = []);
    iss.path.unshift(path3);
    return iss;
  });
}
function unwrapMessage(message) {
  return typeof message === "string" ? message : message?.message;
}
function sizeCaps(defChecks) {
  const caps = [];
  for (const ch of defChecks ?? []) {
    const d = ch._zod.def;
    if (!/_(length|size)$|_equals$/.test(d.check))
      break;
    const max = d.maximum ?? d.length ?? d.size;
    if (max >= 0)
      caps.push([max, ch]);
  }
  return caps;
}
function attachSchema(issues, start, inst) {
  var _a3;
  for (let i = start; i < issues.length; i++) {
    (_a3 = issues[i]).schema ?? (_a3.schema = inst);
  }
}
function finalizeIssue(iss, ctx, config2) {
  var _a3;
  const traits = iss.inst?._zod?.traits;
  if (traits?.has("$ZodType")) {
    if (traits.has("$ZodCheck"))
      (_a3 = iss).schema ?? (_a3.schema = iss.inst);
    else
      iss.schema = iss.inst;
  }
  const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
  const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
  const full = {};
  for (const k of Object.keys(iss)) {
    if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__")
      continue;
    full[k] = iss[k];
  }
  full.path ?? (full.path = []);
  full.message = message;
  if (ctx?.reportInput) {
    full.input = iss.input;
  }
  return full;
}
function parsedType(data) {
  const t = typeof data;
  switch (t) {
    case "number": {
      return Number.isNaN(data) ? "nan" : "number";
    }
    case "object": {
      if (data === null) {
        return "null";
      }
      if (Array.isArray(data)) {
        return "array";
      }
      const obj = data;
      if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
        return obj.constructor.name;
      }
    }
  }
  return t;
}
function issue2(...args) {
  const [iss, input, inst] = args;
  if (typeof iss === "string") {
    return {
      message: iss,
      code: "custom",
      input,
      inst
    };
  }
  return { ...iss };
}
function members(proto, table) {
  for (const key in table) {
    const desc = Object.getOwnPropertyDescriptor(table, key);
    if (desc.get)
      Object.defineProperty(proto, key, { ...desc, enumerable: false });
    else
      defineBound(proto, key, desc.value);
  }
}
function own(inst, key, value, enumerable = true) {
  Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
  return value;
}
function hide(inst, key, value) {
  return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      return this == null ? fn : own(this, key, fn.bind(this));
    },
    set(value) {
      own(this, key, value);
    }
  });
}
function claim(inst, sentinel) {
  const proto = Object.getPrototypeOf(inst);
  return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
  configurable: true,
  get() {
    broke = true;
    return void 0;
  }
};
function defineLazyInternal(inst, key, compute) {
  const proto = Object.getPrototypeOf(inst._zod);
  if (key in proto && installing !== inst._zod) {
    installing = void 0;
    return;
  }
  installing = inst._zod;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      Object.defineProperty(this, key, breaker);
      const outer = broke;
      broke = false;
      try {
        const value = compute(this);
        if (broke)
          delete this[key];
        else
          Object.defineProperty(this, key, { configurable: true, writable: true, value });
        broke = broke || outer;
        return value;
      } catch (err) {
        delete this[key];
        broke = broke || outer;
        throw err;
      }
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, value });
    }
  });
}
function installLazyProp(inst, key, make, enumerable) {
  const proto = claim(inst, key);
  if (!proto)
    return;
  Object.defineProperty(proto, key, {
    configurable: true,
    get() {
      const desc = { configurable: true, writable: true, enumerable, value: void 0 };
      Object.defineProperty(this, key, desc);
      desc.value = make(this);
      Object.defineProperty(this, key, desc);
      return desc.value;
    },
    set(value) {
      Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
    }
  });
}

// node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = { value: void 0, enumerable: false };
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
  const E = _E;
  if (E) {
    const saved = E.stackTraceLimit;
    if (typeof saved === "number") {
      try {
        E.stackTraceLimit = 0;
      } catch {
        _E = null;
        return new Definition();
      }
      try {
        return new Definition();
      } finally {
        E.stackTraceLimit = saved;
      }
    }
  }
  return new Definition();
}
// @__NO_SIDE_EFFECTS__
function $constructor(name, initializer2, proto, params) {
  const zodProto = {};
  function Internals(def) {
    this.def = def;
    this.constr = _;
    this.traits = /* @__PURE__ */ new Set();
  }
  Internals.prototype = zodProto;
  const protoMembers = proto;
  const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
  function init(inst, def) {
    if (!inst._zod) {
      _zodDesc.value = new Internals(def);
      try {
        Object.defineProperty(inst, "_zod", _zodDesc);
      } finally {
        _zodDesc.value = void 0;
      }
    } else if (inst._zod.traits.has(name)) {
      return;
    }
    inst._zod.traits.add(name);
    initializer2(inst, def);
    if (initialized) {
      const own2 = Object.getPrototypeOf(inst);
      const ctorProto = inst._zod.constr.prototype;
      let up = own2;
      while (up && up !== ctorProto)
        up = Object.getPrototypeOf(up);
      const target = up ?? own2;
      if (!initialized.has(target)) {
        initialized.add(target);
        members(target, protoMembers);
      }
    }
    const proto2 = _.prototype;
    for (const k in proto2) {
      if (!Object.prototype.hasOwnProperty.call(proto2, k))
        continue;
      if (!(k in inst)) {
        inst[k] = proto2[k].bind(inst);
      }
    }
  }
  const Parent = params?.Parent ?? Object;
  class Definition extends Parent {
  }
  Object.defineProperty(Definition, "name", { value: name });
  function _(def) {
    const inst = params?.Parent ? newError(Definition) : this;
    init(inst, def);
    const deferred = inst._zod.deferred;
    if (deferred) {
      for (const fn of deferred) {
        fn();
      }
      inst._zod.deferred = void 0;
    }
    const pp = globalThis.__zod_globalConfig?.postProcessor;
    if (pp)
      pp(inst);
    return inst;
  }
  Object.defineProperty(_, "init", { value: init });
  Object.defineProperty(_, Symbol.hasInstance, {
    value: (inst) => {
      if (params?.Parent && inst instanceof params.Parent)
        return true;
      return inst?._zod?.traits?.has(name);
    }
  });
  Object.defineProperty(_, "name", { value: name });
  return _;
}
var $ZodAsyncError = class extends Error {
  constructor() {
    super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
  }
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
  if (newConfig)
    Object.assign(globalConfig, newConfig);
  return globalConfig;
}

// node_modules/zod/v4/core/errors.js
function _getMessage() {
  const internals = this._zod;
  internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
  return internals.message;
}
function _setMessage(value) {
  this._zod.message = value;
}
var _messageDesc = {
  get: _getMessage,
  set: _setMessage,
  enumerable: true,
  configurable: true
};
var _issuesDesc = { value: void 0, enumerable: false };
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
  inst.name = "$ZodError";
  _issuesDesc.value = def;
  Object.defineProperty(inst, "issues", _issuesDesc);
  _issuesDesc.value = void 0;
  Object.defineProperty(inst, "message", _messageDesc);
  const proto = Object.getPrototypeOf(inst);
  if (!_installedToString.has(proto)) {
    _installedToString.add(proto);
    Object.defineProperty(proto, "toString", {
      configurable: true,
      enumerable: false,
      get() {
        const value = () => this.message;
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
      }
    });
  }
};
var $ZodError = $constructor("$ZodError", initializer);
var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
  Parent: Error
});

// node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
  const fn = (schema4, value, _ctx, _params) => {
    const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema4._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    if (result.issues.length) {
      const e = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, _params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parse = /* @__PURE__ */ _parse($ZodRealError);
var _parseAsync = (_Err) => {
  const fn = async (schema4, value, _ctx, params) => {
    const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema4._zod.run({ value, issues: [] }, ctx);
    if (result instanceof Promise)
      result = await result;
    if (result.issues.length) {
      const e = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
      captureStackTrace(e, params?.callee ?? fn);
      throw e;
    }
    return result.value;
  };
  return fn;
};
var parseAsync = /* @__PURE__ */ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema4, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: false } : { async: false };
  const result = schema4._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise) {
    throw new $ZodAsyncError();
  }
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParse = /* @__PURE__ */ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
  let error3;
  return {
    success: false,
    get error() {
      if (!error3) {
        error3 = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
        issues = void 0;
        ctx = void 0;
      }
      return error3;
    },
    set error(e) {
      error3 = e;
      issues = void 0;
      ctx = void 0;
    }
  };
}
var _safeParseAsync = (_Err) => async (schema4, value, _ctx) => {
  const ctx = _ctx ? { ..._ctx, async: true } : { async: true };
  let result = schema4._zod.run({ value, issues: [] }, ctx);
  if (result instanceof Promise)
    result = await result;
  return result.issues.length ? failure(_Err, result.issues, ctx) : { success: true, data: result.value };
};
var safeParseAsync = /* @__PURE__ */ _safeParseAsync($ZodRealError);

// node_modules/zod/v4/core/regexes.js
var anyString = /^[\s\S]{0,}$/;
var number = /^-?\d+(?:\.\d+)?$/;

// node_modules/zod/v4/core/checks.js
var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
  var _a3;
  inst._zod ?? (inst._zod = {});
  inst._zod.def = def;
  (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
});
var numericOriginMap = {
  number: "number",
  bigint: "bigint",
  object: "date"
};
var $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_big",
      maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
  $ZodCheck.init(inst, def);
  const origin = numericOriginMap[typeof def.value];
  inst._zod.check = (payload) => {
    if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
      return;
    }
    payload.issues.push({
      origin: numericOriginMap[typeof payload.value] ?? origin,
      code: "too_small",
      minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
      input: payload.value,
      inclusive: def.inclusive,
      inst,
      continue: !def.abort
    });
  };
});
var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
  $ZodCheck.init(inst, def);
  def.format = def.format || "float64";
  const isInt = def.format?.includes("int");
  const origin = isInt ? "int" : "number";
  const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
  inst._zod.check = (payload) => {
    const input = payload.value;
    if (isInt) {
      if (!Number.isInteger(input)) {
        payload.issues.push({
          expected: origin,
          format: def.format,
          code: "invalid_type",
          continue: false,
          input,
          inst
        });
        return;
      }
      if (!Number.isSafeInteger(input)) {
        if (input > 0) {
          payload.issues.push({
            input,
            code: "too_big",
            maximum: Number.MAX_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        } else {
          payload.issues.push({
            input,
            code: "too_small",
            minimum: Number.MIN_SAFE_INTEGER,
            note: "Integers must be within the safe integer range.",
            inst,
            origin,
            inclusive: true,
            continue: !def.abort
          });
        }
        return;
      }
    }
    if (input < minimum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_small",
        minimum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
    if (input > maximum) {
      payload.issues.push({
        origin: "number",
        input,
        code: "too_big",
        maximum,
        inclusive: true,
        inst,
        continue: !def.abort
      });
    }
  };
});

// node_modules/zod/v4/core/versions.js
var version = {
  major: 4,
  minor: 6,
  patch: 7
};

// node_modules/zod/v4/core/schemas.js
var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
  var _a3;
  inst ?? (inst = {});
  inst._zod.def = def;
  inst._zod.bag = inst._zod.bag || {};
  inst._zod.version = version;
  const defChecks = inst._zod.def.checks;
  const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
  for (const ch of checks) {
    for (const fn of ch._zod.onattach) {
      fn(inst);
    }
  }
  if (checks.length === 0) {
    (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
    inst._zod.deferred?.push(() => {
      inst._zod.run = inst._zod.parse;
    });
  } else {
    const runChecks = (payload, checks2, ctx) => {
      if (payload.memo)
        return payload;
      let isAborted = aborted(payload);
      let asyncResult;
      for (const ch of checks2) {
        if (ch._zod.def.when) {
          if (explicitlyAborted(payload))
            continue;
          const shouldRun = ch._zod.def.when(payload);
          if (!shouldRun)
            continue;
        } else if (isAborted) {
          continue;
        }
        const currLen = payload.issues.length;
        const _ = ch._zod.check(payload);
        if (_ instanceof Promise && ctx?.async === false) {
          throw new $ZodAsyncError();
        }
        if (asyncResult || _ instanceof Promise) {
          asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
            await _;
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              return;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          });
        } else {
          const nextLen = payload.issues.length;
          if (nextLen === currLen)
            continue;
          attachSchema(payload.issues, currLen, inst);
          if (!isAborted)
            isAborted = aborted(payload, currLen);
        }
      }
      if (asyncResult) {
        return asyncResult.then(() => {
          return payload;
        });
      }
      return payload;
    };
    const handleCanaryResult = (canary, payload, ctx) => {
      if (aborted(canary)) {
        canary.aborted = true;
        return canary;
      }
      const checkResult = runChecks(payload, checks, ctx);
      if (checkResult instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx));
      }
      return inst._zod.parse(checkResult, ctx);
    };
    inst._zod.run = (payload, ctx) => {
      if (ctx.skipChecks) {
        return inst._zod.parse(payload, ctx);
      }
      if (ctx.direction === "backward") {
        const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
        if (canary instanceof Promise) {
          return canary.then((canary2) => {
            return handleCanaryResult(canary2, payload, ctx);
          });
        }
        return handleCanaryResult(canary, payload, ctx);
      }
      const result = inst._zod.parse(payload, ctx);
      if (result instanceof Promise) {
        if (ctx.async === false)
          throw new $ZodAsyncError();
        return result.then((result2) => runChecks(result2, checks, ctx));
      }
      return runChecks(result, checks, ctx);
    };
  }
}, {
  // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
  get "~standard"() {
    return hide(this, "~standard", standardProps(this));
  },
  set "~standard"(value) {
    own(this, "~standard", value);
  }
});
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
  const ctx = { async: true };
  return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx), ctx);
}
function standardProps(inst) {
  return {
    validate: (value) => {
      const ctx = { async: false };
      try {
        const r = inst._zod.run({ value, issues: [] }, ctx);
        if (!(r instanceof Promise))
          return toStandardResult(r, ctx);
      } catch (_) {
      }
      return validateAsync(inst, value);
    },
    vendor: "zod",
    version: 1
  };
}
var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = def.pattern ?? anyString;
  inst._zod.parse = (payload, _) => {
    if (def.coerce)
      try {
        payload.value = String(payload.value);
      } catch (_2) {
      }
    if (typeof payload.value === "string")
      return payload;
    payload.issues.push({
      expected: "string",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.pattern = number;
  inst._zod.parse = (payload, _ctx) => {
    if (def.coerce)
      try {
        payload.value = Number(payload.value);
      } catch (_) {
      }
    const input = payload.value;
    if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
      return payload;
    }
    const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
    payload.issues.push({
      expected: "number",
      code: "invalid_type",
      input,
      inst,
      ...received ? { received } : {}
    });
    return payload;
  };
});
var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
  $ZodCheckNumberFormat.init(inst, def);
  $ZodNumber.init(inst, def);
});
var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload) => payload;
});
var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _ctx) => {
    payload.issues.push({
      expected: "never",
      code: "invalid_type",
      input: payload.value,
      inst
    });
    return payload;
  };
});
function capSize(inst, size) {
  const caps = sizeCaps(inst._zod.def.checks);
  if (!caps.length)
    return;
  const cap = Math.min(...caps.map((c) => c[0]));
  const parse4 = inst._zod.parse;
  inst._zod.parse = (payload, ctx) => {
    const n = size(payload.value);
    if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
      for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
        if (n > max && ch._zod.def.when(payload)) {
          const start = payload.issues.length;
          ch._zod.check(payload);
          payload.issues[start].continue = false;
          attachSchema(payload.issues, start, inst);
          return payload;
        }
      }
    }
    return parse4(payload, ctx);
  };
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
  if (result.issues.length) {
    final.issues.push(...prefixIssues(index, result.issues));
  }
  final.value[index] = result.value;
}
var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({
        expected: "array",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
    const proms = [];
    const abortEarly = ctx?.abortEarly;
    for (let i = 0; i < input.length; i++) {
      const item = input[i];
      const result = def.element._zod.run({
        value: item,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        proms.push(result.then((result2) => handleArrayResult(result2, payload, i)));
      } else {
        handleArrayResult(result, payload, i);
        if (abortEarly && result.issues.length !== 0 && aborted(result))
          break;
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
  capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
  const isPresent = key in input;
  const isOptionalOut = optout === "optional";
  if (!isPresent && isOptionalOut && optin === "optional") {
    return;
  }
  if (result.issues.length) {
    if (optin !== void 0 && isOptionalOut && !isPresent) {
      return;
    }
    final.issues.push(...prefixIssues(key, result.issues));
  }
  if (!isPresent && optin === void 0) {
    if (!result.issues.length) {
      final.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: void 0,
        path: [key]
      });
    }
    return;
  }
  if (result.value === void 0) {
    if (isPresent || optin === "defaulted" && !isOptionalOut) {
      final.value[key] = void 0;
    }
  } else {
    final.value[key] = result.value;
  }
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
  const keys = Object.keys(def.shape);
  const ownSymbols = Object.getOwnPropertySymbols(def.shape);
  const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
  const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
  for (const k of allKeys) {
    if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
      throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
    }
  }
  const okeys = optionalKeys(def.shape);
  return {
    ...def,
    allKeys,
    symbolKeys,
    // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
    keySet: new Set(keys),
    numKeys: keys.length,
    optionalKeys: new Set(okeys)
  };
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
  const unrecognized = [];
  const keySet = def.keySet;
  const _catchall = def.catchall._zod;
  const t = _catchall.def.type;
  const optin = _catchall.optin;
  const optout = _catchall.optout;
  let seen = 0;
  for (const key in input) {
    if (abortEarly && payload.issues.length !== seen) {
      if (aborted(payload, seen))
        break;
      seen = payload.issues.length;
    }
    if (keySet.has(key))
      continue;
    if (key === "__proto__") {
      if (t === "never")
        unrecognized.push(key);
      continue;
    }
    if (t === "never") {
      unrecognized.push(key);
      continue;
    }
    const r = _catchall.run({ value: input[key], issues: [] }, ctx);
    if (r instanceof Promise) {
      proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
    } else {
      handlePropertyResult(r, payload, key, input, optin, optout);
    }
  }
  if (unrecognized.length) {
    payload.issues.push({
      code: "unrecognized_keys",
      keys: unrecognized,
      input,
      inst,
      // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
      continue: true
    });
  }
  if (!proms.length)
    return payload;
  return Promise.all(proms).then(() => {
    return payload;
  });
}
var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
  $ZodType.init(inst, def);
  const desc = Object.getOwnPropertyDescriptor(def, "shape");
  const sh = desc?.get ? desc.get.raw : def.shape ?? {};
  if (sh) {
    const get = () => {
      const newSh = { ...sh };
      Object.defineProperty(def, "shape", { value: newSh });
      get.raw = newSh;
      return newSh;
    };
    get.raw = sh;
    Object.defineProperty(def, "shape", { get });
  }
  const _normalized = cached(() => normalizeDef(def));
  defineLazyInternal(inst, "propValues", (zod) => {
    const shape = zod.def.shape;
    const propValues = {};
    for (const key in shape) {
      const field = shape[key]._zod;
      if (field.values) {
        if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
          assignProp(propValues, key, /* @__PURE__ */ new Set());
        }
        for (const v of field.values)
          propValues[key].add(v);
        if (field.optin !== void 0)
          propValues[key].add(void 0);
      }
    }
    return propValues;
  });
  const isObject2 = isObject;
  const catchall = def.catchall;
  let value;
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    value ?? (value = _normalized.value);
    const input = payload.value;
    if (!isObject2(input)) {
      payload.issues.push({
        expected: "object",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
    const proms = [];
    const shape = value.shape;
    const abortEarly = ctx?.abortEarly;
    let seen = payload.issues.length;
    for (const key of value.allKeys) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (key === "__proto__")
        continue;
      const el = shape[key];
      const optin = el._zod.optin;
      const optout = el._zod.optout;
      const r = el._zod.run({ value: input[key], issues: [] }, ctx);
      if (r instanceof Promise) {
        proms.push(r.then((r2) => handlePropertyResult(r2, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r, payload, key, input, optin, optout);
      }
    }
    if (!catchall) {
      return proms.length ? Promise.all(proms).then(() => payload) : payload;
    }
    return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
  };
});
function handleUnionResults(results, final, inst, ctx) {
  for (const result of results) {
    if (result.issues.length === 0) {
      final.value = result.value;
      return final;
    }
  }
  const nonaborted = results.filter((r) => !aborted(r));
  if (nonaborted.length === 1) {
    final.value = nonaborted[0].value;
    return nonaborted[0];
  }
  final.issues.push({
    code: "invalid_union",
    input: final.value,
    inst,
    errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
  });
  return final;
}
var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
  defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
  defineLazyInternal(inst, "values", (zod) => {
    if (zod.def.options.every((o) => o._zod.values)) {
      return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
    }
    return void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    if (zod.def.options.every((o) => o._zod.pattern)) {
      const patterns = zod.def.options.map((o) => o._zod.pattern);
      return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
    }
    return void 0;
  });
  const first = def.options.length === 1 ? def.options[0]._zod.run : null;
  inst._zod.parse = (payload, ctx) => {
    if (first) {
      return first(payload, ctx);
    }
    let async = false;
    const results = [];
    for (const option of def.options) {
      const result = option._zod.run({
        value: payload.value,
        issues: []
      }, ctx);
      if (result instanceof Promise) {
        results.push(result);
        async = true;
      } else {
        if (result.issues.length === 0)
          return result;
        results.push(result);
      }
    }
    if (!async)
      return handleUnionResults(results, payload, inst, ctx);
    return Promise.all(results).then((results2) => {
      return handleUnionResults(results2, payload, inst, ctx);
    });
  };
});
var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
  $ZodType.init(inst, def);
  const memo = globalConfig.memoizer;
  memo?.attach(inst);
  inst._zod.parse = (payload, ctx) => {
    const input = payload.value;
    if (!isPlainObject(input)) {
      payload.issues.push({
        expected: "record",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    }
    const proms = [];
    const values = def.keyType._zod.values;
    if (values && !def.partial) {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      const recordKeys = /* @__PURE__ */ new Set();
      for (const key of values) {
        if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
          recordKeys.add(typeof key === "number" ? key.toString() : key);
          if (key === "__proto__")
            continue;
          const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (keyResult.issues.length) {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
      }
      let unrecognized;
      for (const key in input) {
        if (!recordKeys.has(key)) {
          if (def.mode === "loose") {
            if (key === "__proto__")
              continue;
            payload.value[key] = input[key];
          } else {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          }
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    } else {
      payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
      let unrecognized;
      for (const key of Reflect.ownKeys(input)) {
        if (key === "__proto__")
          continue;
        if (!Object.prototype.propertyIsEnumerable.call(input, key))
          continue;
        let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx);
        if (keyResult instanceof Promise) {
          throw new Error("Async schemas not supported in object keys currently");
        }
        const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
        if (checkNumericKey) {
          const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
          if (retryResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          if (retryResult.issues.length === 0) {
            keyResult = retryResult;
          }
        }
        if (keyResult.issues.length) {
          if (def.mode === "loose") {
            payload.value[key] = input[key];
          } else if (values) {
            unrecognized = unrecognized ?? [];
            unrecognized.push(key);
          } else {
            payload.issues.push({
              code: "invalid_key",
              origin: "record",
              issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx, config())),
              input: key,
              path: [key],
              inst
            });
          }
          continue;
        }
        const outKey = keyResult.value;
        if (outKey === "__proto__")
          continue;
        const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => {
            if (result2.issues.length) {
              payload.issues.push(...prefixIssues(key, result2.issues));
            }
            payload.value[outKey] = result2.value;
          }));
        } else {
          if (result.issues.length) {
            payload.issues.push(...prefixIssues(key, result.issues));
          }
          payload.value[outKey] = result.value;
        }
      }
      if (unrecognized && unrecognized.length > 0) {
        payload.issues.push({
          code: "unrecognized_keys",
          input,
          inst,
          keys: unrecognized,
          continue: true
        });
      }
    }
    if (proms.length) {
      return Promise.all(proms).then(() => payload);
    }
    return payload;
  };
});
var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
  $ZodType.init(inst, def);
  const values = getEnumValues(def.entries);
  const valuesSet = new Set(values);
  inst._zod.values = valuesSet;
  defineLazyInternal(inst, "pattern", (zod) => {
    const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
    return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
  });
  inst._zod.parse = (payload, _ctx) => {
    const input = payload.value;
    if (valuesSet.has(input)) {
      return payload;
    }
    payload.issues.push({
      code: "invalid_value",
      values,
      input,
      inst
    });
    return payload;
  };
});
function handleOptionalResult(payload, result) {
  payload.value = result.issues.length ? void 0 : result.value;
  return payload;
}
var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
  $ZodType.init(inst, def);
  defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
  inst._zod.optout = "optional";
  defineLazyInternal(inst, "values", (zod) => {
    const values = zod.def.innerType._zod.values;
    return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
  });
  defineLazyInternal(inst, "pattern", (zod) => {
    const pattern = zod.def.innerType._zod.pattern;
    return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
  });
  inst._zod.parse = (payload, ctx) => {
    if (payload.value === void 0) {
      if (def.innerType._zod.optin !== "defaulted")
        return payload;
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx);
      if (result instanceof Promise)
        return result.then((result2) => handleOptionalResult(payload, result2));
      return handleOptionalResult(payload, result);
    }
    return def.innerType._zod.run(payload, ctx);
  };
});
var $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
  $ZodType.init(inst, def);
  inst._zod.optin = "defaulted";
  defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
  inst._zod.parse = (payload, ctx) => {
    if (ctx.direction === "backward") {
      return def.innerType._zod.run(payload, ctx);
    }
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
      return payload;
    }
    const result = def.innerType._zod.run(payload, ctx);
    if (result instanceof Promise) {
      return result.then((result2) => handleDefaultResult(result2, def));
    }
    return handleDefaultResult(result, def);
  };
});
function handleDefaultResult(payload, def) {
  if (payload.value === void 0) {
    payload.value = def.defaultValue;
  }
  return payload;
}
var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
  $ZodCheck.init(inst, def);
  $ZodType.init(inst, def);
  inst._zod.parse = (payload, _) => {
    return payload;
  };
  inst._zod.check = (payload) => {
    const input = payload.value;
    const r = def.fn(input);
    if (r instanceof Promise) {
      return r.then((r2) => handleRefineResult(r2, payload, input, inst));
    }
    handleRefineResult(r, payload, input, inst);
    return;
  };
});
function handleRefineResult(result, payload, input, inst) {
  if (!result) {
    const _iss = {
      code: "custom",
      input,
      inst,
      // incorporates params.error into issue reporting
      path: [...inst._zod.def.path ?? []],
      // incorporates params.error into issue reporting
      continue: !inst._zod.def.abort
      // params: inst._zod.def.params,
    };
    if (inst._zod.def.params)
      _iss.params = inst._zod.def.params;
    payload.issues.push(issue2(_iss));
  }
}

// node_modules/zod/v4/locales/en.js
var error2 = () => {
  const Sizable = {
    string: { unit: "characters", verb: "to have" },
    file: { unit: "bytes", verb: "to have" },
    array: { unit: "items", verb: "to have" },
    set: { unit: "items", verb: "to have" },
    map: { unit: "entries", verb: "to have" }
  };
  function getSizing(origin) {
    return Sizable[origin] ?? null;
  }
  const FormatDictionary = {
    regex: "input",
    email: "email address",
    url: "URL",
    emoji: "emoji",
    uuid: "UUID",
    uuidv4: "UUIDv4",
    uuidv6: "UUIDv6",
    nanoid: "nanoid",
    guid: "GUID",
    cuid: "cuid",
    cuid2: "cuid2",
    ulid: "ULID",
    xid: "XID",
    ksuid: "KSUID",
    datetime: "ISO datetime",
    date: "ISO date",
    time: "ISO time",
    duration: "ISO duration",
    ipv4: "IPv4 address",
    ipv6: "IPv6 address",
    mac: "MAC address",
    cidrv4: "IPv4 range",
    cidrv6: "IPv6 range",
    base64: "base64-encoded string",
    base64url: "base64url-encoded string",
    json_string: "JSON string",
    e164: "E.164 number",
    currency_code: "currency code",
    credit_card: "credit card number",
    iban: "IBAN",
    jwt: "JWT",
    template_literal: "input"
  };
  const TypeDictionary = {
    // Compatibility: "nan" -> "NaN" for display
    nan: "NaN"
    // All other type names omitted - they fall back to raw values via ?? operator
  };
  function getTypeName(type, input) {
    if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
      return String(input);
    }
    return TypeDictionary[type] ?? type;
  }
  return (issue3) => {
    switch (issue3.code) {
      case "invalid_type": {
        const expected = getTypeName(issue3.expected);
        const receivedType = parsedType(issue3.input);
        const received = getTypeName(receivedType, issue3.input);
        return `Invalid input: expected ${expected}, received ${received}`;
      }
      case "invalid_value":
        if (issue3.values.length === 1)
          return `Invalid input: expected ${stringifyPrimitive(issue3.values[0])}`;
        return `Invalid option: expected one of ${joinValues(issue3.values, "|")}`;
      case "too_big": {
        const adj = issue3.exact ? "exactly " : issue3.inclusive ? "<=" : "<";
        const sizing2 = getSizing(issue3.origin);
        if (sizing2)
          return `Too big: expected ${issue3.origin ?? "value"} to have ${adj}${issue3.maximum.toString()} ${sizing2.unit ?? "elements"}`;
        return `Too big: expected ${issue3.origin ?? "value"} to be ${adj}${issue3.maximum.toString()}`;
      }
      case "too_small": {
        const adj = issue3.exact ? "exactly " : issue3.inclusive ? ">=" : ">";
        const sizing2 = getSizing(issue3.origin);
        if (sizing2) {
          return `Too small: expected ${issue3.origin} to have ${adj}${issue3.minimum.toString()} ${sizing2.unit}`;
        }
        return `Too small: expected ${issue3.origin} to be ${adj}${issue3.minimum.toString()}`;
      }
      case "invalid_format": {
        const _issue = issue3;
        if (_issue.format === "starts_with") {
          return `Invalid string: must start with "${_issue.prefix}"`;
        }
        if (_issue.format === "ends_with")
          return `Invalid string: must end with "${_issue.suffix}"`;
        if (_issue.format === "includes")
          return `Invalid string: must include "${_issue.includes}"`;
        if (_issue.format === "regex")
          return `Invalid string: must match pattern ${_issue.pattern}`;
        return `Invalid ${FormatDictionary[_issue.format] ?? issue3.format}`;
      }
      case "not_multiple_of":
        return `Invalid number: must be a multiple of ${issue3.divisor}`;
      case "unrecognized_keys":
        return `Unrecognized key${issue3.keys.length > 1 ? "s" : ""}: ${joinValues(issue3.keys, ", ")}`;
      case "invalid_key":
        return `Invalid key in ${issue3.origin}`;
      case "invalid_union":
        if (issue3.options && Array.isArray(issue3.options) && issue3.options.length > 0) {
          const opts = issue3.options.map((o) => `'${o}'`).join(" | ");
          return `Invalid discriminator value. Expected ${opts}`;
        }
        if (issue3.inclusive === false) {
          return "Invalid input: more than one option matched";
        }
        return "Invalid input";
      case "invalid_element":
        return `Invalid value in ${issue3.origin}`;
      default:
        return `Invalid input`;
    }
  };
};
function en_default() {
  return {
    localeError: error2()
  };
}

// node_modules/zod/v4/core/registries.js
var _a2;
var $ZodRegistry = class {
  constructor() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
  }
  add(schema4, ..._meta) {
    const meta2 = _meta[0];
    this._map.set(schema4, meta2);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.set(meta2.id, schema4);
    }
    return this;
  }
  clear() {
    this._map = /* @__PURE__ */ new WeakMap();
    this._idmap = /* @__PURE__ */ new Map();
    return this;
  }
  remove(schema4) {
    const meta2 = this._map.get(schema4);
    if (meta2 && typeof meta2 === "object" && "id" in meta2) {
      this._idmap.delete(meta2.id);
    }
    this._map.delete(schema4);
    return this;
  }
  get(schema4) {
    const p = schema4._zod.parent;
    if (p) {
      const pm = { ...this.get(p) ?? {} };
      delete pm.id;
      const f = { ...pm, ...this._map.get(schema4) };
      return Object.keys(f).length ? f : void 0;
    }
    return this._map.get(schema4);
  }
  has(schema4) {
    return this._map.has(schema4);
  }
};
function registry() {
  return new $ZodRegistry();
}
(_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
var globalRegistry = globalThis.__zod_globalRegistry;

// node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
  if (def.checks)
    def.checks = [...def.checks];
  return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
  return new Class(snapshotChecks({ type: "string", ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _number(Class, params) {
  return new Class(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
  return new Class({
    type: "number",
    check: "number_format",
    abort: false,
    format: "safeint",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _unknown(Class) {
  return new Class({
    type: "unknown"
  });
}
// @__NO_SIDE_EFFECTS__
function _never(Class, params) {
  return new Class({
    type: "never",
    ...normalizeParams(params)
  });
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
  return new $ZodCheckLessThan({
    check: "less_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _gt(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: false
  });
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
  return new $ZodCheckGreaterThan({
    check: "greater_than",
    ...normalizeParams(params),
    value,
    inclusive: true
  });
}
// @__NO_SIDE_EFFECTS__
function _positive(params) {
  return /* @__PURE__ */ _gt(0, params);
}
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
  return /* @__PURE__ */ _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
  const schema4 = new Class({
    type: "custom",
    check: "custom",
    fn,
    ...normalizeParams(_params)
  });
  return schema4;
}
// @__NO_SIDE_EFFECTS__
function describe(description) {
  const ch = new $ZodCheck({ check: "describe" });
  ch._zod.onattach = [
    (inst) => {
      const existing = globalRegistry.get(inst) ?? {};
      globalRegistry.add(inst, { ...existing, description });
    }
  ];
  ch._zod.check = () => {
  };
  return ch;
}

// node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /* @__PURE__ */ $constructor("ZodMiniType", (inst, def) => {
  if (!inst._zod)
    throw new Error("Uninitialized schema in ZodMiniType.");
  $ZodType.init(inst, def);
  inst.def = def;
  inst.type = def.type;
}, {
  // `with` is an alias for `check`: the same function object, not a wrapper.
  get with() {
    return this.check;
  },
  set with(value) {
    own(this, "with", value);
  },
  parse(data, params) {
    return parse(this, data, params, { callee: this.parse });
  },
  parseAsync(data, params) {
    return parseAsync(this, data, params, { callee: this.parseAsync });
  },
  safeParse(data, params) {
    return safeParse(this, data, params);
  },
  safeParseAsync(data, params) {
    return safeParseAsync(this, data, params);
  },
  check(...checks) {
    const def = this.def;
    return this.clone({
      ...def,
      checks: [
        ...def.checks ?? [],
        ...checks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
      ]
    }, { parent: true });
  },
  clone(_def, params) {
    return clone(this, _def, params);
  },
  brand() {
    return this;
  },
  register(reg, meta2) {
    reg.add(this, meta2);
    return this;
  },
  apply(fn, ...args) {
    return args.length === 0 ? fn(this) : fn(this, ...args);
  }
});
var ZodMiniString = /* @__PURE__ */ $constructor("ZodMiniString", (inst, def) => {
  $ZodString.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string2(params) {
  return _string(ZodMiniString, params);
}
var ZodMiniNumber = /* @__PURE__ */ $constructor("ZodMiniNumber", (inst, def) => {
  $ZodNumber.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function number2(params) {
  return _number(ZodMiniNumber, params);
}
var ZodMiniNumberFormat = /* @__PURE__ */ $constructor("ZodMiniNumberFormat", (inst, def) => {
  $ZodNumberFormat.init(inst, def);
  ZodMiniNumber.init(inst, def);
});
function int(params) {
  return _int(ZodMiniNumberFormat, params);
}
var ZodMiniUnknown = /* @__PURE__ */ $constructor("ZodMiniUnknown", (inst, def) => {
  $ZodUnknown.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function unknown() {
  return _unknown(ZodMiniUnknown);
}
var ZodMiniNever = /* @__PURE__ */ $constructor("ZodMiniNever", (inst, def) => {
  $ZodNever.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function never(params) {
  return _never(ZodMiniNever, params);
}
var ZodMiniArray = /* @__PURE__ */ $constructor("ZodMiniArray", (inst, def) => {
  $ZodArray.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
  return new ZodMiniArray({
    type: "array",
    element,
    ...normalizeParams(params)
  });
}
var ZodMiniObject = /* @__PURE__ */ $constructor("ZodMiniObject", (inst, def) => {
  $ZodObject.init(inst, def);
  ZodMiniType.init(inst, def);
  installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function strictObject(shape, params) {
  return new ZodMiniObject({
    type: "object",
    shape,
    catchall: /* @__PURE__ */ never(),
    ...normalizeParams(params)
  });
}
var ZodMiniUnion = /* @__PURE__ */ $constructor("ZodMiniUnion", (inst, def) => {
  $ZodUnion.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function union(options, params) {
  return new ZodMiniUnion({
    type: "union",
    options,
    ...normalizeParams(params)
  });
}
var ZodMiniRecord = /* @__PURE__ */ $constructor("ZodMiniRecord", (inst, def) => {
  $ZodRecord.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function record(keyType, valueType, params) {
  if (!valueType || !valueType._zod) {
    return new ZodMiniRecord({
      type: "record",
      keyType: /* @__PURE__ */ string2(),
      valueType: keyType,
      ...normalizeParams(valueType)
    });
  }
  return new ZodMiniRecord({
    type: "record",
    keyType,
    valueType,
    ...normalizeParams(params)
  });
}
var ZodMiniEnum = /* @__PURE__ */ $constructor("ZodMiniEnum", (inst, def) => {
  $ZodEnum.init(inst, def);
  ZodMiniType.init(inst, def);
  inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
  const entries = Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values;
  return new ZodMiniEnum({
    type: "enum",
    entries,
    ...normalizeParams(params)
  });
}
var ZodMiniOptional = /* @__PURE__ */ $constructor("ZodMiniOptional", (inst, def) => {
  $ZodOptional.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
  return new ZodMiniOptional({
    type: "optional",
    innerType
  });
}
var ZodMiniDefault = /* @__PURE__ */ $constructor("ZodMiniDefault", (inst, def) => {
  $ZodDefault.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function _default(innerType, defaultValue) {
  return new ZodMiniDefault({
    type: "default",
    innerType,
    get defaultValue() {
      return typeof defaultValue === "function" ? defaultValue() : shallowClone(defaultValue);
    }
  });
}
var ZodMiniCustom = /* @__PURE__ */ $constructor("ZodMiniCustom", (inst, def) => {
  $ZodCustom.init(inst, def);
  ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
  return _refine(ZodMiniCustom, fn, _params);
}
var describe2 = describe;

// src/zod-messages.ts
config(en_default());

// src/rules/run-rules.ts
var RULE_CRASH_ID = "internal/rule-crashed";
function docsUrl(ruleId) {
  return `${DOCS_BASE}${ruleId}.md`;
}
function runRules(model, rules, settings, writtenMigrations = model) {
  const findings = [];
  for (const rule of rules) {
    const setting = settings.rules[rule.meta.id] ?? {};
    const severity = setting.severity ?? rule.meta.severity[settings.tier];
    if (severity === "off") continue;
    try {
      const options = rule.options ? rule.options.parse(setting.options ?? {}) : void 0;
      const seen = rule.meta.scope === "written-migrations" ? writtenMigrations : model;
      for (const raw of rule.check(seen, { tier: settings.tier, options })) {
        findings.push({
          ruleId: rule.meta.id,
          title: rule.meta.title,
          category: rule.meta.category,
          severity: setting.severity && setting.severity !== "off" ? setting.severity : raw.severity ?? severity,
          message: raw.message,
          location: raw.location,
          entity: raw.entity,
          fingerprint: fingerprint(rule.meta.id, raw.entity),
          fix: raw.fix,
          ...raw.database ? { database: raw.database } : {},
          docsUrl: docsUrl(rule.meta.id)
        });
      }
    } catch (error3) {
      findings.push(crashFinding(rule, error3));
    }
  }
  return findings;
}
function crashFinding(rule, error3) {
  const reason = error3 instanceof Error ? error3.message : String(error3);
  const entity = `rule:${rule.meta.id}`;
  return {
    ruleId: RULE_CRASH_ID,
    title: "A rule failed to run",
    category: rule.meta.category,
    severity: "warning",
    message: `Rule ${rule.meta.id} failed (${reason}); its findings are missing from this review.`,
    location: { path: ".github/headroom.yml", line: 1 },
    entity,
    fingerprint: fingerprint(RULE_CRASH_ID, entity),
    docsUrl: docsUrl(rule.meta.id)
  };
}

// src/reporters/sarif.ts
var LEVEL = {
  error: "error",
  warning: "warning",
  note: "note"
};
function renderSarif(result) {
  const rules = [...result.rules];
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "headroom",
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: TOOL_URI,
            rules: rules.map((rule) => sarifRule(rule, result))
          }
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.diagnostics.map((d) => ({
              level: d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "note",
              message: { text: d.message },
              locations: [physical(d.location.path, d.location.line)]
            }))
          }
        ],
        results: [
          ...result.findings.map((f) => ({
            ...sarifResult(f, ruleIndex),
            // A ticked box in the pull request: accepted by a person, outside the code.
            ...f.acknowledgement ? {
              suppressions: [
                {
                  kind: "external",
                  status: "accepted",
                  justification: `Acknowledged by @${f.acknowledgement.by} in the pull request.`
                }
              ]
            } : {}
          })),
          ...result.suppressed.map((f) => ({
            ...sarifResult(f, ruleIndex),
            suppressions: [
              {
                kind: "inSource",
                justification: f.suppression?.reason ?? "",
                ...f.suppression ? { location: physical(f.suppression.location.path, f.suppression.location.line) } : {}
              }
            ]
          }))
        ]
      }
    ]
  };
  return `${JSON.stringify(sarif, null, 2)}
`;
}
function sarifRule(rule, result) {
  const level = rule.severity[result.tier];
  return {
    id: rule.id,
    name: rule.title,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.ramification },
    help: { text: rule.fix, markdown: `**${rule.title}**

${rule.ramification}

**Fix:** ${rule.fix}` },
    helpUri: docsUrl(rule.id),
    defaultConfiguration: { enabled: level !== "off", level: level === "off" ? "none" : LEVEL[level] },
    properties: { category: rule.category, tags: ["scaling", rule.category] }
  };
}
function sarifResult(finding2, ruleIndex) {
  const index = ruleIndex.get(finding2.ruleId);
  return {
    ruleId: finding2.ruleId,
    ...index === void 0 ? {} : { ruleIndex: index },
    level: LEVEL[finding2.severity],
    message: { text: finding2.fix ? `${finding2.message} Fix: ${finding2.fix.text}` : finding2.message },
    locations: [physical(finding2.location.path, finding2.location.line, finding2.location.endLine)],
    partialFingerprints: { "headroom/v1": finding2.fingerprint },
    properties: {
      entity: finding2.entity,
      ...finding2.database ? { database: finding2.database } : {},
      ...finding2.status ? { status: finding2.status } : {}
    }
  };
}
function physical(path3, line, endLine) {
  return {
    physicalLocation: {
      artifactLocation: { uri: path3, uriBaseId: "%SRCROOT%" },
      region: { startLine: Math.max(1, line), ...endLine && endLine > line ? { endLine } : {} }
    }
  };
}

// src/review/gate.ts
var RANK = { error: 3, warning: 2, note: 1 };
function atLeast(severity, threshold) {
  return RANK[severity] >= RANK[threshold];
}
function computeGate(findings, diagnostics, policy) {
  const active = findings.filter((finding2) => !finding2.acknowledgement);
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length])
  );
  const { failOn, gateOn, compared } = policy;
  const blocking = failOn === "never" ? 0 : active.filter(
    (f) => atLeast(f.severity, failOn) && !(compared && gateOn === "new" && f.status !== "new")
  ).length;
  const configBroken = diagnostics.some((d) => d.origin === "config" && d.severity === "error");
  const conclusion = blocking > 0 ? "failure" : active.length > 0 || configBroken ? "neutral" : "success";
  return { conclusion, failOn, gateOn, blocking, counts };
}

// src/review/acknowledge.ts
function applyAcknowledgements(result, acks) {
  const forbidden = new Set(result.forbidAcknowledge);
  const findings = result.findings.map((finding2) => {
    const { acknowledgement: _previous, ...rest } = finding2;
    const ack = forbidden.has(finding2.ruleId) ? void 0 : acks.get(finding2.fingerprint);
    return ack ? { ...rest, acknowledgement: { ...ack } } : rest;
  });
  return {
    ...result,
    findings,
    gate: computeGate(findings, result.diagnostics, { ...result.gate, compared: result.compared })
  };
}

// src/review/compare.ts
function compareWithBase(head, base) {
  const before = new Set([...base.findings, ...base.suppressed].map((finding2) => finding2.fingerprint));
  const mark = (finding2) => ({
    ...finding2,
    status: before.has(finding2.fingerprint) ? "existing" : "new"
  });
  const findings = head.findings.map(mark);
  return {
    ...head,
    findings,
    suppressed: head.suppressed.map(mark),
    compared: true,
    gate: computeGate(findings, head.diagnostics, { ...head.gate, compared: true })
  };
}

// src/review/config.ts
var import_picomatch = __toESM(require_picomatch2(), 1);

// node_modules/yaml/browser/dist/nodes/identity.js
var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
function isCollection(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case MAP:
      case SEQ:
        return true;
    }
  return false;
}
function isNode(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case ALIAS:
      case MAP:
      case SCALAR:
      case SEQ:
        return true;
    }
  return false;
}
var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

// node_modules/yaml/browser/dist/visit.js
var BREAK = /* @__PURE__ */ Symbol("break visit");
var SKIP = /* @__PURE__ */ Symbol("skip children");
var REMOVE = /* @__PURE__ */ Symbol("remove node");
function visit(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    visit_(null, node, visitor_, Object.freeze([]));
}
visit.BREAK = BREAK;
visit.SKIP = SKIP;
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path3) {
  const ctrl = callVisitor(key, node, visitor, path3);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path3, ctrl);
    return visit_(key, ctrl, visitor, path3);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path3 = Object.freeze(path3.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = visit_(i, node.items[i], visitor, path3);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path3 = Object.freeze(path3.concat(node));
      const ck = visit_("key", node.key, visitor, path3);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = visit_("value", node.value, visitor, path3);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
async function visitAsync(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    await visitAsync_(null, node, visitor_, Object.freeze([]));
}
visitAsync.BREAK = BREAK;
visitAsync.SKIP = SKIP;
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path3) {
  const ctrl = await callVisitor(key, node, visitor, path3);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path3, ctrl);
    return visitAsync_(key, ctrl, visitor, path3);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path3 = Object.freeze(path3.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = await visitAsync_(i, node.items[i], visitor, path3);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path3 = Object.freeze(path3.concat(node));
      const ck = await visitAsync_("key", node.key, visitor, path3);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = await visitAsync_("value", node.value, visitor, path3);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
function initVisitor(visitor) {
  if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
    return Object.assign({
      Alias: visitor.Node,
      Map: visitor.Node,
      Scalar: visitor.Node,
      Seq: visitor.Node
    }, visitor.Value && {
      Map: visitor.Value,
      Scalar: visitor.Value,
      Seq: visitor.Value
    }, visitor.Collection && {
      Map: visitor.Collection,
      Seq: visitor.Collection
    }, visitor);
  }
  return visitor;
}
function callVisitor(key, node, visitor, path3) {
  if (typeof visitor === "function")
    return visitor(key, node, path3);
  if (isMap(node))
    return visitor.Map?.(key, node, path3);
  if (isSeq(node))
    return visitor.Seq?.(key, node, path3);
  if (isPair(node))
    return visitor.Pair?.(key, node, path3);
  if (isScalar(node))
    return visitor.Scalar?.(key, node, path3);
  if (isAlias(node))
    return visitor.Alias?.(key, node, path3);
  return void 0;
}
function replaceNode(key, path3, node) {
  const parent2 = path3[path3.length - 1];
  if (isCollection(parent2)) {
    parent2.items[key] = node;
  } else if (isPair(parent2)) {
    if (key === "key")
      parent2.key = node;
    else
      parent2.value = node;
  } else if (isDocument(parent2)) {
    parent2.contents = node;
  } else {
    const pt = isAlias(parent2) ? "alias" : "scalar";
    throw new Error(`Cannot replace node with ${pt} parent`);
  }
}

// node_modules/yaml/browser/dist/doc/directives.js
var escapeChars = {
  "!": "%21",
  ",": "%2C",
  "[": "%5B",
  "]": "%5D",
  "{": "%7B",
  "}": "%7D"
};
var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
var Directives = class _Directives {
  constructor(yaml, tags) {
    this.docStart = null;
    this.docEnd = false;
    this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
    this.tags = Object.assign({}, _Directives.defaultTags, tags);
  }
  clone() {
    const copy = new _Directives(this.yaml, this.tags);
    copy.docStart = this.docStart;
    return copy;
  }
  /**
   * During parsing, get a Directives instance for the current document and
   * update the stream state according to the current version's spec.
   */
  atDocument() {
    const res = new _Directives(this.yaml, this.tags);
    switch (this.yaml.version) {
      case "1.1":
        this.atNextDocument = true;
        break;
      case "1.2":
        this.atNextDocument = false;
        this.yaml = {
          explicit: _Directives.defaultYaml.explicit,
          version: "1.2"
        };
        this.tags = Object.assign({}, _Directives.defaultTags);
        break;
    }
    return res;
  }
  /**
   * @param onError - May be called even if the action was successful
   * @returns `true` on success
   */
  add(line, onError) {
    if (this.atNextDocument) {
      this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
      this.tags = Object.assign({}, _Directives.defaultTags);
      this.atNextDocument = false;
    }
    const parts = line.trim().split(/[ \t]+/);
    const name = parts.shift();
    switch (name) {
      case "%TAG": {
        if (parts.length !== 2) {
          onError(0, "%TAG directive should contain exactly two parts");
          if (parts.length < 2)
            return false;
        }
        const [handle, prefix] = parts;
        this.tags[handle] = prefix;
        return true;
      }
      case "%YAML": {
        this.yaml.explicit = true;
        if (parts.length !== 1) {
          onError(0, "%YAML directive should contain exactly one part");
          return false;
        }
        const [version2] = parts;
        if (version2 === "1.1" || version2 === "1.2") {
          this.yaml.version = version2;
          return true;
        } else {
          const isValid = /^\d+\.\d+$/.test(version2);
          onError(6, `Unsupported YAML version ${version2}`, isValid);
          return false;
        }
      }
      default:
        onError(0, `Unknown directive ${name}`, true);
        return false;
    }
  }
  /**
   * Resolves a tag, matching handles to those defined in %TAG directives.
   *
   * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
   *   `'!local'` tag, or `null` if unresolvable.
   */
  tagName(source, onError) {
    if (source === "!")
      return "!";
    if (source[0] !== "!") {
      onError(`Not a valid tag: ${source}`);
      return null;
    }
    if (source[1] === "<") {
      const verbatim = source.slice(2, -1);
      if (verbatim === "!" || verbatim === "!!") {
        onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
        return null;
      }
      if (source[source.length - 1] !== ">")
        onError("Verbatim tags must end with a >");
      return verbatim;
    }
    const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
    if (!suffix)
      onError(`The ${source} tag has no suffix`);
    const prefix = this.tags[handle];
    if (prefix) {
      try {
        return prefix + decodeURIComponent(suffix);
      } catch (error3) {
        onError(String(error3));
        return null;
      }
    }
    if (handle === "!")
      return source;
    onError(`Could not resolve tag: ${source}`);
    return null;
  }
  /**
   * Given a fully resolved tag, returns its printable string form,
   * taking into account current tag prefixes and defaults.
   */
  tagString(tag) {
    for (const [handle, prefix] of Object.entries(this.tags)) {
      if (tag.startsWith(prefix))
        return handle + escapeTagName(tag.substring(prefix.length));
    }
    return tag[0] === "!" ? tag : `!<${tag}>`;
  }
  toString(doc) {
    const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
    const tagEntries = Object.entries(this.tags);
    let tagNames;
    if (doc && tagEntries.length > 0 && isNode(doc.contents)) {
      const tags = {};
      visit(doc.contents, (_key, node) => {
        if (isNode(node) && node.tag)
          tags[node.tag] = true;
      });
      tagNames = Object.keys(tags);
    } else
      tagNames = [];
    for (const [handle, prefix] of tagEntries) {
      if (handle === "!!" && prefix === "tag:yaml.org,2002:")
        continue;
      if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
        lines.push(`%TAG ${handle} ${prefix}`);
    }
    return lines.join("\n");
  }
};
Directives.defaultYaml = { explicit: false, version: "1.2" };
Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };

// node_modules/yaml/browser/dist/doc/anchors.js
function anchorIsValid(anchor) {
  if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
    const sa = JSON.stringify(anchor);
    const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
    throw new Error(msg);
  }
  return true;
}
function anchorNames(root) {
  const anchors = /* @__PURE__ */ new Set();
  visit(root, {
    Value(_key, node) {
      if (node.anchor)
        anchors.add(node.anchor);
    }
  });
  return anchors;
}
function findNewAnchor(prefix, exclude) {
  for (let i = 1; true; ++i) {
    const name = `${prefix}${i}`;
    if (!exclude.has(name))
      return name;
  }
}
function createNodeAnchors(doc, prefix) {
  const aliasObjects = [];
  const sourceObjects = /* @__PURE__ */ new Map();
  let prevAnchors = null;
  return {
    onAnchor: (source) => {
      aliasObjects.push(source);
      prevAnchors ?? (prevAnchors = anchorNames(doc));
      const anchor = findNewAnchor(prefix, prevAnchors);
      prevAnchors.add(anchor);
      return anchor;
    },
    /**
     * With circular references, the source node is only resolved after all
     * of its child nodes are. This is why anchors are set only after all of
     * the nodes have been created.
     */
    setAnchors: () => {
      for (const source of aliasObjects) {
        const ref = sourceObjects.get(source);
        if (typeof ref === "object" && ref.anchor && (isScalar(ref.node) || isCollection(ref.node))) {
          ref.node.anchor = ref.anchor;
        } else {
          const error3 = new Error("Failed to resolve repeated object (this should not happen)");
          error3.source = source;
          throw error3;
        }
      }
    },
    sourceObjects
  };
}

// node_modules/yaml/browser/dist/doc/applyReviver.js
function applyReviver(reviver, obj, key, val) {
  if (val && typeof val === "object") {
    if (Array.isArray(val)) {
      for (let i = 0, len = val.length; i < len; ++i) {
        const v0 = val[i];
        const v1 = applyReviver(reviver, val, String(i), v0);
        if (v1 === void 0)
          delete val[i];
        else if (v1 !== v0)
          val[i] = v1;
      }
    } else if (val instanceof Map) {
      for (const k of Array.from(val.keys())) {
        const v0 = val.get(k);
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          val.delete(k);
        else if (v1 !== v0)
          val.set(k, v1);
      }
    } else if (val instanceof Set) {
      for (const v0 of Array.from(val)) {
        const v1 = applyReviver(reviver, val, v0, v0);
        if (v1 === void 0)
          val.delete(v0);
        else if (v1 !== v0) {
          val.delete(v0);
          val.add(v1);
        }
      }
    } else {
      for (const [k, v0] of Object.entries(val)) {
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          delete val[k];
        else if (v1 !== v0)
          val[k] = v1;
      }
    }
  }
  return reviver.call(obj, key, val);
}

// node_modules/yaml/browser/dist/nodes/toJS.js
function toJS(value, arg, ctx) {
  if (Array.isArray(value))
    return value.map((v, i) => toJS(v, String(i), ctx));
  if (value && typeof value.toJSON === "function") {
    if (!ctx || !hasAnchor(value))
      return value.toJSON(arg, ctx);
    const data = { aliasCount: 0, count: 1, res: void 0 };
    ctx.anchors.set(value, data);
    ctx.onCreate = (res2) => {
      data.res = res2;
      delete ctx.onCreate;
    };
    const res = value.toJSON(arg, ctx);
    if (ctx.onCreate)
      ctx.onCreate(res);
    return res;
  }
  if (typeof value === "bigint" && !ctx?.keep)
    return Number(value);
  return value;
}

// node_modules/yaml/browser/dist/nodes/Node.js
var NodeBase = class {
  constructor(type) {
    Object.defineProperty(this, NODE_TYPE, { value: type });
  }
  /** Create a copy of this node.  */
  clone() {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** A plain JavaScript representation of this node. */
  toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    if (!isDocument(doc))
      throw new TypeError("A document argument is required");
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc,
      keep: true,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this, "", ctx);
    if (typeof onAnchor === "function")
      for (const { count: count3, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count3);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
};

// node_modules/yaml/browser/dist/nodes/Alias.js
var Alias = class extends NodeBase {
  constructor(source) {
    super(ALIAS);
    this.source = source;
    Object.defineProperty(this, "tag", {
      set() {
        throw new Error("Alias nodes cannot have tags");
      }
    });
  }
  /**
   * Resolve the value of this alias within `doc`, finding the last
   * instance of the `source` anchor before this node.
   */
  resolve(doc, ctx) {
    if (ctx?.maxAliasCount === 0)
      throw new ReferenceError("Alias resolution is disabled");
    let nodes;
    if (ctx?.aliasResolveCache) {
      nodes = ctx.aliasResolveCache;
    } else {
      nodes = [];
      visit(doc, {
        Node: (_key, node) => {
          if (isAlias(node) || hasAnchor(node))
            nodes.push(node);
        }
      });
      if (ctx)
        ctx.aliasResolveCache = nodes;
    }
    let found = void 0;
    for (const node of nodes) {
      if (node === this)
        break;
      if (node.anchor === this.source)
        found = node;
    }
    if (found && ctx) {
      const { anchors, doc: doc2, maxAliasCount } = ctx;
      let data = anchors.get(found);
      if (!data) {
        toJS(found, null, ctx);
        data = anchors.get(found);
      }
      if (data?.res === void 0) {
        const msg = "This should not happen: Alias anchor was not resolved?";
        throw new ReferenceError(msg);
      }
      if (maxAliasCount >= 0) {
        data.count += 1;
        if (data.aliasCount === 0)
          data.aliasCount = getAliasCount(doc2, found, anchors);
        if (data.count * data.aliasCount > maxAliasCount) {
          const msg = "Excessive alias count indicates a resource exhaustion attack";
          throw new ReferenceError(msg);
        }
      }
    }
    return found;
  }
  toJSON(_arg, ctx) {
    if (!ctx)
      return { source: this.source };
    const source = this.resolve(ctx.doc, ctx);
    if (!source) {
      const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
      throw new ReferenceError(msg);
    }
    return ctx.anchors.get(source).res;
  }
  toString(ctx, _onComment, _onChompKeep) {
    const src = `*${this.source}`;
    if (ctx) {
      anchorIsValid(this.source);
      if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
        const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
        throw new Error(msg);
      }
      if (ctx.implicitKey)
        return `${src} `;
    }
    return src;
  }
};
function getAliasCount(doc, node, anchors) {
  if (isAlias(node)) {
    const source = node.resolve(doc);
    const anchor = anchors && source && anchors.get(source);
    return anchor ? anchor.count * anchor.aliasCount : 0;
  } else if (isCollection(node)) {
    let count3 = 0;
    for (const item of node.items) {
      const c = getAliasCount(doc, item, anchors);
      if (c > count3)
        count3 = c;
    }
    return count3;
  } else if (isPair(node)) {
    const kc = getAliasCount(doc, node.key, anchors);
    const vc = getAliasCount(doc, node.value, anchors);
    return Math.max(kc, vc);
  }
  return 1;
}

// node_modules/yaml/browser/dist/nodes/Scalar.js
var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
var Scalar = class extends NodeBase {
  constructor(value) {
    super(SCALAR);
    this.value = value;
  }
  toJSON(arg, ctx) {
    return ctx?.keep ? this.value : toJS(this.value, arg, ctx);
  }
  toString() {
    return String(this.value);
  }
};
Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
Scalar.PLAIN = "PLAIN";
Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";

// node_modules/yaml/browser/dist/doc/createNode.js
var defaultTagPrefix = "tag:yaml.org,2002:";
function findTagObject(value, tagName, tags) {
  if (tagName) {
    const match = tags.filter((t) => t.tag === tagName);
    const tagObj = match.find((t) => !t.format) ?? match[0];
    if (!tagObj)
      throw new Error(`Tag ${tagName} not found`);
    return tagObj;
  }
  return tags.find((t) => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
  if (isDocument(value))
    value = value.contents;
  if (isNode(value))
    return value;
  if (isPair(value)) {
    const map2 = ctx.schema[MAP].createNode?.(ctx.schema, null, ctx);
    map2.items.push(value);
    return map2;
  }
  if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
    value = value.valueOf();
  }
  const { aliasDuplicateObjects, onAnchor, onTagObj, schema: schema4, sourceObjects } = ctx;
  let ref = void 0;
  if (aliasDuplicateObjects && value && typeof value === "object") {
    ref = sourceObjects.get(value);
    if (ref) {
      ref.anchor ?? (ref.anchor = onAnchor(value));
      return new Alias(ref.anchor);
    } else {
      ref = { anchor: null, node: null };
      sourceObjects.set(value, ref);
    }
  }
  if (tagName?.startsWith("!!"))
    tagName = defaultTagPrefix + tagName.slice(2);
  let tagObj = findTagObject(value, tagName, schema4.tags);
  if (!tagObj) {
    if (value && typeof value.toJSON === "function") {
      value = value.toJSON();
    }
    if (!value || typeof value !== "object") {
      const node2 = new Scalar(value);
      if (ref)
        ref.node = node2;
      return node2;
    }
    tagObj = value instanceof Map ? schema4[MAP] : Symbol.iterator in Object(value) ? schema4[SEQ] : schema4[MAP];
  }
  if (onTagObj) {
    onTagObj(tagObj);
    delete ctx.onTagObj;
  }
  const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar(value);
  if (tagName)
    node.tag = tagName;
  else if (!tagObj.default)
    node.tag = tagObj.tag;
  if (ref)
    ref.node = node;
  return node;
}

// node_modules/yaml/browser/dist/nodes/Collection.js
function collectionFromPath(schema4, path3, value) {
  let v = value;
  for (let i = path3.length - 1; i >= 0; --i) {
    const k = path3[i];
    if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
      const a = [];
      a[k] = v;
      v = a;
    } else {
      v = /* @__PURE__ */ new Map([[k, v]]);
    }
  }
  return createNode(v, void 0, {
    aliasDuplicateObjects: false,
    keepUndefined: false,
    onAnchor: () => {
      throw new Error("This should not happen, please report a bug.");
    },
    schema: schema4,
    sourceObjects: /* @__PURE__ */ new Map()
  });
}
var isEmptyPath = (path3) => path3 == null || typeof path3 === "object" && !!path3[Symbol.iterator]().next().done;
var Collection = class extends NodeBase {
  constructor(type, schema4) {
    super(type);
    Object.defineProperty(this, "schema", {
      value: schema4,
      configurable: true,
      enumerable: false,
      writable: true
    });
  }
  /**
   * Create a copy of this collection.
   *
   * @param schema - If defined, overwrites the original's schema
   */
  clone(schema4) {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (schema4)
      copy.schema = schema4;
    copy.items = copy.items.map((it) => isNode(it) || isPair(it) ? it.clone(schema4) : it);
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /**
   * Adds a value to the collection. For `!!map` and `!!omap` the value must
   * be a Pair instance or a `{ key, value }` object, which may not have a key
   * that already exists in the map.
   */
  addIn(path3, value) {
    if (isEmptyPath(path3))
      this.add(value);
    else {
      const [key, ...rest] = path3;
      const node = this.get(key, true);
      if (isCollection(node))
        node.addIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
  /**
   * Removes a value from the collection.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path3) {
    const [key, ...rest] = path3;
    if (rest.length === 0)
      return this.delete(key);
    const node = this.get(key, true);
    if (isCollection(node))
      return node.deleteIn(rest);
    else
      throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path3, keepScalar) {
    const [key, ...rest] = path3;
    const node = this.get(key, true);
    if (rest.length === 0)
      return !keepScalar && isScalar(node) ? node.value : node;
    else
      return isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
  }
  hasAllNullValues(allowScalar) {
    return this.items.every((node) => {
      if (!isPair(node))
        return false;
      const n = node.value;
      return n == null || allowScalar && isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
    });
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   */
  hasIn(path3) {
    const [key, ...rest] = path3;
    if (rest.length === 0)
      return this.has(key);
    const node = this.get(key, true);
    return isCollection(node) ? node.hasIn(rest) : false;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path3, value) {
    const [key, ...rest] = path3;
    if (rest.length === 0) {
      this.set(key, value);
    } else {
      const node = this.get(key, true);
      if (isCollection(node))
        node.setIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyComment.js
var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
function indentComment(comment, indent) {
  if (/^\n+$/.test(comment))
    return comment.substring(1);
  return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;

// node_modules/yaml/browser/dist/stringify/foldFlowLines.js
var FOLD_FLOW = "flow";
var FOLD_BLOCK = "block";
var FOLD_QUOTED = "quoted";
function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
  if (!lineWidth || lineWidth < 0)
    return text2;
  if (lineWidth < minContentWidth)
    minContentWidth = 0;
  const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
  if (text2.length <= endStep)
    return text2;
  const folds = [];
  const escapedFolds = {};
  let end = lineWidth - indent.length;
  if (typeof indentAtStart === "number") {
    if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
      folds.push(0);
    else
      end = lineWidth - indentAtStart;
  }
  let split = void 0;
  let prev = void 0;
  let overflow = false;
  let i = -1;
  let escStart = -1;
  let escEnd = -1;
  if (mode === FOLD_BLOCK) {
    i = consumeMoreIndentedLines(text2, i, indent.length);
    if (i !== -1)
      end = i + endStep;
  }
  for (let ch; ch = text2[i += 1]; ) {
    if (mode === FOLD_QUOTED && ch === "\\") {
      escStart = i;
      switch (text2[i + 1]) {
        case "x":
          i += 3;
          break;
        case "u":
          i += 5;
          break;
        case "U":
          i += 9;
          break;
        default:
          i += 1;
      }
      escEnd = i;
    }
    if (ch === "\n") {
      if (mode === FOLD_BLOCK)
        i = consumeMoreIndentedLines(text2, i, indent.length);
      end = i + indent.length + endStep;
      split = void 0;
    } else {
      if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
        const next = text2[i + 1];
        if (next && next !== " " && next !== "\n" && next !== "	")
          split = i;
      }
      if (i >= end) {
        if (split) {
          folds.push(split);
          end = split + endStep;
          split = void 0;
        } else if (mode === FOLD_QUOTED) {
          while (prev === " " || prev === "	") {
            prev = ch;
            ch = text2[i += 1];
            overflow = true;
          }
          const j = i > escEnd + 1 ? i - 2 : escStart - 1;
          if (escapedFolds[j])
            return text2;
          folds.push(j);
          escapedFolds[j] = true;
          end = j + endStep;
          split = void 0;
        } else {
          overflow = true;
        }
      }
    }
    prev = ch;
  }
  if (overflow && onOverflow)
    onOverflow();
  if (folds.length === 0)
    return text2;
  if (onFold)
    onFold();
  let res = text2.slice(0, folds[0]);
  for (let i2 = 0; i2 < folds.length; ++i2) {
    const fold = folds[i2];
    const end2 = folds[i2 + 1] || text2.length;
    if (fold === 0)
      res = `
${indent}${text2.slice(0, end2)}`;
    else {
      if (mode === FOLD_QUOTED && escapedFolds[fold])
        res += `${text2[fold]}\\`;
      res += `
${indent}${text2.slice(fold + 1, end2)}`;
    }
  }
  return res;
}
function consumeMoreIndentedLines(text2, i, indent) {
  let end = i;
  let start = i + 1;
  let ch = text2[start];
  while (ch === " " || ch === "	") {
    if (i < start + indent) {
      ch = text2[++i];
    } else {
      do {
        ch = text2[++i];
      } while (ch && ch !== "\n");
      end = i;
      start = i + 1;
      ch = text2[start];
    }
  }
  return end;
}

// node_modules/yaml/browser/dist/stringify/stringifyString.js
var getFoldOptions = (ctx, isBlock2) => ({
  indentAtStart: isBlock2 ? ctx.indent.length : ctx.indentAtStart,
  lineWidth: ctx.options.lineWidth,
  minContentWidth: ctx.options.minContentWidth
});
var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
  if (!lineWidth || lineWidth < 0)
    return false;
  const limit = lineWidth - indentLength;
  const strLen = str.length;
  if (strLen <= limit)
    return false;
  for (let i = 0, start = 0; i < strLen; ++i) {
    if (str[i] === "\n") {
      if (i - start > limit)
        return true;
      start = i + 1;
      if (strLen - start <= limit)
        return false;
    }
  }
  return true;
}
function doubleQuotedString(value, ctx) {
  const json = JSON.stringify(value);
  if (ctx.options.doubleQuotedAsJSON)
    return json;
  const { implicitKey } = ctx;
  const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  let str = "";
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
      str += json.slice(start, i) + "\\ ";
      i += 1;
      start = i;
      ch = "\\";
    }
    if (ch === "\\")
      switch (json[i + 1]) {
        case "u":
          {
            str += json.slice(start, i);
            const code = json.substr(i + 2, 4);
            switch (code) {
              case "0000":
                str += "\\0";
                break;
              case "0007":
                str += "\\a";
                break;
              case "000b":
                str += "\\v";
                break;
              case "001b":
                str += "\\e";
                break;
              case "0085":
                str += "\\N";
                break;
              case "00a0":
                str += "\\_";
                break;
              case "2028":
                str += "\\L";
                break;
              case "2029":
                str += "\\P";
                break;
              default:
                if (code.substr(0, 2) === "00")
                  str += "\\x" + code.substr(2);
                else
                  str += json.substr(i, 6);
            }
            i += 5;
            start = i + 1;
          }
          break;
        case "n":
          if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
            i += 1;
          } else {
            str += json.slice(start, i) + "\n\n";
            while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
              str += "\n";
              i += 2;
            }
            str += indent;
            if (json[i + 2] === " ")
              str += "\\";
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
  }
  str = start ? str + json.slice(start) : json;
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
  if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
    return doubleQuotedString(value, ctx);
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
  return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
  const { singleQuote } = ctx.options;
  let qs;
  if (singleQuote === false)
    qs = doubleQuotedString;
  else {
    const hasDouble = value.includes('"');
    const hasSingle = value.includes("'");
    if (hasDouble && !hasSingle)
      qs = singleQuotedString;
    else if (hasSingle && !hasDouble)
      qs = doubleQuotedString;
    else
      qs = singleQuote ? singleQuotedString : doubleQuotedString;
  }
  return qs(value, ctx);
}
var blockEndNewlines;
try {
  blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
} catch {
  blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
  const { blockQuote, commentString, lineWidth } = ctx.options;
  if (!blockQuote || /\n[\t ]+$/.test(value)) {
    return quotedString(value, ctx);
  }
  const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
  const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.BLOCK_FOLDED ? false : type === Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
  if (!value)
    return literal ? "|\n" : ">\n";
  let chomp;
  let endStart;
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== "\n" && ch !== "	" && ch !== " ")
      break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf("\n");
  if (endNlPos === -1) {
    chomp = "-";
  } else if (value === end || endNlPos !== end.length - 1) {
    chomp = "+";
    if (onChompKeep)
      onChompKeep();
  } else {
    chomp = "";
  }
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === "\n")
      end = end.slice(0, -1);
    end = end.replace(blockEndNewlines, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd;
  let startNlPos = -1;
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === " ")
      startWithSpace = true;
    else if (ch === "\n")
      startNlPos = startEnd;
    else
      break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const indentSize = indent ? "2" : "1";
  let header = (startWithSpace ? indentSize : "") + chomp;
  if (comment) {
    header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
    if (onComment)
      onComment();
  }
  if (!literal) {
    const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
    let literalFallback = false;
    const foldOptions = getFoldOptions(ctx, true);
    if (blockQuote !== "folded" && type !== Scalar.BLOCK_FOLDED) {
      foldOptions.onOverflow = () => {
        literalFallback = true;
      };
    }
    const body = foldFlowLines(`${start}${foldedValue}${end}`, indent, FOLD_BLOCK, foldOptions);
    if (!literalFallback)
      return `>${header}
${indent}${body}`;
  }
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header}
${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
  const { type, value } = item;
  const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
  if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
    return quotedString(value, ctx);
  }
  if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
    return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
  }
  if (!implicitKey && !inFlow && type !== Scalar.PLAIN && value.includes("\n")) {
    return blockString(item, ctx, onComment, onChompKeep);
  }
  if (containsDocumentMarker(value)) {
    if (indent === "") {
      ctx.forceBlockIndent = true;
      return blockString(item, ctx, onComment, onChompKeep);
    } else if (implicitKey && indent === indentStep) {
      return quotedString(value, ctx);
    }
  }
  const str = value.replace(/\n+/g, `$&
${indent}`);
  if (actualString) {
    const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
    const { compat, tags } = ctx.doc.schema;
    if (tags.some(test) || compat?.some(test))
      return quotedString(value, ctx);
  }
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
  const { implicitKey, inFlow } = ctx;
  const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
  let { type } = item;
  if (type !== Scalar.QUOTE_DOUBLE) {
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
      type = Scalar.QUOTE_DOUBLE;
  }
  const _stringify = (_type) => {
    switch (_type) {
      case Scalar.BLOCK_FOLDED:
      case Scalar.BLOCK_LITERAL:
        return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
      case Scalar.QUOTE_DOUBLE:
        return doubleQuotedString(ss.value, ctx);
      case Scalar.QUOTE_SINGLE:
        return singleQuotedString(ss.value, ctx);
      case Scalar.PLAIN:
        return plainString(ss, ctx, onComment, onChompKeep);
      default:
        return null;
    }
  };
  let res = _stringify(type);
  if (res === null) {
    const { defaultKeyType, defaultStringType } = ctx.options;
    const t = implicitKey && defaultKeyType || defaultStringType;
    res = _stringify(t);
    if (res === null)
      throw new Error(`Unsupported default string type ${t}`);
  }
  return res;
}

// node_modules/yaml/browser/dist/stringify/stringify.js
function createStringifyContext(doc, options) {
  const opt = Object.assign({
    blockQuote: true,
    commentString: stringifyComment,
    defaultKeyType: null,
    defaultStringType: "PLAIN",
    directives: null,
    doubleQuotedAsJSON: false,
    doubleQuotedMinMultiLineLength: 40,
    falseStr: "false",
    flowCollectionPadding: true,
    indentSeq: true,
    lineWidth: 80,
    minContentWidth: 20,
    nullStr: "null",
    simpleKeys: false,
    singleQuote: null,
    trailingComma: false,
    trueStr: "true",
    verifyAliasOrder: true
  }, doc.schema.toStringOptions, options);
  let inFlow;
  switch (opt.collectionStyle) {
    case "block":
      inFlow = false;
      break;
    case "flow":
      inFlow = true;
      break;
    default:
      inFlow = null;
  }
  return {
    anchors: /* @__PURE__ */ new Set(),
    doc,
    flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
    indent: "",
    indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
    inFlow,
    options: opt
  };
}
function getTagObject(tags, item) {
  if (item.tag) {
    const match = tags.filter((t) => t.tag === item.tag);
    if (match.length > 0)
      return match.find((t) => t.format === item.format) ?? match[0];
  }
  let tagObj = void 0;
  let obj;
  if (isScalar(item)) {
    obj = item.value;
    let match = tags.filter((t) => t.identify?.(obj));
    if (match.length > 1) {
      const testMatch = match.filter((t) => t.test);
      if (testMatch.length > 0)
        match = testMatch;
    }
    tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
  } else {
    obj = item;
    tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
  }
  if (!tagObj) {
    const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
    throw new Error(`Tag not resolved for ${name} value`);
  }
  return tagObj;
}
function stringifyProps(node, tagObj, { anchors, doc }) {
  if (!doc.directives)
    return "";
  const props = [];
  const anchor = (isScalar(node) || isCollection(node)) && node.anchor;
  if (anchor && anchorIsValid(anchor)) {
    anchors.add(anchor);
    props.push(`&${anchor}`);
  }
  const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
  if (tag)
    props.push(doc.directives.tagString(tag));
  return props.join(" ");
}
function stringify(item, ctx, onComment, onChompKeep) {
  if (isPair(item))
    return item.toString(ctx, onComment, onChompKeep);
  if (isAlias(item)) {
    if (ctx.doc.directives)
      return item.toString(ctx);
    if (ctx.resolvedAliases?.has(item)) {
      throw new TypeError(`Cannot stringify circular structure without alias nodes`);
    } else {
      if (ctx.resolvedAliases)
        ctx.resolvedAliases.add(item);
      else
        ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
      item = item.resolve(ctx.doc);
    }
  }
  let tagObj = void 0;
  const node = isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
  tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
  const props = stringifyProps(node, tagObj, ctx);
  if (props.length > 0)
    ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
  const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : isScalar(node) ? stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
  if (!props)
    return str;
  return isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
}

// node_modules/yaml/browser/dist/stringify/stringifyPair.js
function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
  const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
  let keyComment = isNode(key) && key.comment || null;
  if (simpleKeys) {
    if (keyComment) {
      throw new Error("With simple keys, key nodes cannot have comments");
    }
    if (isCollection(key) || !isNode(key) && typeof key === "object") {
      const msg = "With simple keys, collection cannot be used as a key value";
      throw new Error(msg);
    }
  }
  let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || isCollection(key) || (isScalar(key) ? key.type === Scalar.BLOCK_FOLDED || key.type === Scalar.BLOCK_LITERAL : typeof key === "object"));
  ctx = Object.assign({}, ctx, {
    allNullValues: false,
    implicitKey: !explicitKey && (simpleKeys || !allNullValues),
    indent: indent + indentStep
  });
  let keyCommentDone = false;
  let chompKeep = false;
  let str = stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
  if (!explicitKey && !ctx.inFlow && str.length > 1024) {
    if (simpleKeys)
      throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
    explicitKey = true;
  }
  if (ctx.inFlow) {
    if (allNullValues || value == null) {
      if (keyCommentDone && onComment)
        onComment();
      return str === "" ? "?" : explicitKey ? `? ${str}` : str;
    }
  } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
    str = `? ${str}`;
    if (keyComment && !keyCommentDone) {
      str += lineComment(str, ctx.indent, commentString(keyComment));
    } else if (chompKeep && onChompKeep)
      onChompKeep();
    return str;
  }
  if (keyCommentDone)
    keyComment = null;
  if (explicitKey) {
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
    str = `? ${str}
${indent}:`;
  } else {
    str = `${str}:`;
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
  }
  let vsb, vcb, valueComment;
  if (isNode(value)) {
    vsb = !!value.spaceBefore;
    vcb = value.commentBefore;
    valueComment = value.comment;
  } else {
    vsb = false;
    vcb = null;
    valueComment = null;
    if (value && typeof value === "object")
      value = doc.createNode(value);
  }
  ctx.implicitKey = false;
  if (!explicitKey && !keyComment && isScalar(value))
    ctx.indentAtStart = str.length + 1;
  chompKeep = false;
  if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && isSeq(value) && !value.flow && !value.tag && !value.anchor) {
    ctx.indent = ctx.indent.substring(2);
  }
  let valueCommentDone = false;
  const valueStr = stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
  let ws = " ";
  if (keyComment || vsb || vcb) {
    ws = vsb ? "\n" : "";
    if (vcb) {
      const cs = commentString(vcb);
      ws += `
${indentComment(cs, ctx.indent)}`;
    }
    if (valueStr === "" && !ctx.inFlow) {
      if (ws === "\n" && valueComment)
        ws = "\n\n";
    } else {
      ws += `
${ctx.indent}`;
    }
  } else if (!explicitKey && isCollection(value)) {
    const vs0 = valueStr[0];
    const nl0 = valueStr.indexOf("\n");
    const hasNewline = nl0 !== -1;
    const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
    if (hasNewline || !flow) {
      let hasPropsLine = false;
      if (hasNewline && (vs0 === "&" || vs0 === "!")) {
        let sp0 = valueStr.indexOf(" ");
        if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
          sp0 = valueStr.indexOf(" ", sp0 + 1);
        }
        if (sp0 === -1 || nl0 < sp0)
          hasPropsLine = true;
      }
      if (!hasPropsLine)
        ws = `
${ctx.indent}`;
    }
  } else if (valueStr === "" || valueStr[0] === "\n") {
    ws = "";
  }
  str += ws + valueStr;
  if (ctx.inFlow) {
    if (valueCommentDone && onComment)
      onComment();
  } else if (valueComment && !valueCommentDone) {
    str += lineComment(str, ctx.indent, commentString(valueComment));
  } else if (chompKeep && onChompKeep) {
    onChompKeep();
  }
  return str;
}

// node_modules/yaml/browser/dist/log.js
function warn(logLevel, warning2) {
  if (logLevel === "debug" || logLevel === "warn") {
    console.warn(warning2);
  }
}

// node_modules/yaml/browser/dist/schema/yaml-1.1/merge.js
var MERGE_KEY = "<<";
var merge2 = {
  identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
  default: "key",
  tag: "tag:yaml.org,2002:merge",
  test: /^<<$/,
  resolve: () => Object.assign(new Scalar(Symbol(MERGE_KEY)), {
    addToJSMap: addMergeToJSMap
  }),
  stringify: () => MERGE_KEY
};
var isMergeKey = (ctx, key) => (merge2.identify(key) || isScalar(key) && (!key.type || key.type === Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
function addMergeToJSMap(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (isSeq(source))
    for (const it of source.items)
      mergeValue(ctx, map2, it);
  else if (Array.isArray(source))
    for (const it of source)
      mergeValue(ctx, map2, it);
  else
    mergeValue(ctx, map2, source);
}
function mergeValue(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (!isMap(source))
    throw new Error("Merge sources must be maps or map aliases");
  const srcMap = source.toJSON(null, ctx, Map);
  for (const [key, value2] of srcMap) {
    if (map2 instanceof Map) {
      if (!map2.has(key))
        map2.set(key, value2);
    } else if (map2 instanceof Set) {
      map2.add(key);
    } else if (!Object.prototype.hasOwnProperty.call(map2, key)) {
      Object.defineProperty(map2, key, {
        value: value2,
        writable: true,
        enumerable: true,
        configurable: true
      });
    }
  }
  return map2;
}
function resolveAliasValue(ctx, value) {
  return ctx && isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

// node_modules/yaml/browser/dist/nodes/addPairToJSMap.js
function addPairToJSMap(ctx, map2, { key, value }) {
  if (isNode(key) && key.addToJSMap)
    key.addToJSMap(ctx, map2, value);
  else if (isMergeKey(ctx, key))
    addMergeToJSMap(ctx, map2, value);
  else {
    const jsKey = toJS(key, "", ctx);
    if (map2 instanceof Map) {
      map2.set(jsKey, toJS(value, jsKey, ctx));
    } else if (map2 instanceof Set) {
      map2.add(jsKey);
    } else {
      const stringKey = stringifyKey(key, jsKey, ctx);
      const jsValue = toJS(value, stringKey, ctx);
      if (stringKey in map2)
        Object.defineProperty(map2, stringKey, {
          value: jsValue,
          writable: true,
          enumerable: true,
          configurable: true
        });
      else
        map2[stringKey] = jsValue;
    }
  }
  return map2;
}
function stringifyKey(key, jsKey, ctx) {
  if (jsKey === null)
    return "";
  if (typeof jsKey !== "object")
    return String(jsKey);
  if (isNode(key) && ctx?.doc) {
    const strCtx = createStringifyContext(ctx.doc, {});
    strCtx.anchors = /* @__PURE__ */ new Set();
    for (const node of ctx.anchors.keys())
      strCtx.anchors.add(node.anchor);
    strCtx.inFlow = true;
    strCtx.inStringifyKey = true;
    const strKey = key.toString(strCtx);
    if (!ctx.mapKeyWarned) {
      let jsonStr = JSON.stringify(strKey);
      if (jsonStr.length > 40)
        jsonStr = jsonStr.substring(0, 36) + '..."';
      warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
      ctx.mapKeyWarned = true;
    }
    return strKey;
  }
  return JSON.stringify(jsKey);
}

// node_modules/yaml/browser/dist/nodes/Pair.js
function createPair(key, value, ctx) {
  const k = createNode(key, void 0, ctx);
  const v = createNode(value, void 0, ctx);
  return new Pair(k, v);
}
var Pair = class _Pair {
  constructor(key, value = null) {
    Object.defineProperty(this, NODE_TYPE, { value: PAIR });
    this.key = key;
    this.value = value;
  }
  clone(schema4) {
    let { key, value } = this;
    if (isNode(key))
      key = key.clone(schema4);
    if (isNode(value))
      value = value.clone(schema4);
    return new _Pair(key, value);
  }
  toJSON(_, ctx) {
    const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    return addPairToJSMap(ctx, pair, this);
  }
  toString(ctx, onComment, onChompKeep) {
    return ctx?.doc ? stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyCollection.js
function stringifyCollection(collection, ctx, options) {
  const flow = ctx.inFlow ?? collection.flow;
  const stringify5 = flow ? stringifyFlowCollection : stringifyBlockCollection;
  return stringify5(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
  const { indent, options: { commentString } } = ctx;
  const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
  let chompKeep = false;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment2 = null;
    if (isNode(item)) {
      if (!chompKeep && item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
      if (item.comment)
        comment2 = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (!chompKeep && ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
      }
    }
    chompKeep = false;
    let str2 = stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
    if (comment2)
      str2 += lineComment(str2, itemIndent, commentString(comment2));
    if (chompKeep && comment2)
      chompKeep = false;
    lines.push(blockItemPrefix + str2);
  }
  let str;
  if (lines.length === 0) {
    str = flowChars.start + flowChars.end;
  } else {
    str = lines[0];
    for (let i = 1; i < lines.length; ++i) {
      const line = lines[i];
      str += line ? `
${indent}${line}` : "\n";
    }
  }
  if (comment) {
    str += "\n" + indentComment(commentString(comment), indent);
    if (onComment)
      onComment();
  } else if (chompKeep && onChompKeep)
    onChompKeep();
  return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
  const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
  itemIndent += indentStep;
  const itemCtx = Object.assign({}, ctx, {
    indent: itemIndent,
    inFlow: true,
    type: null
  });
  let reqNewline = false;
  let linesAtValue = 0;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment = null;
    if (isNode(item)) {
      if (item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, false);
      if (item.comment)
        comment = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, false);
        if (ik.comment)
          reqNewline = true;
      }
      const iv = isNode(item.value) ? item.value : null;
      if (iv) {
        if (iv.comment)
          comment = iv.comment;
        if (iv.commentBefore)
          reqNewline = true;
      } else if (item.value == null && ik?.comment) {
        comment = ik.comment;
      }
    }
    if (comment)
      reqNewline = true;
    let str = stringify(item, itemCtx, () => comment = null);
    reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
    if (i < items.length - 1) {
      str += ",";
    } else if (ctx.options.trailingComma) {
      if (ctx.options.lineWidth > 0) {
        reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
      }
      if (reqNewline) {
        str += ",";
      }
    }
    if (comment)
      str += lineComment(str, itemIndent, commentString(comment));
    lines.push(str);
    linesAtValue = lines.length;
  }
  const { start, end } = flowChars;
  if (lines.length === 0) {
    return start + end;
  } else {
    if (!reqNewline) {
      const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
      reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
    }
    if (reqNewline) {
      let str = start;
      for (const line of lines)
        str += line ? `
${indentStep}${indent}${line}` : "\n";
      return `${str}
${indent}${end}`;
    } else {
      return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
    }
  }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
  if (comment && chompKeep)
    comment = comment.replace(/^\n+/, "");
  if (comment) {
    const ic = indentComment(commentString(comment), indent);
    lines.push(ic.trimStart());
  }
}

// node_modules/yaml/browser/dist/nodes/YAMLMap.js
function findPair(items, key) {
  const k = isScalar(key) ? key.value : key;
  for (const it of items) {
    if (isPair(it)) {
      if (it.key === key || it.key === k)
        return it;
      if (isScalar(it.key) && it.key.value === k)
        return it;
    }
  }
  return void 0;
}
var YAMLMap = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:map";
  }
  constructor(schema4) {
    super(MAP, schema4);
    this.items = [];
  }
  /**
   * A generic collection parsing method that can be extended
   * to other node classes that inherit from YAMLMap
   */
  static from(schema4, obj, ctx) {
    const { keepUndefined, replacer } = ctx;
    const map2 = new this(schema4);
    const add = (key, value) => {
      if (typeof replacer === "function")
        value = replacer.call(obj, key, value);
      else if (Array.isArray(replacer) && !replacer.includes(key))
        return;
      if (value !== void 0 || keepUndefined)
        map2.items.push(createPair(key, value, ctx));
    };
    if (obj instanceof Map) {
      for (const [key, value] of obj)
        add(key, value);
    } else if (obj && typeof obj === "object") {
      for (const key of Object.keys(obj))
        add(key, obj[key]);
    }
    if (typeof schema4.sortMapEntries === "function") {
      map2.items.sort(schema4.sortMapEntries);
    }
    return map2;
  }
  /**
   * Adds a value to the collection.
   *
   * @param overwrite - If not set `true`, using a key that is already in the
   *   collection will throw. Otherwise, overwrites the previous value.
   */
  add(pair, overwrite) {
    let _pair;
    if (isPair(pair))
      _pair = pair;
    else if (!pair || typeof pair !== "object" || !("key" in pair)) {
      _pair = new Pair(pair, pair?.value);
    } else
      _pair = new Pair(pair.key, pair.value);
    const prev = findPair(this.items, _pair.key);
    const sortEntries = this.schema?.sortMapEntries;
    if (prev) {
      if (!overwrite)
        throw new Error(`Key ${_pair.key} already set`);
      if (isScalar(prev.value) && isScalarValue(_pair.value))
        prev.value.value = _pair.value;
      else
        prev.value = _pair.value;
    } else if (sortEntries) {
      const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
      if (i === -1)
        this.items.push(_pair);
      else
        this.items.splice(i, 0, _pair);
    } else {
      this.items.push(_pair);
    }
  }
  delete(key) {
    const it = findPair(this.items, key);
    if (!it)
      return false;
    const del = this.items.splice(this.items.indexOf(it), 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const it = findPair(this.items, key);
    const node = it?.value;
    return (!keepScalar && isScalar(node) ? node.value : node) ?? void 0;
  }
  has(key) {
    return !!findPair(this.items, key);
  }
  set(key, value) {
    this.add(new Pair(key, value), true);
  }
  /**
   * @param ctx - Conversion context, originally set in Document#toJS()
   * @param {Class} Type - If set, forces the returned collection type
   * @returns Instance of Type, Map, or Object
   */
  toJSON(_, ctx, Type) {
    const map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const item of this.items)
      addPairToJSMap(ctx, map2, item);
    return map2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    for (const item of this.items) {
      if (!isPair(item))
        throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
    }
    if (!ctx.allNullValues && this.hasAllNullValues(false))
      ctx = Object.assign({}, ctx, { allNullValues: true });
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "",
      flowChars: { start: "{", end: "}" },
      itemIndent: ctx.indent || "",
      onChompKeep,
      onComment
    });
  }
};

// node_modules/yaml/browser/dist/schema/common/map.js
var map = {
  collection: "map",
  default: true,
  nodeClass: YAMLMap,
  tag: "tag:yaml.org,2002:map",
  resolve(map2, onError) {
    if (!isMap(map2))
      onError("Expected a mapping for this tag");
    return map2;
  },
  createNode: (schema4, obj, ctx) => YAMLMap.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/nodes/YAMLSeq.js
var YAMLSeq = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:seq";
  }
  constructor(schema4) {
    super(SEQ, schema4);
    this.items = [];
  }
  add(value) {
    this.items.push(value);
  }
  /**
   * Removes a value from the collection.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   *
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return false;
    const del = this.items.splice(idx, 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return void 0;
    const it = this.items[idx];
    return !keepScalar && isScalar(it) ? it.value : it;
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   */
  has(key) {
    const idx = asItemIndex(key);
    return typeof idx === "number" && idx < this.items.length;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   *
   * If `key` does not contain a representation of an integer, this will throw.
   * It may be wrapped in a `Scalar`.
   */
  set(key, value) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      throw new Error(`Expected a valid index, not ${key}.`);
    const prev = this.items[idx];
    if (isScalar(prev) && isScalarValue(value))
      prev.value = value;
    else
      this.items[idx] = value;
  }
  toJSON(_, ctx) {
    const seq2 = [];
    if (ctx?.onCreate)
      ctx.onCreate(seq2);
    let i = 0;
    for (const item of this.items)
      seq2.push(toJS(item, String(i++), ctx));
    return seq2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "- ",
      flowChars: { start: "[", end: "]" },
      itemIndent: (ctx.indent || "") + "  ",
      onChompKeep,
      onComment
    });
  }
  static from(schema4, obj, ctx) {
    const { replacer } = ctx;
    const seq2 = new this(schema4);
    if (obj && Symbol.iterator in Object(obj)) {
      let i = 0;
      for (let it of obj) {
        if (typeof replacer === "function") {
          const key = obj instanceof Set ? it : String(i++);
          it = replacer.call(obj, key, it);
        }
        seq2.items.push(createNode(it, void 0, ctx));
      }
    }
    return seq2;
  }
};
function asItemIndex(key) {
  let idx = isScalar(key) ? key.value : key;
  if (idx && typeof idx === "string")
    idx = Number(idx);
  return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
}

// node_modules/yaml/browser/dist/schema/common/seq.js
var seq = {
  collection: "seq",
  default: true,
  nodeClass: YAMLSeq,
  tag: "tag:yaml.org,2002:seq",
  resolve(seq2, onError) {
    if (!isSeq(seq2))
      onError("Expected a sequence for this tag");
    return seq2;
  },
  createNode: (schema4, obj, ctx) => YAMLSeq.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/schema/common/string.js
var string3 = {
  identify: (value) => typeof value === "string",
  default: true,
  tag: "tag:yaml.org,2002:str",
  resolve: (str) => str,
  stringify(item, ctx, onComment, onChompKeep) {
    ctx = Object.assign({ actualString: true }, ctx);
    return stringifyString(item, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/common/null.js
var nullTag = {
  identify: (value) => value == null,
  createNode: () => new Scalar(null),
  default: true,
  tag: "tag:yaml.org,2002:null",
  test: /^(?:~|[Nn]ull|NULL)?$/,
  resolve: () => new Scalar(null),
  stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
};

// node_modules/yaml/browser/dist/schema/core/bool.js
var boolTag = {
  identify: (value) => typeof value === "boolean",
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  resolve: (str) => new Scalar(str[0] === "t" || str[0] === "T"),
  stringify({ source, value }, ctx) {
    if (source && boolTag.test.test(source)) {
      const sv = source[0] === "t" || source[0] === "T";
      if (value === sv)
        return source;
    }
    return value ? ctx.options.trueStr : ctx.options.falseStr;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyNumber.js
function stringifyNumber({ format, minFractionDigits, tag, value }) {
  if (typeof value === "bigint")
    return String(value);
  const num = typeof value === "number" ? value : Number(value);
  if (!isFinite(num))
    return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
  let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
    let i = n.indexOf(".");
    if (i < 0) {
      i = n.length;
      n += ".";
    }
    let d = minFractionDigits - (n.length - i - 1);
    while (d-- > 0)
      n += "0";
  }
  return n;
}

// node_modules/yaml/browser/dist/schema/core/float.js
var floatNaN = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str));
    const dot = str.indexOf(".");
    if (dot !== -1 && str[str.length - 1] === "0")
      node.minFractionDigits = str.length - dot - 1;
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/core/int.js
var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
function intStringify(node, radix, prefix) {
  const { value } = node;
  if (intIdentify(value) && value >= 0)
    return prefix + value.toString(radix);
  return stringifyNumber(node);
}
var intOct = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^0o[0-7]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
  stringify: (node) => intStringify(node, 8, "0o")
};
var int2 = {
  identify: intIdentify,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^0x[0-9a-fA-F]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
  stringify: (node) => intStringify(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/core/schema.js
var schema = [
  map,
  seq,
  string3,
  nullTag,
  boolTag,
  intOct,
  int2,
  intHex,
  floatNaN,
  floatExp,
  float
];

// node_modules/yaml/browser/dist/schema/json/schema.js
function intIdentify2(value) {
  return typeof value === "bigint" || Number.isInteger(value);
}
var stringifyJSON = ({ value }) => JSON.stringify(value);
var jsonScalars = [
  {
    identify: (value) => typeof value === "string",
    default: true,
    tag: "tag:yaml.org,2002:str",
    resolve: (str) => str,
    stringify: stringifyJSON
  },
  {
    identify: (value) => value == null,
    createNode: () => new Scalar(null),
    default: true,
    tag: "tag:yaml.org,2002:null",
    test: /^null$/,
    resolve: () => null,
    stringify: stringifyJSON
  },
  {
    identify: (value) => typeof value === "boolean",
    default: true,
    tag: "tag:yaml.org,2002:bool",
    test: /^true$|^false$/,
    resolve: (str) => str === "true",
    stringify: stringifyJSON
  },
  {
    identify: intIdentify2,
    default: true,
    tag: "tag:yaml.org,2002:int",
    test: /^-?(?:0|[1-9][0-9]*)$/,
    resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
    stringify: ({ value }) => intIdentify2(value) ? value.toString() : JSON.stringify(value)
  },
  {
    identify: (value) => typeof value === "number",
    default: true,
    tag: "tag:yaml.org,2002:float",
    test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
    resolve: (str) => parseFloat(str),
    stringify: stringifyJSON
  }
];
var jsonError = {
  default: true,
  tag: "",
  test: /^/,
  resolve(str, onError) {
    onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
    return str;
  }
};
var schema2 = [map, seq].concat(jsonScalars, jsonError);

// node_modules/yaml/browser/dist/schema/yaml-1.1/binary.js
var binary = {
  identify: (value) => value instanceof Uint8Array,
  // Buffer inherits from Uint8Array
  default: false,
  tag: "tag:yaml.org,2002:binary",
  /**
   * Returns a Buffer in node and an Uint8Array in browsers
   *
   * To use the resulting buffer as an image, you'll want to do something like:
   *
   *   const blob = new Blob([buffer], { type: 'image/jpeg' })
   *   document.querySelector('#photo').src = URL.createObjectURL(blob)
   */
  resolve(src, onError) {
    if (typeof atob === "function") {
      const str = atob(src.replace(/[\n\r]/g, ""));
      const buffer = new Uint8Array(str.length);
      for (let i = 0; i < str.length; ++i)
        buffer[i] = str.charCodeAt(i);
      return buffer;
    } else {
      onError("This environment does not support reading binary tags; either Buffer or atob is required");
      return src;
    }
  },
  stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
    if (!value)
      return "";
    const buf = value;
    let str;
    if (typeof btoa === "function") {
      let s = "";
      for (let i = 0; i < buf.length; ++i)
        s += String.fromCharCode(buf[i]);
      str = btoa(s);
    } else {
      throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
    }
    type ?? (type = Scalar.BLOCK_LITERAL);
    if (type !== Scalar.QUOTE_DOUBLE) {
      const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
      const n = Math.ceil(str.length / lineWidth);
      const lines = new Array(n);
      for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
        lines[i] = str.substr(o, lineWidth);
      }
      str = lines.join(type === Scalar.BLOCK_LITERAL ? "\n" : " ");
    }
    return stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/pairs.js
function resolvePairs(seq2, onError) {
  if (isSeq(seq2)) {
    for (let i = 0; i < seq2.items.length; ++i) {
      let item = seq2.items[i];
      if (isPair(item))
        continue;
      else if (isMap(item)) {
        if (item.items.length > 1)
          onError("Each pair must have its own sequence indicator");
        const pair = item.items[0] || new Pair(new Scalar(null));
        if (item.commentBefore)
          pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
        if (item.comment) {
          const cn = pair.value ?? pair.key;
          cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
        }
        item = pair;
      }
      seq2.items[i] = isPair(item) ? item : new Pair(item);
    }
  } else
    onError("Expected a sequence for this tag");
  return seq2;
}
function createPairs(schema4, iterable, ctx) {
  const { replacer } = ctx;
  const pairs2 = new YAMLSeq(schema4);
  pairs2.tag = "tag:yaml.org,2002:pairs";
  let i = 0;
  if (iterable && Symbol.iterator in Object(iterable))
    for (let it of iterable) {
      if (typeof replacer === "function")
        it = replacer.call(iterable, String(i++), it);
      let key, value;
      if (Array.isArray(it)) {
        if (it.length === 2) {
          key = it[0];
          value = it[1];
        } else
          throw new TypeError(`Expected [key, value] tuple: ${it}`);
      } else if (it && it instanceof Object) {
        const keys = Object.keys(it);
        if (keys.length === 1) {
          key = keys[0];
          value = it[key];
        } else {
          throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
        }
      } else {
        key = it;
      }
      pairs2.items.push(createPair(key, value, ctx));
    }
  return pairs2;
}
var pairs = {
  collection: "seq",
  default: false,
  tag: "tag:yaml.org,2002:pairs",
  resolve: resolvePairs,
  createNode: createPairs
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/omap.js
var YAMLOMap = class _YAMLOMap extends YAMLSeq {
  constructor() {
    super();
    this.add = YAMLMap.prototype.add.bind(this);
    this.delete = YAMLMap.prototype.delete.bind(this);
    this.get = YAMLMap.prototype.get.bind(this);
    this.has = YAMLMap.prototype.has.bind(this);
    this.set = YAMLMap.prototype.set.bind(this);
    this.tag = _YAMLOMap.tag;
  }
  /**
   * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
   * but TypeScript won't allow widening the signature of a child method.
   */
  toJSON(_, ctx) {
    if (!ctx)
      return super.toJSON(_);
    const map2 = /* @__PURE__ */ new Map();
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const pair of this.items) {
      let key, value;
      if (isPair(pair)) {
        key = toJS(pair.key, "", ctx);
        value = toJS(pair.value, key, ctx);
      } else {
        key = toJS(pair, "", ctx);
      }
      if (map2.has(key))
        throw new Error("Ordered maps must not include duplicate keys");
      map2.set(key, value);
    }
    return map2;
  }
  static from(schema4, iterable, ctx) {
    const pairs2 = createPairs(schema4, iterable, ctx);
    const omap2 = new this();
    omap2.items = pairs2.items;
    return omap2;
  }
};
YAMLOMap.tag = "tag:yaml.org,2002:omap";
var omap = {
  collection: "seq",
  identify: (value) => value instanceof Map,
  nodeClass: YAMLOMap,
  default: false,
  tag: "tag:yaml.org,2002:omap",
  resolve(seq2, onError) {
    const pairs2 = resolvePairs(seq2, onError);
    const seenKeys = [];
    for (const { key } of pairs2.items) {
      if (isScalar(key)) {
        if (seenKeys.includes(key.value)) {
          onError(`Ordered maps must not include duplicate keys: ${key.value}`);
        } else {
          seenKeys.push(key.value);
        }
      }
    }
    return Object.assign(new YAMLOMap(), pairs2);
  },
  createNode: (schema4, iterable, ctx) => YAMLOMap.from(schema4, iterable, ctx)
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/bool.js
function boolStringify({ value, source }, ctx) {
  const boolObj = value ? trueTag : falseTag;
  if (source && boolObj.test.test(source))
    return source;
  return value ? ctx.options.trueStr : ctx.options.falseStr;
}
var trueTag = {
  identify: (value) => value === true,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  resolve: () => new Scalar(true),
  stringify: boolStringify
};
var falseTag = {
  identify: (value) => value === false,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  resolve: () => new Scalar(false),
  stringify: boolStringify
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/float.js
var floatNaN2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str.replace(/_/g, "")),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str.replace(/_/g, "")));
    const dot = str.indexOf(".");
    if (dot !== -1) {
      const f = str.substring(dot + 1).replace(/_/g, "");
      if (f[f.length - 1] === "0")
        node.minFractionDigits = f.length;
    }
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/int.js
var intIdentify3 = (value) => typeof value === "bigint" || Number.isInteger(value);
function intResolve2(str, offset, radix, { intAsBigInt }) {
  const sign = str[0];
  if (sign === "-" || sign === "+")
    offset += 1;
  str = str.substring(offset).replace(/_/g, "");
  if (intAsBigInt) {
    switch (radix) {
      case 2:
        str = `0b${str}`;
        break;
      case 8:
        str = `0o${str}`;
        break;
      case 16:
        str = `0x${str}`;
        break;
    }
    const n2 = BigInt(str);
    return sign === "-" ? BigInt(-1) * n2 : n2;
  }
  const n = parseInt(str, radix);
  return sign === "-" ? -1 * n : n;
}
function intStringify2(node, radix, prefix) {
  const { value } = node;
  if (intIdentify3(value)) {
    const str = value.toString(radix);
    return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
  }
  return stringifyNumber(node);
}
var intBin = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "BIN",
  test: /^[-+]?0b[0-1_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 2, opt),
  stringify: (node) => intStringify2(node, 2, "0b")
};
var intOct2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^[-+]?0[0-7_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 1, 8, opt),
  stringify: (node) => intStringify2(node, 8, "0")
};
var int3 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9][0-9_]*$/,
  resolve: (str, _onError, opt) => intResolve2(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^[-+]?0x[0-9a-fA-F_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 16, opt),
  stringify: (node) => intStringify2(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/set.js
var YAMLSet = class _YAMLSet extends YAMLMap {
  constructor(schema4) {
    super(schema4);
    this.tag = _YAMLSet.tag;
  }
  add(key) {
    let pair;
    if (isPair(key))
      pair = key;
    else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
      pair = new Pair(key.key, null);
    else
      pair = new Pair(key, null);
    const prev = findPair(this.items, pair.key);
    if (!prev)
      this.items.push(pair);
  }
  /**
   * If `keepPair` is `true`, returns the Pair matching `key`.
   * Otherwise, returns the value of that Pair's key.
   */
  get(key, keepPair) {
    const pair = findPair(this.items, key);
    return !keepPair && isPair(pair) ? isScalar(pair.key) ? pair.key.value : pair.key : pair;
  }
  set(key, value) {
    if (typeof value !== "boolean")
      throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
    const prev = findPair(this.items, key);
    if (prev && !value) {
      this.items.splice(this.items.indexOf(prev), 1);
    } else if (!prev && value) {
      this.items.push(new Pair(key));
    }
  }
  toJSON(_, ctx) {
    return super.toJSON(_, ctx, Set);
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    if (this.hasAllNullValues(true))
      return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
    else
      throw new Error("Set items must all have null values");
  }
  static from(schema4, iterable, ctx) {
    const { replacer } = ctx;
    const set2 = new this(schema4);
    if (iterable && Symbol.iterator in Object(iterable))
      for (let value of iterable) {
        if (typeof replacer === "function")
          value = replacer.call(iterable, value, value);
        set2.items.push(createPair(value, null, ctx));
      }
    return set2;
  }
};
YAMLSet.tag = "tag:yaml.org,2002:set";
var set = {
  collection: "map",
  identify: (value) => value instanceof Set,
  nodeClass: YAMLSet,
  default: false,
  tag: "tag:yaml.org,2002:set",
  createNode: (schema4, iterable, ctx) => YAMLSet.from(schema4, iterable, ctx),
  resolve(map2, onError) {
    if (isMap(map2)) {
      if (map2.hasAllNullValues(true))
        return Object.assign(new YAMLSet(), map2);
      else
        onError("Set items must all have null values");
    } else
      onError("Expected a mapping for this tag");
    return map2;
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/timestamp.js
function parseSexagesimal(str, asBigInt) {
  const sign = str[0];
  const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
  const num = (n) => asBigInt ? BigInt(n) : Number(n);
  const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
  return sign === "-" ? num(-1) * res : res;
}
function stringifySexagesimal(node) {
  let { value } = node;
  let num = (n) => n;
  if (typeof value === "bigint")
    num = (n) => BigInt(n);
  else if (isNaN(value) || !isFinite(value))
    return stringifyNumber(node);
  let sign = "";
  if (value < 0) {
    sign = "-";
    value *= num(-1);
  }
  const _60 = num(60);
  const parts = [value % _60];
  if (value < 60) {
    parts.unshift(0);
  } else {
    value = (value - parts[0]) / _60;
    parts.unshift(value % _60);
    if (value >= 60) {
      value = (value - parts[0]) / _60;
      parts.unshift(value);
    }
  }
  return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
}
var intTime = {
  identify: (value) => typeof value === "bigint" || Number.isInteger(value),
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
  stringify: stringifySexagesimal
};
var floatTime = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  resolve: (str) => parseSexagesimal(str, false),
  stringify: stringifySexagesimal
};
var timestamp = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "tag:yaml.org,2002:timestamp",
  // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
  // may be omitted altogether, resulting in a date format. In such a case, the time part is
  // assumed to be 00:00:00Z (start of day, UTC).
  test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
  resolve(str) {
    const match = str.match(timestamp.test);
    if (!match)
      throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
    const [, year, month, day, hour, minute, second] = match.map(Number);
    const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
    let date2 = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
    const tz = match[8];
    if (tz && tz !== "Z") {
      let d = parseSexagesimal(tz, false);
      if (Math.abs(d) < 30)
        d *= 60;
      date2 -= 6e4 * d;
    }
    return new Date(date2);
  },
  stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/schema.js
var schema3 = [
  map,
  seq,
  string3,
  nullTag,
  trueTag,
  falseTag,
  intBin,
  intOct2,
  int3,
  intHex2,
  floatNaN2,
  floatExp2,
  float2,
  binary,
  merge2,
  omap,
  pairs,
  set,
  intTime,
  floatTime,
  timestamp
];

// node_modules/yaml/browser/dist/schema/tags.js
var schemas = /* @__PURE__ */ new Map([
  ["core", schema],
  ["failsafe", [map, seq, string3]],
  ["json", schema2],
  ["yaml11", schema3],
  ["yaml-1.1", schema3]
]);
var tagsByName = {
  binary,
  bool: boolTag,
  float,
  floatExp,
  floatNaN,
  floatTime,
  int: int2,
  intHex,
  intOct,
  intTime,
  map,
  merge: merge2,
  null: nullTag,
  omap,
  pairs,
  seq,
  set,
  timestamp
};
var coreKnownTags = {
  "tag:yaml.org,2002:binary": binary,
  "tag:yaml.org,2002:merge": merge2,
  "tag:yaml.org,2002:omap": omap,
  "tag:yaml.org,2002:pairs": pairs,
  "tag:yaml.org,2002:set": set,
  "tag:yaml.org,2002:timestamp": timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
  const schemaTags = schemas.get(schemaName);
  if (schemaTags && !customTags) {
    return addMergeTag && !schemaTags.includes(merge2) ? schemaTags.concat(merge2) : schemaTags.slice();
  }
  let tags = schemaTags;
  if (!tags) {
    if (Array.isArray(customTags))
      tags = [];
    else {
      const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
    }
  }
  if (Array.isArray(customTags)) {
    for (const tag of customTags)
      tags = tags.concat(tag);
  } else if (typeof customTags === "function") {
    tags = customTags(tags.slice());
  }
  if (addMergeTag)
    tags = tags.concat(merge2);
  return tags.reduce((tags2, tag) => {
    const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
    if (!tagObj) {
      const tagName = JSON.stringify(tag);
      const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
    }
    if (!tags2.includes(tagObj))
      tags2.push(tagObj);
    return tags2;
  }, []);
}

// node_modules/yaml/browser/dist/schema/Schema.js
var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
var Schema = class _Schema {
  constructor({ compat, customTags, merge: merge3, resolveKnownTags, schema: schema4, sortMapEntries, toStringDefaults }) {
    this.compat = Array.isArray(compat) ? getTags(compat, "compat") : compat ? getTags(null, compat) : null;
    this.name = typeof schema4 === "string" && schema4 || "core";
    this.knownTags = resolveKnownTags ? coreKnownTags : {};
    this.tags = getTags(customTags, this.name, merge3);
    this.toStringOptions = toStringDefaults ?? null;
    Object.defineProperty(this, MAP, { value: map });
    Object.defineProperty(this, SCALAR, { value: string3 });
    Object.defineProperty(this, SEQ, { value: seq });
    this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
  }
  clone() {
    const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
    copy.tags = this.tags.slice();
    return copy;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyDocument.js
function stringifyDocument(doc, options) {
  const lines = [];
  let hasDirectives = options.directives === true;
  if (options.directives !== false && doc.directives) {
    const dir = doc.directives.toString(doc);
    if (dir) {
      lines.push(dir);
      hasDirectives = true;
    } else if (doc.directives.docStart)
      hasDirectives = true;
  }
  if (hasDirectives)
    lines.push("---");
  const ctx = createStringifyContext(doc, options);
  const { commentString } = ctx.options;
  if (doc.commentBefore) {
    if (lines.length !== 1)
      lines.unshift("");
    const cs = commentString(doc.commentBefore);
    lines.unshift(indentComment(cs, ""));
  }
  let chompKeep = false;
  let contentComment = null;
  if (doc.contents) {
    if (isNode(doc.contents)) {
      if (doc.contents.spaceBefore && hasDirectives)
        lines.push("");
      if (doc.contents.commentBefore) {
        const cs = commentString(doc.contents.commentBefore);
        lines.push(indentComment(cs, ""));
      }
      ctx.forceBlockIndent = !!doc.comment;
      contentComment = doc.contents.comment;
    }
    const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
    let body = stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
    if (contentComment)
      body += lineComment(body, "", commentString(contentComment));
    if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
      lines[lines.length - 1] = `--- ${body}`;
    } else
      lines.push(body);
  } else {
    lines.push(stringify(doc.contents, ctx));
  }
  if (doc.directives?.docEnd) {
    if (doc.comment) {
      const cs = commentString(doc.comment);
      if (cs.includes("\n")) {
        lines.push("...");
        lines.push(indentComment(cs, ""));
      } else {
        lines.push(`... ${cs}`);
      }
    } else {
      lines.push("...");
    }
  } else {
    let dc = doc.comment;
    if (dc && chompKeep)
      dc = dc.replace(/^\n+/, "");
    if (dc) {
      if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
        lines.push("");
      lines.push(indentComment(commentString(dc), ""));
    }
  }
  return lines.join("\n") + "\n";
}

// node_modules/yaml/browser/dist/doc/Document.js
var Document = class _Document {
  constructor(value, replacer, options) {
    this.commentBefore = null;
    this.comment = null;
    this.errors = [];
    this.warnings = [];
    Object.defineProperty(this, NODE_TYPE, { value: DOC });
    let _replacer = null;
    if (typeof replacer === "function" || Array.isArray(replacer)) {
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const opt = Object.assign({
      intAsBigInt: false,
      keepSourceTokens: false,
      logLevel: "warn",
      prettyErrors: true,
      strict: true,
      stringKeys: false,
      uniqueKeys: true,
      version: "1.2"
    }, options);
    this.options = opt;
    let { version: version2 } = opt;
    if (options?._directives) {
      this.directives = options._directives.atDocument();
      if (this.directives.yaml.explicit)
        version2 = this.directives.yaml.version;
    } else
      this.directives = new Directives({ version: version2 });
    this.setSchema(version2, options);
    this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
  }
  /**
   * Create a deep copy of this Document and its contents.
   *
   * Custom Node values that inherit from `Object` still refer to their original instances.
   */
  clone() {
    const copy = Object.create(_Document.prototype, {
      [NODE_TYPE]: { value: DOC }
    });
    copy.commentBefore = this.commentBefore;
    copy.comment = this.comment;
    copy.errors = this.errors.slice();
    copy.warnings = this.warnings.slice();
    copy.options = Object.assign({}, this.options);
    if (this.directives)
      copy.directives = this.directives.clone();
    copy.schema = this.schema.clone();
    copy.contents = isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** Adds a value to the document. */
  add(value) {
    if (assertCollection(this.contents))
      this.contents.add(value);
  }
  /** Adds a value to the document. */
  addIn(path3, value) {
    if (assertCollection(this.contents))
      this.contents.addIn(path3, value);
  }
  /**
   * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
   *
   * If `node` already has an anchor, `name` is ignored.
   * Otherwise, the `node.anchor` value will be set to `name`,
   * or if an anchor with that name is already present in the document,
   * `name` will be used as a prefix for a new unique anchor.
   * If `name` is undefined, the generated anchor will use 'a' as a prefix.
   */
  createAlias(node, name) {
    if (!node.anchor) {
      const prev = anchorNames(this);
      node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      !name || prev.has(name) ? findNewAnchor(name || "a", prev) : name;
    }
    return new Alias(node.anchor);
  }
  createNode(value, replacer, options) {
    let _replacer = void 0;
    if (typeof replacer === "function") {
      value = replacer.call({ "": value }, "", value);
      _replacer = replacer;
    } else if (Array.isArray(replacer)) {
      const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
      const asStr = replacer.filter(keyToStr).map(String);
      if (asStr.length > 0)
        replacer = replacer.concat(asStr);
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
    const { onAnchor, setAnchors, sourceObjects } = createNodeAnchors(
      this,
      // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      anchorPrefix || "a"
    );
    const ctx = {
      aliasDuplicateObjects: aliasDuplicateObjects ?? true,
      keepUndefined: keepUndefined ?? false,
      onAnchor,
      onTagObj,
      replacer: _replacer,
      schema: this.schema,
      sourceObjects
    };
    const node = createNode(value, tag, ctx);
    if (flow && isCollection(node))
      node.flow = true;
    setAnchors();
    return node;
  }
  /**
   * Convert a key and a value into a `Pair` using the current schema,
   * recursively wrapping all values as `Scalar` or `Collection` nodes.
   */
  createPair(key, value, options = {}) {
    const k = this.createNode(key, null, options);
    const v = this.createNode(value, null, options);
    return new Pair(k, v);
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    return assertCollection(this.contents) ? this.contents.delete(key) : false;
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path3) {
    if (isEmptyPath(path3)) {
      if (this.contents == null)
        return false;
      this.contents = null;
      return true;
    }
    return assertCollection(this.contents) ? this.contents.deleteIn(path3) : false;
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  get(key, keepScalar) {
    return isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
  }
  /**
   * Returns item at `path`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path3, keepScalar) {
    if (isEmptyPath(path3))
      return !keepScalar && isScalar(this.contents) ? this.contents.value : this.contents;
    return isCollection(this.contents) ? this.contents.getIn(path3, keepScalar) : void 0;
  }
  /**
   * Checks if the document includes a value with the key `key`.
   */
  has(key) {
    return isCollection(this.contents) ? this.contents.has(key) : false;
  }
  /**
   * Checks if the document includes a value at `path`.
   */
  hasIn(path3) {
    if (isEmptyPath(path3))
      return this.contents !== void 0;
    return isCollection(this.contents) ? this.contents.hasIn(path3) : false;
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  set(key, value) {
    if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, [key], value);
    } else if (assertCollection(this.contents)) {
      this.contents.set(key, value);
    }
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path3, value) {
    if (isEmptyPath(path3)) {
      this.contents = value;
    } else if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, Array.from(path3), value);
    } else if (assertCollection(this.contents)) {
      this.contents.setIn(path3, value);
    }
  }
  /**
   * Change the YAML version and schema used by the document.
   * A `null` version disables support for directives, explicit tags, anchors, and aliases.
   * It also requires the `schema` option to be given as a `Schema` instance value.
   *
   * Overrides all previously set schema options.
   */
  setSchema(version2, options = {}) {
    if (typeof version2 === "number")
      version2 = String(version2);
    let opt;
    switch (version2) {
      case "1.1":
        if (this.directives)
          this.directives.yaml.version = "1.1";
        else
          this.directives = new Directives({ version: "1.1" });
        opt = { resolveKnownTags: false, schema: "yaml-1.1" };
        break;
      case "1.2":
      case "next":
        if (this.directives)
          this.directives.yaml.version = version2;
        else
          this.directives = new Directives({ version: version2 });
        opt = { resolveKnownTags: true, schema: "core" };
        break;
      case null:
        if (this.directives)
          delete this.directives;
        opt = null;
        break;
      default: {
        const sv = JSON.stringify(version2);
        throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
      }
    }
    if (options.schema instanceof Object)
      this.schema = options.schema;
    else if (opt)
      this.schema = new Schema(Object.assign(opt, options));
    else
      throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
  }
  // json & jsonArg are only used from toJSON()
  toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc: this,
      keep: !json,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this.contents, jsonArg ?? "", ctx);
    if (typeof onAnchor === "function")
      for (const { count: count3, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count3);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
  /**
   * A JSON representation of the document `contents`.
   *
   * @param jsonArg Used by `JSON.stringify` to indicate the array index or
   *   property name.
   */
  toJSON(jsonArg, onAnchor) {
    return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
  }
  /** A YAML representation of the document. */
  toString(options = {}) {
    if (this.errors.length > 0)
      throw new Error("Document with errors cannot be stringified");
    if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
      const s = JSON.stringify(options.indent);
      throw new Error(`"indent" option must be a positive integer, not ${s}`);
    }
    return stringifyDocument(this, options);
  }
};
function assertCollection(contents) {
  if (isCollection(contents))
    return true;
  throw new Error("Expected a YAML collection as document contents");
}

// node_modules/yaml/browser/dist/errors.js
var YAMLError = class extends Error {
  constructor(name, pos, code, message) {
    super();
    this.name = name;
    this.code = code;
    this.message = message;
    this.pos = pos;
  }
};
var YAMLParseError = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLParseError", pos, code, message);
  }
};
var YAMLWarning = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLWarning", pos, code, message);
  }
};
var prettifyError2 = (src, lc) => (error3) => {
  if (error3.pos[0] === -1)
    return;
  error3.linePos = error3.pos.map((pos) => lc.linePos(pos));
  const { line, col } = error3.linePos[0];
  error3.message += ` at line ${line}, column ${col}`;
  let ci = col - 1;
  let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
  if (ci >= 60 && lineStr.length > 80) {
    const trimStart = Math.min(ci - 39, lineStr.length - 79);
    lineStr = "\u2026" + lineStr.substring(trimStart);
    ci -= trimStart - 1;
  }
  if (lineStr.length > 80)
    lineStr = lineStr.substring(0, 79) + "\u2026";
  if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
    let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
    if (prev.length > 80)
      prev = prev.substring(0, 79) + "\u2026\n";
    lineStr = prev + lineStr;
  }
  if (/[^ ]/.test(lineStr)) {
    let count3 = 1;
    const end = error3.linePos[1];
    if (end?.line === line && end.col > col) {
      count3 = Math.max(1, Math.min(end.col - col, 80 - ci));
    }
    const pointer = " ".repeat(ci) + "^".repeat(count3);
    error3.message += `:

${lineStr}
${pointer}
`;
  }
};

// node_modules/yaml/browser/dist/compose/resolve-props.js
function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
  let spaceBefore = false;
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let comment = "";
  let commentSep = "";
  let hasNewline = false;
  let reqSpace = false;
  let tab = null;
  let anchor = null;
  let tag = null;
  let newlineAfterProp = null;
  let comma = null;
  let found = null;
  let start = null;
  for (const token of tokens) {
    if (reqSpace) {
      if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
        onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && token.type !== "comment" && token.type !== "newline") {
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      }
      tab = null;
    }
    switch (token.type) {
      case "space":
        if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
          tab = token;
        }
        hasSpace = true;
        break;
      case "comment": {
        if (!hasSpace)
          onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
        const cb = token.source.substring(1) || " ";
        if (!comment)
          comment = cb;
        else
          comment += commentSep + cb;
        commentSep = "";
        atNewline = false;
        break;
      }
      case "newline":
        if (atNewline) {
          if (comment)
            comment += token.source;
          else if (!found || indicator !== "seq-item-ind")
            spaceBefore = true;
        } else
          commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        if (anchor || tag)
          newlineAfterProp = token;
        hasSpace = true;
        break;
      case "anchor":
        if (anchor)
          onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
        if (token.source.endsWith(":"))
          onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
        anchor = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case "tag": {
        if (tag)
          onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
        tag = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      }
      case indicator:
        if (anchor || tag)
          onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
        if (found)
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
        found = token;
        atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
        hasSpace = false;
        break;
      case "comma":
        if (flow) {
          if (comma)
            onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
          comma = token;
          atNewline = false;
          hasSpace = false;
          break;
        }
      // else fallthrough
      default:
        onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
        atNewline = false;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
    onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
  }
  if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
    onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
  return {
    comma,
    found,
    spaceBefore,
    comment,
    hasNewline,
    anchor,
    tag,
    newlineAfterProp,
    end,
    start: start ?? end
  };
}

// node_modules/yaml/browser/dist/compose/util-contains-newline.js
function containsNewline(key) {
  if (!key)
    return null;
  switch (key.type) {
    case "alias":
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      if (key.source.includes("\n"))
        return true;
      if (key.end) {
        for (const st of key.end)
          if (st.type === "newline")
            return true;
      }
      return false;
    case "flow-collection":
      for (const it of key.items) {
        for (const st of it.start)
          if (st.type === "newline")
            return true;
        if (it.sep) {
          for (const st of it.sep)
            if (st.type === "newline")
              return true;
        }
        if (containsNewline(it.key) || containsNewline(it.value))
          return true;
      }
      return false;
    default:
      return true;
  }
}

// node_modules/yaml/browser/dist/compose/util-flow-indent-check.js
function flowIndentCheck(indent, fc, onError) {
  if (fc?.type === "flow-collection") {
    const end = fc.end[0];
    if (end.indent === indent && (end.source === "]" || end.source === "}") && containsNewline(fc)) {
      const msg = "Flow end indicator should be more indented than parent";
      onError(end, "BAD_INDENT", msg, true);
    }
  }
}

// node_modules/yaml/browser/dist/compose/util-map-includes.js
function mapIncludes(ctx, items, search) {
  const { uniqueKeys } = ctx.options;
  if (uniqueKeys === false)
    return false;
  const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || isScalar(a) && isScalar(b) && a.value === b.value;
  return items.some((pair) => isEqual(pair.key, search));
}

// node_modules/yaml/browser/dist/compose/resolve-block-map.js
var startColMsg = "All mapping items must start at the same column";
function resolveBlockMap({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bm, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLMap;
  const map2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  let offset = bm.offset;
  let commentEnd = null;
  for (const collItem of bm.items) {
    const { start, key, sep: sep2, value } = collItem;
    const keyProps = resolveProps(start, {
      indicator: "explicit-key-ind",
      next: key ?? sep2?.[0],
      offset,
      onError,
      parentIndent: bm.indent,
      startOnNewline: true
    });
    const implicitKey = !keyProps.found;
    if (implicitKey) {
      if (key) {
        if (key.type === "block-seq")
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
        else if ("indent" in key && key.indent !== bm.indent)
          onError(offset, "BAD_INDENT", startColMsg);
      }
      if (!keyProps.anchor && !keyProps.tag && !sep2) {
        commentEnd = keyProps.end;
        if (keyProps.comment) {
          if (map2.comment)
            map2.comment += "\n" + keyProps.comment;
          else
            map2.comment = keyProps.comment;
        }
        continue;
      }
      if (keyProps.newlineAfterProp || containsNewline(key)) {
        onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
      }
    } else if (keyProps.found?.indent !== bm.indent) {
      onError(offset, "BAD_INDENT", startColMsg);
    }
    ctx.atKey = true;
    const keyStart = keyProps.end;
    const keyNode = key ? composeNode2(ctx, key, keyProps, onError) : composeEmptyNode2(ctx, keyStart, start, null, keyProps, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bm.indent, key, onError);
    ctx.atKey = false;
    if (mapIncludes(ctx, map2.items, keyNode))
      onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
    const valueProps = resolveProps(sep2 ?? [], {
      indicator: "map-value-ind",
      next: value,
      offset: keyNode.range[2],
      onError,
      parentIndent: bm.indent,
      startOnNewline: !key || key.type === "block-scalar"
    });
    offset = valueProps.end;
    if (valueProps.found) {
      if (implicitKey) {
        if (value?.type === "block-map" && !valueProps.hasNewline)
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
        if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
          onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : composeEmptyNode2(ctx, offset, sep2, null, valueProps, onError);
      if (ctx.schema.compat)
        flowIndentCheck(bm.indent, value, onError);
      offset = valueNode.range[2];
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    } else {
      if (implicitKey)
        onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
      if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    }
  }
  if (commentEnd && commentEnd < offset)
    onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
  map2.range = [bm.offset, offset, commentEnd ?? offset];
  return map2;
}

// node_modules/yaml/browser/dist/compose/resolve-block-seq.js
function resolveBlockSeq({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bs, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLSeq;
  const seq2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = bs.offset;
  let commentEnd = null;
  for (const { start, value } of bs.items) {
    const props = resolveProps(start, {
      indicator: "seq-item-ind",
      next: value,
      offset,
      onError,
      parentIndent: bs.indent,
      startOnNewline: true
    });
    if (!props.found) {
      if (props.anchor || props.tag || value) {
        if (value?.type === "block-seq")
          onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
        else
          onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
      } else {
        commentEnd = props.end;
        if (props.comment)
          seq2.comment = props.comment;
        continue;
      }
    }
    const node = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, start, null, props, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bs.indent, value, onError);
    offset = node.range[2];
    seq2.items.push(node);
  }
  seq2.range = [bs.offset, offset, commentEnd ?? offset];
  return seq2;
}

// node_modules/yaml/browser/dist/compose/resolve-end.js
function resolveEnd(end, offset, reqSpace, onError) {
  let comment = "";
  if (end) {
    let hasSpace = false;
    let sep2 = "";
    for (const token of end) {
      const { source, type } = token;
      switch (type) {
        case "space":
          hasSpace = true;
          break;
        case "comment": {
          if (reqSpace && !hasSpace)
            onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
          const cb = source.substring(1) || " ";
          if (!comment)
            comment = cb;
          else
            comment += sep2 + cb;
          sep2 = "";
          break;
        }
        case "newline":
          if (comment)
            sep2 += source;
          hasSpace = true;
          break;
        default:
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
      }
      offset += source.length;
    }
  }
  return { comment, offset };
}

// node_modules/yaml/browser/dist/compose/resolve-flow-collection.js
var blockMsg = "Block collections are not allowed within flow collections";
var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
function resolveFlowCollection({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, fc, onError, tag) {
  const isMap2 = fc.start.source === "{";
  const fcName = isMap2 ? "flow map" : "flow sequence";
  const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap : YAMLSeq);
  const coll = new NodeClass(ctx.schema);
  coll.flow = true;
  const atRoot = ctx.atRoot;
  if (atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = fc.offset + fc.start.source.length;
  for (let i = 0; i < fc.items.length; ++i) {
    const collItem = fc.items[i];
    const { start, key, sep: sep2, value } = collItem;
    const props = resolveProps(start, {
      flow: fcName,
      indicator: "explicit-key-ind",
      next: key ?? sep2?.[0],
      offset,
      onError,
      parentIndent: fc.indent,
      startOnNewline: false
    });
    if (!props.found) {
      if (!props.anchor && !props.tag && !sep2 && !value) {
        if (i === 0 && props.comma)
          onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        else if (i < fc.items.length - 1)
          onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
        if (props.comment) {
          if (coll.comment)
            coll.comment += "\n" + props.comment;
          else
            coll.comment = props.comment;
        }
        offset = props.end;
        continue;
      }
      if (!isMap2 && ctx.options.strict && containsNewline(key))
        onError(
          key,
          // checked by containsNewline()
          "MULTILINE_IMPLICIT_KEY",
          "Implicit keys of flow sequence pairs need to be on a single line"
        );
    }
    if (i === 0) {
      if (props.comma)
        onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
    } else {
      if (!props.comma)
        onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
      if (props.comment) {
        let prevItemComment = "";
        loop: for (const st of start) {
          switch (st.type) {
            case "comma":
            case "space":
              break;
            case "comment":
              prevItemComment = st.source.substring(1);
              break loop;
            default:
              break loop;
          }
        }
        if (prevItemComment) {
          let prev = coll.items[coll.items.length - 1];
          if (isPair(prev))
            prev = prev.value ?? prev.key;
          if (prev.comment)
            prev.comment += "\n" + prevItemComment;
          else
            prev.comment = prevItemComment;
          props.comment = props.comment.substring(prevItemComment.length + 1);
        }
      }
    }
    if (!isMap2 && !sep2 && !props.found) {
      const valueNode = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, sep2, null, props, onError);
      coll.items.push(valueNode);
      offset = valueNode.range[2];
      if (isBlock(value))
        onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
    } else {
      ctx.atKey = true;
      const keyStart = props.end;
      const keyNode = key ? composeNode2(ctx, key, props, onError) : composeEmptyNode2(ctx, keyStart, start, null, props, onError);
      if (isBlock(key))
        onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
      ctx.atKey = false;
      const valueProps = resolveProps(sep2 ?? [], {
        flow: fcName,
        indicator: "map-value-ind",
        next: value,
        offset: keyNode.range[2],
        onError,
        parentIndent: fc.indent,
        startOnNewline: false
      });
      if (valueProps.found) {
        if (!isMap2 && !props.found && ctx.options.strict) {
          if (sep2)
            for (const st of sep2) {
              if (st === valueProps.found)
                break;
              if (st.type === "newline") {
                onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                break;
              }
            }
          if (props.start < valueProps.found.offset - 1024)
            onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
        }
      } else if (value) {
        if ("source" in value && value.source?.[0] === ":")
          onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
        else
          onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode2(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
      if (valueNode) {
        if (isBlock(value))
          onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
      } else if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      if (isMap2) {
        const map2 = coll;
        if (mapIncludes(ctx, map2.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        map2.items.push(pair);
      } else {
        const map2 = new YAMLMap(ctx.schema);
        map2.flow = true;
        map2.items.push(pair);
        const endRange = (valueNode ?? keyNode).range;
        map2.range = [keyNode.range[0], endRange[1], endRange[2]];
        coll.items.push(map2);
      }
      offset = valueNode ? valueNode.range[2] : valueProps.end;
    }
  }
  const expectedEnd = isMap2 ? "}" : "]";
  const [ce, ...ee] = fc.end;
  let cePos = offset;
  if (ce?.source === expectedEnd)
    cePos = ce.offset + ce.source.length;
  else {
    const name = fcName[0].toUpperCase() + fcName.substring(1);
    const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
    onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
    if (ce && ce.source.length !== 1)
      ee.unshift(ce);
  }
  if (ee.length > 0) {
    const end = resolveEnd(ee, cePos, ctx.options.strict, onError);
    if (end.comment) {
      if (coll.comment)
        coll.comment += "\n" + end.comment;
      else
        coll.comment = end.comment;
    }
    coll.range = [fc.offset, cePos, end.offset];
  } else {
    coll.range = [fc.offset, cePos, cePos];
  }
  return coll;
}

// node_modules/yaml/browser/dist/compose/compose-collection.js
function resolveCollection(CN2, ctx, token, onError, tagName, tag) {
  const coll = token.type === "block-map" ? resolveBlockMap(CN2, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq(CN2, ctx, token, onError, tag) : resolveFlowCollection(CN2, ctx, token, onError, tag);
  const Coll = coll.constructor;
  if (tagName === "!" || tagName === Coll.tagName) {
    coll.tag = Coll.tagName;
    return coll;
  }
  if (tagName)
    coll.tag = tagName;
  return coll;
}
function composeCollection(CN2, ctx, token, props, onError) {
  const tagToken = props.tag;
  const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
  if (token.type === "block-seq") {
    const { anchor, newlineAfterProp: nl } = props;
    const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
    if (lastProp && (!nl || nl.offset < lastProp.offset)) {
      const message = "Missing newline after block sequence props";
      onError(lastProp, "MISSING_CHAR", message);
    }
  }
  const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
  if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.tagName && expType === "seq") {
    return resolveCollection(CN2, ctx, token, onError, tagName);
  }
  let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
  if (!tag) {
    const kt = ctx.schema.knownTags[tagName];
    if (kt?.collection === expType) {
      ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
      tag = kt;
    } else {
      if (kt) {
        onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
      } else {
        onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
      }
      return resolveCollection(CN2, ctx, token, onError, tagName);
    }
  }
  const coll = resolveCollection(CN2, ctx, token, onError, tagName, tag);
  const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
  const node = isNode(res) ? res : new Scalar(res);
  node.range = coll.range;
  node.tag = tagName;
  if (tag?.format)
    node.format = tag.format;
  return node;
}

// node_modules/yaml/browser/dist/compose/resolve-block-scalar.js
function resolveBlockScalar(ctx, scalar, onError) {
  const start = scalar.offset;
  const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
  if (!header)
    return { value: "", type: null, comment: "", range: [start, start, start] };
  const type = header.mode === ">" ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
  const lines = scalar.source ? splitLines(scalar.source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === "" || content === "\r")
      chompStart = i;
    else
      break;
  }
  if (chompStart === 0) {
    const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
    let end2 = start + header.length;
    if (scalar.source)
      end2 += scalar.source.length;
    return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
  }
  let trimIndent = scalar.indent + header.indent;
  let offset = scalar.offset + header.length;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === "" || content === "\r") {
      if (header.indent === 0 && indent.length > trimIndent)
        trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) {
        const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
        onError(offset + indent.length, "MISSING_CHAR", message);
      }
      if (header.indent === 0)
        trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0 && !ctx.atRoot) {
        const message = "Block scalar values in collections must be indented";
        onError(offset, "BAD_INDENT", message);
      }
      break;
    }
    offset += indent.length + content.length + 1;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i][0].length > trimIndent)
      chompStart = i + 1;
  }
  let value = "";
  let sep2 = "";
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i)
    value += lines[i][0].slice(trimIndent) + "\n";
  for (let i = contentStart; i < chompStart; ++i) {
    let [indent, content] = lines[i];
    offset += indent.length + content.length + 1;
    const crlf = content[content.length - 1] === "\r";
    if (crlf)
      content = content.slice(0, -1);
    if (content && indent.length < trimIndent) {
      const src = header.indent ? "explicit indentation indicator" : "first line";
      const message = `Block scalar lines must not be less indented than their ${src}`;
      onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
      indent = "";
    }
    if (type === Scalar.BLOCK_LITERAL) {
      value += sep2 + indent.slice(trimIndent) + content;
      sep2 = "\n";
    } else if (indent.length > trimIndent || content[0] === "	") {
      if (sep2 === " ")
        sep2 = "\n";
      else if (!prevMoreIndented && sep2 === "\n")
        sep2 = "\n\n";
      value += sep2 + indent.slice(trimIndent) + content;
      sep2 = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep2 === "\n")
        value += "\n";
      else
        sep2 = "\n";
    } else {
      value += sep2 + content;
      sep2 = " ";
      prevMoreIndented = false;
    }
  }
  switch (header.chomp) {
    case "-":
      break;
    case "+":
      for (let i = chompStart; i < lines.length; ++i)
        value += "\n" + lines[i][0].slice(trimIndent);
      if (value[value.length - 1] !== "\n")
        value += "\n";
      break;
    default:
      value += "\n";
  }
  const end = start + header.length + scalar.source.length;
  return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
  if (props[0].type !== "block-scalar-header") {
    onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
    return null;
  }
  const { source } = props[0];
  const mode = source[0];
  let indent = 0;
  let chomp = "";
  let error3 = -1;
  for (let i = 1; i < source.length; ++i) {
    const ch = source[i];
    if (!chomp && (ch === "-" || ch === "+"))
      chomp = ch;
    else {
      const n = Number(ch);
      if (!indent && n)
        indent = n;
      else if (error3 === -1)
        error3 = offset + i;
    }
  }
  if (error3 !== -1)
    onError(error3, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
  let hasSpace = false;
  let comment = "";
  let length = source.length;
  for (let i = 1; i < props.length; ++i) {
    const token = props[i];
    switch (token.type) {
      case "space":
        hasSpace = true;
      // fallthrough
      case "newline":
        length += token.source.length;
        break;
      case "comment":
        if (strict && !hasSpace) {
          const message = "Comments must be separated from other tokens by white space characters";
          onError(token, "MISSING_CHAR", message);
        }
        length += token.source.length;
        comment = token.source.substring(1);
        break;
      case "error":
        onError(token, "UNEXPECTED_TOKEN", token.message);
        length += token.source.length;
        break;
      /* istanbul ignore next should not happen */
      default: {
        const message = `Unexpected token in block scalar header: ${token.type}`;
        onError(token, "UNEXPECTED_TOKEN", message);
        const ts = token.source;
        if (ts && typeof ts === "string")
          length += ts.length;
      }
    }
  }
  return { mode, indent, chomp, comment, length };
}
function splitLines(source) {
  const split = source.split(/\n( *)/);
  const first = split[0];
  const m = first.match(/^( *)/);
  const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
  const lines = [line0];
  for (let i = 1; i < split.length; i += 2)
    lines.push([split[i], split[i + 1]]);
  return lines;
}

// node_modules/yaml/browser/dist/compose/resolve-flow-scalar.js
function resolveFlowScalar(scalar, strict, onError) {
  const { offset, type, source, end } = scalar;
  let _type;
  let value;
  const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
  switch (type) {
    case "scalar":
      _type = Scalar.PLAIN;
      value = plainValue(source, _onError);
      break;
    case "single-quoted-scalar":
      _type = Scalar.QUOTE_SINGLE;
      value = singleQuotedValue(source, _onError);
      break;
    case "double-quoted-scalar":
      _type = Scalar.QUOTE_DOUBLE;
      value = doubleQuotedValue(source, _onError);
      break;
    /* istanbul ignore next should not happen */
    default:
      onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
      return {
        value: "",
        type: null,
        comment: "",
        range: [offset, offset + source.length, offset + source.length]
      };
  }
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, strict, onError);
  return {
    value,
    type: _type,
    comment: re.comment,
    range: [offset, valueEnd, re.offset]
  };
}
function plainValue(source, onError) {
  let badChar = "";
  switch (source[0]) {
    /* istanbul ignore next should not happen */
    case "	":
      badChar = "a tab character";
      break;
    case ",":
      badChar = "flow indicator character ,";
      break;
    case "%":
      badChar = "directive indicator character %";
      break;
    case "|":
    case ">": {
      badChar = `block scalar indicator ${source[0]}`;
      break;
    }
    case "@":
    case "`": {
      badChar = `reserved character ${source[0]}`;
      break;
    }
  }
  if (badChar)
    onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
  return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
  if (source[source.length - 1] !== "'" || source.length === 1)
    onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
  return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match)
    return source;
  let trimEnd, trimBoth;
  try {
    trimEnd = new RegExp("(?<![ 	])[ 	]+$");
    trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
  } catch {
    trimEnd = /[ \t]+$/;
    trimBoth = /^[ \t]+|[ \t]+$/g;
  }
  let res = match[1].replace(trimEnd, "");
  let sep2 = " ";
  let pos = line.lastIndex;
  while (match = line.exec(source)) {
    const lm = match[1].replace(trimBoth, "");
    if (lm === "") {
      if (sep2 === "\n")
        res += sep2;
      else
        sep2 = "\n";
    } else {
      res += sep2 + lm;
      sep2 = " ";
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep2 + (match?.[1] ?? "");
}
function doubleQuotedValue(source, onError) {
  let res = "";
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === "\r" && source[i + 1] === "\n")
      continue;
    if (ch === "\n") {
      const { fold, offset } = foldNewline(source, i);
      res += fold;
      i = offset;
    } else if (ch === "\\") {
      let next = source[++i];
      const cc = escapeCodes[next];
      if (cc)
        res += cc;
      else if (next === "\n") {
        next = source[i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "\r" && source[i + 1] === "\n") {
        next = source[++i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        res += parseCharCode(source, i + 1, length, onError);
        i += length;
      } else {
        const raw = source.substr(i - 1, 2);
        onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        res += raw;
      }
    } else if (ch === " " || ch === "	") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " " || next === "	")
        next = source[++i + 1];
      if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
        res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  if (source[source.length - 1] !== '"' || source.length === 1)
    onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
  return res;
}
function foldNewline(source, offset) {
  let fold = "";
  let ch = source[offset + 1];
  while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
    if (ch === "\r" && source[offset + 2] !== "\n")
      break;
    if (ch === "\n")
      fold += "\n";
    offset += 1;
    ch = source[offset + 1];
  }
  if (!fold)
    fold = " ";
  return { fold, offset };
}
var escapeCodes = {
  "0": "\0",
  // null character
  a: "\x07",
  // bell character
  b: "\b",
  // backspace
  e: "\x1B",
  // escape character
  f: "\f",
  // form feed
  n: "\n",
  // line feed
  r: "\r",
  // carriage return
  t: "	",
  // horizontal tab
  v: "\v",
  // vertical tab
  N: "\x85",
  // Unicode next line
  _: "\xA0",
  // Unicode non-breaking space
  L: "\u2028",
  // Unicode line separator
  P: "\u2029",
  // Unicode paragraph separator
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "	": "	"
};
function parseCharCode(source, offset, length, onError) {
  const cc = source.substr(offset, length);
  const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
  const code = ok ? parseInt(cc, 16) : NaN;
  try {
    return String.fromCodePoint(code);
  } catch {
    const raw = source.substr(offset - 2, length + 2);
    onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
    return raw;
  }
}

// node_modules/yaml/browser/dist/compose/compose-scalar.js
function composeScalar(ctx, token, tagToken, onError) {
  const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar(ctx, token, onError) : resolveFlowScalar(token, ctx.options.strict, onError);
  const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
  let tag;
  if (ctx.options.stringKeys && ctx.atKey) {
    tag = ctx.schema[SCALAR];
  } else if (tagName)
    tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
  else if (token.type === "scalar")
    tag = findScalarTagByTest(ctx, value, token, onError);
  else
    tag = ctx.schema[SCALAR];
  let scalar;
  try {
    const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
    scalar = isScalar(res) ? res : new Scalar(res);
  } catch (error3) {
    const msg = error3 instanceof Error ? error3.message : String(error3);
    onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
    scalar = new Scalar(value);
  }
  scalar.range = range;
  scalar.source = value;
  if (type)
    scalar.type = type;
  if (tagName)
    scalar.tag = tagName;
  if (tag.format)
    scalar.format = tag.format;
  if (comment)
    scalar.comment = comment;
  return scalar;
}
function findScalarTagByName(schema4, value, tagName, tagToken, onError) {
  if (tagName === "!")
    return schema4[SCALAR];
  const matchWithTest = [];
  for (const tag of schema4.tags) {
    if (!tag.collection && tag.tag === tagName) {
      if (tag.default && tag.test)
        matchWithTest.push(tag);
      else
        return tag;
    }
  }
  for (const tag of matchWithTest)
    if (tag.test?.test(value))
      return tag;
  const kt = schema4.knownTags[tagName];
  if (kt && !kt.collection) {
    schema4.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
    return kt;
  }
  onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
  return schema4[SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema: schema4 }, value, token, onError) {
  const tag = schema4.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema4[SCALAR];
  if (schema4.compat) {
    const compat = schema4.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema4[SCALAR];
    if (tag.tag !== compat.tag) {
      const ts = directives.tagString(tag.tag);
      const cs = directives.tagString(compat.tag);
      const msg = `Value may be parsed as either ${ts} or ${cs}`;
      onError(token, "TAG_RESOLVE_FAILED", msg, true);
    }
  }
  return tag;
}

// node_modules/yaml/browser/dist/compose/util-empty-scalar-position.js
function emptyScalarPosition(offset, before, pos) {
  if (before) {
    pos ?? (pos = before.length);
    for (let i = pos - 1; i >= 0; --i) {
      let st = before[i];
      switch (st.type) {
        case "space":
        case "comment":
        case "newline":
          offset -= st.source.length;
          continue;
      }
      st = before[++i];
      while (st?.type === "space") {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  return offset;
}

// node_modules/yaml/browser/dist/compose/compose-node.js
var CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
  const atKey = ctx.atKey;
  const { spaceBefore, comment, anchor, tag } = props;
  let node;
  let isSrcToken = true;
  switch (token.type) {
    case "alias":
      node = composeAlias(ctx, token, onError);
      if (anchor || tag)
        onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
      break;
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "block-scalar":
      node = composeScalar(ctx, token, tag, onError);
      if (anchor)
        node.anchor = anchor.source.substring(1);
      break;
    case "block-map":
    case "block-seq":
    case "flow-collection":
      try {
        node = composeCollection(CN, ctx, token, props, onError);
        if (anchor)
          node.anchor = anchor.source.substring(1);
      } catch (error3) {
        const message = error3 instanceof Error ? error3.message : String(error3);
        onError(token, "RESOURCE_EXHAUSTION", message);
      }
      break;
    default: {
      const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
      onError(token, "UNEXPECTED_TOKEN", message);
      isSrcToken = false;
    }
  }
  node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
  if (anchor && node.anchor === "")
    onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  if (atKey && ctx.options.stringKeys && (!isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
    const msg = "With stringKeys, all keys must be strings";
    onError(tag ?? token, "NON_STRING_KEY", msg);
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    if (token.type === "scalar" && token.source === "")
      node.comment = comment;
    else
      node.commentBefore = comment;
  }
  if (ctx.options.keepSourceTokens && isSrcToken)
    node.srcToken = token;
  return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
  const token = {
    type: "scalar",
    offset: emptyScalarPosition(offset, before, pos),
    indent: -1,
    source: ""
  };
  const node = composeScalar(ctx, token, tag, onError);
  if (anchor) {
    node.anchor = anchor.source.substring(1);
    if (node.anchor === "")
      onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    node.comment = comment;
    node.range[2] = end;
  }
  return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
  const alias = new Alias(source.substring(1));
  if (alias.source === "")
    onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
  if (alias.source.endsWith(":"))
    onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, options.strict, onError);
  alias.range = [offset, valueEnd, re.offset];
  if (re.comment)
    alias.comment = re.comment;
  return alias;
}

// node_modules/yaml/browser/dist/compose/compose-doc.js
function composeDoc(options, directives, { offset, start, value, end }, onError) {
  const opts = Object.assign({ _directives: directives }, options);
  const doc = new Document(void 0, opts);
  const ctx = {
    atKey: false,
    atRoot: true,
    directives: doc.directives,
    options: doc.options,
    schema: doc.schema
  };
  const props = resolveProps(start, {
    indicator: "doc-start",
    next: value ?? end?.[0],
    offset,
    onError,
    parentIndent: 0,
    startOnNewline: true
  });
  if (props.found) {
    doc.directives.docStart = true;
    if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
      onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
  }
  doc.contents = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
  const contentEnd = doc.contents.range[2];
  const re = resolveEnd(end, contentEnd, false, onError);
  if (re.comment)
    doc.comment = re.comment;
  doc.range = [offset, contentEnd, re.offset];
  return doc;
}

// node_modules/yaml/browser/dist/compose/composer.js
function getErrorPos(src) {
  if (typeof src === "number")
    return [src, src + 1];
  if (Array.isArray(src))
    return src.length === 2 ? src : [src[0], src[1]];
  const { offset, source } = src;
  return [offset, offset + (typeof source === "string" ? source.length : 1)];
}
function parsePrelude(prelude) {
  let comment = "";
  let atComment = false;
  let afterEmptyLine = false;
  for (let i = 0; i < prelude.length; ++i) {
    const source = prelude[i];
    switch (source[0]) {
      case "#":
        comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
        atComment = true;
        afterEmptyLine = false;
        break;
      case "%":
        if (prelude[i + 1]?.[0] !== "#")
          i += 1;
        atComment = false;
        break;
      default:
        if (!atComment)
          afterEmptyLine = true;
        atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}
var Composer = class {
  constructor(options = {}) {
    this.doc = null;
    this.atDirectives = false;
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
    this.onError = (source, code, message, warning2) => {
      const pos = getErrorPos(source);
      if (warning2)
        this.warnings.push(new YAMLWarning(pos, code, message));
      else
        this.errors.push(new YAMLParseError(pos, code, message));
    };
    this.directives = new Directives({ version: options.version || "1.2" });
    this.options = options;
  }
  decorate(doc, afterDoc) {
    const { comment, afterEmptyLine } = parsePrelude(this.prelude);
    if (comment) {
      const dc = doc.contents;
      if (afterDoc) {
        doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
      } else if (afterEmptyLine || doc.directives.docStart || !dc) {
        doc.commentBefore = comment;
      } else if (isCollection(dc) && !dc.flow && dc.items.length > 0) {
        let it = dc.items[0];
        if (isPair(it))
          it = it.key;
        const cb = it.commentBefore;
        it.commentBefore = cb ? `${comment}
${cb}` : comment;
      } else {
        const cb = dc.commentBefore;
        dc.commentBefore = cb ? `${comment}
${cb}` : comment;
      }
    }
    if (afterDoc) {
      for (let i = 0; i < this.errors.length; ++i)
        doc.errors.push(this.errors[i]);
      for (let i = 0; i < this.warnings.length; ++i)
        doc.warnings.push(this.warnings[i]);
    } else {
      doc.errors = this.errors;
      doc.warnings = this.warnings;
    }
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
  }
  /**
   * Current stream status information.
   *
   * Mostly useful at the end of input for an empty stream.
   */
  streamInfo() {
    return {
      comment: parsePrelude(this.prelude).comment,
      directives: this.directives,
      errors: this.errors,
      warnings: this.warnings
    };
  }
  /**
   * Compose tokens into documents.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *compose(tokens, forceDoc = false, endOffset = -1) {
    for (const token of tokens)
      yield* this.next(token);
    yield* this.end(forceDoc, endOffset);
  }
  /** Advance the composer by one CST token. */
  *next(token) {
    switch (token.type) {
      case "directive":
        this.directives.add(token.source, (offset, message, warning2) => {
          const pos = getErrorPos(token);
          pos[0] += offset;
          this.onError(pos, "BAD_DIRECTIVE", message, warning2);
        });
        this.prelude.push(token.source);
        this.atDirectives = true;
        break;
      case "document": {
        const doc = composeDoc(this.options, this.directives, token, this.onError);
        if (this.atDirectives && !doc.directives.docStart)
          this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
        this.decorate(doc, false);
        if (this.doc)
          yield this.doc;
        this.doc = doc;
        this.atDirectives = false;
        break;
      }
      case "byte-order-mark":
      case "space":
        break;
      case "comment":
      case "newline":
        this.prelude.push(token.source);
        break;
      case "error": {
        const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
        const error3 = new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
        if (this.atDirectives || !this.doc)
          this.errors.push(error3);
        else
          this.doc.errors.push(error3);
        break;
      }
      case "doc-end": {
        if (!this.doc) {
          const msg = "Unexpected doc-end without preceding document";
          this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
          break;
        }
        this.doc.directives.docEnd = true;
        const end = resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
        this.decorate(this.doc, true);
        if (end.comment) {
          const dc = this.doc.comment;
          this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
        }
        this.doc.range[2] = end.offset;
        break;
      }
      default:
        this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
    }
  }
  /**
   * Call at end of input to yield any remaining document.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *end(forceDoc = false, endOffset = -1) {
    if (this.doc) {
      this.decorate(this.doc, true);
      yield this.doc;
      this.doc = null;
    } else if (forceDoc) {
      const opts = Object.assign({ _directives: this.directives }, this.options);
      const doc = new Document(void 0, opts);
      if (this.atDirectives)
        this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
      doc.range = [0, endOffset, endOffset];
      this.decorate(doc, false);
      yield doc;
    }
  }
};

// node_modules/yaml/browser/dist/parse/cst-visit.js
var BREAK2 = /* @__PURE__ */ Symbol("break visit");
var SKIP2 = /* @__PURE__ */ Symbol("skip children");
var REMOVE2 = /* @__PURE__ */ Symbol("remove item");
function visit2(cst, visitor) {
  if ("type" in cst && cst.type === "document")
    cst = { start: cst.start, value: cst.value };
  _visit(Object.freeze([]), cst, visitor);
}
visit2.BREAK = BREAK2;
visit2.SKIP = SKIP2;
visit2.REMOVE = REMOVE2;
visit2.itemAtPath = (cst, path3) => {
  let item = cst;
  for (const [field, index] of path3) {
    const tok = item?.[field];
    if (tok && "items" in tok) {
      item = tok.items[index];
    } else
      return void 0;
  }
  return item;
};
visit2.parentCollection = (cst, path3) => {
  const parent2 = visit2.itemAtPath(cst, path3.slice(0, -1));
  const field = path3[path3.length - 1][0];
  const coll = parent2?.[field];
  if (coll && "items" in coll)
    return coll;
  throw new Error("Parent collection not found");
};
function _visit(path3, item, visitor) {
  let ctrl = visitor(item, path3);
  if (typeof ctrl === "symbol")
    return ctrl;
  for (const field of ["key", "value"]) {
    const token = item[field];
    if (token && "items" in token) {
      for (let i = 0; i < token.items.length; ++i) {
        const ci = _visit(Object.freeze(path3.concat([[field, i]])), token.items[i], visitor);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK2)
          return BREAK2;
        else if (ci === REMOVE2) {
          token.items.splice(i, 1);
          i -= 1;
        }
      }
      if (typeof ctrl === "function" && field === "key")
        ctrl = ctrl(item, path3);
    }
  }
  return typeof ctrl === "function" ? ctrl(item, path3) : ctrl;
}

// node_modules/yaml/browser/dist/parse/cst.js
var BOM = "\uFEFF";
var DOCUMENT = "";
var FLOW_END = "";
var SCALAR2 = "";
function tokenType(source) {
  switch (source) {
    case BOM:
      return "byte-order-mark";
    case DOCUMENT:
      return "doc-mode";
    case FLOW_END:
      return "flow-error-end";
    case SCALAR2:
      return "scalar";
    case "---":
      return "doc-start";
    case "...":
      return "doc-end";
    case "":
    case "\n":
    case "\r\n":
      return "newline";
    case "-":
      return "seq-item-ind";
    case "?":
      return "explicit-key-ind";
    case ":":
      return "map-value-ind";
    case "{":
      return "flow-map-start";
    case "}":
      return "flow-map-end";
    case "[":
      return "flow-seq-start";
    case "]":
      return "flow-seq-end";
    case ",":
      return "comma";
  }
  switch (source[0]) {
    case " ":
    case "	":
      return "space";
    case "#":
      return "comment";
    case "%":
      return "directive-line";
    case "*":
      return "alias";
    case "&":
      return "anchor";
    case "!":
      return "tag";
    case "'":
      return "single-quoted-scalar";
    case '"':
      return "double-quoted-scalar";
    case "|":
    case ">":
      return "block-scalar-header";
  }
  return null;
}

// node_modules/yaml/browser/dist/parse/lexer.js
function isEmpty(ch) {
  switch (ch) {
    case void 0:
    case " ":
    case "\n":
    case "\r":
    case "	":
      return true;
    default:
      return false;
  }
}
var hexDigits = new Set("0123456789ABCDEFabcdef");
var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
var flowIndicatorChars = new Set(",[]{}");
var invalidAnchorChars = new Set(" ,[]{}\n\r	");
var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
var Lexer = class {
  constructor() {
    this.atEnd = false;
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    this.buffer = "";
    this.flowKey = false;
    this.flowLevel = 0;
    this.indentNext = 0;
    this.indentValue = 0;
    this.lineEndPos = null;
    this.next = null;
    this.pos = 0;
  }
  /**
   * Generate YAML tokens from the `source` string. If `incomplete`,
   * a part of the last line may be left as a buffer for the next call.
   *
   * @returns A generator of lexical tokens
   */
  *lex(source, incomplete = false) {
    if (source) {
      if (typeof source !== "string")
        throw TypeError("source is not a string");
      this.buffer = this.buffer ? this.buffer + source : source;
      this.lineEndPos = null;
    }
    this.atEnd = !incomplete;
    let next = this.next ?? "stream";
    while (next && (incomplete || this.hasChars(1)))
      next = yield* this.parseNext(next);
  }
  atLineEnd() {
    let i = this.pos;
    let ch = this.buffer[i];
    while (ch === " " || ch === "	")
      ch = this.buffer[++i];
    if (!ch || ch === "#" || ch === "\n")
      return true;
    if (ch === "\r")
      return this.buffer[i + 1] === "\n";
    return false;
  }
  charAt(n) {
    return this.buffer[this.pos + n];
  }
  continueScalar(offset) {
    let ch = this.buffer[offset];
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === " ")
        ch = this.buffer[++indent + offset];
      if (ch === "\r") {
        const next = this.buffer[indent + offset + 1];
        if (next === "\n" || !next && !this.atEnd)
          return offset + indent + 1;
      }
      return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
    }
    if (ch === "-" || ch === ".") {
      const dt = this.buffer.substr(offset, 3);
      if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
        return -1;
    }
    return offset;
  }
  getLine() {
    let end = this.lineEndPos;
    if (typeof end !== "number" || end !== -1 && end < this.pos) {
      end = this.buffer.indexOf("\n", this.pos);
      this.lineEndPos = end;
    }
    if (end === -1)
      return this.atEnd ? this.buffer.substring(this.pos) : null;
    if (this.buffer[end - 1] === "\r")
      end -= 1;
    return this.buffer.substring(this.pos, end);
  }
  hasChars(n) {
    return this.pos + n <= this.buffer.length;
  }
  setNext(state) {
    this.buffer = this.buffer.substring(this.pos);
    this.pos = 0;
    this.lineEndPos = null;
    this.next = state;
    return null;
  }
  peek(n) {
    return this.buffer.substr(this.pos, n);
  }
  *parseNext(next) {
    switch (next) {
      case "stream":
        return yield* this.parseStream();
      case "line-start":
        return yield* this.parseLineStart();
      case "block-start":
        return yield* this.parseBlockStart();
      case "doc":
        return yield* this.parseDocument();
      case "flow":
        return yield* this.parseFlowCollection();
      case "quoted-scalar":
        return yield* this.parseQuotedScalar();
      case "block-scalar":
        return yield* this.parseBlockScalar();
      case "plain-scalar":
        return yield* this.parsePlainScalar();
    }
  }
  *parseStream() {
    let line = this.getLine();
    if (line === null)
      return this.setNext("stream");
    if (line[0] === BOM) {
      yield* this.pushCount(1);
      line = line.substring(1);
    }
    if (line[0] === "%") {
      let dirEnd = line.length;
      let cs = line.indexOf("#");
      while (cs !== -1) {
        const ch = line[cs - 1];
        if (ch === " " || ch === "	") {
          dirEnd = cs - 1;
          break;
        } else {
          cs = line.indexOf("#", cs + 1);
        }
      }
      while (true) {
        const ch = line[dirEnd - 1];
        if (ch === " " || ch === "	")
          dirEnd -= 1;
        else
          break;
      }
      const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
      yield* this.pushCount(line.length - n);
      this.pushNewline();
      return "stream";
    }
    if (this.atLineEnd()) {
      const sp = yield* this.pushSpaces(true);
      yield* this.pushCount(line.length - sp);
      yield* this.pushNewline();
      return "stream";
    }
    yield DOCUMENT;
    return yield* this.parseLineStart();
  }
  *parseLineStart() {
    const ch = this.charAt(0);
    if (!ch && !this.atEnd)
      return this.setNext("line-start");
    if (ch === "-" || ch === ".") {
      if (!this.atEnd && !this.hasChars(4))
        return this.setNext("line-start");
      const s = this.peek(3);
      if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
        yield* this.pushCount(3);
        this.indentValue = 0;
        this.indentNext = 0;
        return s === "---" ? "doc" : "stream";
      }
    }
    this.indentValue = yield* this.pushSpaces(false);
    if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
      this.indentNext = this.indentValue;
    return yield* this.parseBlockStart();
  }
  *parseBlockStart() {
    const [ch0, ch1] = this.peek(2);
    if (!ch1 && !this.atEnd)
      return this.setNext("block-start");
    if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
      const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
      return "block-start";
    }
    return "doc";
  }
  *parseDocument() {
    yield* this.pushSpaces(true);
    const line = this.getLine();
    if (line === null)
      return this.setNext("doc");
    let n = yield* this.pushIndicators();
    switch (line[n]) {
      case "#":
        yield* this.pushCount(line.length - n);
      // fallthrough
      case void 0:
        yield* this.pushNewline();
        return yield* this.parseLineStart();
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel = 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        return "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "doc";
      case '"':
      case "'":
        return yield* this.parseQuotedScalar();
      case "|":
      case ">":
        n += yield* this.parseBlockScalarHeader();
        n += yield* this.pushSpaces(true);
        yield* this.pushCount(line.length - n);
        yield* this.pushNewline();
        return yield* this.parseBlockScalar();
      default:
        return yield* this.parsePlainScalar();
    }
  }
  *parseFlowCollection() {
    let nl, sp;
    let indent = -1;
    do {
      nl = yield* this.pushNewline();
      if (nl > 0) {
        sp = yield* this.pushSpaces(false);
        this.indentValue = indent = sp;
      } else {
        sp = 0;
      }
      sp += yield* this.pushSpaces(true);
    } while (nl + sp > 0);
    const line = this.getLine();
    if (line === null)
      return this.setNext("flow");
    if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
      const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
      if (!atFlowEndMarker) {
        this.flowLevel = 0;
        yield FLOW_END;
        return yield* this.parseLineStart();
      }
    }
    let n = 0;
    while (line[n] === ",") {
      n += yield* this.pushCount(1);
      n += yield* this.pushSpaces(true);
      this.flowKey = false;
    }
    n += yield* this.pushIndicators();
    switch (line[n]) {
      case void 0:
        return "flow";
      case "#":
        yield* this.pushCount(line.length - n);
        return "flow";
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel += 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        this.flowKey = true;
        this.flowLevel -= 1;
        return this.flowLevel ? "flow" : "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "flow";
      case '"':
      case "'":
        this.flowKey = true;
        return yield* this.parseQuotedScalar();
      case ":": {
        const next = this.charAt(1);
        if (this.flowKey || isEmpty(next) || next === ",") {
          this.flowKey = false;
          yield* this.pushCount(1);
          yield* this.pushSpaces(true);
          return "flow";
        }
      }
      // fallthrough
      default:
        this.flowKey = false;
        return yield* this.parsePlainScalar();
    }
  }
  *parseQuotedScalar() {
    const quote = this.charAt(0);
    let end = this.buffer.indexOf(quote, this.pos + 1);
    if (quote === "'") {
      while (end !== -1 && this.buffer[end + 1] === "'")
        end = this.buffer.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (this.buffer[end - 1 - n] === "\\")
          n += 1;
        if (n % 2 === 0)
          break;
        end = this.buffer.indexOf('"', end + 1);
      }
    }
    const qb = this.buffer.substring(0, end);
    let nl = qb.indexOf("\n", this.pos);
    if (nl !== -1) {
      while (nl !== -1) {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = qb.indexOf("\n", cs);
      }
      if (nl !== -1) {
        end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
      }
    }
    if (end === -1) {
      if (!this.atEnd)
        return this.setNext("quoted-scalar");
      end = this.buffer.length;
    }
    yield* this.pushToIndex(end + 1, false);
    return this.flowLevel ? "flow" : "doc";
  }
  *parseBlockScalarHeader() {
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    let i = this.pos;
    while (true) {
      const ch = this.buffer[++i];
      if (ch === "+")
        this.blockScalarKeep = true;
      else if (ch > "0" && ch <= "9")
        this.blockScalarIndent = Number(ch) - 1;
      else if (ch !== "-")
        break;
    }
    return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
  }
  *parseBlockScalar() {
    let nl = this.pos - 1;
    let indent = 0;
    let ch;
    loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
      switch (ch) {
        case " ":
          indent += 1;
          break;
        case "\n":
          nl = i2;
          indent = 0;
          break;
        case "\r": {
          const next = this.buffer[i2 + 1];
          if (!next && !this.atEnd)
            return this.setNext("block-scalar");
          if (next === "\n")
            break;
        }
        // fallthrough
        default:
          break loop;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("block-scalar");
    if (indent >= this.indentNext) {
      if (this.blockScalarIndent === -1)
        this.indentNext = indent;
      else {
        this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      }
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = this.buffer.indexOf("\n", cs);
      } while (nl !== -1);
      if (nl === -1) {
        if (!this.atEnd)
          return this.setNext("block-scalar");
        nl = this.buffer.length;
      }
    }
    let i = nl + 1;
    ch = this.buffer[i];
    while (ch === " ")
      ch = this.buffer[++i];
    if (ch === "	") {
      while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
        ch = this.buffer[++i];
      nl = i - 1;
    } else if (!this.blockScalarKeep) {
      do {
        let i2 = nl - 1;
        let ch2 = this.buffer[i2];
        if (ch2 === "\r")
          ch2 = this.buffer[--i2];
        const lastChar = i2;
        while (ch2 === " ")
          ch2 = this.buffer[--i2];
        if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
          nl = i2;
        else
          break;
      } while (true);
    }
    yield SCALAR2;
    yield* this.pushToIndex(nl + 1, true);
    return yield* this.parseLineStart();
  }
  *parsePlainScalar() {
    const inFlow = this.flowLevel > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch;
    while (ch = this.buffer[++i]) {
      if (ch === ":") {
        const next = this.buffer[i + 1];
        if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
          break;
        end = i;
      } else if (isEmpty(ch)) {
        let next = this.buffer[i + 1];
        if (ch === "\r") {
          if (next === "\n") {
            i += 1;
            ch = "\n";
            next = this.buffer[i + 1];
          } else
            end = i;
        }
        if (next === "#" || inFlow && flowIndicatorChars.has(next))
          break;
        if (ch === "\n") {
          const cs = this.continueScalar(i + 1);
          if (cs === -1)
            break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow && flowIndicatorChars.has(ch))
          break;
        end = i;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("plain-scalar");
    yield SCALAR2;
    yield* this.pushToIndex(end + 1, true);
    return inFlow ? "flow" : "doc";
  }
  *pushCount(n) {
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos += n;
      return n;
    }
    return 0;
  }
  *pushToIndex(i, allowEmpty) {
    const s = this.buffer.slice(this.pos, i);
    if (s) {
      yield s;
      this.pos += s.length;
      return s.length;
    } else if (allowEmpty)
      yield "";
    return 0;
  }
  *pushIndicators() {
    let n = 0;
    loop: while (true) {
      switch (this.charAt(0)) {
        case "!":
          n += yield* this.pushTag();
          n += yield* this.pushSpaces(true);
          continue loop;
        case "&":
          n += yield* this.pushUntil(isNotAnchorChar);
          n += yield* this.pushSpaces(true);
          continue loop;
        case "-":
        // this is an error
        case "?":
        // this is an error outside flow collections
        case ":": {
          const inFlow = this.flowLevel > 0;
          const ch1 = this.charAt(1);
          if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
            if (!inFlow)
              this.indentNext = this.indentValue + 1;
            else if (this.flowKey)
              this.flowKey = false;
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            continue loop;
          }
        }
      }
      break loop;
    }
    return n;
  }
  *pushTag() {
    if (this.charAt(1) === "<") {
      let i = this.pos + 2;
      let ch = this.buffer[i];
      while (!isEmpty(ch) && ch !== ">")
        ch = this.buffer[++i];
      return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
    } else {
      let i = this.pos + 1;
      let ch = this.buffer[i];
      while (ch) {
        if (tagChars.has(ch))
          ch = this.buffer[++i];
        else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
          ch = this.buffer[i += 3];
        } else
          break;
      }
      return yield* this.pushToIndex(i, false);
    }
  }
  *pushNewline() {
    const ch = this.buffer[this.pos];
    if (ch === "\n")
      return yield* this.pushCount(1);
    else if (ch === "\r" && this.charAt(1) === "\n")
      return yield* this.pushCount(2);
    else
      return 0;
  }
  *pushSpaces(allowTabs) {
    let i = this.pos - 1;
    let ch;
    do {
      ch = this.buffer[++i];
    } while (ch === " " || allowTabs && ch === "	");
    const n = i - this.pos;
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos = i;
    }
    return n;
  }
  *pushUntil(test) {
    let i = this.pos;
    let ch = this.buffer[i];
    while (!test(ch))
      ch = this.buffer[++i];
    return yield* this.pushToIndex(i, false);
  }
};

// node_modules/yaml/browser/dist/parse/line-counter.js
var LineCounter = class {
  constructor() {
    this.lineStarts = [];
    this.addNewLine = (offset) => this.lineStarts.push(offset);
    this.linePos = (offset) => {
      let low = 0;
      let high = this.lineStarts.length;
      while (low < high) {
        const mid = low + high >> 1;
        if (this.lineStarts[mid] < offset)
          low = mid + 1;
        else
          high = mid;
      }
      if (this.lineStarts[low] === offset)
        return { line: low + 1, col: 1 };
      if (low === 0)
        return { line: 0, col: offset };
      const start = this.lineStarts[low - 1];
      return { line: low, col: offset - start + 1 };
    };
  }
};

// node_modules/yaml/browser/dist/parse/parser.js
function includesToken(list, type) {
  for (let i = 0; i < list.length; ++i)
    if (list[i].type === type)
      return true;
  return false;
}
function findNonEmptyIndex(list) {
  for (let i = 0; i < list.length; ++i) {
    switch (list[i].type) {
      case "space":
      case "comment":
      case "newline":
        break;
      default:
        return i;
    }
  }
  return -1;
}
function isFlowToken(token) {
  switch (token?.type) {
    case "alias":
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "flow-collection":
      return true;
    default:
      return false;
  }
}
function getPrevProps(parent2) {
  switch (parent2.type) {
    case "document":
      return parent2.start;
    case "block-map": {
      const it = parent2.items[parent2.items.length - 1];
      return it.sep ?? it.start;
    }
    case "block-seq":
      return parent2.items[parent2.items.length - 1].start;
    /* istanbul ignore next should not happen */
    default:
      return [];
  }
}
function getFirstKeyStartProps(prev) {
  if (prev.length === 0)
    return [];
  let i = prev.length;
  loop: while (--i >= 0) {
    switch (prev[i].type) {
      case "doc-start":
      case "explicit-key-ind":
      case "map-value-ind":
      case "seq-item-ind":
      case "newline":
        break loop;
    }
  }
  while (prev[++i]?.type === "space") {
  }
  return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
  if (source.length < 1e5)
    Array.prototype.push.apply(target, source);
  else
    for (let i = 0; i < source.length; ++i)
      target.push(source[i]);
}
function fixFlowSeqItems(fc) {
  if (fc.start.type === "flow-seq-start") {
    for (const it of fc.items) {
      if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
        if (it.key)
          it.value = it.key;
        delete it.key;
        if (isFlowToken(it.value)) {
          if (it.value.end)
            arrayPushArray(it.value.end, it.sep);
          else
            it.value.end = it.sep;
        } else
          arrayPushArray(it.start, it.sep);
        delete it.sep;
      }
    }
  }
}
var Parser = class {
  /**
   * @param onNewLine - If defined, called separately with the start position of
   *   each new line (in `parse()`, including the start of input).
   */
  constructor(onNewLine) {
    this.atNewLine = true;
    this.atScalar = false;
    this.indent = 0;
    this.offset = 0;
    this.onKeyLine = false;
    this.stack = [];
    this.source = "";
    this.type = "";
    this.lexer = new Lexer();
    this.onNewLine = onNewLine;
  }
  /**
   * Parse `source` as a YAML stream.
   * If `incomplete`, a part of the last line may be left as a buffer for the next call.
   *
   * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
   *
   * @returns A generator of tokens representing each directive, document, and other structure.
   */
  *parse(source, incomplete = false) {
    if (this.onNewLine && this.offset === 0)
      this.onNewLine(0);
    for (const lexeme of this.lexer.lex(source, incomplete))
      yield* this.next(lexeme);
    if (!incomplete)
      yield* this.end();
  }
  /**
   * Advance the parser by the `source` of one lexical token.
   */
  *next(source) {
    this.source = source;
    if (this.atScalar) {
      this.atScalar = false;
      yield* this.step();
      this.offset += source.length;
      return;
    }
    const type = tokenType(source);
    if (!type) {
      const message = `Not a YAML token: ${source}`;
      yield* this.pop({ type: "error", offset: this.offset, message, source });
      this.offset += source.length;
    } else if (type === "scalar") {
      this.atNewLine = false;
      this.atScalar = true;
      this.type = "scalar";
    } else {
      this.type = type;
      yield* this.step();
      switch (type) {
        case "newline":
          this.atNewLine = true;
          this.indent = 0;
          if (this.onNewLine)
            this.onNewLine(this.offset + source.length);
          break;
        case "space":
          if (this.atNewLine && source[0] === " ")
            this.indent += source.length;
          break;
        case "explicit-key-ind":
        case "map-value-ind":
        case "seq-item-ind":
          if (this.atNewLine)
            this.indent += source.length;
          break;
        case "doc-mode":
        case "flow-error-end":
          return;
        default:
          this.atNewLine = false;
      }
      this.offset += source.length;
    }
  }
  /** Call at end of input to push out any remaining constructions */
  *end() {
    while (this.stack.length > 0)
      yield* this.pop();
  }
  get sourceToken() {
    const st = {
      type: this.type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
    return st;
  }
  *step() {
    const top = this.peek(1);
    if (this.type === "doc-end" && top?.type !== "doc-end") {
      while (this.stack.length > 0)
        yield* this.pop();
      this.stack.push({
        type: "doc-end",
        offset: this.offset,
        source: this.source
      });
      return;
    }
    if (!top)
      return yield* this.stream();
    switch (top.type) {
      case "document":
        return yield* this.document(top);
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return yield* this.scalar(top);
      case "block-scalar":
        return yield* this.blockScalar(top);
      case "block-map":
        return yield* this.blockMap(top);
      case "block-seq":
        return yield* this.blockSequence(top);
      case "flow-collection":
        return yield* this.flowCollection(top);
      case "doc-end":
        return yield* this.documentEnd(top);
    }
    yield* this.pop();
  }
  peek(n) {
    return this.stack[this.stack.length - n];
  }
  *pop(error3) {
    const token = error3 ?? this.stack.pop();
    if (!token) {
      const message = "Tried to pop an empty stack";
      yield { type: "error", offset: this.offset, source: "", message };
    } else if (this.stack.length === 0) {
      yield token;
    } else {
      const top = this.peek(1);
      if (token.type === "block-scalar") {
        token.indent = "indent" in top ? top.indent : 0;
      } else if (token.type === "flow-collection" && top.type === "document") {
        token.indent = 0;
      }
      if (token.type === "flow-collection")
        fixFlowSeqItems(token);
      switch (top.type) {
        case "document":
          top.value = token;
          break;
        case "block-scalar":
          top.props.push(token);
          break;
        case "block-map": {
          const it = top.items[top.items.length - 1];
          if (it.value) {
            top.items.push({ start: [], key: token, sep: [] });
            this.onKeyLine = true;
            return;
          } else if (it.sep) {
            it.value = token;
          } else {
            Object.assign(it, { key: token, sep: [] });
            this.onKeyLine = !it.explicitKey;
            return;
          }
          break;
        }
        case "block-seq": {
          const it = top.items[top.items.length - 1];
          if (it.value)
            top.items.push({ start: [], value: token });
          else
            it.value = token;
          break;
        }
        case "flow-collection": {
          const it = top.items[top.items.length - 1];
          if (!it || it.value)
            top.items.push({ start: [], key: token, sep: [] });
          else if (it.sep)
            it.value = token;
          else
            Object.assign(it, { key: token, sep: [] });
          return;
        }
        /* istanbul ignore next should not happen */
        default:
          yield* this.pop();
          yield* this.pop(token);
      }
      if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
        const last = token.items[token.items.length - 1];
        if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
          if (top.type === "document")
            top.end = last.start;
          else
            top.items.push({ start: last.start });
          token.items.splice(-1, 1);
        }
      }
    }
  }
  *stream() {
    switch (this.type) {
      case "directive-line":
        yield { type: "directive", offset: this.offset, source: this.source };
        return;
      case "byte-order-mark":
      case "space":
      case "comment":
      case "newline":
        yield this.sourceToken;
        return;
      case "doc-mode":
      case "doc-start": {
        const doc = {
          type: "document",
          offset: this.offset,
          start: []
        };
        if (this.type === "doc-start")
          doc.start.push(this.sourceToken);
        this.stack.push(doc);
        return;
      }
    }
    yield {
      type: "error",
      offset: this.offset,
      message: `Unexpected ${this.type} token in YAML stream`,
      source: this.source
    };
  }
  *document(doc) {
    if (doc.value)
      return yield* this.lineEnd(doc);
    switch (this.type) {
      case "doc-start": {
        if (findNonEmptyIndex(doc.start) !== -1) {
          yield* this.pop();
          yield* this.step();
        } else
          doc.start.push(this.sourceToken);
        return;
      }
      case "anchor":
      case "tag":
      case "space":
      case "comment":
      case "newline":
        doc.start.push(this.sourceToken);
        return;
    }
    const bv = this.startBlockValue(doc);
    if (bv)
      this.stack.push(bv);
    else {
      yield {
        type: "error",
        offset: this.offset,
        message: `Unexpected ${this.type} token in YAML document`,
        source: this.source
      };
    }
  }
  *scalar(scalar) {
    if (this.type === "map-value-ind") {
      const prev = getPrevProps(this.peek(2));
      const start = getFirstKeyStartProps(prev);
      let sep2;
      if (scalar.end) {
        sep2 = scalar.end;
        sep2.push(this.sourceToken);
        delete scalar.end;
      } else
        sep2 = [this.sourceToken];
      const map2 = {
        type: "block-map",
        offset: scalar.offset,
        indent: scalar.indent,
        items: [{ start, key: scalar, sep: sep2 }]
      };
      this.onKeyLine = true;
      this.stack[this.stack.length - 1] = map2;
    } else
      yield* this.lineEnd(scalar);
  }
  *blockScalar(scalar) {
    switch (this.type) {
      case "space":
      case "comment":
      case "newline":
        scalar.props.push(this.sourceToken);
        return;
      case "scalar":
        scalar.source = this.source;
        this.atNewLine = true;
        this.indent = 0;
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        yield* this.pop();
        break;
      /* istanbul ignore next should not happen */
      default:
        yield* this.pop();
        yield* this.step();
    }
  }
  *blockMap(map2) {
    const it = map2.items[map2.items.length - 1];
    switch (this.type) {
      case "newline":
        this.onKeyLine = false;
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          it.start.push(this.sourceToken);
        }
        return;
      case "space":
      case "comment":
        if (it.value) {
          map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          if (this.atIndentedComment(it.start, map2.indent)) {
            const prev = map2.items[map2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              map2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
    }
    if (this.indent >= map2.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map2.indent;
      const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
      let start = [];
      if (atNextItem && it.sep && !it.value) {
        const nl = [];
        for (let i = 0; i < it.sep.length; ++i) {
          const st = it.sep[i];
          switch (st.type) {
            case "newline":
              nl.push(i);
              break;
            case "space":
              break;
            case "comment":
              if (st.indent > map2.indent)
                nl.length = 0;
              break;
            default:
              nl.length = 0;
          }
        }
        if (nl.length >= 2)
          start = it.sep.splice(nl[1]);
      }
      switch (this.type) {
        case "anchor":
        case "tag":
          if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start });
            this.onKeyLine = true;
          } else if (it.sep) {
            it.sep.push(this.sourceToken);
          } else {
            it.start.push(this.sourceToken);
          }
          return;
        case "explicit-key-ind":
          if (!it.sep && !it.explicitKey) {
            it.start.push(this.sourceToken);
            it.explicitKey = true;
          } else if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start, explicitKey: true });
          } else {
            this.stack.push({
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken], explicitKey: true }]
            });
          }
          this.onKeyLine = true;
          return;
        case "map-value-ind":
          if (it.explicitKey) {
            if (!it.sep) {
              if (includesToken(it.start, "newline")) {
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              } else {
                const start2 = getFirstKeyStartProps(it.start);
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                });
              }
            } else if (it.value) {
              map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start, key: null, sep: [this.sourceToken] }]
              });
            } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
              const start2 = getFirstKeyStartProps(it.start);
              const key = it.key;
              const sep2 = it.sep;
              sep2.push(this.sourceToken);
              delete it.key;
              delete it.sep;
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: start2, key, sep: sep2 }]
              });
            } else if (start.length > 0) {
              it.sep = it.sep.concat(start, this.sourceToken);
            } else {
              it.sep.push(this.sourceToken);
            }
          } else {
            if (!it.sep) {
              Object.assign(it, { key: null, sep: [this.sourceToken] });
            } else if (it.value || atNextItem) {
              map2.items.push({ start, key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [], key: null, sep: [this.sourceToken] }]
              });
            } else {
              it.sep.push(this.sourceToken);
            }
          }
          this.onKeyLine = true;
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs2 = this.flowScalar(this.type);
          if (atNextItem || it.value) {
            map2.items.push({ start, key: fs2, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) {
            this.stack.push(fs2);
          } else {
            Object.assign(it, { key: fs2, sep: [] });
            this.onKeyLine = true;
          }
          return;
        }
        default: {
          const bv = this.startBlockValue(map2);
          if (bv) {
            if (bv.type === "block-seq") {
              if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                yield* this.pop({
                  type: "error",
                  offset: this.offset,
                  message: "Unexpected block-seq-ind on same line with key",
                  source: this.source
                });
                return;
              }
            } else if (atMapIndent) {
              map2.items.push({ start });
            }
            this.stack.push(bv);
            return;
          }
        }
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *blockSequence(seq2) {
    const it = seq2.items[seq2.items.length - 1];
    switch (this.type) {
      case "newline":
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            seq2.items.push({ start: [this.sourceToken] });
        } else
          it.start.push(this.sourceToken);
        return;
      case "space":
      case "comment":
        if (it.value)
          seq2.items.push({ start: [this.sourceToken] });
        else {
          if (this.atIndentedComment(it.start, seq2.indent)) {
            const prev = seq2.items[seq2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              seq2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
      case "anchor":
      case "tag":
        if (it.value || this.indent <= seq2.indent)
          break;
        it.start.push(this.sourceToken);
        return;
      case "seq-item-ind":
        if (this.indent !== seq2.indent)
          break;
        if (it.value || includesToken(it.start, "seq-item-ind"))
          seq2.items.push({ start: [this.sourceToken] });
        else
          it.start.push(this.sourceToken);
        return;
    }
    if (this.indent > seq2.indent) {
      const bv = this.startBlockValue(seq2);
      if (bv) {
        this.stack.push(bv);
        return;
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *flowCollection(fc) {
    const it = fc.items[fc.items.length - 1];
    if (this.type === "flow-error-end") {
      let top;
      do {
        yield* this.pop();
        top = this.peek(1);
      } while (top?.type === "flow-collection");
    } else if (fc.end.length === 0) {
      switch (this.type) {
        case "comma":
        case "explicit-key-ind":
          if (!it || it.sep)
            fc.items.push({ start: [this.sourceToken] });
          else
            it.start.push(this.sourceToken);
          return;
        case "map-value-ind":
          if (!it || it.value)
            fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            Object.assign(it, { key: null, sep: [this.sourceToken] });
          return;
        case "space":
        case "comment":
        case "newline":
        case "anchor":
        case "tag":
          if (!it || it.value)
            fc.items.push({ start: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            it.start.push(this.sourceToken);
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs2 = this.flowScalar(this.type);
          if (!it || it.value)
            fc.items.push({ start: [], key: fs2, sep: [] });
          else if (it.sep)
            this.stack.push(fs2);
          else
            Object.assign(it, { key: fs2, sep: [] });
          return;
        }
        case "flow-map-end":
        case "flow-seq-end":
          fc.end.push(this.sourceToken);
          return;
      }
      const bv = this.startBlockValue(fc);
      if (bv)
        this.stack.push(bv);
      else {
        yield* this.pop();
        yield* this.step();
      }
    } else {
      const parent2 = this.peek(2);
      if (parent2.type === "block-map" && (this.type === "map-value-ind" && parent2.indent === fc.indent || this.type === "newline" && !parent2.items[parent2.items.length - 1].sep)) {
        yield* this.pop();
        yield* this.step();
      } else if (this.type === "map-value-ind" && parent2.type !== "flow-collection") {
        const prev = getPrevProps(parent2);
        const start = getFirstKeyStartProps(prev);
        fixFlowSeqItems(fc);
        const sep2 = fc.end.splice(1, fc.end.length);
        sep2.push(this.sourceToken);
        const map2 = {
          type: "block-map",
          offset: fc.offset,
          indent: fc.indent,
          items: [{ start, key: fc, sep: sep2 }]
        };
        this.onKeyLine = true;
        this.stack[this.stack.length - 1] = map2;
      } else {
        yield* this.lineEnd(fc);
      }
    }
  }
  flowScalar(type) {
    if (this.onNewLine) {
      let nl = this.source.indexOf("\n") + 1;
      while (nl !== 0) {
        this.onNewLine(this.offset + nl);
        nl = this.source.indexOf("\n", nl) + 1;
      }
    }
    return {
      type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
  }
  startBlockValue(parent2) {
    switch (this.type) {
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return this.flowScalar(this.type);
      case "block-scalar-header":
        return {
          type: "block-scalar",
          offset: this.offset,
          indent: this.indent,
          props: [this.sourceToken],
          source: ""
        };
      case "flow-map-start":
      case "flow-seq-start":
        return {
          type: "flow-collection",
          offset: this.offset,
          indent: this.indent,
          start: this.sourceToken,
          items: [],
          end: []
        };
      case "seq-item-ind":
        return {
          type: "block-seq",
          offset: this.offset,
          indent: this.indent,
          items: [{ start: [this.sourceToken] }]
        };
      case "explicit-key-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent2);
        const start = getFirstKeyStartProps(prev);
        start.push(this.sourceToken);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, explicitKey: true }]
        };
      }
      case "map-value-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent2);
        const start = getFirstKeyStartProps(prev);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, key: null, sep: [this.sourceToken] }]
        };
      }
    }
    return null;
  }
  atIndentedComment(start, indent) {
    if (this.type !== "comment")
      return false;
    if (this.indent <= indent)
      return false;
    return start.every((st) => st.type === "newline" || st.type === "space");
  }
  *documentEnd(docEnd) {
    if (this.type !== "doc-mode") {
      if (docEnd.end)
        docEnd.end.push(this.sourceToken);
      else
        docEnd.end = [this.sourceToken];
      if (this.type === "newline")
        yield* this.pop();
    }
  }
  *lineEnd(token) {
    switch (this.type) {
      case "comma":
      case "doc-start":
      case "doc-end":
      case "flow-seq-end":
      case "flow-map-end":
      case "map-value-ind":
        yield* this.pop();
        yield* this.step();
        break;
      case "newline":
        this.onKeyLine = false;
      // fallthrough
      case "space":
      case "comment":
      default:
        if (token.end)
          token.end.push(this.sourceToken);
        else
          token.end = [this.sourceToken];
        if (this.type === "newline")
          yield* this.pop();
    }
  }
};

// node_modules/yaml/browser/dist/public-api.js
function parseOptions(options) {
  const prettyErrors = options.prettyErrors !== false;
  const lineCounter = options.lineCounter || prettyErrors && new LineCounter() || null;
  return { lineCounter, prettyErrors };
}
function parseDocument(source, options = {}) {
  const { lineCounter, prettyErrors } = parseOptions(options);
  const parser = new Parser(lineCounter?.addNewLine);
  const composer = new Composer(options);
  let doc = null;
  for (const _doc of composer.compose(parser.parse(source), true, source.length)) {
    if (!doc)
      doc = _doc;
    else if (doc.options.logLevel !== "silent") {
      doc.errors.push(new YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  if (prettyErrors && lineCounter) {
    doc.errors.forEach(prettifyError2(source, lineCounter));
    doc.warnings.forEach(prettifyError2(source, lineCounter));
  }
  return doc;
}
function parse2(src, reviver, options) {
  let _reviver = void 0;
  if (typeof reviver === "function") {
    _reviver = reviver;
  } else if (options === void 0 && reviver && typeof reviver === "object") {
    options = reviver;
  }
  const doc = parseDocument(src, options);
  if (!doc)
    return null;
  doc.warnings.forEach((warning2) => warn(doc.options.logLevel, warning2));
  if (doc.errors.length > 0) {
    if (doc.options.logLevel !== "silent")
      throw doc.errors[0];
    else
      doc.errors = [];
  }
  return doc.toJS(Object.assign({ reviver: _reviver }, options));
}

// src/sources/located-yaml.ts
var LocatedNode = class _LocatedNode {
  node;
  #path;
  #lines;
  #fallbackLine;
  #document;
  constructor(node, path3, lines, fallbackLine = 1, document) {
    this.node = isAlias(node) && document ? node.resolve(document) : node;
    this.#path = path3;
    this.#lines = lines;
    this.#fallbackLine = fallbackLine;
    this.#document = document;
  }
  #child(node, fallbackLine) {
    return new _LocatedNode(node, this.#path, this.#lines, fallbackLine, this.#document);
  }
  get location() {
    const offset = this.node?.range?.[0];
    return {
      path: this.#path,
      line: offset === void 0 ? this.#fallbackLine : this.#lines.linePos(offset).line
    };
  }
  get isMap() {
    return isMap(this.node);
  }
  /**
   * The value under `key` of a mapping (located at the key when the value is empty), or of the
   * mappings it merges with `<<: *base` (compose files share settings that way).
   */
  get(key) {
    if (!isMap(this.node)) return void 0;
    const pair = this.node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (!pair) {
      const merged = key === "<<" ? void 0 : this.get("<<");
      if (!merged) return void 0;
      for (const base of merged.isMap ? [merged] : merged.items()) {
        const found = base.get(key);
        if (found) return found;
      }
      return void 0;
    }
    const keyOffset = pair.key.range?.[0];
    const keyLine = keyOffset === void 0 ? this.location.line : this.#lines.linePos(keyOffset).line;
    return this.#child(pair.value, keyLine);
  }
  items() {
    if (!isSeq(this.node)) return [];
    return this.node.items.map((item) => this.#child(item, this.location.line));
  }
  entries() {
    if (!isMap(this.node)) return [];
    return this.node.items.filter((item) => isScalar(item.key)).map((item) => {
      const keyOffset = item.key.range?.[0];
      const line = keyOffset === void 0 ? this.location.line : this.#lines.linePos(keyOffset).line;
      return [String(item.key.value), this.#child(item.value, line)];
    });
  }
  string() {
    if (!isScalar(this.node) || this.node.value === null || this.node.value === void 0) return void 0;
    const value = this.node.value;
    return typeof value === "object" ? void 0 : String(value);
  }
  number() {
    if (!isScalar(this.node)) return void 0;
    const value = typeof this.node.value === "string" ? Number(this.node.value) : this.node.value;
    return typeof value === "number" && Number.isFinite(value) ? value : void 0;
  }
  boolean() {
    return isScalar(this.node) && typeof this.node.value === "boolean" ? this.node.value : void 0;
  }
};
function parseLocatedYaml(path3, text2, origin) {
  const lines = new LineCounter();
  const parsed = parseYaml(text2, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  if ("tooDeep" in parsed)
    return {
      diagnostics: [
        {
          severity: "error",
          origin,
          message: `${path3} is not valid YAML: it is nested deeper than the YAML parser can read.`,
          location: { path: path3, line: clampToText(text2, lines.linePos(parsed.tooDeep).line) }
        }
      ]
    };
  const { document } = parsed;
  const diagnostics = yamlErrors(document.errors, text2, lines, (reason, line) => ({
    severity: "error",
    origin,
    message: `${path3} is not valid YAML: ${reason}`,
    location: { path: path3, line }
  }));
  if (diagnostics.length > 0) return { diagnostics };
  return { root: new LocatedNode(document.contents, path3, lines, 1, document), diagnostics };
}
var MAX_YAML_ERRORS_PER_FILE = 5;
function yamlErrors(errors, text2, lines, diagnostic) {
  const shown = errors.slice(0, MAX_YAML_ERRORS_PER_FILE).map(
    (error3) => diagnostic(error3.message.split("\n")[0] ?? "", clampToText(text2, lines.linePos(error3.pos[0]).line))
  );
  const more = errors.length - shown.length;
  const last = shown.at(-1);
  if (more > 0 && last) last.message += ` (and ${more} more YAML errors in this file)`;
  return shown;
}
function parseYaml(text2, options) {
  let document;
  try {
    document = parseDocument(text2, options);
  } catch (error3) {
    if (error3 instanceof RangeError) return { tooDeep: 0 };
    throw error3;
  }
  const overflow = document.errors.find((error3) => /call stack|stack overflow/i.test(error3.message));
  return overflow ? { tooDeep: overflow.pos[0] } : { document };
}
function clampToText(text2, line) {
  return Math.min(line, writtenLines(text2));
}
var counted;
function writtenLines(text2) {
  if (counted?.text !== text2) {
    let end = text2.length;
    while (end > 0 && /\s/.test(text2[end - 1])) end--;
    let lines = 1;
    for (let i = text2.indexOf("\n"); i >= 0 && i < end; i = text2.indexOf("\n", i + 1)) lines++;
    counted = { text: text2, lines };
  }
  return counted.lines;
}

// src/review/config.ts
var DEFAULT_CONFIG_PATH = ".github/headroom.yml";
var severityOrOff = _enum([...SEVERITIES, "off"]);
var ruleSetting = union([
  severityOrOff,
  strictObject({
    severity: optional(severityOrOff),
    options: optional(record(string2(), unknown()))
  })
]);
var described = (schema4, description) => schema4.check(describe2(description));
var serviceCapacity = strictObject({
  processes: described(
    optional(int().check(_positive())),
    "Worker processes per instance, when the start command does not say."
  ),
  poolSize: described(optional(int().check(_positive())), "Database connections each process may open."),
  memoryPerProcessMb: described(
    optional(number2().check(_positive())),
    "Resident memory of one process, in MB."
  )
});
var configSchema = strictObject({
  tier: described(
    optional(_enum(TIERS)),
    "Target: launch (0\u20131k users), growth (1k\u201310k), scale (10k\u2013100k), enterprise (100k+)."
  ),
  expectedUsers: described(
    optional(int().check(_nonnegative())),
    "Active users expected; sets the tier when `tier` is absent."
  ),
  failOn: described(
    _default(_enum([...SEVERITIES, "never"]), "error"),
    "Lowest severity that fails the gate."
  ),
  gateOn: described(
    _default(_enum(["new", "all"]), "new"),
    "Fail only on findings a pull request introduces, or on all."
  ),
  rules: described(
    _default(record(string2(), ruleSetting), {}),
    "Per rule: a severity, `off`, or { severity, options }."
  ),
  ignore: described(
    _default(
      array(
        string2().check(
          refine(isGlob, {
            message: "not a glob pattern Headroom can read (picomatch takes at most 64 KB)"
          })
        )
      ),
      []
    ),
    "Glob patterns of files never read."
  ),
  acknowledgements: _default(
    strictObject({
      forbid: described(
        _default(array(string2()), []),
        "Rules whose findings a ticked box may not acknowledge."
      )
    }),
    { forbid: [] }
  ),
  capacity: _default(
    strictObject({
      memoryPerProcessMb: optional(number2().check(_positive())),
      services: _default(record(string2(), serviceCapacity), {})
    }),
    { services: {} }
  )
}).check(
  refine((config2) => !(config2.tier && config2.expectedUsers !== void 0), {
    message: "Set either `tier` or `expectedUsers`, not both.",
    path: ["expectedUsers"]
  })
);
var DEFAULT_TIER = "growth";
function defaultConfig() {
  return fromParsed(configSchema.parse({}));
}
function tierForUsers(users) {
  if (users < 1e3) return "launch";
  if (users < 1e4) return "growth";
  if (users < 1e5) return "scale";
  return "enterprise";
}
function fromParsed(parsed) {
  return {
    tier: parsed.tier ?? (parsed.expectedUsers !== void 0 ? tierForUsers(parsed.expectedUsers) : DEFAULT_TIER),
    failOn: parsed.failOn,
    gateOn: parsed.gateOn,
    rules: Object.fromEntries(
      Object.entries(parsed.rules).map(([id, setting]) => [
        id,
        typeof setting === "string" ? { severity: setting } : setting
      ])
    ),
    ignore: parsed.ignore,
    forbidAcknowledge: parsed.acknowledgements.forbid,
    capacity: parsed.capacity
  };
}
function parseConfig(text2, path3, knownRuleIds, ruleOptions = /* @__PURE__ */ new Map()) {
  const lineCounter = new LineCounter();
  const yaml = parseYaml(text2, { lineCounter, prettyErrors: false, merge: true });
  if ("tooDeep" in yaml) {
    const line = clampToText(text2, lineCounter.linePos(yaml.tooDeep).line);
    const message = `Invalid YAML in ${path3}: it is nested deeper than the YAML parser can read.`;
    return {
      config: defaultConfig(),
      diagnostics: [{ severity: "error", origin: "config", message, location: { path: path3, line } }]
    };
  }
  const { document } = yaml;
  const diagnostics = yamlErrors(document.errors, text2, lineCounter, (reason, line) => ({
    severity: "error",
    origin: "config",
    message: `Invalid YAML in ${path3}: ${reason}`,
    location: { path: path3, line }
  }));
  if (diagnostics.length > 0) return { config: defaultConfig(), diagnostics };
  const lineOf = (keys) => lineOfPath(document.contents, keys, lineCounter);
  let parsed;
  try {
    parsed = document.toJS({ maxAliasCount: MAX_CONFIG_ALIASES });
  } catch (error3) {
    const reason = (error3 instanceof Error ? error3.message : String(error3)).split("\n")[0];
    const offset = firstUnresolvedAlias(document) ?? 0;
    const line = clampToText(text2, lineCounter.linePos(offset).line);
    return {
      config: defaultConfig(),
      diagnostics: [
        {
          severity: "error",
          origin: "config",
          message: `Invalid YAML in ${path3}: ${reason}`,
          location: { path: path3, line }
        }
      ]
    };
  }
  let candidate = withoutEmptySections(parsed ?? {}, configSchema);
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = configSchema.safeParse(candidate);
    const problems = result.success ? [
      ...unknownRuleIds(result.data.rules, result.data.acknowledgements.forbid, knownRuleIds),
      ...wrongRuleOptions(result.data.rules, ruleOptions)
    ] : result.error.issues.flatMap((issue3) => describeIssue(issue3, configSchema));
    if (problems.length === 0 && result.success)
      return { config: fromParsed(result.data), diagnostics: inLineOrder(diagnostics) };
    for (const problem3 of problems) {
      diagnostics.push({
        severity: "error",
        origin: "config",
        message: `${path3}: ${problem3.message}`,
        location: { path: path3, line: lineOf(problem3.path) }
      });
    }
    candidate = withoutPaths(
      candidate,
      problems.map((p) => p.path)
    );
  }
  return { config: defaultConfig(), diagnostics: inLineOrder(diagnostics) };
}
var MAX_CONFIG_ALIASES = 100;
function firstUnresolvedAlias(document) {
  let offset;
  visit(document, {
    Alias(_, node) {
      if (isAlias(node) && node.resolve(document) === void 0) {
        offset = node.range?.[0];
        return visit.BREAK;
      }
      return void 0;
    }
  });
  return offset;
}
function inLineOrder(diagnostics) {
  return diagnostics.sort((a, b) => a.location.line - b.location.line);
}
function describeIssue(issue3, schema4, at3 = []) {
  const path3 = [...at3, ...issue3.path];
  const where = path3.length ? `\`${path3.join(".")}\`` : "the file";
  if (issue3.code === "unrecognized_keys") {
    const allowed = allowedKeys(schemaAt(schema4, issue3.path));
    return issue3.keys.map((key) => ({
      path: [...path3, key],
      message: `unknown key \`${key}\` in ${where}${didYouMean(closest(key, allowed))}; allowed: ${allowed.join(", ")}.`
    }));
  }
  if (issue3.code === "invalid_union") {
    const expected = describeExpected(schemaAt(schema4, issue3.path));
    return [{ path: path3, message: `${where} must be ${expected}.` }];
  }
  return [{ path: path3, message: `${where}: ${issue3.message}` }];
}
function wrongRuleOptions(rules, schemas2) {
  return Object.entries(rules).flatMap(([id, setting]) => {
    const schema4 = schemas2.get(id);
    if (!schema4 || typeof setting === "string" || setting.options === void 0) return [];
    const result = safeParse(schema4, setting.options);
    return result.success ? [] : result.error.issues.flatMap((issue3) => describeIssue(issue3, schema4, ["rules", id, "options"]));
  });
}
function unknownRuleIds(rules, forbid, known) {
  const problems = [];
  const describe3 = (id) => `unknown rule \`${id}\`${didYouMean(closest(id, known))}.`;
  for (const id of Object.keys(rules))
    if (!known.includes(id)) problems.push({ path: ["rules", id], message: describe3(id) });
  forbid.forEach((id, i) => {
    if (!known.includes(id))
      problems.push({ path: ["acknowledgements", "forbid", i], message: describe3(id) });
  });
  return problems;
}
function withoutPaths(value, paths) {
  const copy = structuredClone(value);
  const marked = /* @__PURE__ */ new Set();
  for (const path3 of paths) {
    if (path3.length === 0) return {};
    let parent2 = copy;
    for (const key of path3.slice(0, -1)) parent2 = parent2?.[key];
    const last = path3.at(-1);
    if (Array.isArray(parent2) && typeof last === "number") {
      parent2[last] = REMOVED;
      marked.add(parent2);
    } else if (parent2 && typeof parent2 === "object") delete parent2[last];
  }
  for (const list of marked) list.splice(0, list.length, ...list.filter((item) => item !== REMOVED));
  return copy;
}
var REMOVED = /* @__PURE__ */ Symbol("removed");
function schemaAt(schema4, path3) {
  let current = schema4;
  for (const key of path3) {
    const node = unwrap(current);
    if (node instanceof $ZodObject) current = node._zod.def.shape[String(key)];
    else if (node instanceof $ZodRecord) current = node._zod.def.valueType;
    else if (node instanceof $ZodArray) current = node._zod.def.element;
    else if (node instanceof $ZodUnion)
      current = node._zod.def.options.map(unwrap).find((o) => o instanceof $ZodObject);
    else return void 0;
  }
  return current;
}
function unwrap(schema4) {
  let node = schema4;
  while (node instanceof $ZodDefault || node instanceof $ZodOptional) node = node._zod.def.innerType;
  return node;
}
function allowedKeys(schema4) {
  const node = unwrap(schema4);
  if (node instanceof $ZodObject) return Object.keys(node._zod.def.shape);
  if (node instanceof $ZodUnion) return node._zod.def.options.flatMap(allowedKeys);
  return [];
}
function describeExpected(schema4) {
  const node = unwrap(schema4);
  if (node instanceof $ZodEnum) return `one of ${Object.values(node._zod.def.entries).join(", ")}`;
  if (node instanceof $ZodObject)
    return `a map with ${Object.keys(node._zod.def.shape).map((k) => `\`${k}\``).join(", ")}`;
  if (node instanceof $ZodUnion) return node._zod.def.options.map(describeExpected).join(", or ");
  return "valid";
}
function withoutEmptySections(value, schema4) {
  if (!isPlainObject2(value)) return value;
  const entries = Object.entries(value).flatMap(([key, child]) => {
    const childSchema = schema4 && schemaAt(schema4, [key]);
    const node = unwrap(childSchema);
    const isSection = node instanceof $ZodObject || node instanceof $ZodRecord || node instanceof $ZodArray;
    if (child === null && isSection) return [];
    return [[key, withoutEmptySections(child, childSchema)]];
  });
  return Object.fromEntries(entries);
}
function isPlainObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function lineOfPath(root, keys, lineCounter) {
  let node = root;
  let line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      const keyNode = pair.key;
      if (keyNode.range) line = lineCounter.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      node = node.items[key];
      if (node?.range) line = lineCounter.linePos(node.range[0]).line;
    } else {
      break;
    }
  }
  return line;
}
function didYouMean(suggestion) {
  return suggestion ? ` (did you mean \`${suggestion}\`?)` : "";
}
function closest(word, candidates) {
  let best;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : void 0;
}
function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(current + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
function isGlob(pattern) {
  try {
    (0, import_picomatch.default)(pattern);
    return true;
  } catch {
    return false;
  }
}

// src/catalog/fact.ts
function fact(value, source, checked, note) {
  return note === void 0 ? { value, source, checked } : { value, source, checked, note };
}

// src/catalog/render.ts
var CHECKED = "2026-11-24";
var SKILLS = "render-oss/skills";
var SKILLS_INSTANCE_TYPES = `${SKILLS}:skills/render-scaling/references/instance-types.md@3f2aa30`;
var SKILLS_SERVICE_MAPPING = `${SKILLS}:skills/render-migrate-from-heroku/references/service-mapping.md@3f2aa30`;
var SKILLS_CONFIGURATION = `${SKILLS}:skills/render-deploy/references/configuration-guide.md@3f2aa30`;
var BLUEPRINT_SPEC = "https://render.com/docs/blueprint-spec";
var FREE = "https://render.com/docs/free";
var POSTGRES_CONNECTIONS = "https://render.com/docs/postgresql-creating-connecting";
var POSTGRES_PLANS = "https://render.com/docs/postgresql-refresh";
var LEGACY_POSTGRES = "https://render.com/docs/postgresql-legacy-instance-types";
var ALL = ["web", "private", "worker", "cron"];
var NOT_CRON = ["web", "private", "worker"];
var RENDER_COMPUTE_PLANS = {
  free: fact(
    { memoryMb: 512, cpus: 0.1, allowedFor: ["web"] },
    SKILLS_INSTANCE_TYPES,
    CHECKED,
    "Free is for web services only (blueprint-spec)."
  ),
  starter: fact({ memoryMb: 512, cpus: 0.5, allowedFor: ALL }, SKILLS_INSTANCE_TYPES, CHECKED),
  standard: fact({ memoryMb: 2048, cpus: 1, allowedFor: ALL }, SKILLS_INSTANCE_TYPES, CHECKED),
  pro: fact({ memoryMb: 4096, cpus: 2, allowedFor: ALL }, SKILLS_INSTANCE_TYPES, CHECKED),
  "pro plus": fact({ memoryMb: 8192, cpus: 4, allowedFor: ALL }, SKILLS_INSTANCE_TYPES, CHECKED),
  "pro max": fact(
    { memoryMb: 16384, cpus: 4, allowedFor: NOT_CRON },
    SKILLS_INSTANCE_TYPES,
    CHECKED,
    "Not offered for cron jobs (blueprint-spec)."
  ),
  "pro ultra": fact(
    { memoryMb: 32768, cpus: 8, allowedFor: NOT_CRON },
    SKILLS_INSTANCE_TYPES,
    CHECKED,
    "Not offered for cron jobs (blueprint-spec)."
  )
};
var RENDER_DEFAULT_SERVICE_PLAN = fact("starter", BLUEPRINT_SPEC, CHECKED);
var RENDER_FREE_SPIN_DOWN_MINUTES = fact(15, FREE, CHECKED);
var RENDER_FREE_INSTANCE_HOURS = fact(750, FREE, CHECKED);
var RENDER_FREE_POSTGRES_EXPIRY_DAYS = fact(
  30,
  FREE,
  CHECKED,
  "Older copies of the page said 90 days: outdated."
);
var RENDER_FREE_POSTGRES_GRACE_DAYS = fact(14, FREE, CHECKED);
var RENDER_FREE_POSTGRES_STORAGE_GB = fact(1, FREE, CHECKED);
function connectionsForMemory(memoryMb) {
  const gb = memoryMb / 1024;
  return gb < 8 ? 100 : gb < 16 ? 200 : gb < 32 ? 400 : 500;
}
var FLEXIBLE_TIERS = {
  basic: { sizesGb: [0.25, 1, 4] },
  pro: { sizesGb: [4, 8, 16, 32, 64, 128, 192, 256, 384, 512], cpuPerGb: 1 / 4 },
  accelerated: { sizesGb: [16, 32, 64, 128, 256, 384, 512, 768, 1024], cpuPerGb: 1 / 8 }
};
function flexiblePlans() {
  const plans = {
    free: fact(
      { memoryMb: 256, cpus: 0.1, maxConnections: 100 },
      POSTGRES_CONNECTIONS,
      CHECKED,
      `RAM and CPU from ${SKILLS_CONFIGURATION}.`
    )
  };
  for (const [tier, { sizesGb, cpuPerGb }] of Object.entries(FLEXIBLE_TIERS)) {
    for (const gb of sizesGb) {
      const memoryMb = gb * 1024;
      const name = `${tier}-${gb < 1 ? `${memoryMb}mb` : `${gb}gb`}`;
      const plan = { memoryMb, maxConnections: connectionsForMemory(memoryMb) };
      if (cpuPerGb) plan.cpus = gb * cpuPerGb;
      plans[name] = fact(
        plan,
        POSTGRES_CONNECTIONS,
        CHECKED,
        cpuPerGb ? `CPU from the tier's CPU:RAM ratio (${POSTGRES_PLANS}).` : "Render publishes no CPU figure for Basic plans."
      );
    }
  }
  return plans;
}
var LEGACY_POSTGRES_PLANS = {
  starter: fact({ memoryMb: 256, cpus: 0.1, maxConnections: 97 }, LEGACY_POSTGRES, CHECKED),
  standard: fact({ memoryMb: 1024, cpus: 1, maxConnections: 97 }, LEGACY_POSTGRES, CHECKED),
  pro: fact({ memoryMb: 4096, cpus: 2, maxConnections: 97 }, LEGACY_POSTGRES, CHECKED),
  "pro plus": fact({ memoryMb: 8192, cpus: 4, maxConnections: 197 }, LEGACY_POSTGRES, CHECKED)
};
var RENDER_POSTGRES_PLANS = {
  ...flexiblePlans(),
  ...LEGACY_POSTGRES_PLANS
};
function renderPostgresPlan(name) {
  return RENDER_POSTGRES_PLANS[name];
}
var RENDER_DEFAULT_POSTGRES_PLAN = fact("basic-256mb", BLUEPRINT_SPEC, CHECKED);
var RENDER_POSTGRES_RESERVED_CONNECTIONS = fact(
  10,
  "https://render.com/tutorials/postgres-on-render/connection-limits-and-pooling",
  CHECKED
);
var RENDER_KEYVALUE_PLANS = {
  free: fact(
    { memoryMb: 25, maxConnections: 50 },
    SKILLS_SERVICE_MAPPING,
    CHECKED,
    "No persistence: data is lost on restart."
  ),
  starter: fact({ memoryMb: 256, maxConnections: 250 }, SKILLS_SERVICE_MAPPING, CHECKED),
  standard: fact({ memoryMb: 1024, maxConnections: 1e3 }, SKILLS_SERVICE_MAPPING, CHECKED),
  pro: fact(
    { memoryMb: 5120, maxConnections: 5e3 },
    SKILLS_SERVICE_MAPPING,
    CHECKED,
    "Unverified: interpolated between standard and pro plus."
  ),
  "pro plus": fact({ memoryMb: 10240, maxConnections: 1e4 }, SKILLS_SERVICE_MAPPING, CHECKED)
};
var RENDER_DEFAULT_KEYVALUE_PLAN = fact("starter", BLUEPRINT_SPEC, CHECKED);
var RENDER_KEYVALUE_DEFAULT_POLICY = fact("allkeys-lru", BLUEPRINT_SPEC, CHECKED);

// src/catalog/drivers.ts
var CHECKED2 = "2026-11-24";
var SQLALCHEMY = { poolSize: 5, maxOverflow: 10 };
var CLIENT_POOL_DEFAULTS = [
  fact(
    {
      library: "SQLAlchemy",
      packages: ["sqlalchemy", "flask-sqlalchemy", "sqlmodel"],
      size: SQLALCHEMY.poolSize + SQLALCHEMY.maxOverflow,
      detail: `pool_size ${SQLALCHEMY.poolSize} + max_overflow ${SQLALCHEMY.maxOverflow}`
    },
    "https://docs.sqlalchemy.org/en/20/core/engines.html#sqlalchemy.create_engine",
    CHECKED2,
    "QueuePool; create_async_engine uses the same sizes."
  ),
  fact(
    {
      library: "Django",
      packages: ["django"],
      size: 1,
      detail: "one connection per thread of a process"
    },
    "https://docs.djangoproject.com/en/5.2/ref/databases/#persistent-connections",
    CHECKED2,
    "Threaded workers (gthread) open one per thread: set capacity.services.<name>.poolSize to the thread count."
  ),
  fact(
    { library: "Sequelize", packages: ["sequelize"], size: 5, detail: "pool.max 5" },
    "https://sequelize.org/docs/v6/other-topics/connection-pool/",
    CHECKED2
  ),
  fact(
    { library: "Knex", packages: ["knex"], size: 10, detail: "pool max 10" },
    "https://knexjs.org/guide/#pool",
    CHECKED2
  ),
  fact(
    { library: "asyncpg", packages: ["asyncpg"], size: 10, detail: "create_pool max_size 10" },
    "https://magicstack.github.io/asyncpg/current/api/index.html#connection-pools",
    CHECKED2
  ),
  fact(
    { library: "node-postgres", packages: ["pg", "typeorm"], size: 10, detail: "Pool max 10" },
    "brianc/node-postgres:packages/pg/lib/defaults.js@7aee261",
    CHECKED2,
    "TypeORM pools through node-postgres with its default."
  ),
  fact(
    { library: "postgres.js", packages: ["postgres"], size: 10, detail: "max 10" },
    "https://github.com/porsager/postgres#connection-details",
    CHECKED2
  )
];

// src/catalog/prisma.ts
var CHECKED3 = "2026-11-24";
var CONNECTION_POOL = "prisma/docs:content/200-orm/200-prisma-client/000-setup-and-configuration/050-databases-connections/115-connection-pool.mdx";
var PRISMA_DEFAULT_POOL = fact(
  { perCpu: 2, plus: 1 },
  CONNECTION_POOL,
  CHECKED3,
  "Physical CPUs of the machine Prisma sees; on a shared host that may be more than the plan sells."
);
var PRISMA_POOL_TIMEOUT_SECONDS = fact(10, CONNECTION_POOL, CHECKED3);
var PRISMA_DRIVER_ADAPTERS_SINCE_MAJOR = fact(
  7,
  "https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/databases-connections/connection-pool",
  CHECKED3
);
var PRISMA_7_PG_ADAPTER_POOL = fact(
  10,
  "https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/databases-connections/connection-pool",
  CHECKED3
);

// src/catalog/servers.ts
var CHECKED4 = "2026-11-24";
var GUNICORN_DEFAULT_WORKERS = fact(1, "benoitc/gunicorn:gunicorn/config.py@65ac1a3", CHECKED4);
var GUNICORN_SUGGESTED_WORKERS = fact(
  { perCpu: 2, plus: 1 },
  "benoitc/gunicorn:docs/content/design.md@65ac1a3",
  CHECKED4
);
var UVICORN_DEFAULT_WORKERS = fact(1, "encode/uvicorn:uvicorn/main.py@e6c7ce7", CHECKED4);
var HYPERCORN_DEFAULT_WORKERS = fact(
  1,
  "https://hypercorn.readthedocs.io/en/latest/how_to_guides/configuring.html",
  CHECKED4
);
var WEB_CONCURRENCY_READERS = fact(
  ["gunicorn", "uvicorn"],
  "https://devcenter.heroku.com/articles/python-gunicorn",
  CHECKED4,
  "gunicorn/config.py and uvicorn/main.py both default --workers to $WEB_CONCURRENCY."
);
var CELERY_DEFAULT_CONCURRENCY = fact(
  { perCpu: 1 },
  "https://docs.celeryq.dev/en/stable/userguide/workers.html#concurrency",
  CHECKED4,
  "os.cpu_count() of the host, which in a container may exceed the CPU share the plan sells."
);
var PUMA_DEFAULT_WORKERS = fact(1, "https://github.com/puma/puma#clustered-mode", CHECKED4);
var PUMA_READS_WEB_CONCURRENCY = fact(
  true,
  "https://github.com/rails/rails/blob/main/railties/lib/rails/generators/rails/app/templates/config/puma.rb.tt",
  CHECKED4
);
var PM2_MAX_INSTANCES = fact(
  { perCpu: 1 },
  "https://pm2.keymetrics.io/docs/usage/cluster-mode/",
  CHECKED4
);
var SIDEKIQ_DEFAULT_CONCURRENCY = fact(
  5,
  "https://github.com/sidekiq/sidekiq/blob/main/Changes.md",
  "2026-12-02"
);
var GOOD_JOB_DEFAULT_MAX_THREADS = fact(
  5,
  "https://rubydoc.info/gems/good_job/GoodJob/Configuration#DEFAULT_MAX_THREADS-constant",
  "2026-12-02"
);
var SOLID_QUEUE_WORKER_DEFAULTS = fact(
  { threads: 3, connectionsBeyondThreads: 2, workers: 1, dispatchers: 1 },
  "https://github.com/rails/solid_queue/blob/main/README.md#configuration",
  "2026-12-03"
);

// src/files/repository-path.ts
var import_node_path2 = __toESM(require_node_path(), 1);
function fileName(path3) {
  return path3.slice(path3.lastIndexOf("/") + 1);
}
function repositoryPath(folder, written) {
  const joined = import_node_path2.posix.normalize([folder, written].filter((part) => part !== "").join("/"));
  return joined === "." ? "" : joined.replace(/^\.\//, "").replace(/\/+$/, "");
}

// src/model/docker-stages.ts
var import_node_path3 = __toESM(require_node_path(), 1);
function builtStage(dockerfile, target) {
  if (target === void 0) return dockerfile.stages.at(-1);
  return dockerfile.stages.find((stage) => stage.name?.toLowerCase() === target.toLowerCase());
}
function contextPaths(stage, imagePath) {
  const wanted = import_node_path3.posix.resolve(stage.workdir, imagePath);
  const found = [];
  for (const { source, destination } of [...stage.copies].reverse()) {
    const intoFolder = destination.endsWith("/");
    const target = intoFolder ? destination.slice(0, -1) : destination;
    if (wanted === target && !intoFolder) found.push(source);
    if (intoFolder && wanted === import_node_path3.posix.join(target, import_node_path3.posix.basename(source))) found.push(source);
    if (wanted.startsWith(`${target}/`)) found.push(import_node_path3.posix.join(source, wanted.slice(target.length + 1)));
  }
  return [...new Set(found.map((path3) => import_node_path3.posix.normalize(path3).replace(/^\.\//, "")))];
}

// src/capacity/command.ts
function invocationEnv(serviceEnv, invocation) {
  return { ...invocation.defaults, ...serviceEnv, ...invocation.env };
}
var DECLARATIONS = /* @__PURE__ */ new Set(["export", "readonly", "declare", "local", "typeset"]);
var LAUNCHERS = {
  exec: () => 0,
  npx: () => 0,
  bunx: () => 0,
  nice: () => 0,
  "dumb-init": () => 0,
  tini: (args) => args[0] === "--" ? 1 : 0,
  ddtrace: () => 0,
  "ddtrace-run": () => 0,
  "opentelemetry-instrument": () => 0,
  "newrelic-admin": (args) => args[0] === "run-program" ? 1 : void 0,
  poetry: (args) => args[0] === "run" ? 1 : void 0,
  uv: (args) => args[0] === "run" ? 1 : void 0,
  pipenv: (args) => args[0] === "run" ? 1 : void 0,
  pdm: (args) => args[0] === "run" ? 1 : void 0,
  rye: (args) => args[0] === "run" ? 1 : void 0,
  hatch: (args) => args[0] === "run" ? 1 : void 0,
  bundle: (args) => args[0] === "exec" ? 1 : void 0
};
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
var MAX_DEPTH = 4;
function invocationsOf(command, scripts = {}, depth = 0, readScript = () => void 0, positional = []) {
  const invocations = [];
  const scriptEnv = {};
  const scriptDefaults = {};
  const expand = (word) => expandScriptWord(word, positional, { ...scriptDefaults, ...scriptEnv });
  const branches = new CaseBranches(expand);
  for (const words of commands(command)) {
    if (!branches.admits(words)) continue;
    const env = { ...scriptEnv };
    const takeAssignments = () => {
      while (words.length && ASSIGNMENT.test(words[0])) {
        const word = words.shift();
        const equals = word.indexOf("=");
        env[word.slice(0, equals)] = word.slice(equals + 1);
      }
    };
    if (words.length > 1 && DECLARATIONS.has(words[0])) words.shift();
    const all = words.findIndex((word) => word === "$@" || word === "$*");
    if (all >= 0) words.splice(all, 1, ...positional);
    const assignsOnly = words.every((word) => ASSIGNMENT.test(word));
    takeAssignments();
    if (assignsOnly) {
      for (const [name, value] of Object.entries(env))
        setScriptVariable(name, value, expand, scriptEnv, scriptDefaults);
      continue;
    }
    for (; ; ) {
      const head = words[0]?.split("/").at(-1);
      if (head === "env") {
        words.shift();
        while (words[0]?.startsWith("-")) {
          const option = words.shift();
          if (option === "-u" || option === "--unset" || option === "-C" || option === "--chdir")
            words.shift();
        }
        takeAssignments();
        continue;
      }
      const skip = head === void 0 ? void 0 : LAUNCHERS[head]?.(words.slice(1));
      if (skip === void 0) break;
      words.splice(0, 1 + skip);
    }
    const [path3, ...args] = words;
    if (!path3) continue;
    const program = path3.split("/").at(-1);
    const nested = depth >= MAX_DEPTH ? void 0 : nestedCommand(program, path3, args, scripts, readScript);
    const defaults = Object.keys(scriptDefaults).length ? { defaults: { ...scriptDefaults } } : {};
    if (nested !== void 0) {
      for (const inner of invocationsOf(nested.text, scripts, depth + 1, readScript, nested.positional))
        invocations.push({
          ...inner,
          env: { ...env, ...inner.env },
          ...defaults.defaults || inner.defaults ? { defaults: { ...defaults.defaults, ...inner.defaults } } : {}
        });
      continue;
    }
    if (/^python[\d.]*$/.test(program) && args[0] === "-m" && args[1]) {
      invocations.push({ program: args[1], args: args.slice(2), env, ...defaults });
      continue;
    }
    invocations.push({ program, args, env, ...defaults });
  }
  return invocations;
}
function setScriptVariable(name, value, expand, scriptEnv, scriptDefaults) {
  const selfDefault = /^\$\{([A-Za-z_]\w*):?[-=]([^}]*)\}$/.exec(value);
  if (selfDefault?.[1] === name) {
    scriptDefaults[name] = selfDefault[2];
    return;
  }
  const expanded = expand(value);
  if (expanded !== void 0) scriptEnv[name] = expanded;
}
function expandScriptWord(word, positional, vars) {
  const numbered = /^\$(?:(\d)|\{(\d)(?::?-([^}]*))?\})$/.exec(word);
  if (numbered) return positional[Number(numbered[1] ?? numbered[2]) - 1] || numbered[3];
  const expanded = expandWord(word, vars);
  return expanded?.includes("$") ? void 0 : expanded;
}
var CaseBranches = class {
  open;
  expand;
  constructor(expand) {
    this.expand = expand;
  }
  /** Whether the command runs; strips a branch's pattern (`web)`) from the words it is written before. */
  admits(words) {
    if (words[0] === "case" && words[2] === "in" && words.length === 3) {
      this.open = { subject: this.expand(words[1]), taking: false, chosen: false };
      return false;
    }
    if (!this.open) return true;
    if (words[0] === "esac") {
      this.open = void 0;
      return false;
    }
    const pattern = /^\(?([^()]+)\)$/.exec(words[0])?.[1];
    if (pattern !== void 0) {
      words.shift();
      const { subject } = this.open;
      const matches = subject === void 0 || pattern.split("|").some((glob) => globMatches(glob, subject));
      this.open.taking = matches && (subject === void 0 || !this.open.chosen);
      if (this.open.taking) this.open.chosen = true;
    }
    return this.open.taking && words.length > 0;
  }
};
function globMatches(glob, text2) {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${pattern}$`).test(text2);
}
function nestedCommand(program, path3, args, scripts, readScript) {
  const shell = program === "sh" || program === "bash";
  if (shell && args[0] === "-c" && args[1]) return { text: args[1], positional: args.slice(3) };
  const file = shell && args[0] ? readScript(args[0]) : readScript(path3);
  if (file !== void 0) return { text: file, positional: shell ? args.slice(1) : args };
  const body = scriptBody(program, args, scripts);
  return body === void 0 ? void 0 : { text: body, positional: [] };
}
function scriptBody(program, args, scripts) {
  if (!["npm", "yarn", "pnpm", "bun"].includes(program)) return void 0;
  const name = args[0] === "run" || args[0] === "run-script" ? args[1] : args[0] === "start" ? "start" : program === "npm" ? void 0 : args[0];
  return name === void 0 ? void 0 : scripts[name];
}
function commands(text2) {
  const result = [[]];
  let word = "";
  let inWord = false;
  const flush = () => {
    if (inWord) result.at(-1).push(word);
    word = "";
    inWord = false;
  };
  for (let i = 0; i < text2.length; i++) {
    const char = text2[i];
    if (char === "'" || char === '"') {
      const end = text2.indexOf(char, i + 1);
      word += text2.slice(i + 1, end < 0 ? text2.length : end);
      inWord = true;
      i = end < 0 ? text2.length : end;
    } else if (char === "\\" && i + 1 < text2.length) {
      if (text2[i + 1] !== "\n") {
        word += text2[i + 1];
        inWord = true;
      }
      i++;
    } else if (char === "#" && !inWord) {
      const newline = text2.indexOf("\n", i);
      if (newline < 0) break;
      i = newline - 1;
    } else if (/\s/.test(char)) {
      flush();
      if (char === "\n") result.push([]);
    } else if (char === "&" || char === "|" || char === ";") {
      flush();
      if (text2[i + 1] === char) i++;
      result.push([]);
    } else {
      word += char;
      inWord = true;
    }
  }
  flush();
  return result.filter((words) => words.length > 0);
}
function expandWord(word, env) {
  const match = /^\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)(?::?-([^}]*))?\})$/.exec(word);
  if (!match) return word;
  const name = match[1] ?? match[2];
  return env[name] || match[3];
}
function manifestOf(model, service) {
  return model.packageManifests.find((m) => m.directory === service.rootDir);
}
function startInvocations(model, service) {
  const manifest = manifestOf(model, service);
  const scripts = Object.fromEntries(
    Object.entries(manifest?.scripts ?? {}).map(([name, script]) => [name, script.value])
  );
  const command = service.startCommand?.value ?? imageCommand(model, service) ?? (manifest?.scripts.start ? "npm start" : "");
  return invocationsOf(command, scripts, 0, scriptReader(model, service));
}
function imageCommand(model, service) {
  return imageStage(model, service)?.command?.value;
}
function imageStage(model, service) {
  const image = service.image;
  const dockerfile = image && model.dockerfiles.find((d) => d.path === image.dockerfile);
  return dockerfile && builtStage(dockerfile, image.target);
}
var scriptIndexes = /* @__PURE__ */ new WeakMap();
function scriptsByPath(model) {
  let index = scriptIndexes.get(model);
  if (!index) {
    index = new Map(model.shellScripts.map((script) => [script.path, script.text]));
    scriptIndexes.set(model, index);
  }
  return index;
}
function scriptReader(model, service) {
  const base = service.image?.context ?? service.rootDir;
  const scripts = scriptsByPath(model);
  const stage = imageStage(model, service);
  return (word) => {
    if (!/^(\.{0,2}\/|[\w./-]+\.sh$)/.test(word)) return void 0;
    for (const copied of stage ? contextPaths(stage, word) : []) {
      const text2 = scripts.get(repositoryPath(base, copied));
      if (text2 !== void 0) return text2;
    }
    const parts = word.replace(/^\.\//, "").split("/").filter((part) => part !== "" && part !== ".");
    for (let start = 0; start < parts.length; start++) {
      const relative = parts.slice(start).join("/");
      const text2 = scripts.get(repositoryPath(base, relative));
      if (text2 !== void 0) return text2;
      if (!word.startsWith("/")) break;
    }
    return void 0;
  };
}

// src/catalog/process-memory.ts
var ASSUMED_PROCESS_MEMORY_MB = fact(
  { python: 150, node: 150, ruby: 250, other: 200 },
  "https://docs.gunicorn.org/en/stable/design.html#how-many-workers",
  "2026-11-24",
  "Headroom's assumption; third-party measurements only (platform-facts \xA72.7)."
);

// src/capacity/processes.ts
function wholeCpus(cpus) {
  return Math.max(1, Math.floor(cpus ?? 1));
}
function processesOf(model, service, config2 = {}, cpus = planResources(service).cpus?.value) {
  if (config2.processes)
    return { value: config2.processes, source: "config", note: "capacity.services in headroom.yml" };
  const serviceEnv = literalEnv(service);
  const invocations = startInvocations(model, service);
  for (const invocation of invocations) {
    const env = invocationEnv(serviceEnv, invocation);
    const figure2 = serverProcesses(invocation, env, cpus, serverConfigOf(model, service, invocation));
    if (figure2) return figure2;
  }
  const last = invocations.at(-1);
  if (!last)
    return { value: 1, source: "assumed", note: "no start command in the repository: 1 process assumed" };
  if (SINGLE_PROCESS_PROGRAMS.test(last.program))
    return {
      value: 1,
      source: "default",
      note: `one process: \`${[last.program, ...last.args].join(" ")}\``
    };
  return {
    value: 1,
    source: "assumed",
    note: `\`${last.program}\` is not a server Headroom knows: 1 process assumed`
  };
}
var SINGLE_PROCESS_PROGRAMS = /^(node|nodejs|bun|deno|tsx|ts-node|ruby|php|python[\d.]*|rackup|thin|manage\.py|flask|celery|sidekiq|rq|dramatiq|huey|arq)$/;
function serverProcesses(invocation, env, cpus, config2) {
  const { program } = invocation;
  const args = program === "gunicorn" && env.GUNICORN_CMD_ARGS ? [...invocationsOf(`x ${env.GUNICORN_CMD_ARGS}`)[0]?.args ?? [], ...invocation.args] : invocation.args;
  const option = (...names2) => {
    const written = optionValue(args, names2);
    return written === void 0 ? void 0 : { written, value: expandWord(written, env) };
  };
  const count3 = (value) => value !== void 0 && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : void 0;
  const fromOption = (names2, label) => {
    const found = option(...names2);
    const value = count3(found?.value);
    if (!found || value === void 0) return void 0;
    const how = found.written === found.value ? "" : ` (${found.written})`;
    return { value, source: "read", note: `${label} ${value}${how}` };
  };
  const fromWebConcurrency = () => {
    const value = count3(env.WEB_CONCURRENCY);
    return value && WEB_CONCURRENCY_READERS.value.includes(program) ? { value, source: "read", note: `WEB_CONCURRENCY=${value}, read by ${program}` } : void 0;
  };
  const perCpu2 = (perCpuFactor, how) => ({
    value: Math.max(1, wholeCpus(cpus) * perCpuFactor),
    source: cpus === void 0 ? "assumed" : "default",
    note: `${how}: ${cpus === void 0 ? "CPU count unknown, 1 assumed" : `${wholeCpus(cpus)} whole CPU(s) of the plan`}`
  });
  switch (program) {
    case "gunicorn":
      return fromOption(["-w", "--workers"], "gunicorn --workers") ?? configuredWorkers(config2, env, cpus) ?? fromWebConcurrency() ?? {
        value: GUNICORN_DEFAULT_WORKERS.value,
        source: "default",
        note: `gunicorn's default of ${GUNICORN_DEFAULT_WORKERS.value} worker${config2 ? `: ${config2.path} sets none` : ""}`
      };
    case "uwsgi":
      return fromOption(["-p", "--processes", "--workers"], "uwsgi --processes") ?? configuredWorkers(config2, env, cpus) ?? {
        value: 1,
        source: "default",
        note: `uwsgi runs 1 worker unless --processes${config2 ? `: ${config2.path} sets none` : ""}`
      };
    case "uvicorn":
      return fromOption(["--workers"], "uvicorn --workers") ?? fromWebConcurrency() ?? {
        value: UVICORN_DEFAULT_WORKERS.value,
        source: "default",
        note: "uvicorn runs 1 process unless --workers"
      };
    case "fastapi":
      if (args[0] !== "run") return void 0;
      return fromOption(["--workers"], "fastapi run --workers") ?? {
        value: UVICORN_DEFAULT_WORKERS.value,
        source: "default",
        note: "fastapi run starts uvicorn with 1 process unless --workers"
      };
    case "hypercorn":
      return fromOption(["-w", "--workers"], "hypercorn --workers") ?? {
        value: HYPERCORN_DEFAULT_WORKERS.value,
        source: "default",
        note: "hypercorn runs 1 worker unless --workers"
      };
    case "celery": {
      if (!args.includes("worker")) return { value: 1, source: "read", note: "celery beat/other: 1 process" };
      const pool = option("-P", "--pool")?.value;
      if (pool && pool !== "prefork" && pool !== "processes")
        return { value: 1, source: "read", note: `celery --pool ${pool} runs in one process` };
      return fromOption(["-c", "--concurrency"], "celery --concurrency") ?? perCpu2(CELERY_DEFAULT_CONCURRENCY.value.perCpu, "celery default concurrency = CPUs");
    }
    case "rails":
    case "rails.rb":
      if (invocation.args[0] !== "s" && invocation.args[0] !== "server") return void 0;
      return config2 ? pumaProcesses(config2, env, cpus) : {
        value: PUMA_DEFAULT_WORKERS.value,
        source: "assumed",
        note: "rails server loads a config/puma.rb that is not in the repository: its workers are unknown"
      };
    case "puma":
      return fromOption(["-w", "--workers"], "puma --workers") ?? (config2 && pumaProcesses(config2, env, cpus)) ?? {
        value: PUMA_DEFAULT_WORKERS.value,
        source: "default",
        note: "puma runs single mode unless --workers, and there is no config/puma.rb"
      };
    case "pm2":
    case "pm2-runtime": {
      const instances = option("-i", "--instances")?.value;
      if (instances === "max" || instances === "0")
        return perCpu2(PM2_MAX_INSTANCES.value.perCpu, `pm2 -i ${instances}`);
      if (instances === "-1") {
        const all = perCpu2(PM2_MAX_INSTANCES.value.perCpu, "pm2 -i -1 = CPUs \u2212 1");
        return { ...all, value: Math.max(1, all.value - 1) };
      }
      return fromOption(["-i", "--instances"], "pm2 -i") ?? {
        value: 1,
        source: "default",
        note: "pm2 without -i runs 1 process; an ecosystem file is not read"
      };
    }
    case "next":
      return args[0] === "start" ? { value: 1, source: "default", note: "next start runs one Node.js process" } : void 0;
    default:
      return void 0;
  }
}
function serverConfigOf(model, service, invocation) {
  const { program, args } = invocation;
  const rails = (program === "rails" || program === "rails.rb") && (args[0] === "s" || args[0] === "server");
  const server = rails ? "puma" : program in CONFIG_FILES ? program : void 0;
  if (!server) return void 0;
  const files = CONFIG_FILES[server];
  const written = rails ? void 0 : optionValue(args, files.options) ?? (server === "uwsgi" ? args.find((arg) => arg.endsWith(".ini")) : void 0);
  const file = written ?? files.default;
  if (!file) return void 0;
  const path3 = repositoryPath(service.rootDir, file);
  return model.serverConfigs.find((config2) => config2.server === server && config2.path === path3);
}
var CONFIG_FILES = {
  puma: { options: ["-C", "--config"], default: "config/puma.rb" },
  gunicorn: { options: ["-c", "--config"], default: "gunicorn.conf.py" },
  sidekiq: { options: ["-C", "--config"], default: "config/sidekiq.yml" },
  uwsgi: { options: ["--ini"] }
};
function configuredWorkers(config2, env, cpus) {
  if (!config2?.workers) return void 0;
  const resolved = resolveCount(config2.workers.count, env, cpus);
  return resolved ? {
    value: resolved.value,
    source: resolved.source,
    note: `${config2.server} workers ${resolved.value}${resolved.how} (${config2.path}:${config2.workers.location.line})`
  } : void 0;
}
function pumaProcesses(config2, env, cpus) {
  const concurrency = resolveCount({ env: "WEB_CONCURRENCY" }, env, cpus);
  return configuredWorkers(config2, env, cpus) ?? (concurrency ? {
    value: concurrency.value,
    source: concurrency.source,
    note: `puma workers ${concurrency.value}${concurrency.how}, read by puma`
  } : {
    value: PUMA_DEFAULT_WORKERS.value,
    source: "default",
    note: `puma runs single mode: ${config2.path} sets no workers${PUMA_READS_WEB_CONCURRENCY.value ? " and WEB_CONCURRENCY is not set" : ""}`
  });
}
function resolveCount(count3, env, cpus) {
  const resolved = resolveCountBare(count3, env, cpus);
  return resolved && { ...resolved, how: resolved.how ? ` (${resolved.how})` : "" };
}
function resolveCountBare(count3, env, cpus) {
  if ("value" in count3) return { value: count3.value, how: "", source: "read" };
  if ("perCpu" in count3) {
    const whole = wholeCpus(cpus);
    return {
      value: Math.max(1, whole * count3.perCpu + count3.plus),
      how: `${count3.perCpu} \xD7 ${whole} CPU${count3.plus ? ` + ${count3.plus}` : ""}${cpus === void 0 ? ", CPU count unknown" : ""}`,
      source: cpus === void 0 ? "assumed" : "read"
    };
  }
  const set2 = env[count3.env];
  if (set2 === "auto") {
    const auto = resolveCountBare({ perCpu: 1, plus: 0 }, env, cpus);
    return auto && { ...auto, how: `${count3.env}=auto: ${auto.how}` };
  }
  if (set2 !== void 0 && /^\d+$/.test(set2) && Number(set2) > 0)
    return { value: Number(set2), how: `${count3.env}=${set2}`, source: "read" };
  const fallback = count3.otherwise && resolveCountBare(count3.otherwise, env, cpus);
  return fallback ? { ...fallback, how: `${count3.env} unset: ${fallback.how || "default"}` } : void 0;
}
function optionValue(args, names2) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    for (const name of names2) {
      if (arg === name) return args[i + 1];
      if (name.startsWith("--") && arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      if (!name.startsWith("--") && arg.startsWith(name) && arg.length > name.length)
        return arg.slice(name.length);
    }
  }
  return void 0;
}
function literalEnv(service) {
  const env = {};
  for (const binding2 of service.env)
    if (binding2.source.kind === "value") env[binding2.key] = binding2.source.value.reveal();
  return env;
}
function planResources(service) {
  const { memoryMb, cpus } = service.settings;
  if (typeof memoryMb?.value === "number") {
    const note2 = `${service.platform} machine size`;
    return {
      memoryMb: { value: memoryMb.value, source: "read", note: note2 },
      ...typeof cpus?.value === "number" ? { cpus: { value: cpus.value, source: "read", note: note2 } } : {}
    };
  }
  if (service.platform !== "render" || !service.plan)
    return { note: `no plan size Headroom can read for ${service.platform}: RAM and CPU unknown` };
  const plan = RENDER_COMPUTE_PLANS[service.plan.name];
  if (!plan)
    return { note: `Render plan "${service.plan.name}" is not in Headroom's catalog: RAM and CPU unknown` };
  const note = `Render ${service.plan.name}${service.plan.explicit ? "" : " (the default plan)"}`;
  const source = service.plan.explicit ? "read" : "default";
  return {
    memoryMb: { value: plan.value.memoryMb, source, note },
    cpus: { value: plan.value.cpus, source, note }
  };
}
function memoryPerProcess(model, service, config2) {
  if (config2.memoryPerProcessMb)
    return {
      value: config2.memoryPerProcessMb,
      source: "config",
      note: `capacity.services.${service.name}.memoryPerProcessMb in headroom.yml`
    };
  if (config2.defaultMb)
    return { value: config2.defaultMb, source: "config", note: "capacity.memoryPerProcessMb in headroom.yml" };
  const runtime = runtimeOf(model, service);
  const value = ASSUMED_PROCESS_MEMORY_MB.value[runtime];
  return {
    value,
    source: "assumed",
    note: `~${value} MB per ${runtime === "other" ? "" : `${runtime} `}process, Headroom's estimate (set capacity.memoryPerProcessMb)`
  };
}
function runtimeOf(model, service) {
  const runtime = service.runtime?.value;
  if (runtime === "python" || runtime === "node" || runtime === "ruby") return runtime;
  const ecosystems = new Set(dependenciesOf(model, service).map((d) => d.ecosystem));
  if (ecosystems.has("rubygems")) return "ruby";
  return ecosystems.has("pypi") ? "python" : ecosystems.has("npm") ? "node" : "other";
}
function dependenciesOf(model, service) {
  const inDirectory = (manifest) => (manifest.includes("/") ? manifest.slice(0, manifest.lastIndexOf("/")) : "") === service.rootDir;
  return model.dependencies.filter((d) => inDirectory(d.manifest) && !d.dev);
}

// src/capacity/pool.ts
function prismaClientKind(dependencies) {
  const names2 = new Set(dependencies.map((d) => d.name));
  if (names2.has("@prisma/adapter-pg")) return "pg-adapter";
  if ([...names2].some((name) => name.startsWith("@prisma/adapter-"))) return "other-adapter";
  const client = dependencies.find((d) => d.name === "@prisma/client" || d.name === "prisma");
  if (!client) return void 0;
  return majorOf(client.version) >= PRISMA_DRIVER_ADAPTERS_SINCE_MAJOR.value ? "other-adapter" : "engine";
}
function majorOf(range) {
  const match = /(\d+)/.exec(range ?? "");
  return match ? Number(match[1]) : 0;
}
function poolSizeOf(model, service, cpus, url, config2 = {}) {
  if (config2.poolSize)
    return {
      value: config2.poolSize,
      source: "config",
      note: `capacity.services.${service.name}.poolSize in headroom.yml`
    };
  const threads = threadsOf(model, service);
  if (threads) return { ...threads, note: `${threads.note}, one connection each` };
  const dependencies = dependenciesOf(model, service);
  const prisma = prismaClientKind(dependencies);
  if (prisma === "pg-adapter")
    return {
      value: PRISMA_7_PG_ADAPTER_POOL.value,
      source: "default",
      note: `Prisma with @prisma/adapter-pg: node-postgres max ${PRISMA_7_PG_ADAPTER_POOL.value}`
    };
  if (prisma === "engine") {
    const limit = Number(url?.params.connection_limit);
    if (Number.isInteger(limit) && limit > 0)
      return { value: limit, source: "read", note: `connection_limit=${limit}` };
    const whole = wholeCpus(cpus);
    const { perCpu: perCpu2, plus: plus2 } = PRISMA_DEFAULT_POOL.value;
    return {
      value: whole * perCpu2 + plus2,
      source: cpus === void 0 ? "assumed" : "default",
      note: `Prisma default ${perCpu2} \xD7 ${whole} CPU + ${plus2}${cpus === void 0 ? " (CPU count unknown)" : ""}`
    };
  }
  const names2 = new Set(dependencies.map((d) => d.name));
  const pool = CLIENT_POOL_DEFAULTS.find((p) => p.value.packages.some((name) => names2.has(name)));
  if (!pool) return void 0;
  return { value: pool.value.size, source: "default", note: `${pool.value.library} ${pool.value.detail}` };
}
function threadsOf(model, service) {
  for (const invocation of startInvocations(model, service)) {
    const config2 = serverConfigOf(model, service, invocation);
    const threads = invocation.program === "sidekiq" ? sidekiqThreads(invocation, config2, service) : invocation.program === "good_job" && invocation.args[0] === "start" ? goodJobThreads(invocation, service) : configuredThreads(config2, service);
    if (threads) return threads;
  }
  return void 0;
}
function threadOption(invocation, service, names2) {
  const written = optionValue(invocation.args, names2);
  return written === void 0 ? void 0 : positiveInteger(expandWord(written, invocationEnv(literalEnv(service), invocation)));
}
function positiveInteger(text2) {
  const value = Number(text2);
  return text2 !== void 0 && Number.isInteger(value) && value > 0 ? value : void 0;
}
function goodJobThreads(invocation, service) {
  const option = threadOption(invocation, service, ["--max-threads"]);
  if (option) return { value: option, source: "read", note: `good_job --max-threads ${option}` };
  const fromEnv = positiveInteger(invocationEnv(literalEnv(service), invocation).GOOD_JOB_MAX_THREADS);
  if (fromEnv) return { value: fromEnv, source: "read", note: `GOOD_JOB_MAX_THREADS=${fromEnv}` };
  return {
    value: GOOD_JOB_DEFAULT_MAX_THREADS.value,
    source: "default",
    note: `good_job's default of ${GOOD_JOB_DEFAULT_MAX_THREADS.value} threads`
  };
}
function sidekiqThreads(invocation, config2, service) {
  const value = threadOption(invocation, service, ["-c", "--concurrency"]);
  if (value) return { value, source: "read", note: `sidekiq -c ${value}` };
  return configuredThreads(config2, service) ?? {
    value: SIDEKIQ_DEFAULT_CONCURRENCY.value,
    source: "default",
    note: `sidekiq's default concurrency of ${SIDEKIQ_DEFAULT_CONCURRENCY.value} threads`
  };
}
function configuredThreads(config2, service) {
  if (!config2?.threads) return void 0;
  const resolved = resolveCount(config2.threads.count, literalEnv(service), void 0);
  if (!resolved || resolved.source === "assumed") return void 0;
  return {
    value: resolved.value,
    source: resolved.source,
    note: `${config2.server} threads ${resolved.value}${resolved.how} (${config2.path}:${config2.threads.location.line})`
  };
}

// src/catalog/neon.ts
var POOLING = "https://neon.com/docs/connect/connection-pooling";
var CHECKED5 = "2026-11-24";
var NEON_MAX_CONNECTIONS = Object.fromEntries(
  [
    [0.25, 104],
    [0.5, 209],
    [1, 419],
    [2, 839],
    [3, 1258],
    [4, 1678],
    [5, 2098],
    [6, 2517],
    [7, 2937],
    [8, 3357],
    [9, 4e3]
  ].map(([cu, connections]) => [
    `${cu} CU`,
    fact(connections, POOLING, CHECKED5, "7 of them are reserved for the superuser.")
  ])
);
var NEON_POOLER = fact(
  { mode: "transaction", maxClients: 1e4, serverPoolShare: 0.9 },
  POOLING,
  CHECKED5,
  "Protocol-level prepared statements work through it (an old 2022 copy of the page says otherwise: outdated)."
);

// src/catalog/postgres.ts
var CHECKED6 = "2026-11-24";
var PGBOUNCER_CONFIG = "pgbouncer/pgbouncer:doc/config.md@13a344f";
var POSTGRES_DEFAULT_MAX_CONNECTIONS = fact(
  100,
  "https://www.postgresql.org/docs/current/runtime-config-connection.html",
  CHECKED6
);
var PGBOUNCER_DEFAULTS = fact(
  { listenPort: 6432, poolMode: "session", maxClientConn: 100, defaultPoolSize: 20 },
  PGBOUNCER_CONFIG,
  CHECKED6
);
var PGBOUNCER_PREPARED_STATEMENTS_SINCE = fact(
  "1.21.0",
  "prisma/docs:content/200-orm/200-prisma-client/000-setup-and-configuration/050-databases-connections/200-pgbouncer.mdx",
  CHECKED6,
  `Default 200 since 1.24.0, 0 (off) in 1.21\u20131.23 (${PGBOUNCER_CONFIG}).`
);
var RAILWAY_POSTGRES_MAX_CONNECTIONS = fact(
  100,
  "railwayapp/docs:content/docs/databases/postgresql.md@c2a634f",
  CHECKED6,
  "Unverified: Railway states no limit; this is PostgreSQL's default."
);
var RAILWAY_PGBOUNCER = fact(
  { defaultPoolSize: 20, maxClientConn: 1e3, mode: "transaction" },
  "railwayapp/docs:content/docs/databases/postgresql-pgbouncer.md@c2a634f",
  CHECKED6
);
var HEROKU_POSTGRES_CONNECTIONS = Object.fromEntries(
  [
    ["essential-0", 20],
    ["essential-1", 20, "Sources disagree (20 or 40): the lower figure is kept."],
    ["essential-2", 40],
    ["standard-0", 120],
    ["premium-0", 120],
    ["standard-2", 400],
    ["premium-2", 400]
  ].map(([plan, connections, note]) => [
    plan,
    fact(
      connections,
      "https://devcenter.heroku.com/articles/heroku-postgres-plans",
      CHECKED6,
      note ?? "Read from third-party copies of the plans table; the official page was not readable."
    )
  ])
);

// src/catalog/supabase.ts
var COMPUTE = "supabase/supabase:apps/docs/content/guides/platform/compute-and-disk.mdx";
var CHECKED7 = "2026-11-24";
var SIZES = [
  ["nano", 512, 60, 200],
  ["micro", 1024, 60, 200],
  ["small", 2048, 90, 400],
  ["medium", 4096, 120, 600],
  ["large", 8192, 160, 800],
  ["xl", 16384, 240, 1e3],
  ["2xl", 32768, 380, 1500],
  ["4xl", 65536, 480, 3e3],
  ["8xl", 131072, 490, 6e3],
  ["12xl", 196608, 500, 9e3],
  ["16xl", 262144, 500, 12e3]
];
var SUPABASE_COMPUTE = Object.fromEntries(
  SIZES.map(([name, memoryMb, maxConnections, poolerClients]) => [
    name,
    fact(
      { memoryMb, maxConnections, poolerClients },
      COMPUTE,
      CHECKED7,
      "Recommended values; a project can change max_connections."
    )
  ])
);
var SUPABASE_TRANSACTION_POOLER_PORT = fact(
  6543,
  "supabase/supabase:apps/docs/content/guides/database/connecting-to-postgres.mdx",
  CHECKED7
);

// src/model/secret.ts
var import_node_util = __toESM(require_node_util(), 1);
var MASK = "****";
var Secret = class {
  #value;
  constructor(value) {
    this.#value = value;
  }
  reveal() {
    return this.#value;
  }
  get length() {
    return this.#value.length;
  }
  toString() {
    return MASK;
  }
  toJSON() {
    return MASK;
  }
  [import_node_util.inspect.custom]() {
    return MASK;
  }
};
var SECRET_MASK = MASK;

// src/model/connection-url.ts
var DIALECTS = {
  postgres: "postgres",
  postgresql: "postgres",
  "postgresql+psycopg": "postgres",
  "postgresql+psycopg2": "postgres",
  "postgresql+asyncpg": "postgres",
  "prisma+postgres": "postgres",
  prisma: "postgres",
  mysql: "mysql",
  "mysql+pymysql": "mysql",
  "mysql+mysqldb": "mysql",
  mariadb: "mysql",
  redis: "redis",
  rediss: "redis",
  valkey: "redis",
  valkeys: "redis",
  mongodb: "mongodb",
  "mongodb+srv": "mongodb",
  sqlite: "sqlite",
  file: "sqlite"
};
var SCHEME = /^([a-z][a-z0-9+.-]*):/i;
var HOST_LIST = /^[\w.~%[\]:,${}-]*$/;
var PASSWORD_PARAMS = /* @__PURE__ */ new Set(["password", "pass", "pwd"]);
function parseConnectionUrl(text2) {
  const trimmed = text2.trim();
  if (trimmed === "" || /\s/.test(trimmed)) return void 0;
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  const dialect = scheme === void 0 ? void 0 : DIALECTS[scheme];
  if (scheme === void 0 || dialect === void 0) return void 0;
  const afterScheme = trimmed.slice(scheme.length + 1);
  if (!afterScheme.startsWith("//")) {
    if (dialect !== "sqlite") return void 0;
    const { path: path4, params: params2 } = splitPathAndQuery(afterScheme);
    return { scheme, dialect, params: params2, masked: trimmed, ...path4 ? { database: path4 } : {} };
  }
  const authority = splitAuthority(afterScheme.slice(2));
  const { host, port } = firstHost(authority.hostList);
  const { path: path3, params } = splitPathAndQuery(authority.tail);
  const url = {
    scheme,
    dialect,
    params,
    masked: `${scheme}://${maskedUserinfo(authority.userinfo)}${authority.hostList}${maskQueryPasswords(authority.tail)}`
  };
  if (authority.userinfo !== void 0) {
    const { user, password } = splitUserinfo(authority.userinfo);
    if (user) url.user = safeDecode2(user);
    if (password !== void 0) url.password = new Secret(safeDecode2(password));
  }
  if (host) url.host = host;
  if (port !== void 0) url.port = port;
  const database = dialect === "sqlite" ? path3 : path3.replace(/^\//, "");
  if (database) url.database = database;
  const pooler = detectPooler(scheme, url);
  if (pooler) url.pooler = pooler;
  return url;
}
function splitAuthority(rest) {
  for (let at3 = rest.lastIndexOf("@"); at3 >= 0; at3 = rest.lastIndexOf("@", at3 - 1)) {
    const { hostList, tail } = splitHostsAndTail(rest.slice(at3 + 1));
    if (HOST_LIST.test(hostList)) return { userinfo: rest.slice(0, at3), hostList, tail };
  }
  return splitHostsAndTail(rest);
}
function splitHostsAndTail(text2) {
  const end = indexOutsideTemplates(text2, (c) => c === "/" || c === "?" || c === "#");
  return end < 0 ? { hostList: text2, tail: "" } : { hostList: text2.slice(0, end), tail: text2.slice(end) };
}
function splitUserinfo(userinfo) {
  const colon = indexOutsideTemplates(userinfo, (c) => c === ":");
  return colon < 0 ? { user: userinfo } : { user: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) };
}
function maskedUserinfo(userinfo) {
  if (userinfo === void 0) return "";
  const { user, password } = splitUserinfo(userinfo);
  return `${user}${password === void 0 ? "" : `:${SECRET_MASK}`}@`;
}
function firstHost(hostList) {
  const first = hostList.slice(
    0,
    indexOrEnd(
      hostList,
      indexOutsideTemplates(hostList, (c) => c === ",")
    )
  );
  if (first.startsWith("[")) {
    const close = first.indexOf("]");
    if (close < 0) return {};
    return { host: first.slice(1, close), ...portOf(first.slice(close + 1)) };
  }
  const colon = lastIndexOutsideTemplates(first, ":");
  if (colon < 0) return first ? { host: safeDecode2(first) } : {};
  const host = first.slice(0, colon);
  return { ...host ? { host: safeDecode2(host) } : {}, ...portOf(first.slice(colon)) };
}
function portOf(suffix) {
  return /^:\d{1,5}$/.test(suffix) ? { port: Number(suffix.slice(1)) } : {};
}
function splitPathAndQuery(tail) {
  const withoutFragment = tail.slice(0, indexOrEnd(tail, tail.indexOf("#")));
  const question = withoutFragment.indexOf("?");
  const path3 = safeDecode2(withoutFragment.slice(0, indexOrEnd(withoutFragment, question)));
  const params = {};
  if (question >= 0) {
    for (const pair of withoutFragment.slice(question + 1).split("&")) {
      if (!pair) continue;
      const equals = pair.indexOf("=");
      const key = safeDecode2(equals < 0 ? pair : pair.slice(0, equals));
      if (PASSWORD_PARAMS.has(key.toLowerCase())) continue;
      params[key] = equals < 0 ? "" : safeDecode2(pair.slice(equals + 1));
    }
  }
  return { path: path3, params };
}
function maskQueryPasswords(tail) {
  const question = tail.indexOf("?");
  if (question < 0) return tail;
  const fragment = indexOrEnd(tail, tail.indexOf("#", question));
  const pairs2 = tail.slice(question + 1, fragment).split("&").map((pair) => {
    const equals = pair.indexOf("=");
    const key = equals < 0 ? pair : pair.slice(0, equals);
    return equals >= 0 && PASSWORD_PARAMS.has(safeDecode2(key).toLowerCase()) ? `${key}=${SECRET_MASK}` : pair;
  });
  return `${tail.slice(0, question + 1)}${pairs2.join("&")}${tail.slice(fragment)}`;
}
function indexOutsideTemplates(text2, wanted) {
  let depth = 0;
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i];
    if (c === "{") depth++;
    else if (c === "}" && depth > 0) depth--;
    else if (depth === 0 && wanted(c)) return i;
  }
  return -1;
}
function lastIndexOutsideTemplates(text2, wanted) {
  let found = -1;
  for (let from = 0; ; ) {
    const next = indexOutsideTemplates(text2.slice(from), (c) => c === wanted);
    if (next < 0) return found;
    found = from + next;
    from = found + 1;
  }
}
function indexOrEnd(text2, index) {
  return index < 0 ? text2.length : index;
}
function safeDecode2(text2) {
  try {
    return decodeURIComponent(text2);
  } catch {
    return text2;
  }
}
function detectPooler(scheme, url) {
  if (scheme === "prisma" || scheme === "prisma+postgres") return "prisma-accelerate";
  if (url.dialect !== "postgres") return void 0;
  const host = url.host?.toLowerCase() ?? "";
  if (host.endsWith(".pooler.supabase.com"))
    return url.port === 6543 ? "supabase-transaction" : "supabase-session";
  if (host.endsWith(".supabase.co") && url.port === 6543) return "supabase-transaction";
  if (host.endsWith(".neon.tech") && (host.split(".")[0] ?? "").endsWith("-pooler")) return "neon";
  if (url.params.pgbouncer === "true") return "pgbouncer";
  return void 0;
}
var URL_TOKEN_END = /[\s'"`<>()]/g;
var MAY_HOLD_SECRET = /:\/\/|@|pass|pwd/i;
var BARE_USERINFO = /(^|[\s'"`=(,/])([\w.%+-]+):([^\s@/'"`]+)@(?=(?:[\w-]+\.)+[\w-]+(?::\d+)?\b|localhost\b)/g;
var PASSWORD_ASSIGNMENT = /\b([\w.-]*(?:password|passwd|pwd))([ \t]*=[ \t]*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s;&'"`<>,)]+)/gi;
function maskSecretsInText(text2) {
  if (!MAY_HOLD_SECRET.test(text2)) return text2;
  let masked = "";
  let from = 0;
  let judgedUntil = 0;
  for (let sep2 = text2.indexOf("://"); sep2 >= 0; sep2 = text2.indexOf("://", sep2 + 3)) {
    if (sep2 < from || sep2 < judgedUntil) continue;
    let start = sep2;
    while (start > from && /[A-Za-z0-9+.-]/.test(text2[start - 1])) start--;
    if (start === sep2) continue;
    URL_TOKEN_END.lastIndex = sep2 + 3;
    const end = URL_TOKEN_END.exec(text2)?.index ?? text2.length;
    const token = text2.slice(sep2 + 3, end);
    const authority = splitAuthority(token);
    if (authority.userinfo === void 0) {
      const head = token.slice(0, indexOrEnd(token, token.search(/[/?#]/)));
      const at3 = head.lastIndexOf("@");
      const colon = head.indexOf(":");
      if (colon >= 0 && colon < at3) {
        masked += `${text2.slice(from, sep2 + 3)}${head.slice(0, colon)}:${SECRET_MASK}${token.slice(at3)}`;
        from = end;
      } else judgedUntil = end;
      continue;
    }
    if (splitUserinfo(authority.userinfo).password === void 0) {
      judgedUntil = sep2 + 3 + authority.userinfo.length;
      continue;
    }
    masked += `${text2.slice(from, sep2 + 3)}${maskedUserinfo(authority.userinfo)}${authority.hostList}${authority.tail}`;
    from = end;
  }
  masked += text2.slice(from);
  return masked.replace(BARE_USERINFO, (_match, before, user) => `${before}${user}:${SECRET_MASK}@`).replace(PASSWORD_ASSIGNMENT, (_match, key, equals) => `${key}${equals}${SECRET_MASK}`);
}
function isLocalHost(host) {
  return host === void 0 || ["localhost", "127.0.0.1", "::1", "db", "postgres", "database"].includes(host);
}

// src/capacity/reach.ts
function renderDatabaseReach(model, store) {
  const reach = {
    name: store.name,
    entity: store.id,
    location: store.location,
    store,
    direct: [],
    pooled: Boolean(store.managedPooler),
    notes: []
  };
  for (const service of model.services) {
    const bindings = service.env.flatMap(
      (e) => e.source.kind === "fromDatabase" && e.source.name === store.name ? [e.source.property] : []
    );
    if (bindings.length === 0) continue;
    if (bindings.some((property2) => property2 !== "connectionPoolString")) {
      if (service.kind === "static") continue;
      reach.direct.push({ service });
    } else {
      reach.pooled = true;
      reach.notes.push(`${service.name} goes through Render's PgBouncer and is not counted`);
    }
  }
  return reach;
}
function externalDatabases(model) {
  const byKey = /* @__PURE__ */ new Map();
  const prismaDirectKeys = new Set(model.schemas.flatMap((s) => s.datasource?.directUrlEnv ?? []));
  for (const service of model.services) {
    if (service.kind === "static") continue;
    const seen = /* @__PURE__ */ new Set();
    for (const connection of connectionsOf(model, service)) {
      const { url } = connection;
      const identity = databaseIdentity(url);
      let reach = byKey.get(identity.key);
      if (!reach) {
        reach = {
          name: identity.name,
          entity: connection.id,
          location: connection.location,
          direct: [],
          pooled: false,
          notes: [identity.limitNote]
        };
        byKey.set(identity.key, reach);
      }
      if (url.pooler) {
        reach.pooled = true;
        reach.notes.push(
          `${service.name} reaches it through a pooler (${connection.key}) and is not counted`
        );
      } else if (service.kind === "serverless") {
        reach.notes.push(
          `${service.name} runs as functions with a direct ${connection.key}: not counted, see pooling/serverless-without-pooler`
        );
      } else if (!prismaDirectKeys.has(connection.key) && !seen.has(identity.key)) {
        seen.add(identity.key);
        reach.direct.push({ service, url });
      }
    }
  }
  return [...byKey.values()];
}
function connectionsOf(model, service) {
  const boundElsewhere = new Set(
    service.env.filter((e) => e.source.kind !== "value" && e.source.kind !== "unset").map((e) => e.key)
  );
  const rank = (connection) => {
    if (connection.service !== void 0) return connection.service === service.name ? 0 : void 0;
    if (boundElsewhere.has(connection.key) || directoryOf(connection.location.path) !== service.rootDir)
      return void 0;
    return model.envFiles.find((f) => f.path === connection.location.path)?.kind === "template" ? 2 : 1;
  };
  const best = /* @__PURE__ */ new Map();
  for (const connection of model.connections) {
    if (connection.url.dialect !== "postgres" || isLocalHost(connection.url.host)) continue;
    const r = rank(connection);
    if (r === void 0) continue;
    const current = best.get(connection.key);
    if (!current || r < current.rank) best.set(connection.key, { connection, rank: r });
  }
  return [...best.values()].map((b) => b.connection);
}
function directoryOf(path3) {
  return path3.includes("/") ? path3.slice(0, path3.lastIndexOf("/")) : "";
}
function databaseIdentity(url) {
  const host = (url.host ?? "").toLowerCase();
  const supabaseRef = host.endsWith(".pooler.supabase.com") ? url.user?.split(".").at(-1) : /^db\.([a-z0-9]+)\.supabase\.co$/.exec(host)?.[1];
  if (supabaseRef) {
    const sizes = Object.entries(SUPABASE_COMPUTE);
    const [smallest, largest] = [sizes[0], sizes.at(-1)];
    return {
      key: `supabase:${supabaseRef}`,
      name: `Supabase ${supabaseRef}`,
      limitNote: `the Supabase compute size is not in the repository: max_connections runs from ${smallest?.[1].value.maxConnections} (${smallest?.[0]}) to ${largest?.[1].value.maxConnections} (${largest?.[0]})`
    };
  }
  if (host.endsWith(".neon.tech")) {
    const endpoint = (host.split(".")[0] ?? host).replace(/-pooler$/, "");
    const smallest = Object.entries(NEON_MAX_CONNECTIONS)[0];
    return {
      key: `neon:${endpoint}`,
      name: `Neon ${endpoint}`,
      limitNote: `the Neon compute size is not in the repository: max_connections is ${smallest?.[1].value} at ${smallest?.[0]} and grows with it`
    };
  }
  return {
    key: `${host}:${url.port ?? 5432}/${url.database ?? ""}`,
    name: host,
    limitNote: `plan of ${host} unknown: PostgreSQL's default max_connections is ${POSTGRES_DEFAULT_MAX_CONNECTIONS.value}`
  };
}

// src/capacity/solid-queue.ts
function isSolidQueueSupervisor({ program, args }) {
  if (program === "jobs") return args[0] === void 0 || args[0] === "start" || args[0].startsWith("-");
  return (program === "rails" || program === "rake") && args.includes("solid_queue:start");
}
function solidQueueOf(model, service) {
  const serviceEnv = literalEnv(service);
  for (const invocation of startInvocations(model, service)) {
    const env = invocationEnv(serviceEnv, invocation);
    if (isSolidQueueSupervisor(invocation)) {
      const written = invocation.program === "jobs" ? optionValue(invocation.args, ["-c", "--config_file"]) : void 0;
      return supervisorRun(queueConfig(model, service, written ?? env.SOLID_QUEUE_CONFIG), env, false);
    }
    const server = serverConfigOf(model, service, invocation);
    if (server?.server !== "puma") continue;
    const plugin = server.plugins.find((p) => p.name === "solid_queue");
    if (plugin && holds(plugin.when, env))
      return supervisorRun(queueConfig(model, service, env.SOLID_QUEUE_CONFIG), env, true);
  }
  return void 0;
}
function queueConfig(model, service, written) {
  const path3 = repositoryPath(service.rootDir, written ?? "config/queue.yml");
  return model.serverConfigs.find((config2) => config2.server === "solid_queue" && config2.path === path3);
}
function holds(test, env) {
  if (!test) return true;
  const value = env[test.env];
  const result = test.equals === void 0 ? value !== void 0 : value === test.equals;
  return test.negated ? !result : result;
}
function supervisorRun(config2, env, inPuma) {
  const defaults = SOLID_QUEUE_WORKER_DEFAULTS.value;
  const declared = config2?.processGroups?.map((g) => ({ ...g, line: g.location.line })) ?? [
    { role: "workers", processes: { value: defaults.workers } },
    { role: "dispatchers", processes: { value: defaults.dispatchers } }
  ];
  const groups = [
    {
      label: "Solid Queue supervisor",
      processes: { value: 1, source: "default", note: "one supervisor" },
      connectionsEach: { value: 1, source: "default", note: "its heartbeat" }
    }
  ];
  for (const group of declared) {
    const processes = processesFigure(group, env, config2);
    if (group.role === "dispatchers") {
      groups.push({
        label: "Solid Queue dispatcher",
        processes,
        connectionsEach: { value: 2, source: "default", note: "polling and heartbeat" }
      });
      continue;
    }
    const threads = group.threads ? resolveCount(group.threads, env, void 0) : void 0;
    const threadCount = threads?.value ?? defaults.threads;
    groups.push({
      label: "Solid Queue workers",
      processes,
      connectionsEach: {
        value: threadCount + defaults.connectionsBeyondThreads,
        source: threads ? threads.source : "default",
        note: `${threadCount} job threads${threads ? threads.how : " (Solid Queue's default)"} + ${defaults.connectionsBeyondThreads} for polling and heartbeat`
      }
    });
  }
  const total = groups.reduce((sum, g) => sum + g.processes.value, 0);
  const summary = groups.map((g) => `${g.processes.value} ${g.label.replace("Solid Queue ", "")}`).join(", ");
  return {
    inPuma,
    groups,
    processes: {
      value: total,
      source: config2 ? "read" : "default",
      note: `Solid Queue: ${summary} (${config2 ? config2.path : "no config/queue.yml: its defaults"})`
    }
  };
}
function processesFigure(group, env, config2) {
  const resolved = resolveCount(group.processes, env, void 0);
  const at3 = config2 ? ` (${config2.path}:${group.line})` : "";
  if (!resolved) return { value: 1, source: "assumed", note: `count not readable${at3}: 1 assumed` };
  return {
    value: resolved.value,
    source: config2 ? resolved.source : "default",
    note: `${resolved.value}${resolved.how}${at3}`
  };
}

// src/capacity/compute.ts
function computeCapacity(model, config2 = {}) {
  const { services, databases } = capacityDetails(model, config2);
  return {
    services,
    databases: databases.map(({ entity: _e, location: _l, store: _s, pooled: _p, ...summary }) => summary)
  };
}
function capacityDetails(model, config2 = {}) {
  const deployed2 = model.services.filter((s) => s.kind !== "static" && s.kind !== "serverless");
  const queues = new Map(deployed2.map((s) => [s.name, solidQueueOf(model, s)]));
  const services = deployed2.map((s) => serviceCapacity2(model, s, config2, queues.get(s.name)));
  const reaches = [
    ...model.datastores.filter((d) => d.kind === "postgres").map((d) => renderDatabaseReach(model, d)),
    ...externalDatabases(model)
  ];
  return {
    services,
    databases: reaches.map((reach) => databaseDemand(model, reach, services, queues, config2))
  };
}
function serviceCapacity2(model, service, config2 = {}, queue = solidQueueOf(model, service)) {
  const own2 = config2.services?.[service.name] ?? {};
  const { memoryMb, cpus, note } = planResources(service);
  const capacity = {
    service: service.name,
    platform: service.platform,
    instances: { min: service.instances.min, max: service.instances.max },
    processes: queue && !queue.inPuma && !own2.processes ? queue.processes : processesOf(model, service, own2, cpus?.value),
    memoryPerProcessMb: memoryPerProcess(model, service, {
      ...own2,
      ...config2.memoryPerProcessMb ? { defaultMb: config2.memoryPerProcessMb } : {}
    })
  };
  const threads = threadsOf(model, service);
  if (threads) capacity.threadsPerProcess = threads;
  if (queue?.inPuma) capacity.jobProcesses = queue.processes;
  if (service.plan) capacity.plan = service.plan.name;
  if (memoryMb) capacity.memoryMb = memoryMb;
  if (cpus) capacity.cpus = cpus;
  if (note) capacity.notes = [note];
  return capacity;
}
function databaseDemand(model, reach, services, queues, config2) {
  const contributors = [];
  for (const { service, url } of reach.direct) {
    const capacity = services.find((s) => s.service === service.name);
    if (!capacity) continue;
    const queue = queues.get(service.name);
    if (!queue || queue.inPuma) {
      const poolSize = poolSizeOf(
        model,
        service,
        capacity.cpus?.value,
        url,
        config2.services?.[service.name]
      ) ?? {
        value: 1,
        source: "assumed",
        note: "no pool setting or known client library: 1 connection per process assumed"
      };
      contributors.push({
        service: service.name,
        instances: service.instances.max,
        processes: capacity.processes,
        poolSize
      });
    }
    for (const group of queue?.groups ?? [])
      contributors.push({
        service: `${service.name}: ${group.label}`,
        instances: service.instances.max,
        processes: group.processes,
        poolSize: group.connectionsEach
      });
  }
  const demand = contributors.reduce((sum, c) => sum + c.instances * c.processes.value * c.poolSize.value, 0);
  const result = {
    datastore: reach.name,
    demand,
    contributors,
    entity: reach.entity,
    location: reach.location,
    pooled: reach.pooled
  };
  const notes = [...reach.notes];
  if (reach.store) {
    result.store = reach.store;
    const limit = renderLimit(reach.store, notes);
    if (limit) {
      result.limit = limit;
      result.percent = demand / limit.value * 100;
    }
  }
  if (reach.store?.plan) result.plan = reach.store.plan.name;
  if (notes.length) result.notes = notes;
  return result;
}
function renderLimit(store, notes) {
  if (!store.plan) return void 0;
  const plan = renderPostgresPlan(store.plan.name);
  if (!plan) {
    notes.push(`Render Postgres plan "${store.plan.name}" is not in Headroom's catalog: limit unknown`);
    return void 0;
  }
  const reserved = RENDER_POSTGRES_RESERVED_CONNECTIONS.value;
  const { maxConnections } = plan.value;
  return {
    value: maxConnections - reserved,
    source: store.plan.explicit ? "read" : "default",
    note: `${maxConnections} connections on Render ${store.plan.name}${store.plan.explicit ? "" : " (the default plan)"}, less ${reserved} kept for migrations and psql`
  };
}

// src/rules/service-of-path.ts
function serviceOwning(model, path3) {
  const deployed2 = model.services.filter((s) => s.kind !== "static" && s.kind !== "cron");
  const owners = deployed2.filter((s) => s.rootDir === "" || path3.startsWith(`${s.rootDir}/`)).sort((a, b) => b.rootDir.length - a.rootDir.length);
  const deepest = owners[0];
  if (deepest && (deepest.rootDir !== "" || owners.filter((s) => s.rootDir === "").length === 1))
    return deepest;
  return deployed2.length === 1 ? deployed2[0] : void 0;
}

// rules/cache/in-process-cache-across-instances.ts
var in_process_cache_across_instances_default = defineRule({
  meta: {
    id: "cache/in-process-cache-across-instances",
    title: "In-process cache in a service with several copies",
    category: "cache",
    severity: { launch: "note", growth: "warning", scale: "error", enterprise: "error" },
    summary: "Application code caches in process memory (`lru-cache`, `node-cache`, a module-level `Map` cache, `functools.lru_cache`, cachetools) while its service runs several instances or worker processes.",
    ramification: "Each copy fills its own cache: hit rates divide by the number of copies, memory is spent N times, and after a write some copies keep serving the old value until their TTL runs out \u2014 users see data change back and forth between requests.",
    fix: "Move the cache to the shared store (Redis/Key Value) or make it per-request; keep in-process caching for immutable data only, and say so with `headroom-ignore`.",
    examples: {
      bad: {
        path: "src/feed.js",
        text: "import { LRUCache } from 'lru-cache';\n\nexport const feedCache = new LRUCache({ max: 500, ttl: 30_000 });\n",
        alongside: {
          "render.yaml": "services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 3\n    startCommand: node src/server.js\n"
        }
      },
      good: {
        path: "src/feed.js",
        text: "import { LRUCache } from 'lru-cache';\n\nexport const feedCache = new LRUCache({ max: 500, ttl: 30_000 });\n",
        alongside: {
          "render.yaml": "services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    startCommand: node src/server.js\n"
        }
      }
    }
  },
  check(model) {
    return model.inProcessCaches.flatMap((cache) => {
      if (cache.frontsSharedCache) return [];
      const service = serviceOwning(model, cache.location.path);
      if (!service) return [];
      const copies = service.kind === "serverless" ? Number.POSITIVE_INFINITY : service.instances.max * serviceCapacity2(model, service).processes.value;
      if (copies <= 1) return [];
      const count3 = Number.isFinite(copies) ? `${copies} copies` : "one copy per function instance";
      return [
        {
          entity: `cache:${cache.location.path}:${cache.name}`,
          message: `${cache.name} (${cache.kind}) caches in process memory while ${service.name} runs ${count3}: each keeps its own, possibly stale, view.`,
          location: cache.location,
          fix: {
            text: "Keep cross-request data in the shared cache (Redis/Key Value), or acknowledge it if the data never changes."
          }
        }
      ];
    });
  }
});

// src/catalog/libraries.ts
var BOT_PACKAGES = /* @__PURE__ */ new Set([
  "discord.js",
  "eris",
  "oceanic.js",
  "discord-py",
  "py-cord",
  "nextcord",
  "disnake",
  "hikari",
  "python-telegram-bot",
  "aiogram",
  "pytelegrambotapi",
  "telegraf",
  "grammy",
  "node-telegram-bot-api",
  "@slack/bolt",
  "slack-bolt",
  "slack_bolt",
  "botbuilder",
  "whatsapp-web.js",
  "@whiskeysockets/baileys"
]);
var LONG_LIVED_PACKAGES = /* @__PURE__ */ new Set([
  "socket.io",
  "ws",
  "channels",
  "python-socketio",
  "node-cron",
  "cron",
  "agenda",
  "apscheduler",
  "node-schedule"
]);
var REDIS_QUEUE_PACKAGES = /* @__PURE__ */ new Set([
  "bullmq",
  "bull",
  "bee-queue",
  "kue",
  "celery",
  "rq",
  "dramatiq",
  "arq",
  "huey",
  "sidekiq",
  "sidekiq-pro",
  "sidekiq-ent",
  "resque"
]);
var REDIS_CLIENT_PACKAGES = /* @__PURE__ */ new Set([
  "redis",
  "ioredis",
  "@upstash/redis",
  "@redis/client",
  "iovalkey",
  "django-redis",
  "redis-py",
  "aioredis",
  "@keyv/redis",
  "cache-manager-redis-store",
  "cache-manager-ioredis-yet",
  "@vercel/kv",
  "@valkey/valkey-glide",
  "valkey-glide",
  "memjs",
  "redis-client",
  "hiredis",
  "kredis",
  "redis-rails",
  "redis-store",
  "dalli",
  "pymemcache",
  "pylibmc",
  "python-memcached"
]);
var ERROR_TRACKING_PACKAGES = /* @__PURE__ */ new Set([
  "@sentry/node",
  "@sentry/nextjs",
  "@sentry/react",
  "@sentry/remix",
  "@sentry/sveltekit",
  "@sentry/bun",
  "sentry-sdk",
  "raven",
  "@bugsnag/js",
  "bugsnag",
  "@honeybadger-io/js",
  "honeybadger",
  "rollbar",
  "dd-trace",
  "ddtrace",
  "newrelic",
  "@highlight-run/node",
  "posthog-node",
  "@opentelemetry/sdk-node",
  "elastic-apm-node",
  "elastic-apm",
  "logrocket",
  "airbrake",
  "@airbrake/node",
  "sentry-ruby",
  "sentry-rails",
  "sentry-raven",
  "newrelic_rpm",
  "datadog",
  "appsignal",
  "scout_apm",
  "exception_notification",
  // Logging platforms whose SDKs capture errors with the logs.
  "next-axiom",
  "@axiomhq/nextjs",
  "@axiomhq/js",
  "@logtail/next"
]);
var RATE_LIMIT_PACKAGES = /* @__PURE__ */ new Set([
  "express-rate-limit",
  "rate-limiter-flexible",
  "@upstash/ratelimit",
  "@nestjs/throttler",
  "@fastify/rate-limit",
  "fastify-rate-limit",
  "hono-rate-limiter",
  "koa-ratelimit",
  "express-slow-down",
  "slowapi",
  "flask-limiter",
  "django-ratelimit",
  "fastapi-limiter",
  "limits",
  "@arcjet/next",
  "@arcjet/node",
  "rack-attack",
  "rack-throttle"
]);
var HTTP_FRAMEWORK_PACKAGES = /* @__PURE__ */ new Set([
  "express",
  "fastify",
  "koa",
  "hono",
  "@nestjs/core",
  "next",
  "fastapi",
  "flask",
  "django",
  "starlette",
  "litestar",
  "sanic",
  "aiohttp",
  "rails",
  "sinatra",
  "hanami",
  "roda",
  "grape"
]);
var DEV_SERVER_PROGRAMS = /* @__PURE__ */ new Set(["nodemon", "ts-node-dev"]);
var JS_CACHE_EXPORTS = {
  "lru-cache": { LRUCache: "constructor", default: "constructor" },
  "node-cache": { default: "constructor" },
  "quick-lru": { default: "constructor" },
  "@isaacs/ttlcache": { default: "constructor", TTLCache: "constructor" },
  "flat-cache": { default: "constructor" },
  "memory-cache": { Cache: "constructor" },
  memoizee: { default: "memoizer" },
  mem: { default: "memoizer" },
  memoize: { default: "memoizer" },
  "p-memoize": { default: "memoizer" },
  moize: { default: "memoizer" },
  "fast-memoize": { default: "memoizer" },
  "micro-memoize": { default: "memoizer" },
  "lodash.memoize": { default: "memoizer" },
  "lodash/memoize": { default: "memoizer" },
  lodash: { memoize: "memoizer" },
  "lodash-es": { memoize: "memoizer" }
};
var PY_CACHE_DECORATORS = {
  functools: /* @__PURE__ */ new Set(["lru_cache", "cache"]),
  cachetools: /* @__PURE__ */ new Set(["cached"]),
  "cachetools.func": /* @__PURE__ */ new Set(["lru_cache", "ttl_cache", "lfu_cache", "fifo_cache", "rr_cache"]),
  async_lru: /* @__PURE__ */ new Set(["alru_cache"])
};
var PY_CACHE_CLASSES = {
  cachetools: /* @__PURE__ */ new Set(["TTLCache", "LRUCache", "LFUCache", "TLRUCache", "FIFOCache", "RRCache", "MRUCache"])
};
var HTTP_HANDLER_MODULES = /* @__PURE__ */ new Set([
  "express",
  "fastify",
  "koa",
  "@koa/router",
  "hono",
  "@nestjs/core",
  "next/server",
  "fastapi",
  "flask",
  "starlette",
  "litestar",
  "sanic",
  "django.http",
  "django.urls",
  "rest_framework",
  "aiohttp.web"
]);

// src/rules/env-facts.ts
function declaredEnvKeys(model) {
  return /* @__PURE__ */ new Set([
    ...model.envFiles.flatMap((file) => [...file.entries.map((e) => e.key), ...file.commentedKeys ?? []]),
    ...model.services.flatMap((s) => s.env.map((e) => e.key)),
    ...model.envReads.filter((read) => read.schema).map((read) => read.key),
    ...model.envDeclarations.map((declaration) => declaration.key)
  ]);
}

// src/rules/service-facts.ts
function packagesOf(model, service) {
  const own2 = dependenciesOf(model, service);
  const deployed2 = model.services.filter((s) => s.kind !== "static");
  const all = own2.length === 0 && deployed2.length === 1 ? model.dependencies.filter((d) => !d.dev) : own2;
  return new Set(all.map((d) => d.name));
}
function firstOf(packages, candidates) {
  return [...packages].find((name) => candidates.has(name));
}
function projectPackages(model) {
  return new Set(model.dependencies.filter((d) => !d.dev).map((d) => d.name));
}
var INTERNAL_DASHBOARDS = /* @__PURE__ */ new Set(["flower", "grafana-server", "grafana", "rq-dashboard", "bull-board"]);
function isInternalDashboard(model, service) {
  return startInvocations(model, service).some(
    ({ program, args }) => INTERNAL_DASHBOARDS.has(program) || program === "celery" && args.includes("flower")
  );
}

// rules/cache/no-shared-cache.ts
var SHARED_CACHE_KEY = /(^|_)(REDIS|VALKEY|MEMCACHED?|KV)(_|$)/;
var PER_PROCESS_DEFAULTS = [
  { framework: "django", unless: [], what: "Django's default cache is local memory in each process" },
  {
    framework: "rails",
    unless: ["solid_cache"],
    what: "Rails' default cache store is per machine or per process"
  },
  { framework: "express-session", unless: [], what: "express-session's default MemoryStore is per process" }
];
var no_shared_cache_default = defineRule({
  meta: {
    id: "cache/no-shared-cache",
    title: "Several processes and no shared cache",
    category: "cache",
    severity: { launch: "note", growth: "warning", scale: "error", enterprise: "error" },
    summary: "Services run several instances or worker processes on a framework whose default cache or session store lives in each process (Django, Rails, express-session), and the project has no Redis/Key Value store or client.",
    ramification: "Every process caches (sessions, rate-limit counters, computed pages) in its own memory: hit rates fall as you add workers, users see stale or inconsistent data depending on which process answers, and rate limits multiply by the number of processes.",
    fix: "Add a shared cache (Render Key Value, Upstash, Redis) and move cross-request state there.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    numInstances: 2\n    startCommand: gunicorn mysite.wsgi\n",
        alongside: { "requirements.txt": "Django==5.1.4\ngunicorn==23.0.0\n" }
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    numInstances: 2\n    startCommand: gunicorn mysite.wsgi\n    envVars:\n      - key: REDIS_URL\n        fromService: { type: keyvalue, name: cache, property: connectionString }\n  - type: keyvalue\n    name: cache\n    ipAllowList: []\n",
        alongside: { "requirements.txt": "Django==5.1.4\ngunicorn==23.0.0\n" }
      }
    }
  },
  check(model) {
    const hasRedis = model.datastores.some((d) => d.kind === "redis") || model.connections.some((c) => c.url.dialect === "redis") || [...declaredEnvKeys(model)].some((key) => SHARED_CACHE_KEY.test(key)) || firstOf(projectPackages(model), REDIS_CLIENT_PACKAGES) !== void 0;
    if (hasRedis || model.sharedCacheBackends.length > 0) return [];
    return model.services.flatMap((service) => {
      if (service.kind !== "web" && service.kind !== "worker") return [];
      const packages = packagesOf(model, service);
      const store = PER_PROCESS_DEFAULTS.find(
        ({ framework, unless }) => packages.has(framework) && !unless.some((name) => packages.has(name))
      );
      if (!store) return [];
      const capacity = serviceCapacity2(model, service);
      const copies = service.instances.max * capacity.processes.value;
      if (copies <= 1) return [];
      return [
        {
          entity: service.id,
          message: `${service.name} runs ${copies} copies (${service.instances.max} instance(s) \xD7 ${capacity.processes.value} process(es)) and the project has no shared cache: ${store.what}, so each keeps its own view of cached data.`,
          location: service.location,
          fix: { text: "Add a Redis/Key Value store and read and write cross-request state there." }
        }
      ];
    });
  }
});

// rules/cache/queue-on-evicting-redis.ts
var queue_on_evicting_redis_default = defineRule({
  meta: {
    id: "cache/queue-on-evicting-redis",
    title: "Job queue on a Redis that evicts or forgets",
    category: "cache",
    severity: { launch: "warning", growth: "error", scale: "error", enterprise: "error" },
    summary: "A Redis-backed job queue (BullMQ, Celery, RQ\u2026) with a Key Value store whose eviction policy is not `noeviction`, or that is free (no persistence).",
    ramification: `When memory fills, an evicting Redis (Render's default is \`${RENDER_KEYVALUE_DEFAULT_POLICY.value}\`) deletes keys \u2014 including queued jobs and their locks \u2014 silently. A free store keeps nothing across restarts. Emails are not sent, payments not processed, and nothing reports it.`,
    fix: "Set `maxmemoryPolicy: noeviction` on the store that backs the queue (use a separate store for the cache), on a paid plan.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: keyvalue\n    name: jobs\n    plan: starter\n    ipAllowList: []\n",
        alongside: { "package.json": '{ "dependencies": { "bullmq": "5.34.0" } }' }
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: keyvalue\n    name: jobs\n    plan: starter\n    maxmemoryPolicy: noeviction\n    ipAllowList: []\n",
        alongside: { "package.json": '{ "dependencies": { "bullmq": "5.34.0" } }' }
      }
    }
  },
  check(model) {
    const queue = firstOf(projectPackages(model), REDIS_QUEUE_PACKAGES);
    if (!queue) return [];
    const findings = [];
    const stores = model.datastores.filter((d) => d.kind === "redis");
    if (stores.some((s) => s.plan?.name !== "free" && policyOf(s) === "noeviction")) return [];
    for (const store of stores) {
      const policy = policyOf(store);
      if (store.plan?.name === "free") {
        findings.push({
          entity: store.id,
          message: `${queue} jobs would live in ${store.name}, a free Key Value store with no persistence: a restart loses every queued job.`,
          location: store.plan.location,
          fix: { text: "Use a paid plan with `maxmemoryPolicy: noeviction`." }
        });
      } else if (policy && policy !== "noeviction") {
        findings.push({
          entity: store.id,
          message: `${queue} is in the dependencies and ${store.name} evicts keys (\`${policy}\`${store.maxmemoryPolicy ? "" : ", the default"}): when memory fills, queued jobs are deleted silently.`,
          location: store.maxmemoryPolicy?.location ?? store.location,
          fix: {
            text: "Keep the queue on a store that never evicts.",
            replacement: "maxmemoryPolicy: noeviction"
          }
        });
      }
    }
    return findings;
  }
});
function policyOf(store) {
  return store.maxmemoryPolicy?.value ?? (store.platform === "render" ? RENDER_KEYVALUE_DEFAULT_POLICY.value : void 0);
}

// rules/cache/unused-keyvalue.ts
var unused_keyvalue_default = defineRule({
  meta: {
    id: "cache/unused-keyvalue",
    title: "Key Value store no service uses",
    category: "cache",
    severity: { launch: "note", growth: "warning", scale: "warning", enterprise: "warning" },
    summary: "A Key Value (Redis/Valkey) store is declared but no service receives its URL.",
    ramification: "The shared cache the plan counts on is not wired: every instance still caches in its own memory (or not at all), and the store costs money for nothing. Usually a missing `fromService` entry.",
    fix: "Give the services that need it its URL: `fromService: { type: keyvalue, name: <store>, property: connectionString }` under `envVars`, or remove the store.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node server.js\n  - type: keyvalue\n    name: cache\n    ipAllowList: []\n"
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node server.js\n    envVars:\n      - key: REDIS_URL\n        fromService: { type: keyvalue, name: cache, property: connectionString }\n  - type: keyvalue\n    name: cache\n    ipAllowList: []\n"
      }
    }
  },
  check(model) {
    return model.datastores.filter((d) => d.kind === "redis" && d.platform === "render").filter(
      (store) => !model.services.some(
        (s) => s.env.some((e) => e.source.kind === "fromService" && e.source.name === store.name)
      )
    ).map((store) => ({
      entity: store.id,
      message: `Key Value store ${store.name} is declared but no service gets its URL, so nothing uses it as a shared cache.`,
      location: store.location,
      fix: {
        text: "Wire it to the services that cache or queue.",
        replacement: `- key: REDIS_URL
  fromService:
    type: keyvalue
    name: ${store.name}
    property: connectionString`
      }
    }));
  }
});

// src/files/test-folders.ts
var TEST_FOLDERS = /* @__PURE__ */ new Set([
  "test",
  "tests",
  "__tests__",
  "testdata",
  "fixtures",
  "stub",
  "stubs",
  "mocks",
  "e2e",
  "spec",
  "cypress",
  "playwright"
]);
var IN_TEST_FOLDER = new RegExp(`(?:^|/)(?:${[...TEST_FOLDERS].join("|")})/`, "i");
function inTestFolder(path3) {
  return IN_TEST_FOLDER.test(path3);
}

// rules/env/committed-secret.ts
var PLACEHOLDER = /^(|x+|\*+|changeme|change-me|change_me|secret|password|example|test|todo|dummy|placeholder|null|none|your[-_ ].*|<.*>|\[.*\]|\$\{.*\}|\$[A-Z_]+|.*(xxx|your[-_]|replace|example).*)$/i;
var SECRET_KEY = /(SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|API_?KEY|ACCESS_?KEY|CREDENTIAL|DSN|AUTH)/i;
var KNOWN_SHAPES = [
  ["a Stripe live key", /^(sk|rk)_live_[0-9a-zA-Z]{16,}$/],
  ["a GitHub token", /^(ghp|gho|ghu|ghs|ghr|github_pat)_[0-9A-Za-z_]{20,}$/],
  ["an AWS access key id", /^(AKIA|ASIA)[0-9A-Z]{16}$/],
  ["a Slack token", /^xox[abprs]-[0-9A-Za-z-]{10,}$/],
  ["a Discord bot token", /^[MNO][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,38}$/],
  ["an OpenAI key", /^sk-(proj-)?[A-Za-z0-9_-]{20,}$/],
  ["a Groq key", /^gsk_[A-Za-z0-9]{20,}$/]
];
var committed_secret_default = defineRule({
  meta: {
    id: "env/committed-secret",
    title: "Real credentials in a committed env file",
    category: "env",
    severity: { launch: "error", growth: "error", scale: "error", enterprise: "error" },
    summary: "A committed `.env` (not a template) holds what looks like a real password, token or key.",
    ramification: "Everyone with read access \u2014 and, for a public repository, everyone \u2014 can use the database and the APIs, and the value stays in git history after it is removed from the file. Bots scan public repositories for such keys within minutes.",
    fix: "Rotate the credential now, remove the file from git (`git rm --cached .env`, add it to `.gitignore`), keep only placeholders in `.env.example`, and set real values in the host\u2019s dashboard or secret store.",
    examples: {
      bad: { path: ".env", text: "DATABASE_URL=postgresql://app:Zr8uQe4mKx2pLw9s@db.internal:5432/app\n" },
      good: { path: ".env.example", text: "DATABASE_URL=postgresql://app:change-me@localhost:5432/app\n" }
    }
  },
  check(model) {
    const findings = [];
    for (const file of model.envFiles.filter((f) => f.kind === "real" && !isTestEnvFile(f.path))) {
      for (const entry of file.entries) {
        const why = realCredential(entry);
        if (!why) continue;
        findings.push({
          entity: `env:${file.path}:${entry.key}`,
          message: `${file.path} commits ${entry.key} with ${why} (${entry.masked}); anyone who can read the repository can use it.`,
          location: entry.location,
          fix: { text: "Rotate it, remove the file from git, and keep a placeholder in .env.example." }
        });
      }
    }
    return findings;
  }
});
function realCredential(entry) {
  const value = entry.value.reveal().trim();
  const password = entry.url?.password?.reveal();
  if (entry.url)
    return password && !PLACEHOLDER.test(password) && !isLocalHost(entry.url.host) ? "a connection string with a real-looking password" : void 0;
  if (PLACEHOLDER.test(value)) return void 0;
  const shape = KNOWN_SHAPES.find(([, pattern]) => pattern.test(value));
  if (shape) return shape[0];
  return SECRET_KEY.test(entry.key) && value.length >= 16 && entropy(value) >= 3.5 ? "a high-entropy secret" : void 0;
}
function entropy(text2) {
  const counts = /* @__PURE__ */ new Map();
  for (const char of text2) counts.set(char, (counts.get(char) ?? 0) + 1);
  return [...counts.values()].reduce((sum, n) => sum - n / text2.length * Math.log2(n / text2.length), 0);
}
function isTestEnvFile(path3) {
  const name = (path3.split("/").at(-1) ?? "").toLowerCase().split(".");
  return name.some((part) => TEST_ENV_PARTS.has(part)) || inTestFolder(path3);
}
var TEST_ENV_PARTS = /* @__PURE__ */ new Set(["test", "testing", "ci", "e2e", "spec"]);

// src/catalog/platform-env.ts
var CHECKED8 = "2026-11-24";
var PROVIDED_ENV = {
  runtime: fact(
    [
      "NODE_ENV",
      "PORT",
      "HOST",
      "HOSTNAME",
      "HOME",
      "PATH",
      "PWD",
      "TZ",
      "LANG",
      "CI",
      "DEBUG",
      "npm_package_version",
      "PYTHONPATH"
    ],
    "https://nodejs.org/api/process.html#processenv",
    CHECKED8
  ),
  render: fact(
    [
      "RENDER",
      "RENDER_SERVICE_ID",
      "RENDER_SERVICE_NAME",
      "RENDER_EXTERNAL_URL",
      "RENDER_EXTERNAL_HOSTNAME",
      "RENDER_GIT_COMMIT",
      "RENDER_GIT_BRANCH",
      "RENDER_INSTANCE_ID",
      "IS_PULL_REQUEST"
    ],
    "https://render.com/docs/environment-variables",
    CHECKED8
  ),
  vercel: fact(
    [
      "VERCEL",
      "VERCEL_ENV",
      "VERCEL_URL",
      "VERCEL_REGION",
      "VERCEL_GIT_COMMIT_SHA",
      "VERCEL_PROJECT_PRODUCTION_URL",
      "NEXT_RUNTIME",
      "NEXT_PHASE"
    ],
    "https://vercel.com/docs/projects/environment-variables/system-environment-variables",
    CHECKED8
  ),
  fly: fact(
    ["FLY_APP_NAME", "FLY_REGION", "FLY_ALLOC_ID", "FLY_MACHINE_ID", "PRIMARY_REGION"],
    "https://fly.io/docs/machines/runtime-environment/",
    CHECKED8
  ),
  railway: fact(
    ["RAILWAY_ENVIRONMENT", "RAILWAY_PUBLIC_DOMAIN", "RAILWAY_SERVICE_NAME", "RAILWAY_GIT_COMMIT_SHA"],
    "https://docs.railway.com/reference/variables#railway-provided-variables",
    CHECKED8
  ),
  vite: fact(
    ["MODE", "BASE_URL", "PROD", "DEV", "SSR"],
    "https://vite.dev/guide/env-and-mode#built-in-constants",
    CHECKED8
  ),
  netlify: fact(
    ["NETLIFY", "URL", "DEPLOY_URL", "CONTEXT", "SITE_NAME"],
    "https://docs.netlify.com/configure-builds/environment-variables/",
    CHECKED8
  ),
  // The SDKs' credential chain: on ECS, EKS or Lambda the role provides these, not a config file.
  aws: fact(
    [
      "AWS_REGION",
      "AWS_DEFAULT_REGION",
      "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY",
      "AWS_SESSION_TOKEN",
      "AWS_ROLE_ARN",
      "AWS_WEB_IDENTITY_TOKEN_FILE",
      "AWS_PROFILE",
      "AWS_EXECUTION_ENV",
      "AWS_LAMBDA_FUNCTION_NAME",
      "ECS_CONTAINER_METADATA_URI",
      "ECS_CONTAINER_METADATA_URI_V4"
    ],
    "https://docs.aws.amazon.com/sdkref/latest/guide/environment-variables.html",
    "2026-12-02"
  )
};
var PROVIDED_ENV_PREFIXES = fact(
  [
    "KUBERNETES_",
    "GITHUB_",
    "RUNNER_",
    "RENDER_",
    "VERCEL_",
    "RAILWAY_",
    "FLY_",
    "NETLIFY_",
    "npm_",
    "npm_config_"
  ],
  "https://kubernetes.io/docs/concepts/services-networking/service/#environment-variables",
  "2026-12-02"
);
var PROVIDED_ENV_KEYS = new Set(Object.values(PROVIDED_ENV).flatMap((list) => list.value));
function isProvidedEnvKey(key) {
  return PROVIDED_ENV_KEYS.has(key) || PROVIDED_ENV_PREFIXES.value.some((prefix) => key.startsWith(prefix));
}

// src/model/text-order.ts
function byCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// rules/env/undeclared-variable.ts
var undeclared_variable_default = defineRule({
  meta: {
    id: "env/undeclared-variable",
    title: "Environment variable read but never declared",
    category: "env",
    severity: { launch: "note", growth: "warning", scale: "warning", enterprise: "error" },
    summary: 'The code or the Prisma datasource reads a variable (`process.env.X`, `os.environ["X"]`, `env("X")`) without a fallback or a guard, and no env file, hosting config or typed env schema (t3-env, a zod object in `env.ts`, envalid, pydantic settings) declares it; one finding per service lists its variables.',
    ramification: "The next environment you create \u2014 a second region, a staging copy, a new instance type \u2014 starts without it and fails at runtime, often only on the code path that reads it. Teams scaling out discover these one outage at a time.",
    fix: "Declare every variable the code needs: a placeholder in `.env.example`, and the real value (or `sync: false`, `fromDatabase`\u2026) in the hosting config.",
    examples: {
      bad: {
        path: "src/server.js",
        text: "const url = process.env.DATABASE_URL;\nconst key = process.env.STRIPE_SECRET_KEY;\n",
        alongside: { ".env.example": "DATABASE_URL=postgresql://localhost/app\n" }
      },
      good: {
        path: "src/server.js",
        text: "const url = process.env.DATABASE_URL;\nconst key = process.env.STRIPE_SECRET_KEY;\n",
        alongside: {
          ".env.example": "DATABASE_URL=postgresql://localhost/app\nSTRIPE_SECRET_KEY=sk_test_change_me\n"
        }
      }
    }
  },
  check(model) {
    const declared = declaredEnvKeys(model);
    const byOwner = /* @__PURE__ */ new Map();
    for (const read of [...prismaReads(model), ...model.envReads]) {
      if (read.optional || declared.has(read.key) || isProvidedEnvKey(read.key)) continue;
      const owner = ownerOf(model, read.location.path);
      const group = byOwner.get(owner?.name ?? "") ?? { ...owner ? { owner } : {}, reads: /* @__PURE__ */ new Map() };
      if (!group.reads.has(read.key)) group.reads.set(read.key, read);
      byOwner.set(owner?.name ?? "", group);
    }
    const byPlace = (a, b) => byCodeUnits(a.location.path, b.location.path) || a.location.line - b.location.line;
    const groups = [...byOwner.values()].map(({ owner, reads }) => ({
      owner,
      list: [...reads.values()].sort(byPlace)
    }));
    groups.sort((a, b) => byPlace(a.list[0], b.list[0]));
    return groups.map(({ owner, list }) => {
      const first = list[0];
      const keys = list.map((read) => read.key);
      const where = list.map((read) => `${read.key} (${read.location.path}:${read.location.line})`).join(", ");
      return {
        entity: owner ? `${owner.id}:undeclared-env` : "project:undeclared-env",
        message: `${owner ? owner.name : "The code"} reads ${keys.length === 1 ? "a variable" : `${keys.length} variables`} without a fallback that no env file or hosting config declares, so a new environment starts without ${keys.length === 1 ? "it" : "them"}: ${where}.`,
        location: first.location,
        fix: {
          text: `Declare ${keys.join(", ")} in .env.example and in the hosting config.`,
          replacement: keys.map((key) => `${key}=`).join("\n")
        }
      };
    });
  }
});
function ownerOf(model, path3) {
  return model.services.filter((service) => service.rootDir === "" || path3.startsWith(`${service.rootDir}/`)).sort((a, b) => b.rootDir.length - a.rootDir.length)[0];
}
function prismaReads(model) {
  return model.schemas.flatMap((schema4) => {
    const datasource = schema4.datasource;
    if (!datasource) return [];
    return [datasource.urlEnv, datasource.directUrlEnv].filter((key) => Boolean(key)).map((key) => ({ key, location: datasource.location }));
  });
}

// src/rules/schema-names.ts
function tableLabel(table) {
  if (table.modelName) return table.modelName;
  return table.schema && table.schema !== "public" ? `${table.schema}.${table.name}` : table.name;
}
function columnLabels(table, columns) {
  return columns.map((name) => table.columns.find((column) => column.name === name)?.fieldName ?? name);
}
function columnsEntity(table, columns) {
  const labels = columnLabels(table, columns);
  return `${tableLabel(table)}.${labels.length === 1 ? labels[0] : `(${labels.join(",")})`}`;
}
function stateSchemas(schemas2) {
  return schemas2.filter((schema4) => schema4.role === "state");
}
function databaseObject(table, detail = {}) {
  return {
    table: table.name,
    ...table.schema && table.schema !== "public" ? { schema: table.schema } : {},
    ...detail.columns ? { columns: [...detail.columns] } : {},
    ...detail.index ? { index: detail.index } : {}
  };
}
function quoteIdentifier(name) {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
function qualifiedName(table) {
  return [table.schema && table.schema !== "public" ? table.schema : void 0, table.name].filter((part) => part !== void 0).map(quoteIdentifier).join(".");
}
var MAX_IDENTIFIER = 63;
function prismaIndexName(table, columns, suffix) {
  const name = [table.name, ...columns, suffix].join("_");
  return name.length <= MAX_IDENTIFIER ? name : void 0;
}

// rules/index/duplicate-index.ts
var duplicate_index_default = defineRule({
  meta: {
    id: "index/duplicate-index",
    title: "Redundant index",
    category: "index",
    severity: { launch: "note", growth: "note", scale: "warning", enterprise: "warning" },
    summary: "An index whose columns are the leading columns of another index or key on the same table, which serves every query it could.",
    ramification: "Every INSERT and UPDATE writes each index, so a redundant one slows writes, bloats memory the cache needs for the indexes that matter, and makes vacuum and backups longer \u2014 for no query that the other index does not already serve.",
    fix: "Drop the redundant index (`DROP INDEX CONCURRENTLY`), or remove the `@@index` from the Prisma model.",
    examples: {
      bad: {
        path: "prisma/schema.prisma",
        text: eventSchema("  @@index([accountId])\n  @@index([accountId, createdAt])")
      },
      good: { path: "prisma/schema.prisma", text: eventSchema("  @@index([accountId, createdAt])") }
    }
  },
  check(model) {
    return stateSchemas(model.schemas).flatMap(
      (schema4) => schema4.tables.flatMap((table) => redundantIndexes(schema4, table))
    );
  }
});
function eventSchema(indexes) {
  return `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Event {
  id        Int      @id
  accountId Int
  createdAt DateTime

${indexes}
}
`;
}
function redundantIndexes(schema4, table) {
  const keys = [table.primaryKey, ...table.uniques].filter((key) => key !== void 0).map(keyCandidate);
  const indexes = table.indexes.map(indexCandidate);
  const all = [...keys, ...indexes];
  const findings = [];
  indexes.forEach((candidate, position) => {
    const keeper = all.find(
      (other) => other !== candidate && makesRedundant(other, candidate, all.indexOf(other) < keys.length + position)
    );
    if (!keeper || !candidate.index) return;
    const columns = candidate.elements.flatMap((element) => element.column ? [element.column] : []);
    const name = candidate.index.name ?? (schema4.origin === "prisma" ? prismaIndexName(table, columns, "idx") : void 0);
    findings.push({
      entity: `${tableLabel(table)}.index:${candidate.label}`,
      message: `Index ${candidate.label} on ${tableLabel(table)} is redundant: ${keeper.label} starts with the same columns and serves every query it could, while both are written on each change.`,
      location: candidate.index.location,
      fix: schema4.origin === "sql" && name ? {
        text: `Drop ${candidate.label} in a migration of its own; ${keeper.label} already serves its queries.`,
        replacement: `DROP INDEX CONCURRENTLY ${qualifiedName({ name, schema: table.schema })};`
      } : { text: `Drop ${candidate.label}; ${keeper.label} already serves its queries.` },
      database: databaseObject(table, { columns, ...name ? { index: name } : {} })
    });
  });
  return findings;
}
function makesRedundant(keeper, candidate, keeperComesFirst) {
  if (keeper.method !== candidate.method || keeper.predicate !== candidate.predicate) return false;
  if (keeper.method !== "btree" && keeper.elements.length !== candidate.elements.length) return false;
  if (!leads(candidate.elements, keeper.elements)) return false;
  const identical = candidate.elements.length === keeper.elements.length;
  if (candidate.unique) return keeper.unique && identical && keeperComesFirst;
  return !identical || keeper.unique || keeperComesFirst;
}
function leads(prefix, elements) {
  return prefix.length <= elements.length && prefix.every((element, i) => sameElement(element, elements[i]));
}
function sameElement(a, b) {
  return b !== void 0 && a.column === b.column && a.expression === b.expression && Boolean(a.descending) === Boolean(b.descending);
}
function keyCandidate(key) {
  return {
    label: key.name ?? `key (${key.columns.join(", ")})`,
    elements: key.columns.map((column) => ({ column })),
    unique: true,
    method: "btree"
  };
}
function indexCandidate(index) {
  return {
    label: index.name ?? `index (${index.elements.map((e) => e.column ?? e.expression).join(", ")})`,
    elements: index.elements,
    unique: index.unique,
    method: index.method?.toLowerCase() ?? "btree",
    predicate: index.predicate?.text,
    index
  };
}

// src/rules/migration-names.ts
function migrationEntity(file, what) {
  return `migration:${file.path}:${what}`;
}
var PRISMA_CONCURRENTLY_ADVICE = "Prisma sends a migration.sql with several statements as one transaction, where CONCURRENTLY is refused (error 25001): create an empty migration with `prisma migrate dev --create-only`, put the CONCURRENTLY statement alone in it, and apply it with `prisma migrate deploy` (Prisma 7.4+ also splits such files itself).";

// rules/index/foreign-key-without-not-valid.ts
var foreign_key_without_not_valid_default = defineRule({
  meta: {
    id: "index/foreign-key-without-not-valid",
    title: "Foreign key added to an existing table in one step",
    category: "index",
    scope: "written-migrations",
    severity: { launch: "note", growth: "warning", scale: "error", enterprise: "error" },
    summary: "A migration adds a foreign key to a table that already existed without `NOT VALID`, so PostgreSQL checks every row while holding locks.",
    ramification: "`ALTER TABLE \u2026 ADD FOREIGN KEY` takes a SHARE ROW EXCLUSIVE lock on both the table and the table it references, then scans the whole table to check existing rows. Writes to both tables wait for the scan: on a large table the deploy stalls the application.",
    fix: "Add the constraint with `NOT VALID` (instant: only new rows are checked), then run `ALTER TABLE \u2026 VALIDATE CONSTRAINT \u2026` in a later migration; validation takes a lock that lets writes through.",
    examples: {
      bad: {
        path: "db/migrations/000002_orders_customer_fk.up.sql",
        text: "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);\n",
        alongside: {
          "db/migrations/000001_init.up.sql": "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);\n"
        }
      },
      good: {
        path: "db/migrations/000002_orders_customer_fk.up.sql",
        text: "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n",
        alongside: {
          "db/migrations/000001_init.up.sql": "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);\n",
          "db/migrations/000003_validate_orders_customer_fk.up.sql": "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;\n"
        }
      }
    }
  },
  check(model) {
    const findings = [];
    for (const file of model.migrations) {
      for (const operation of file.operations) {
        if (operation.kind !== "add-foreign-key" || operation.notValid || !operation.tableExistedBefore)
          continue;
        const { foreignKey: foreignKey2, table } = operation;
        const name = foreignKey2.name ?? `${table}(${foreignKey2.columns.join(",")})`;
        findings.push({
          entity: migrationEntity(file, `add-foreign-key:${name}`),
          message: `This migration adds foreign key ${name} from the existing table ${table} to ${foreignKey2.referencedTable} in one step, locking writes on both tables while every row of ${table} is checked.`,
          location: operation.location,
          database: {
            table,
            columns: [...foreignKey2.columns],
            ...foreignKey2.name ? { index: foreignKey2.name } : {}
          },
          fix: {
            text: "Add it with NOT VALID, then validate it in a later migration: in the same transaction the first lock is still held while it validates.",
            replacement: notValidSql(table, foreignKey2)
          }
        });
      }
    }
    return findings;
  }
});
function notValidSql(table, foreignKey2) {
  const list = (columns) => columns.map(quoteIdentifier).join(", ");
  const name = quoteIdentifier(foreignKey2.name ?? `${table}_${foreignKey2.columns.join("_")}_fkey`);
  return [
    `ALTER TABLE ${quoteIdentifier(table)} ADD CONSTRAINT ${name} FOREIGN KEY (${list(foreignKey2.columns)}) REFERENCES ${quoteIdentifier(foreignKey2.referencedTable)} (${list(foreignKey2.referencedColumns)}) NOT VALID;`,
    `ALTER TABLE ${quoteIdentifier(table)} VALIDATE CONSTRAINT ${name};`
  ].join("\n");
}

// rules/index/missing-primary-key.ts
var missing_primary_key_default = defineRule({
  meta: {
    id: "index/missing-primary-key",
    title: "Table without a primary key",
    category: "index",
    severity: { launch: "note", growth: "warning", scale: "error", enterprise: "error" },
    summary: "A table (or Prisma model) that has no primary key.",
    ramification: "Without a primary key, duplicate rows cannot be prevented and rows cannot be addressed one by one. PostgreSQL refuses UPDATE and DELETE on such a table once it is published for logical replication \u2014 the mechanism behind read replicas, zero-downtime major upgrades and most migration tools \u2014 so the day you need to scale the database, this table blocks it.",
    fix: "Add a primary key: `@id` or `@@id([...])` in Prisma, or `ALTER TABLE \u2026 ADD PRIMARY KEY (\u2026)` (on a large table, build a unique index concurrently first and add the key `USING INDEX`).",
    examples: {
      bad: {
        path: "supabase/migrations/20240101000000_events.sql",
        text: "CREATE TABLE events (\n  user_id bigint NOT NULL,\n  kind text NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n"
      },
      good: {
        path: "supabase/migrations/20240101000000_events.sql",
        text: "CREATE TABLE events (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  user_id bigint NOT NULL,\n  kind text NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\n"
      }
    }
  },
  check(model) {
    return stateSchemas(model.schemas).filter((schema4) => schema4.provider !== "mongodb").flatMap(
      (schema4) => schema4.tables.filter((table) => table.primaryKey === void 0).filter((table) => !(schema4.provider === "mysql" && innoDbClusterKey(table))).map((table) => ({
        entity: tableLabel(table),
        message: schema4.provider === "mysql" ? `${tableLabel(table)} has no primary key and no unique key on required columns, so InnoDB clusters it on a hidden row id: duplicate rows are possible, and row-based replication makes each replica scan the whole table for every row changed.` : `${tableLabel(table)} has no primary key, so duplicate rows are possible and logical replication (read replicas, online upgrades) cannot update or delete its rows.`,
        location: table.location,
        database: databaseObject(table),
        fix: schema4.origin === "prisma" ? {
          text: `Give model ${tableLabel(table)} an \`@id\` field or an \`@@id([...])\` over the columns that identify a row.`
        } : {
          text: "Add a primary key in a new migration; for a large table, create a unique index concurrently first, then `ADD CONSTRAINT \u2026 PRIMARY KEY USING INDEX \u2026`."
        }
      }))
    );
  }
});
function innoDbClusterKey(table) {
  const required2 = (column) => table.columns.find((c) => c.name === column)?.nullable === false;
  const uniqueKeys = [
    ...table.uniques.map((key) => key.columns),
    ...table.indexes.filter((index) => index.unique && !index.predicate && index.elements.every((e) => e.column)).map((index) => index.elements.map((e) => e.column))
  ];
  return uniqueKeys.some((columns) => columns.length > 0 && columns.every(required2));
}

// rules/index/non-concurrent-index.ts
var non_concurrent_index_default = defineRule({
  meta: {
    id: "index/non-concurrent-index",
    title: "Index built or dropped without CONCURRENTLY",
    category: "index",
    scope: "written-migrations",
    severity: { launch: "note", growth: "warning", scale: "error", enterprise: "error" },
    summary: "A migration creates or drops an index on a table that already existed, without `CONCURRENTLY`.",
    ramification: "`CREATE INDEX` holds a SHARE lock for the whole build and `DROP INDEX` an ACCESS EXCLUSIVE lock: every INSERT, UPDATE and DELETE on the table waits until it finishes. On a table with millions of rows that is minutes of failed or queued writes during the deploy.",
    fix: "Use `CREATE INDEX CONCURRENTLY` / `DROP INDEX CONCURRENTLY`, alone in a migration that does not run inside a transaction. A table created in the same migration needs nothing: it is empty.",
    examples: {
      bad: {
        path: "supabase/migrations/20240502000000_orders_customer_idx.sql",
        text: "CREATE INDEX orders_customer_id_idx ON orders (customer_id);\n",
        alongside: {
          "supabase/migrations/20240101000000_orders.sql": "CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  customer_id bigint NOT NULL\n);\n"
        }
      },
      good: {
        path: "supabase/migrations/20240502000000_orders_customer_idx.sql",
        text: "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);\n",
        alongside: {
          "supabase/migrations/20240101000000_orders.sql": "CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  customer_id bigint NOT NULL\n);\n"
        }
      }
    }
  },
  check(model) {
    const findings = [];
    for (const file of model.migrations) {
      for (const operation of file.operations) {
        if (operation.kind !== "create-index" && operation.kind !== "drop-index") continue;
        if (operation.concurrently || !operation.tableExistedBefore) continue;
        findings.push(finding(file, operation));
      }
    }
    return findings;
  }
});
function finding(file, operation) {
  const creating = operation.kind === "create-index";
  const name = creating ? operation.index.name ?? operation.index.elements.map((e) => e.column ?? e.expression).join("_") : operation.name;
  const table = creating ? operation.table : operation.table ?? "its table";
  const verb = creating ? "builds" : "drops";
  const lock = creating ? "blocks writes" : "blocks reads and writes";
  const advice = file.transactional && file.tool === "prisma" ? ` ${PRISMA_CONCURRENTLY_ADVICE}` : "";
  return {
    entity: migrationEntity(file, `${creating ? "create" : "drop"}-index:${name}`),
    message: `This migration ${verb} index ${name} on the existing table ${table} without CONCURRENTLY, which ${lock} on ${table} until it finishes.`,
    location: operation.location,
    ...creating || operation.table ? { database: { table, index: name } } : {},
    fix: {
      text: `Write it as \`${creating ? "CREATE INDEX CONCURRENTLY" : "DROP INDEX CONCURRENTLY"}\`, outside a transaction.${advice}`
    }
  };
}

// rules/index/unindexed-foreign-key.ts
var unindexed_foreign_key_default = defineRule({
  meta: {
    id: "index/unindexed-foreign-key",
    title: "Foreign key without an index",
    category: "index",
    severity: { launch: "warning", growth: "error", scale: "error", enterprise: "error" },
    summary: "A foreign key whose columns are not the leading columns of any index, unique constraint or primary key.",
    ramification: "PostgreSQL never indexes referencing columns. Every join or filter on the relation (`where: { authorId }`, `include`) scans the whole table, and every delete or key update on the parent table scans the child table while holding locks. It is invisible with a thousand rows and becomes the slowest query once the table grows.",
    fix: "Add an index whose leading columns are the foreign key columns: `@@index([authorId])` in the Prisma model, or `CREATE INDEX CONCURRENTLY` in a migration of its own.",
    examples: {
      bad: { path: "prisma/schema.prisma", text: postSchema("") },
      good: { path: "prisma/schema.prisma", text: postSchema("\n  @@index([authorId])\n") }
    }
  },
  check(model) {
    return stateSchemas(model.schemas).filter(referencingColumnsNeedIndex).flatMap((schema4) => {
      const replayed = replayedTables(model, schema4);
      const byName = /* @__PURE__ */ new Map();
      for (const table of schema4.tables) if (!byName.has(table.name)) byName.set(table.name, table);
      return schema4.tables.flatMap(
        (table) => table.foreignKeys.filter((foreignKey2) => !isCovered(table, foreignKey2)).filter((foreignKey2) => !handledByMigrations(schema4, replayed.get(tableKey(table)), foreignKey2)).map((foreignKey2) => ({
          entity: columnsEntity(table, foreignKey2.columns),
          message: `${columnsEntity(table, foreignKey2.columns)} references ${referencedLabel(byName, foreignKey2)} but no index starts with ${plural(columnLabels(table, foreignKey2.columns))}, so lookups and cascades through it scan ${tableLabel(table)}.`,
          location: foreignKey2.location,
          fix: fixFor(schema4, table, foreignKey2),
          database: databaseObject(table, { columns: foreignKey2.columns })
        }))
      );
    });
  }
});
function postSchema(postExtra) {
  return `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    Int    @id @default(autoincrement())
  posts Post[]
}

model Post {
  id       Int  @id @default(autoincrement())
  author   User @relation(fields: [authorId], references: [id])
  authorId Int
${postExtra}}
`;
}
function referencingColumnsNeedIndex(schema4) {
  if (schema4.provider === "mongodb" || schema4.provider === "cockroachdb") return false;
  if (schema4.relationMode === "prisma") return true;
  return schema4.provider === "postgresql" || schema4.provider === "sqlserver" || schema4.provider === "sqlite";
}
function replayedTables(model, schema4) {
  const tables = /* @__PURE__ */ new Map();
  for (const path3 of schema4.replayedBy ?? []) {
    const replay = model.schemas.find((s) => s.origin === "sql" && s.path === path3);
    for (const table of replay?.tables ?? []) tables.set(tableKey(table), table);
  }
  return tables;
}
function handledByMigrations(schema4, replayed, foreignKey2) {
  if (!replayed) return false;
  if (isCovered(replayed, foreignKey2)) return true;
  if (schema4.relationMode === "prisma") return false;
  return !replayed.foreignKeys.some((key) => sameColumns(key.columns, foreignKey2.columns));
}
function sameColumns(a, b) {
  return a.length === b.length && a.every((column, i) => column === b[i]);
}
function tableKey(table) {
  return `${table.schema ?? "public"}.${table.name}`;
}
function isCovered(table, foreignKey2) {
  const keys = [table.primaryKey, ...table.uniques].filter((key) => key !== void 0);
  if (keys.some((key) => startsWith(key.columns, foreignKey2.columns))) return true;
  return table.indexes.some((index) => indexCovers(index, foreignKey2.columns));
}
function indexCovers(index, columns) {
  if (!predicateKeepsReferencingRows(index, columns)) return false;
  const leading = [];
  for (const element of index.elements) {
    if (element.column === void 0) break;
    leading.push(element.column);
  }
  const method = index.method?.toLowerCase() ?? "btree";
  if (method === "btree") return startsWith(leading, columns);
  if (method === "hash") return columns.length === 1 && leading.length === 1 && leading[0] === columns[0];
  return false;
}
function predicateKeepsReferencingRows(index, columns) {
  if (!index.predicate) return true;
  const notNull = index.predicate.notNullColumns;
  return notNull?.every((column) => columns.includes(column)) ?? false;
}
function startsWith(candidate, columns) {
  if (columns.length === 0 || columns.length > candidate.length) return false;
  const leading = new Set(candidate.slice(0, columns.length));
  return columns.every((column) => leading.has(column));
}
function referencedLabel(tables, foreignKey2) {
  const referenced = tables.get(foreignKey2.referencedTable);
  return referenced ? tableLabel(referenced) : foreignKey2.referencedTable;
}
function plural(columns) {
  return columns.length === 1 ? `\`${columns[0]}\`` : `(${columns.map((c) => `\`${c}\``).join(", ")})`;
}
function fixFor(schema4, table, foreignKey2) {
  const columns = foreignKey2.columns.map(quoteIdentifier).join(", ");
  if (schema4.origin === "prisma") {
    const fields = columnLabels(table, foreignKey2.columns).join(", ");
    const name2 = prismaIndexName(table, foreignKey2.columns, "idx");
    const sql = name2 ? ` On a large table, build it first without blocking writes: \`CREATE INDEX CONCURRENTLY ${quoteIdentifier(name2)} ON ${qualifiedName(table)} (${columns});\`` : "";
    return {
      text: `Add \`@@index([${fields}])\` to model ${tableLabel(table)}.${sql}`,
      replacement: `@@index([${fields}])`
    };
  }
  const name = quoteIdentifier(`idx_${table.name}_${foreignKey2.columns.join("_")}`.slice(0, MAX_IDENTIFIER));
  return {
    text: "Create the index in a migration of its own, concurrently so writes are not blocked while it builds.",
    replacement: `CREATE INDEX CONCURRENTLY ${name} ON ${qualifiedName(table)} (${columns});`
  };
}

// rules/ops/no-error-tracking.ts
var DSN_KEYS = /(^|_)SENTRY_DSN$|^(BUGSNAG_API_KEY|ROLLBAR_ACCESS_TOKEN|HONEYBADGER_API_KEY|DD_API_KEY|NEW_RELIC_LICENSE_KEY)$/;
var no_error_tracking_default = defineRule({
  meta: {
    id: "ops/no-error-tracking",
    title: "No error tracking",
    category: "ops",
    severity: { launch: "note", growth: "warning", scale: "error", enterprise: "error" },
    summary: "The project deploys services but has no error tracker (Sentry, Bugsnag, Rollbar, Honeybadger, Datadog, New Relic\u2026).",
    ramification: "Under load the first failures are timeouts, pool exhaustion and out-of-memory restarts. Without error tracking you learn about them from users, without a stack trace or a count, and cannot tell whether a fix worked.",
    fix: "Add an error tracker\u2019s SDK (e.g. `@sentry/node`, `sentry-sdk`) and its DSN to the services\u2019 environment.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node server.js\n",
        alongside: { "package.json": '{ "dependencies": { "express": "4.21.2" } }' }
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: node\n    startCommand: node server.js\n",
        alongside: {
          "package.json": '{ "dependencies": { "express": "4.21.2", "@sentry/node": "8.47.0" } }'
        }
      }
    }
  },
  check(model) {
    const deployed2 = model.services.filter((s) => s.kind !== "static");
    if (deployed2.length === 0) return [];
    if (firstOf(projectPackages(model), ERROR_TRACKING_PACKAGES)) return [];
    if ([...declaredEnvKeys(model)].some((key) => DSN_KEYS.test(key))) return [];
    const first = deployed2[0];
    if (!first) return [];
    return [
      {
        entity: "project:error-tracking",
        message: `${deployed2.map((s) => s.name).join(", ")} ${deployed2.length === 1 ? "is" : "are"} deployed with no error tracker in the dependencies and no DSN in the environment: failures under load will go unseen.`,
        location: first.location,
        fix: { text: "Add an error tracker SDK and its DSN." }
      }
    ];
  }
});

// rules/ops/no-rate-limiting.ts
var no_rate_limiting_default = defineRule({
  meta: {
    id: "ops/no-rate-limiting",
    title: "Public API without rate limiting",
    category: "ops",
    severity: { launch: "note", growth: "warning", scale: "warning", enterprise: "error" },
    summary: "A web service built on an HTTP framework (a Next.js app only when it has route handlers, API routes or server actions) has no rate-limiting library in its dependencies.",
    ramification: "One script, crawler or abusive client can use every worker and database connection you have; paid APIs behind your endpoints (AI, email, SMS) bill you for it. Limits set at a CDN or gateway are invisible here \u2014 acknowledge the finding if you have one.",
    fix: "Add a limiter keyed by user or IP (express-rate-limit, @upstash/ratelimit, slowapi, django-ratelimit\u2026), backed by the shared cache when there are several processes.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    startCommand: uvicorn main:app\n",
        alongside: { "requirements.txt": "fastapi==0.115.6\n" }
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    startCommand: uvicorn main:app\n",
        alongside: { "requirements.txt": "fastapi==0.115.6\nslowapi==0.1.9\n" }
      }
    }
  },
  check(model) {
    const unlimited = /* @__PURE__ */ new Map();
    for (const service of model.services) {
      if (service.kind !== "web" && service.kind !== "serverless") continue;
      const packages = packagesOf(model, service);
      if (firstOf(packages, RATE_LIMIT_PACKAGES)) continue;
      const framework = [...packages].find(
        (name) => HTTP_FRAMEWORK_PACKAGES.has(name) && (name !== "next" || servesNextApi(model, service))
      );
      if (!framework) continue;
      const key = `${service.rootDir}\0${framework}`;
      const group = unlimited.get(key) ?? { framework, services: [] };
      group.services.push(service);
      unlimited.set(key, group);
    }
    return [...unlimited.values()].flatMap(({ framework, services: [first, ...others] }) => {
      if (!first) return [];
      const names2 = [first, ...others].map(
        (s) => others.length ? `${s.name} (${s.location.path})` : s.name
      );
      return [
        {
          entity: first.id,
          message: `${names2.join(" and ")} ${others.length ? "serve" : "serves"} HTTP with ${framework} and ${others.length ? "have" : "has"} no rate limiter: one client can take every worker and database connection.`,
          location: first.location,
          fix: {
            text: "Add a rate-limiting middleware, or acknowledge this if a gateway or CDN limits requests."
          }
        }
      ];
    });
  }
});
function servesNextApi(model, service) {
  return model.requestHandlers.some(
    (handler) => handler.framework.startsWith("next-") && serviceOwning(model, handler.location.path) === service
  );
}

// src/catalog/tiers.ts
var TIER_DATABASE_NEEDS = fact(
  {
    launch: { memoryMb: 256, connections: 50 },
    growth: { memoryMb: 1024, connections: 100 },
    scale: { memoryMb: 4096, connections: 200 },
    enterprise: { memoryMb: 16384, connections: 400 }
  },
  "https://render.com/docs/postgresql-creating-connecting",
  "2026-11-24",
  "Headroom's assumption from the seeds' scaling plans; the source gives the connection limits by RAM."
);

// rules/plan/database-plan-vs-tier.ts
var sizing = TIERS.map(
  (tier) => `${tier} ${TIER_DATABASE_NEEDS.value[tier].memoryMb} MB / ${TIER_DATABASE_NEEDS.value[tier].connections} connections`
).join(", ");
var database_plan_vs_tier_default = defineRule({
  meta: {
    id: "plan/database-plan-vs-tier",
    title: "Database plan too small for the target tier",
    category: "plan",
    severity: { launch: "off", growth: "warning", scale: "error", enterprise: "error" },
    summary: "The Render Postgres plan\u2019s RAM, or its connection limit when no pooler is in front, is below what the target tier needs by Headroom\u2019s sizing.",
    ramification: "With too little RAM the working set no longer fits in memory: every query reads from disk and latency climbs with traffic. With too few connections, peaks queue or fail. Upgrading a database under load means downtime at the worst moment.",
    fix: `Move to a plan that fits the tier before you reach it (Render \`basic-1gb\` \u2192 \`pro-4gb\` \u2192 \`pro-8gb\`\u2026), put a pooler in front when connections are short (\`connectionPool: pgbouncer\`), or set a lower \`tier\` if the audience is smaller. Headroom's sizing, its own assumption from the seeds' roadmaps: ${sizing}.`,
    examples: {
      bad: { path: "render.yaml", text: "databases:\n  - name: db\n    plan: basic-256mb\n" },
      good: { path: "render.yaml", text: "databases:\n  - name: db\n    plan: pro-16gb\n" }
    }
  },
  check(model, { tier }) {
    const need = TIER_DATABASE_NEEDS.value[tier];
    return model.datastores.flatMap((database) => {
      if (database.platform !== "render" || database.kind !== "postgres" || !database.plan) return [];
      if (database.plan.name === "free") return [];
      const plan = renderPostgresPlan(database.plan.name);
      if (!plan) return [];
      const { memoryMb, maxConnections } = plan.value;
      const pooled = Boolean(database.managedPooler);
      const shortfalls = [
        ...memoryMb < need.memoryMb ? [`RAM ${memoryMb} MB < ${need.memoryMb} MB`] : [],
        ...!pooled && maxConnections < need.connections ? [`connections ${maxConnections} < ${need.connections} with no pooler in front`] : []
      ];
      if (shortfalls.length === 0) return [];
      const planName = `${database.plan.name}${database.plan.explicit ? "" : ", the default plan"}`;
      return [
        {
          entity: database.id,
          message: `${database.name} (${planName}) is below what the ${tier} tier needs by Headroom's sizing: ${shortfalls.join("; ")}.`,
          location: database.plan.location,
          fix: {
            text: `Choose a plan with at least ${need.memoryMb} MB of RAM${pooled ? "" : ` and ${need.connections} connections (or add a pooler)`}.`
          }
        }
      ];
    });
  }
});

// rules/plan/dev-server-in-production.ts
var dev_server_in_production_default = defineRule({
  meta: {
    id: "plan/dev-server-in-production",
    title: "Development server as the start command",
    category: "plan",
    severity: { launch: "error", growth: "error", scale: "error", enterprise: "error" },
    summary: "A deployed service starts a development server or file watcher (`next dev`, `flask run`, `manage.py runserver`, `uvicorn --reload`, nodemon).",
    ramification: "Development servers are single-process, unoptimised and often recompile on request; watchers restart the process on file changes and hold memory for it. Under load they fall over long before the plan does, and some print stack traces to visitors.",
    fix: "Build at deploy time and start the production server: `next start`, `gunicorn`, `uvicorn` without `--reload`, `node dist/server.js`.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: web\n    runtime: node\n    plan: starter\n    buildCommand: npm ci\n    startCommand: npm run dev\n",
        alongside: { "package.json": '{ "scripts": { "dev": "next dev", "start": "next start" } }' }
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: web\n    runtime: node\n    plan: starter\n    buildCommand: npm ci && npm run build\n    startCommand: npm start\n",
        alongside: { "package.json": '{ "scripts": { "dev": "next dev", "start": "next start" } }' }
      }
    }
  },
  check(model) {
    return model.services.flatMap((service) => {
      if (!deployed(service)) return [];
      const serviceEnv = literalEnv(service);
      const invocations = startInvocations(model, service).map((invocation) => ({
        ...invocation,
        env: invocationEnv(serviceEnv, invocation)
      }));
      const dev = invocations.map((invocation) => developmentServer(invocation, service)).find(Boolean);
      const production = invocations.some(
        (invocation) => PRODUCTION_SERVERS.has(invocation.program) && !developmentServer(invocation, service)
      );
      if (!dev || production || !service.startCommand) return [];
      return [
        {
          entity: service.id,
          message: `${service.name} starts with ${dev}, a development server: single-process, unoptimised, and not meant for real traffic.`,
          location: service.startCommand.location,
          fix: { text: "Start the production server instead (build during the build step)." }
        }
      ];
    });
  }
});
var PRODUCTION_SERVERS = /* @__PURE__ */ new Set([
  "gunicorn",
  "uwsgi",
  "uvicorn",
  "hypercorn",
  "daphne",
  "granian",
  "puma"
]);
function developmentServer({ program, args, env }, service) {
  if (DEV_SERVER_PROGRAMS.has(program)) return program;
  if (program === "next" && args[0] === "dev") return "`next dev`";
  if (program === "vite" && (args.length === 0 || args[0] === "dev" || args[0] === "serve") || program === "nuxt" && args[0] === "dev")
    return `\`${program} dev\``;
  if ((program === "python" || program === "python3") && args[0] === "-m" && args[1])
    return developmentServer({ program: args[1], args: args.slice(2), env }, service);
  if (program === "flask" && args[0] === "run") return "`flask run`";
  if (program === "fastapi" && args[0] === "dev") return "`fastapi dev`";
  if ((program === "gunicorn" || program === "hypercorn") && args.includes("--reload"))
    return `\`${program} --reload\``;
  if (program === "react-scripts" && args[0] === "start") return "`react-scripts start`";
  if ((program === "tsx" || program === "node" || program === "bun") && args.some((a) => a === "watch" || a === "--watch" || a === "--hot"))
    return `\`${program} watch\``;
  if (program === "rails" && (args[0] === "server" || args[0] === "s") && railsEnv(args, env, service) === "development")
    return "`rails server` in development";
  if ((program === "python" || program === "python3") && args.includes("runserver"))
    return "`manage.py runserver`";
  if (program === "uvicorn" && args.includes("--reload")) return "`uvicorn --reload`";
  if (program === "ng" && args[0] === "serve") return "`ng serve`";
  return void 0;
}
function railsEnv(args, env, service) {
  const flag = args.findIndex((a) => a === "-e" || a === "--environment");
  const inline = args.find((a) => a.startsWith("--environment="))?.split("=")[1];
  return (flag >= 0 ? args[flag + 1] : inline) ?? env.RAILS_ENV ?? env.RACK_ENV ?? (service.image ? void 0 : "development");
}
function deployed(service) {
  return !service.assumedDeployment;
}

// rules/plan/free-database-expires.ts
var days = RENDER_FREE_POSTGRES_EXPIRY_DAYS.value;
var free_database_expires_default = defineRule({
  meta: {
    id: "plan/free-database-expires",
    title: "Free Postgres that expires",
    category: "plan",
    severity: { launch: "warning", growth: "error", scale: "error", enterprise: "error" },
    summary: `A Render Postgres on the free plan, which expires ${days} days after it is created and has no backups.`,
    ramification: `${days} days after creation the database stops; ${RENDER_FREE_POSTGRES_GRACE_DAYS.value} days later it is deleted with its data unless upgraded. Until then it has ${RENDER_FREE_POSTGRES_STORAGE_GB.value} GB of storage and no backups: one bad migration or a full disk loses everything.`,
    fix: "Use a paid plan (`plan: basic-256mb` or larger) before real users write data to it.",
    examples: {
      bad: { path: "render.yaml", text: "databases:\n  - name: app-db\n    plan: free\n" },
      good: { path: "render.yaml", text: "databases:\n  - name: app-db\n    plan: basic-256mb\n" }
    }
  },
  check(model) {
    return model.datastores.filter((d) => d.platform === "render" && d.kind === "postgres" && d.plan?.name === "free").map((database) => ({
      entity: database.id,
      message: `${database.name} is a free Render Postgres: it expires ${days} days after creation, is deleted ${RENDER_FREE_POSTGRES_GRACE_DAYS.value} days later, holds ${RENDER_FREE_POSTGRES_STORAGE_GB.value} GB and has no backups.`,
      location: database.plan?.location ?? database.location,
      fix: { text: "Move it to a paid plan.", replacement: "plan: basic-256mb" }
    }));
  }
});

// src/catalog/fly.ts
var CHECKED9 = "2026-11-24";
var CONFIGURATION = "https://fly.io/docs/reference/configuration/";
var FLY_AUTOSTOP_DELAY = fact(
  "a few minutes",
  "https://fly.io/docs/reference/fly-proxy-autostop-autostart/",
  CHECKED9,
  "Fly publishes no exact idle delay; the proxy re-evaluates every few minutes."
);
var FLY_AUTO_STOP_DEFAULT = fact(
  "stop",
  CONFIGURATION,
  CHECKED9,
  '`fly launch` writes `auto_stop_machines = "stop"`; the stored reference page gives `true` (\u2259 stop).'
);
var FLY_MIN_MACHINES_DEFAULT = fact(0, CONFIGURATION, CHECKED9);
var FLY_VM_SIZES = fact(
  {
    "shared-cpu-1x": { memoryMb: 256, cpus: 1 },
    "shared-cpu-2x": { memoryMb: 512, cpus: 2 },
    "shared-cpu-4x": { memoryMb: 1024, cpus: 4 },
    "shared-cpu-8x": { memoryMb: 2048, cpus: 8 },
    "performance-1x": { memoryMb: 2048, cpus: 1 },
    "performance-2x": { memoryMb: 4096, cpus: 2 },
    "performance-4x": { memoryMb: 8192, cpus: 4 },
    "performance-8x": { memoryMb: 16384, cpus: 8 },
    "performance-16x": { memoryMb: 32768, cpus: 16 }
  },
  "https://fly.io/docs/machines/guides-examples/machine-sizing/",
  CHECKED9,
  "Default memory of each preset; `memory` in the same [[vm]] overrides it."
);

// src/catalog/heroku.ts
var CHECKED10 = "2026-11-24";
var DYNO_TYPES = "https://devcenter.heroku.com/articles/dyno-types";
var HEROKU_DYNO_SIZES = {
  eco: fact({ memoryMb: 512, maxQuantity: 1, sleeps: true }, DYNO_TYPES, CHECKED10),
  basic: fact({ memoryMb: 512, maxQuantity: 1, sleeps: false }, DYNO_TYPES, CHECKED10),
  "standard-1x": fact({ memoryMb: 512, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED10),
  "standard-2x": fact({ memoryMb: 1024, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED10),
  "performance-m": fact({ memoryMb: 2560, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED10),
  "performance-l": fact({ memoryMb: 14336, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED10),
  "performance-l-ram": fact({ memoryMb: 30720, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED10),
  "performance-xl": fact({ memoryMb: 63488, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED10),
  "performance-2xl": fact({ memoryMb: 129024, maxQuantity: 100, sleeps: false }, DYNO_TYPES, CHECKED10)
};
var HEROKU_ECO_SLEEP_MINUTES = fact(
  30,
  "https://devcenter.heroku.com/articles/eco-dyno-hours",
  CHECKED10
);
var HEROKU_ADDON_CONFIG_VARS = fact(
  { "heroku-postgresql": ["DATABASE_URL"], "heroku-redis": ["REDIS_URL"] },
  "https://devcenter.heroku.com/articles/heroku-postgresql#provisioning-heroku-postgres",
  "2026-12-03"
);

// src/catalog/railway.ts
var CHECKED11 = "2026-11-24";
var RAILWAY_SLEEP_AFTER_MINUTES = fact(
  10,
  "https://docs.railway.com/reference/app-sleeping",
  CHECKED11,
  "Counted on outbound packets: an open database pool keeps the service awake; the first request after sleep may fail with a 502."
);

// rules/plan/free-web-sleeps.ts
var minutes = RENDER_FREE_SPIN_DOWN_MINUTES.value;
var free_web_sleeps_default = defineRule({
  meta: {
    id: "plan/free-web-sleeps",
    title: "Free web service that sleeps",
    category: "plan",
    severity: { launch: "warning", growth: "error", scale: "error", enterprise: "error" },
    summary: `A web service that sleeps when idle: Render's free plan (spins down after ${minutes} minutes), Fly machines with \`min_machines_running = 0\`, Railway's app sleeping (${RAILWAY_SLEEP_AFTER_MINUTES.value} minutes), Heroku Eco dynos (${HEROKU_ECO_SLEEP_MINUTES.value} minutes).`,
    ramification: `After ${minutes} idle minutes the instance stops; the next visitor waits up to a minute while it starts again. A bot loses its gateway connection and stops answering, websockets drop, in-process schedulers never fire. Free instance hours are also capped per workspace.`,
    fix: "Move the service to a paid plan (`plan: starter` or larger). A bot that serves no HTTP belongs in a background worker (`type: worker`), which has no free plan and never sleeps.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: bot\n    runtime: node\n    plan: free\n    startCommand: node bot.js\n",
        alongside: { "package.json": '{ "dependencies": { "discord.js": "14.16.3" } }' }
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: worker\n    name: bot\n    runtime: node\n    plan: starter\n    startCommand: node bot.js\n",
        alongside: { "package.json": '{ "dependencies": { "discord.js": "14.16.3" } }' }
      }
    }
  },
  check(model, { tier }) {
    const findings = [...sleepingMachines(model, tier)];
    for (const service of model.services) {
      if (service.platform !== "render" || service.kind !== "web" || service.plan?.name !== "free") continue;
      const packages = packagesOf(model, service);
      const bot = firstOf(packages, BOT_PACKAGES);
      const longLived = longLivedWork(model, service, packages);
      const location = service.plan.location;
      if (bot) {
        findings.push({
          entity: service.id,
          message: `${service.name} runs a ${bot} bot as a free web service: it sleeps after ${minutes} idle minutes and the bot goes offline until an HTTP request wakes it.`,
          location,
          severity: "error",
          fix: {
            text: "Run the bot as a background worker on a paid plan (`type: worker`, `plan: starter`)."
          }
        });
      } else if (longLived) {
        findings.push({
          entity: service.id,
          message: `${service.name} uses ${longLived} on a free web service, which sleeps after ${minutes} idle minutes: connections drop and scheduled work stops.`,
          location,
          severity: "error",
          fix: { text: "Use a paid plan (`plan: starter` or larger).", replacement: "plan: starter" }
        });
      } else if (tier !== "launch") {
        findings.push({
          entity: service.id,
          message: `${service.name} is on the free plan: it sleeps after ${minutes} idle minutes and the next visitor waits up to a minute, which a ${tier}-tier audience will notice.`,
          location,
          fix: { text: "Use a paid plan (`plan: starter` or larger).", replacement: "plan: starter" }
        });
      }
    }
    return findings;
  }
});
function sleepOf(service) {
  const {
    auto_stop_machines: autoStop,
    min_machines_running: minRunning,
    sleepApplication
  } = service.settings;
  if (service.platform === "fly" && service.kind === "web" && autoStop && autoStop.value !== "off" && minRunning?.value === 0)
    return {
      how: `every Fly machine stops when idle (\`min_machines_running = 0\` with \`auto_stop_machines = "${autoStop.value}"\`; the proxy stops idle machines within ${FLY_AUTOSTOP_DELAY.value})`,
      location: minRunning.location,
      fix: { text: "Keep one machine running.", replacement: "min_machines_running = 1" }
    };
  if (service.platform === "railway" && sleepApplication?.value === true)
    return {
      how: `Railway puts it to sleep after ${RAILWAY_SLEEP_AFTER_MINUTES.value} minutes without outbound traffic (\`sleepApplication: true\`)`,
      location: sleepApplication.location,
      fix: { text: "Turn off app sleeping.", replacement: '"sleepApplication": false' }
    };
  const dyno = service.plan ? HEROKU_DYNO_SIZES[service.plan.name] : void 0;
  if (service.platform === "heroku" && service.kind === "web" && service.plan && dyno?.value.sleeps)
    return {
      how: `its \`${service.plan.name}\` dyno sleeps after ${HEROKU_ECO_SLEEP_MINUTES.value} minutes without web traffic`,
      location: service.plan.location,
      fix: { text: "Use a Basic dyno or larger, which never sleeps.", replacement: '"size": "basic"' }
    };
  return void 0;
}
function sleepingMachines(model, tier) {
  return model.services.flatMap((service) => {
    const sleep = sleepOf(service);
    if (!sleep) return [];
    const packages = packagesOf(model, service);
    const needsToStayUp = firstOf(packages, BOT_PACKAGES) ?? longLivedWork(model, service, packages);
    if (!needsToStayUp && tier === "launch") return [];
    if (!needsToStayUp && service.settings.auto_stop_machines?.value === "suspend") return [];
    return [
      {
        entity: service.id,
        message: needsToStayUp ? `${service.name} runs ${needsToStayUp}, which must stay connected, yet ${sleep.how}: it goes offline until an HTTP request wakes it.` : `${service.name} sleeps when idle: ${sleep.how}, so the next visitor waits for a cold start, which a ${tier}-tier audience will notice.`,
        location: sleep.location,
        ...needsToStayUp ? { severity: "error" } : {},
        fix: sleep.fix
      }
    ];
  });
}
function longLivedWork(model, service, packages) {
  return firstOf(packages, LONG_LIVED_PACKAGES) ?? (solidQueueOf(model, service)?.inPuma ? "Solid Queue inside Puma (`plugin :solid_queue`)" : void 0);
}

// rules/plan/no-health-check.ts
var HEALTH_CHECK_PLATFORMS = /* @__PURE__ */ new Set(["render", "fly", "railway"]);
var no_health_check_default = defineRule({
  meta: {
    id: "plan/no-health-check",
    title: "Web service without a health check",
    category: "plan",
    severity: { launch: "note", growth: "warning", scale: "warning", enterprise: "error" },
    summary: "A web service with no health check path.",
    ramification: "Without a health check the platform cannot tell a started process from a working one: a deploy that boots but cannot reach its database receives traffic anyway, and an instance that hangs keeps receiving requests. Zero-downtime deploys depend on it.",
    fix: "Add an endpoint that checks what the service needs (database, cache) and answers 200, and point `healthCheckPath` at it.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: node\n    plan: starter\n    startCommand: node server.js\n"
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: node\n    plan: starter\n    startCommand: node server.js\n    healthCheckPath: /healthz\n"
      }
    }
  },
  check(model) {
    return model.services.filter((s) => s.kind === "web" && HEALTH_CHECK_PLATFORMS.has(s.platform) && !s.healthCheckPath).filter((s) => !isInternalDashboard(model, s)).map((service) => ({
      entity: service.id,
      message: service.settings.tcp_check ? `${service.name} has only a TCP check, which passes as soon as the port is open: a deploy that cannot reach its database still receives traffic.` : `${service.name} has no health check, so a deploy that starts but cannot serve still receives traffic and hung instances are never replaced.`,
      location: service.location,
      fix: healthCheckFix(service, servedHealthRoute(model, service))
    }));
  }
});
function servedHealthRoute(model, service) {
  const under = (s, path3) => s.rootDir === "" || path3.startsWith(`${s.rootDir}/`);
  return model.healthEndpoints.find(
    ({ location: { path: path3 } }) => under(service, path3) && !model.services.some((other) => other.rootDir.length > service.rootDir.length && under(other, path3))
  );
}
function healthCheckFix(service, served) {
  const path3 = served?.path ?? "/healthz";
  const text2 = served ? `The app already answers ${path3} (${served.location.path}:${served.location.line}): declare it.` : "Serve a health endpoint and declare it.";
  if (service.platform === "fly")
    return {
      text: `${text2} Set \`interval\`, \`timeout\` and \`grace_period\` to suit how fast the app starts; under a \`[[services]]\` section the table is \`[[services.http_checks]]\`.`,
      replacement: `[[http_service.checks]]
  method = "GET"
  path = "${path3}"`
    };
  if (service.platform === "railway")
    return {
      text: text2,
      replacement: service.location.path.endsWith(".toml") ? `healthcheckPath = "${path3}"` : `"healthcheckPath": "${path3}"`
    };
  return { text: text2, replacement: `healthCheckPath: ${path3}` };
}

// src/catalog/plan-availability.ts
var CHECKED12 = "2026-11-24";
var BLUEPRINT_SPEC2 = "https://render.com/docs/blueprint-spec";
var FREE2 = "https://render.com/docs/free";
var RENDER_FREE_MAX_INSTANCES = fact(
  1,
  FREE2,
  CHECKED12,
  "Free web services run a single instance: no manual or automatic scaling."
);
var RENDER_DISK_MAX_INSTANCES = fact(1, BLUEPRINT_SPEC2, CHECKED12);
var RENDER_PRE_DEPLOY_NEEDS_PAID_PLAN = fact(true, BLUEPRINT_SPEC2, CHECKED12);

// rules/plan/not-available-on-plan.ts
var TYPE_NAMES = {
  web: "web services",
  private: "private services",
  worker: "background workers",
  cron: "cron jobs"
};
var not_available_on_plan_default = defineRule({
  meta: {
    id: "plan/not-available-on-plan",
    title: "Configuration the plan does not offer",
    category: "plan",
    severity: { launch: "error", growth: "error", scale: "error", enterprise: "error" },
    summary: "A plan not offered for the service type, an unknown plan or dyno size, scaling on the free plan (or several Eco/Basic dynos), or a disk on a service with several instances.",
    ramification: "The Blueprint sync fails or silently does something else: no free plan exists for workers, private services and cron jobs; a service with a disk cannot run more than one instance; free services cannot scale. The deploy you planned for load never happens.",
    fix: "Pick a plan offered for the service type (`starter` and up; `pro max`/`pro ultra` are not offered for cron), drop the disk or the extra instances (a disk ties the service to one instance: move files to object storage), or use a paid plan to scale.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: worker\n    name: jobs\n    runtime: python\n    plan: free\n    startCommand: celery -A app worker\n"
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: worker\n    name: jobs\n    runtime: python\n    plan: starter\n    startCommand: celery -A app worker\n"
      }
    }
  },
  check(model) {
    const findings = [];
    for (const service of model.services.filter(
      (s) => s.platform === "render" && s.kind !== "static" && s.kind !== "serverless"
    )) {
      findings.push(...planProblems(service));
    }
    for (const service of model.services.filter((s) => s.platform === "heroku" && s.plan)) {
      findings.push(...dynoProblems(service));
    }
    for (const database of model.datastores.filter(
      (d) => d.platform === "render" && d.kind === "postgres" && d.plan
    )) {
      if (database.plan && !renderPostgresPlan(database.plan.name)) {
        findings.push({
          entity: `${database.id}:plan`,
          message: `Database ${database.name} names plan \`${database.plan.name}\`, which Render Postgres does not offer (free, basic-256mb/1gb/4gb, pro-<N>gb, accelerated-<N>gb, or a legacy plan).`,
          location: database.plan.location,
          fix: { text: "Use a Render Postgres plan name, e.g. `basic-1gb` or `pro-4gb`." }
        });
      }
    }
    return findings;
  }
});
function planProblems(service) {
  const problems = [];
  const type = service.kind;
  const plan = service.plan;
  const offered = plan ? RENDER_COMPUTE_PLANS[plan.name] : void 0;
  if (plan && !offered) {
    problems.push({
      entity: `${service.id}:plan`,
      message: `${service.name} names plan \`${plan.name}\`, which Render does not offer (${Object.keys(RENDER_COMPUTE_PLANS).join(", ")})${didYouMean2(plan.name, Object.keys(RENDER_COMPUTE_PLANS))}.`,
      location: plan.location,
      fix: {
        text: "Use one of Render\u2019s plan names; Blueprints write them with spaces (`pro plus`).",
        ...closest2(plan.name, Object.keys(RENDER_COMPUTE_PLANS)) ? { replacement: `plan: ${closest2(plan.name, Object.keys(RENDER_COMPUTE_PLANS))}` } : {}
      }
    });
  } else if (plan && offered && !offered.value.allowedFor.includes(type)) {
    problems.push({
      entity: `${service.id}:plan`,
      message: `${service.name} asks for plan \`${plan.name}\`, which Render does not offer for ${TYPE_NAMES[type]}.`,
      location: plan.location,
      fix: { text: "Use `starter` or a larger plan offered for this type.", replacement: "plan: starter" }
    });
  }
  if (plan?.name === "free" && service.instances.max > RENDER_FREE_MAX_INSTANCES.value) {
    problems.push({
      entity: `${service.id}:free-scaling`,
      message: `${service.name} is on the free plan, which runs a single instance: ${service.instances.autoscaling ? "autoscaling" : "numInstances"} up to ${service.instances.max} is not available.`,
      location: service.instances.location,
      fix: { text: "Use a paid plan to run more than one instance." }
    });
  }
  const preDeploy = service.settings.preDeployCommand;
  if (plan?.name === "free" && preDeploy) {
    problems.push({
      entity: `${service.id}:free-pre-deploy`,
      message: `${service.name} is on the free plan, where Render does not run \`preDeployCommand\`: the migrations it holds would never run.`,
      location: preDeploy.location,
      fix: { text: "Use a paid plan, or run the step at the start of the start command." }
    });
  }
  if (service.disk && service.instances.max > RENDER_DISK_MAX_INSTANCES.value) {
    problems.push({
      entity: `${service.id}:disk-scaling`,
      message: `${service.name} has a persistent disk and ${service.instances.max} instances; Render cannot scale a service with a disk beyond one instance.`,
      location: service.disk.location,
      fix: {
        text: "Keep files in object storage (S3, R2) or a database and drop the disk, or run one instance."
      }
    });
  }
  return problems;
}
function dynoProblems(service) {
  const plan = service.plan;
  if (!plan) return [];
  const size = HEROKU_DYNO_SIZES[plan.name];
  const sizes = Object.keys(HEROKU_DYNO_SIZES);
  if (!size)
    return [
      {
        entity: `${service.id}:plan`,
        message: `${service.name} asks for dyno size \`${plan.name}\`, which Heroku does not offer (${sizes.join(", ")})${didYouMean2(plan.name, sizes)}.`,
        location: plan.location,
        fix: {
          text: "Use a current dyno size; Free and Hobby dynos are retired (Eco and Basic replace them)."
        }
      }
    ];
  if (service.instances.max <= size.value.maxQuantity) return [];
  return [
    {
      entity: `${service.id}:dyno-quantity`,
      message: `${service.name} asks for ${service.instances.max} \`${plan.name}\` dynos; Heroku runs at most ${size.value.maxQuantity} ${plan.name} dyno per process type.`,
      location: service.instances.location,
      fix: { text: "Use Standard-1X or larger to run several dynos.", replacement: '"size": "standard-1x"' }
    }
  ];
}
function didYouMean2(written, candidates) {
  const best = closest2(written, candidates);
  return best ? ` (did you mean \`${best}\`?)` : "";
}
function closest2(written, candidates) {
  const normal = (word) => word.toLowerCase().replace(/[\s_-]+/g, " ").trim();
  const scored = candidates.map((candidate) => ({ candidate, distance: editDistance2(normal(written), normal(candidate)) })).sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  return best && best.distance <= Math.max(1, Math.floor(written.length / 3)) ? best.candidate : void 0;
}
function editDistance2(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    previous = current;
  }
  return previous[b.length];
}

// rules/plan/single-process-web.ts
var CONCURRENT_RUNTIMES = /* @__PURE__ */ new Set(["go", "rust", "elixir", "java", "jvm"]);
var single_process_web_default = defineRule({
  meta: {
    id: "plan/single-process-web",
    title: "Web service with one process and one instance",
    category: "plan",
    severity: { launch: "off", growth: "warning", scale: "error", enterprise: "error" },
    summary: "A production web service that runs a single process on a single instance.",
    ramification: "One slow request (a report, an upload, a cold query) holds the only worker and every other visitor waits behind it; a crash or a deploy takes the whole service down. It is the first wall the seeds\u2019 plans hit after launch.",
    fix: "Run several workers (`gunicorn -w`, `uvicorn --workers`, `WEB_CONCURRENCY`, a cluster) sized to the plan, and/or more than one instance (`numInstances`, `scaling`).",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: uvicorn main:app --host 0.0.0.0 --port $PORT\n"
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn main:app -k uvicorn.workers.UvicornWorker -w 3\n"
      }
    }
  },
  check(model, { tier }) {
    return model.services.flatMap((service) => {
      if (service.kind !== "web" || service.instances.max > 1) return [];
      if (CONCURRENT_RUNTIMES.has(service.runtime?.value ?? "")) return [];
      if (isInternalDashboard(model, service)) return [];
      if (service.settings["concurrency.hard_limit"]?.value === 1) return [];
      const capacity = serviceCapacity2(model, service);
      if (capacity.processes.value > 1 || (capacity.threadsPerProcess?.value ?? 1) > 1) return [];
      if (capacity.processes.source === "assumed") return [];
      return [
        {
          entity: service.id,
          message: `${service.name} serves every request with one process on one instance (${capacity.processes.note}): past the ${tier} tier one slow request makes everyone wait, and a crash is an outage.`,
          location: service.startCommand?.location ?? service.location,
          fix: { text: "Run several worker processes sized to the plan, or several instances." }
        }
      ];
    });
  }
});

// rules/plan/workers-exceed-cpu.ts
var { perCpu, plus } = GUNICORN_SUGGESTED_WORKERS.value;
var workers_exceed_cpu_default = defineRule({
  meta: {
    id: "plan/workers-exceed-cpu",
    title: "More worker processes than the plan\u2019s CPU can run",
    category: "plan",
    severity: { launch: "note", growth: "warning", scale: "warning", enterprise: "error" },
    summary: `More worker processes per instance than ${perCpu} \xD7 CPUs + ${plus} (at least ${perCpu + plus}), the most a CPU-bound server benefits from.`,
    ramification: "Processes beyond what the CPU share can run only wait for it: each request gets slower, memory is spent on idle copies of the app, and on a fractional CPU (0.1 on free) the whole instance is throttled.",
    fix: `Size workers to the plan: about ${perCpu} \xD7 CPUs + ${plus}, or move to a plan with more CPU.`,
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 8\n"
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 3\n"
      }
    }
  },
  check(model, { capacity: config2 }) {
    return model.services.flatMap((service) => {
      if (service.kind === "static" || service.kind === "serverless") return [];
      const capacity = serviceCapacity2(model, service, config2);
      const cpus = capacity.cpus?.value;
      if (!cpus || capacity.processes.source === "default" || capacity.processes.source === "assumed")
        return [];
      const counted2 = Math.max(1, cpus);
      const ceiling = Math.floor(perCpu * counted2 + plus);
      if (capacity.processes.value <= ceiling) return [];
      return [
        {
          entity: service.id,
          message: `${service.name} runs ${capacity.processes.value} processes (${capacity.processes.note}) on ${cpus} CPU (${capacity.cpus?.note}): more than ${ceiling} (${perCpu} \xD7 ${counted2} CPU + ${plus}), so they queue for the CPU instead of serving in parallel.`,
          location: service.startCommand?.location ?? service.location,
          fix: { text: `Run at most ${ceiling} processes, or choose a plan with more CPU.` }
        }
      ];
    });
  }
});

// rules/plan/workers-exceed-memory.ts
var workers_exceed_memory_default = defineRule({
  meta: {
    id: "plan/workers-exceed-memory",
    title: "Worker processes that do not fit in the plan\u2019s memory",
    category: "plan",
    severity: { launch: "warning", growth: "error", scale: "error", enterprise: "error" },
    summary: "Processes per instance \xD7 memory per process exceeds the plan\u2019s RAM.",
    ramification: "Each worker process holds its own copy of the application. When together they outgrow the plan, the instance swaps or the platform kills it for running out of memory: requests fail in bursts, usually at the busiest moment, and restarts loop.",
    fix: "Run fewer workers (`-w`/`--workers`, `WEB_CONCURRENCY`), or move to a plan with more memory. State the real per-process memory in `capacity.memoryPerProcessMb` when you have measured it.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: starter\n    startCommand: gunicorn app:app -w 8\n    healthCheckPath: /healthz\n"
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: standard\n    startCommand: gunicorn app:app -w 8\n    healthCheckPath: /healthz\n"
      }
    }
  },
  options: strictObject({
    headroomPercent: _default(number2().check(_gte(0), _lte(90)), 10).check(describe2("RAM kept free for the OS and spikes."))
  }),
  check(model, { options, capacity: config2 }) {
    return model.services.flatMap((service) => {
      if (service.kind === "static" || service.kind === "serverless") return [];
      const capacity = serviceCapacity2(model, service, config2);
      const ram = capacity.memoryMb?.value;
      const perProcess = capacity.memoryPerProcessMb?.value;
      if (!ram || !perProcess) return [];
      const usable = ram * (1 - options.headroomPercent / 100);
      const processes = capacity.processes.value + (capacity.jobProcesses?.value ?? 0);
      const needed = processes * perProcess;
      if (needed <= usable) return [];
      const assumed = capacity.memoryPerProcessMb?.source === "assumed" ? " (assumed: set capacity.memoryPerProcessMb)" : ` (${capacity.memoryPerProcessMb?.source})`;
      return [
        {
          entity: service.id,
          message: `${service.name} runs ${processes} processes${capacity.jobProcesses ? ` (${capacity.processes.value} Puma, ${capacity.jobProcesses.value} Solid Queue)` : ""} \xD7 ~${perProcess} MB${assumed} = ${needed} MB, more than ${Math.round(usable)} MB usable of ${ram} MB (${capacity.memoryMb?.note}): it will run out of memory.`,
          location: service.startCommand?.location ?? service.location,
          fix: {
            text: `Run at most ${Math.max(1, Math.floor(usable / perProcess))} processes here, or choose a plan with at least ${Math.ceil(needed / (1 - options.headroomPercent / 100))} MB.`
          }
        }
      ];
    });
  }
});

// rules/pooling/connection-budget.ts
var connection_budget_default = defineRule({
  meta: {
    id: "pooling/connection-budget",
    title: "More database connections than the plan allows",
    category: "pooling",
    severity: { launch: "warning", growth: "error", scale: "error", enterprise: "error" },
    summary: "\u03A3 instances (max) \xD7 worker processes \xD7 pool size of the services using a database exceeds its connection limit, less the reserved margin.",
    ramification: "Every process opens its own pool. When autoscaling or a deploy (old and new instances side by side) brings them all up, PostgreSQL refuses the connections beyond its limit with `FATAL: sorry, too many clients already`, and requests fail until instances go away.",
    fix: "Lower the pool per process (`connection_limit=` for Prisma, `pool_size`/`max_overflow` for SQLAlchemy, `max` for node-postgres), put a pooler in front (Render `connectionPool: pgbouncer`, PgBouncer, Supavisor), or move to a plan with more connections. State the real pool in `capacity.services.<name>.poolSize` when Headroom cannot read it.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: pro\n    startCommand: gunicorn app:app -w 4\n    scaling:\n      minInstances: 1\n      maxInstances: 4\n      targetCPUPercent: 70\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\ndatabases:\n  - name: db\n    plan: basic-1gb\n",
        alongside: { "requirements.txt": "sqlalchemy==2.0.36\n" }
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: python\n    plan: pro\n    startCommand: gunicorn app:app -w 4\n    scaling:\n      minInstances: 1\n      maxInstances: 4\n      targetCPUPercent: 70\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\ndatabases:\n  - name: db\n    plan: pro-16gb\n",
        alongside: { "requirements.txt": "sqlalchemy==2.0.36\n" }
      }
    }
  },
  check(model, { capacity }) {
    return capacityDetails(model, capacity).databases.flatMap((database) => {
      const { limit, demand } = database;
      if (!limit || demand <= limit.value) return [];
      const terms = database.contributors.map(
        (c) => `${c.service}: ${c.instances} instance(s) \xD7 ${c.processes.value} process(es) [${c.processes.source}: ${c.processes.note}] \xD7 pool ${c.poolSize.value} [${c.poolSize.source}: ${c.poolSize.note}]`
      );
      const processes = database.contributors.reduce((sum, c) => sum + c.instances * c.processes.value, 0);
      const fittingPool = Math.floor(limit.value / processes);
      return [
        {
          entity: database.entity,
          message: `${database.datastore} may be asked for ${demand} connections but allows ${limit.value} (${limit.note}): ${terms.join("; ")}.`,
          location: database.store?.plan?.location ?? database.location,
          fix: {
            text: fittingPool >= 1 ? `Cap the pool at ${fittingPool} per process (${processes} processes share ${limit.value} connections), add a pooler, or choose a plan with more connections.` : `${processes} processes cannot each hold a connection within ${limit.value}: add a pooler or choose a plan with more connections.`
          }
        }
      ];
    });
  }
});

// rules/pooling/direct-connection-at-scale.ts
var REAL_SHARE_PERCENT = 50;
var direct_connection_at_scale_default = defineRule({
  meta: {
    id: "pooling/direct-connection-at-scale",
    title: "Many processes on a database without a pooler",
    category: "pooling",
    severity: { launch: "off", growth: "warning", scale: "error", enterprise: "error" },
    summary: "Instances and worker processes that connect straight to a Postgres no client reaches through a pooler take half its connections or more.",
    ramification: "Each PostgreSQL connection is a server process with its own memory. Dozens of idle pooled connections from many workers eat the database\u2019s RAM and its connection limit; adding instances to absorb traffic then makes the database slower instead of the app faster.",
    fix: "Put a transaction pooler in front: Render `connectionPool: pgbouncer` with `property: connectionPoolString`, Supabase\u2019s Supavisor (port 6543), Neon\u2019s `-pooler` host or your own PgBouncer. Keep a direct URL for migrations.",
    examples: {
      bad: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 6\n    startCommand: node server.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionString }\ndatabases:\n  - name: db\n    plan: basic-1gb\n",
        alongside: { "package.json": '{ "dependencies": { "pg": "8.13.0" } }' }
      },
      good: {
        path: "render.yaml",
        text: "services:\n  - type: web\n    name: api\n    runtime: node\n    plan: standard\n    numInstances: 6\n    startCommand: node server.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: db, property: connectionPoolString }\ndatabases:\n  - name: db\n    plan: basic-1gb\n    connectionPool: pgbouncer\n",
        alongside: { "package.json": '{ "dependencies": { "pg": "8.13.0" } }' }
      }
    }
  },
  check(model, { capacity }) {
    return capacityDetails(model, capacity).databases.flatMap((database) => {
      if (database.pooled) return [];
      const processes = database.contributors.reduce((sum, c) => sum + c.instances * c.processes.value, 0);
      if (processes <= 1) return [];
      const { limit, demand } = database;
      if (limit && demand > limit.value) return [];
      const reference = limit?.value ?? POSTGRES_DEFAULT_MAX_CONNECTIONS.value;
      if (demand * 100 < REAL_SHARE_PERCENT * reference) return [];
      const share = `${demand} of ${limit ? `its ${reference}` : `the ${reference} PostgreSQL allows by default`} connections (${Math.round(demand * 100 / reference)}%)`;
      const shares = database.contributors.map(
        (c) => `${c.service}: ${c.instances} instance(s) \xD7 ${c.processes.value} process(es)`
      );
      return [
        {
          entity: database.entity,
          message: `${processes} processes (${shares.join(", ")}) hold their own connections to ${database.datastore}, with no pooler in front: ${share}.`,
          location: database.location,
          fix: database.store ? {
            text: "Enable Render\u2019s managed PgBouncer on the database and give services `property: connectionPoolString`.",
            replacement: "connectionPool: pgbouncer"
          } : {
            text: "Give the services your provider\u2019s pooled connection string and keep the direct one for migrations."
          }
        }
      ];
    });
  }
});

// rules/pooling/serverless-without-pooler.ts
var serverless_without_pooler_default = defineRule({
  meta: {
    id: "pooling/serverless-without-pooler",
    title: "Serverless functions on a direct database connection",
    category: "pooling",
    severity: { launch: "warning", growth: "error", scale: "error", enterprise: "error" },
    summary: "Functions on Vercel or Netlify (a `vercel.json` or `netlify.toml`) connect to Postgres through a direct URL instead of a pooler.",
    ramification: "Each function instance opens its own connections, and the platform runs as many instances as there are concurrent requests (thousands on Vercel). A traffic spike exhausts the database\u2019s connection limit in seconds: `too many clients already`, then every page that touches the database fails.",
    fix: "Point the functions at a transaction pooler: Supabase\u2019s port 6543 (`?pgbouncer=true` for Prisma \u2264 6), Neon\u2019s `-pooler` host, Prisma Accelerate, or PgBouncer; keep the direct URL for migrations only. A Next.js app without `vercel.json` is not assumed to run on Vercel.",
    examples: {
      bad: {
        path: "vercel.json",
        text: '{ "regions": ["cdg1"] }\n',
        alongside: {
          ".env.example": "DATABASE_URL=postgresql://postgres:[YOUR-PASSWORD]@db.abcdefghij.supabase.co:5432/postgres\n"
        }
      },
      good: {
        path: "vercel.json",
        text: '{ "regions": ["cdg1"] }\n',
        alongside: {
          ".env.example": "DATABASE_URL=postgresql://postgres.abcdefghij:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true\n"
        }
      }
    }
  },
  check(model) {
    const findings = [];
    const seen = /* @__PURE__ */ new Set();
    for (const service of model.services) {
      if (service.kind !== "serverless") continue;
      for (const connection of connectionsOf(model, service)) {
        if (connection.url.pooler || seen.has(connection.key)) continue;
        seen.add(connection.key);
        findings.push({
          entity: `env:${connection.key}`,
          message: `${service.name} runs as ${service.platform} functions (${scale(service.platform, service.instances.max)}) and ${connection.key} connects directly to ${connection.url.host}: every instance opens its own connections.`,
          location: connection.location,
          fix: {
            text: "Use your provider\u2019s pooled connection string for the functions, and the direct one only for migrations."
          }
        });
      }
    }
    return findings;
  }
});
function scale(platform2, max) {
  return platform2 === "vercel" ? `up to ${max.toLocaleString("en-US")} concurrent instances` : "one instance per concurrent request";
}

// rules/pooling/transaction-pooler-prisma-params.ts
var since = PGBOUNCER_PREPARED_STATEMENTS_SINCE.value;
var transaction_pooler_prisma_params_default = defineRule({
  meta: {
    id: "pooling/transaction-pooler-prisma-params",
    title: "Prisma on a transaction pooler without its settings",
    category: "pooling",
    severity: { launch: "error", growth: "error", scale: "error", enterprise: "error" },
    summary: "A Prisma datasource points at a transaction-mode pooler without `pgbouncer=true` where it is still needed (Supavisor; PgBouncer before 1.21), or has no direct `directUrl`, so `prisma migrate` runs through the pooler.",
    ramification: 'A transaction pooler hands each transaction to any server connection, so Prisma\u2019s named prepared statements collide (`prepared statement "s0" already exists`) and queries fail at random under load. Migrations through it hang or fail.',
    fix: `Add \`?pgbouncer=true\` to the pooled URL (not needed for PgBouncer \u2265 ${since} with \`max_prepared_statements\` > 0, nor on Neon, nor with a Prisma 7 driver adapter), and set \`directUrl = env("DIRECT_URL")\` to a direct or session-mode URL for migrations.`,
    examples: {
      bad: {
        path: "prisma/schema.prisma",
        text: 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
        alongside: {
          ".env.example": 'DATABASE_URL="postgresql://postgres.ref:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:6543/postgres"\n'
        }
      },
      good: {
        path: "prisma/schema.prisma",
        text: 'datasource db {\n  provider  = "postgresql"\n  url       = env("DATABASE_URL")\n  directUrl = env("DIRECT_URL")\n}\n',
        alongside: {
          ".env.example": 'DATABASE_URL="postgresql://postgres.ref:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:6543/postgres?pgbouncer=true"\nDIRECT_URL="postgresql://postgres.ref:[YOUR-PASSWORD]@aws-0-eu-west-3.pooler.supabase.com:5432/postgres"\n'
        }
      }
    }
  },
  check(model) {
    const engine = prismaClientKind(model.dependencies.filter((d) => !d.dev)) !== "pg-adapter";
    const findings = [];
    for (const schema4 of model.schemas) {
      const datasource = schema4.datasource;
      if (schema4.origin !== "prisma" || schema4.provider !== "postgresql" || !datasource?.urlEnv) continue;
      const pooled = pooledUrls(model, datasource.urlEnv);
      if (engine) findings.push(...pooled.flatMap(pgbouncerParamFinding));
      const first = pooled[0];
      if (first) findings.push(...directUrlFindings(model, schema4, first));
    }
    const seen = /* @__PURE__ */ new Set();
    return findings.filter((f) => !seen.has(f.entity) && seen.add(f.entity));
  }
});
function pooledUrls(model, key) {
  const found = [];
  for (const connection of model.connections) {
    if (connection.key !== key) continue;
    const { url } = connection;
    const hasPgbouncerParam = url.params.pgbouncer === "true";
    const base = { key, hasPgbouncerParam, location: connection.location, connection };
    if (url.pooler === "supabase-transaction")
      found.push({
        ...base,
        needsPgbouncerParam: "yes",
        where: `Supabase's transaction pooler (${url.host}:${url.port})`
      });
    else if (url.pooler === "neon")
      found.push({ ...base, needsPgbouncerParam: "no", where: `Neon's pooler (${url.host})` });
    else if (url.pooler === "pgbouncer" || url.port === PGBOUNCER_DEFAULTS.value.listenPort)
      found.push({
        ...base,
        needsPgbouncerParam: "unknown",
        where: `PgBouncer (${url.host}:${url.port ?? 5432})`
      });
  }
  for (const service of model.services)
    for (const binding2 of service.env)
      if (binding2.key === key && binding2.source.kind === "fromDatabase" && binding2.source.property === "connectionPoolString")
        found.push({
          key,
          needsPgbouncerParam: "unknown",
          hasPgbouncerParam: false,
          where: `Render's PgBouncer for ${binding2.source.name}`,
          location: binding2.location
        });
  return found;
}
function pgbouncerParamFinding(pooled) {
  if (pooled.hasPgbouncerParam || pooled.needsPgbouncerParam === "no") return [];
  const masked = pooled.connection?.url.masked;
  const fix = masked ? {
    text: "Append `pgbouncer=true` to the URL.",
    replacement: `${pooled.key}="${masked}${masked.includes("?") ? "&" : "?"}pgbouncer=true"`
  } : { text: "Append `pgbouncer=true` to the URL where you set it, or confirm the PgBouncer version." };
  if (pooled.needsPgbouncerParam === "yes")
    return [
      {
        entity: `env:${pooled.key}:pgbouncer`,
        message: `${pooled.key} points Prisma at ${pooled.where} without \`pgbouncer=true\`: prepared statements will collide under load.`,
        location: pooled.location,
        fix
      }
    ];
  return [
    {
      entity: `env:${pooled.key}:pgbouncer`,
      message: `${pooled.key} points Prisma at ${pooled.where} without \`pgbouncer=true\`: prepared statements collide unless it runs PgBouncer \u2265 ${since} with \`max_prepared_statements\` > 0, a version Headroom cannot see.`,
      location: pooled.location,
      fix,
      severity: "warning"
    }
  ];
}
function directUrlFindings(model, schema4, pooled) {
  const datasource = schema4.datasource;
  if (!datasource) return [];
  const entity = `env:${pooled.key}:directUrl`;
  if (!datasource.directUrlEnv)
    return [
      {
        entity,
        message: `The Prisma datasource uses ${pooled.key}, which goes through ${pooled.where}, and has no \`directUrl\`, so \`prisma migrate\` runs through a transaction pooler, where it hangs or fails.`,
        location: datasource.location,
        fix: {
          text: "Add a direct (or session-mode) URL for migrations.",
          replacement: 'directUrl = env("DIRECT_URL")'
        }
      }
    ];
  const direct = pooledUrls(model, datasource.directUrlEnv)[0];
  if (!direct) return [];
  return [
    {
      entity,
      message: `The Prisma datasource's directUrl ${datasource.directUrlEnv} also goes through ${direct.where}, so \`prisma migrate\` still runs through a transaction pooler.`,
      location: direct.location,
      fix: { text: `Point ${datasource.directUrlEnv} at the direct host or the session-mode port.` }
    }
  ];
}

// rules/index.ts
var allRules = [
  unindexed_foreign_key_default,
  missing_primary_key_default,
  duplicate_index_default,
  non_concurrent_index_default,
  foreign_key_without_not_valid_default,
  connection_budget_default,
  transaction_pooler_prisma_params_default,
  direct_connection_at_scale_default,
  serverless_without_pooler_default,
  free_web_sleeps_default,
  free_database_expires_default,
  not_available_on_plan_default,
  workers_exceed_memory_default,
  workers_exceed_cpu_default,
  dev_server_in_production_default,
  single_process_web_default,
  no_health_check_default,
  database_plan_vs_tier_default,
  in_process_cache_across_instances_default,
  no_shared_cache_default,
  queue_on_evicting_redis_default,
  unused_keyvalue_default,
  no_error_tracking_default,
  no_rate_limiting_default,
  committed_secret_default,
  undeclared_variable_default
];

// src/model/mask-credentials.ts
function maskCredentials(value) {
  if (value instanceof Secret) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item === "string") value[i] = maskSecretsInText(item);
      else if (item !== null && typeof item === "object") maskCredentials(item);
    }
    return value;
  }
  const record3 = value;
  for (const key in record3) {
    const item = record3[key];
    if (typeof item === "string") record3[key] = maskSecretsInText(item);
    else if (item !== null && typeof item === "object") maskCredentials(item);
  }
  return value;
}

// src/model/read-project.ts
var import_picomatch2 = __toESM(require_picomatch2(), 1);

// src/review/phase-clock.ts
function timeWith(clock) {
  return clock ? clock.time.bind(clock) : (_phase, work) => work();
}

// src/sources/lazy-module.ts
function lazyModule(name, importer, init) {
  let loaded;
  let loading;
  return {
    load() {
      loading ??= importer().then(async (module) => {
        await init?.(module);
        loaded = module;
      });
      return loading;
    },
    get() {
      if (loaded === void 0) throw new Error(`${name} is used before its load() resolved`);
      return loaded;
    }
  };
}

// src/sources/babel-parser.ts
var babel = lazyModule("Babel", () => import("./lib-6MEL2MHP.js"));
var loadBabel = babel.load;
var parseWithBabel = (text2, options) => babel.get().parse(text2, options);

// src/sources/code/code-findings.ts
function emptyCodeFindings() {
  return {
    envReads: [],
    inProcessCaches: [],
    sharedCacheBackends: [],
    requestHandlers: [],
    healthEndpoints: [],
    diagnostics: []
  };
}

// src/sources/walk-syntax-tree.ts
var NOT_CHILDREN = /* @__PURE__ */ new Set([
  "loc",
  "extra",
  "leadingComments",
  "trailingComments",
  "innerComments",
  "errors",
  "typeAnnotation",
  "typeParameters",
  "typeArguments",
  "returnType",
  "superTypeParameters",
  "superTypeArguments",
  "implements"
]);
var TYPE_ONLY = /* @__PURE__ */ new Set(["TSInterfaceDeclaration", "TSTypeAliasDeclaration"]);
var isVisited = (node) => node && typeof node.type === "string" && !TYPE_ONLY.has(node.type);
function walkSyntaxTree(node, visit3, ancestors = []) {
  visit3(node, ancestors);
  ancestors.push(node);
  for (const key in node) {
    const child = node[key];
    if (typeof child !== "object" || child === null || NOT_CHILDREN.has(key)) continue;
    if (Array.isArray(child)) {
      for (const item of child) if (isVisited(item)) walkSyntaxTree(item, visit3, ancestors);
    } else if (isVisited(child)) walkSyntaxTree(child, visit3, ancestors);
  }
  ancestors.pop();
}
var TYPE_WRAPPERS = /* @__PURE__ */ new Set([
  "TSNonNullExpression",
  "TSAsExpression",
  "TSSatisfiesExpression",
  "TSTypeAssertion"
]);
function withoutTypes(node) {
  return TYPE_WRAPPERS.has(node?.type) ? withoutTypes(node.expression) : node;
}

// src/sources/code/health-paths.ts
var HEALTH_PATH = /^\/(?:api\/)?(?:v\d+\/)?(?:up|_?health(?:z|[-_]?check)?(?:\/(?:live|liveness|ready|readiness|alive))?|livez|readyz|ping)\/?$/i;
function healthPath(literal) {
  const bare = literal.replace(/^\^/, "").replace(/\$$/, "");
  const path3 = bare.startsWith("/") ? bare : `/${bare}`;
  return HEALTH_PATH.test(path3) ? path3.replace(/(.)\/$/, "$1") : void 0;
}

// src/sources/code/javascript.ts
var CACHE_NAME = /cache|memo|store/i;
var NEXT_ROUTE = /(^|\/)app\/(.+\/)?route\.[cm]?[jt]sx?$/;
var NEXT_API_PAGE = /(^|\/)pages\/(api\/.*?)(?:\/index)?\.[cm]?[jt]sx?$/;
var FACT_TOKENS = new RegExp(
  [
    String.raw`process\s*\.\s*env\b|import\s*\.\s*meta\s*\.\s*env\b|\bnew\s+(?:Weak)?Map\b|use server`,
    "@nestjs/common",
    String.raw`(['"\`])(?:${[...HTTP_HANDLER_MODULES, ...Object.keys(JS_CACHE_EXPORTS).filter((m) => JS_CACHE_EXPORTS[m]?.default)].map(escapeRegExp).join("|")})\1`,
    String.raw`\b(?:${[...new Set(Object.values(JS_CACHE_EXPORTS).flatMap((exports) => Object.keys(exports)))].filter((name) => name !== "default").join("|")})\b`
  ].join("|")
);
function escapeRegExp(text2) {
  return text2.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function mayHoldFacts(file) {
  return NEXT_ROUTE.test(file.path) || NEXT_API_PAGE.test(file.path) || FACT_TOKENS.test(file.text);
}
function readJavaScript(file) {
  const found = emptyCodeFindings();
  const program = parseProgram(file, found);
  if (!program || isClientModule(program)) return found;
  const at3 = (node) => ({
    path: file.path,
    line: node.loc?.start.line ?? 1,
    column: (node.loc?.start.column ?? 0) + 1
  });
  const bindings = importBindings(program);
  readHandlers(file.path, program, bindings, at3, found);
  const nextRoute = nextRoutePath(file.path);
  const nextHealth = nextRoute === void 0 ? void 0 : healthPath(nextRoute);
  if (nextHealth) found.healthEndpoints.push({ path: nextHealth, location: { path: file.path, line: 1 } });
  const registersRoutes = found.requestHandlers.some((h) => !h.framework.startsWith("next-")) || [...bindings.values()].some((b) => b.module === "@nestjs/common");
  const moduleMaps = /* @__PURE__ */ new Map();
  const filledMaps = /* @__PURE__ */ new Set();
  walkSyntaxTree(program, (node, ancestors) => {
    for (const [key, where, optional3] of envKeysRead(node, ancestors[ancestors.length - 1]))
      found.envReads.push({
        key,
        location: at3(where),
        ...optional3 || toleratesUnset(node, ancestors, key) ? { optional: true } : {}
      });
    for (const [key, where] of schemaKeys(node, file.path))
      found.envReads.push({ key, location: at3(where), schema: true });
    const holder = longLivedHolder(node, ancestors);
    if (holder) {
      const kind = cacheKind(holder.value, bindings);
      if (kind) found.inProcessCaches.push({ kind, name: holder.name, location: at3(node) });
      else if (holder.moduleScope && isNewMap(holder.value) && CACHE_NAME.test(holder.name))
        moduleMaps.set(holder.name, node);
    }
    const filled = mapFilledInFunction(node, ancestors);
    if (filled) filledMaps.add(filled);
    const route = registersRoutes ? healthRouteOf(node) : void 0;
    if (route) found.healthEndpoints.push({ path: route, location: at3(node) });
  });
  for (const [name, node] of moduleMaps)
    if (filledMaps.has(name))
      found.inProcessCaches.push({ kind: node.init.callee.name, name, location: at3(node) });
  found.inProcessCaches.sort((a, b) => a.location.line - b.location.line);
  if (found.inProcessCaches.length > 0 && usesRedis(bindings, program))
    for (const cache of found.inProcessCaches) cache.frontsSharedCache = true;
  return found;
}
function isClientModule(program) {
  return (program.directives ?? []).some((d) => d.value?.value === "use client");
}
function parseProgram(file, found) {
  const typescript = /\.[cm]?tsx?$/.test(file.path);
  const jsx = !/\.[cm]?ts$/.test(file.path);
  try {
    const ast = parseWithBabel(file.text, {
      sourceType: "unambiguous",
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      // No fact is read from a comment, and attaching each to its neighbouring nodes costs time.
      attachComment: false,
      // NestJS and most TypeScript servers write decorators the TypeScript (legacy) way.
      plugins: [
        ...typescript ? ["typescript"] : [],
        ...jsx ? ["jsx"] : [],
        "decorators-legacy"
      ]
    });
    for (const error3 of ast.errors ?? []) found.diagnostics.push(parseDiagnostic(file.path, error3));
    return ast.program;
  } catch (error3) {
    found.diagnostics.push(parseDiagnostic(file.path, error3));
    return void 0;
  }
}
function parseDiagnostic(path3, error3) {
  const loc = error3.loc;
  const reason = (error3.message ?? String(error3)).replace(/\s*\(\d+:\d+\)$/, "");
  return {
    severity: "info",
    origin: "code",
    message: `${path3} has a syntax Headroom cannot read (${reason}); env reads and caches past that point may be missed.`,
    location: { path: path3, line: loc?.line ?? 1, ...loc ? { column: loc.column + 1 } : {} }
  };
}
function importBindings(program) {
  const bindings = /* @__PURE__ */ new Map();
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") {
      const module = statement.source.value;
      for (const specifier of statement.specifiers) {
        const name = specifier.type === "ImportSpecifier" ? specifier.imported.name ?? specifier.imported.value : specifier.type === "ImportNamespaceSpecifier" ? "*" : "default";
        bindings.set(specifier.local.name, { module, name });
      }
    }
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations) {
      const module = requiredModule(declarator.init);
      if (!module) continue;
      if (declarator.id.type === "Identifier") bindings.set(declarator.id.name, { module, name: "default" });
      if (declarator.id.type === "ObjectPattern") {
        for (const property2 of declarator.id.properties)
          if (property2.type === "ObjectProperty" && property2.value.type === "Identifier")
            bindings.set(property2.value.name, { module, name: property2.key.name ?? property2.key.value });
      }
    }
  }
  return bindings;
}
var REDIS_MODULE = /(^|[/.@~-])(redis|valkey|kv)([/.-]|$)/i;
function usesRedis(bindings, program) {
  const modules = [
    ...[...bindings.values()].map((binding2) => binding2.module),
    ...program.body.filter((s) => s.type === "ImportDeclaration").map((s) => s.source.value)
  ];
  return modules.some((module) => REDIS_CLIENT_PACKAGES.has(module) || REDIS_MODULE.test(module));
}
function requiredModule(node) {
  const call = node?.type === "MemberExpression" && node.property.name === "default" ? node.object : node;
  if (call?.type !== "CallExpression" || call.callee.type !== "Identifier" || call.callee.name !== "require")
    return void 0;
  const [argument] = call.arguments;
  return argument?.type === "StringLiteral" ? argument.value : void 0;
}
function readHandlers(path3, program, bindings, at3, found) {
  const framework = [...bindings.values()].find((b) => HTTP_HANDLER_MODULES.has(b.module))?.module;
  if (NEXT_ROUTE.test(path3) || NEXT_API_PAGE.test(path3))
    found.requestHandlers.push({ framework: "next-route", location: { path: path3, line: 1 } });
  else if (program.directives?.some((d) => d.value.value === "use server"))
    found.requestHandlers.push({ framework: "next-server-action", location: { path: path3, line: 1 } });
  else if (framework) {
    const statement = program.body.find(
      (s) => s.type === "ImportDeclaration" && s.source.value === framework
    );
    found.requestHandlers.push({ framework, location: at3(statement ?? program) });
  }
}
function envKeysRead(node, parent2) {
  const key = envMemberKey(node);
  if (key !== void 0) {
    const written = parent2?.type === "AssignmentExpression" && parent2.left === node;
    const fallback = parent2?.type === "LogicalExpression" && parent2.left === node && ["||", "??"].includes(parent2.operator);
    return written ? [] : [[key, node, fallback]];
  }
  if (node.type === "VariableDeclarator" && node.id.type === "ObjectPattern" && isEnvObject(node.init))
    return node.id.properties.filter((p) => p.type === "ObjectProperty" && !p.computed).map((p) => [p.key.name ?? p.key.value, p, p.value.type === "AssignmentPattern"]);
  return [];
}
var ENV_SCHEMA_FILE = /(^|\/)(env([.-][\w-]+)*\.[cm]?[jt]sx?|env\/index\.[cm]?[jt]sx?)$/;
function schemaKeys(node, path3) {
  if (node.type !== "CallExpression") return [];
  const callee = node.callee.type === "MemberExpression" ? node.callee.property : node.callee;
  const name = callee?.type === "Identifier" ? callee.name : void 0;
  const [first, second] = node.arguments;
  const keysOf = (object) => object?.type === "ObjectExpression" ? object.properties.flatMap((p) => {
    const key = p.type === "ObjectProperty" && !p.computed ? p.key.name ?? p.key.value : void 0;
    return typeof key === "string" ? [[key, p]] : [];
  }) : [];
  if (name === "createEnv" && first?.type === "ObjectExpression")
    return ["server", "client", "shared"].flatMap(
      (section) => keysOf(
        first.properties.find((p) => p.type === "ObjectProperty" && p.key.name === section)?.value
      )
    );
  if (name === "cleanEnv") return keysOf(second);
  if (name === "object" && ENV_SCHEMA_FILE.test(path3)) return keysOf(first);
  return [];
}
var TOLERANT_BINARY = /* @__PURE__ */ new Set(["===", "!==", "==", "!="]);
var TOLERANT_LOGICAL = /* @__PURE__ */ new Set(["||", "??", "&&"]);
function toleratesUnset(node, ancestors, key) {
  const parent2 = ancestors[ancestors.length - 1];
  if (!parent2) return false;
  if (parent2.type === "BinaryExpression" && TOLERANT_BINARY.has(parent2.operator)) return true;
  if (parent2.type === "LogicalExpression" && TOLERANT_LOGICAL.has(parent2.operator)) return true;
  if (parent2.type === "UnaryExpression" && (parent2.operator === "!" || parent2.operator === "typeof"))
    return true;
  if ((parent2.type === "ConditionalExpression" || parent2.type === "IfStatement" || parent2.type === "WhileStatement") && parent2.test === node)
    return true;
  if (parent2.type === "CallExpression" && parent2.callee.type === "Identifier" && parent2.callee.name === "Boolean")
    return true;
  const inBranch = ancestors.some((ancestor, i) => {
    const child = ancestors[i + 1] ?? node;
    const guarded = (ancestor.type === "ConditionalExpression" || ancestor.type === "IfStatement") && ancestor.test !== child || ancestor.type === "LogicalExpression" && ancestor.operator === "&&" && ancestor.right === child;
    return guarded && readsEnvKey(ancestor.type === "LogicalExpression" ? ancestor.left : ancestor.test, key);
  });
  return inBranch || guardedBefore(node, ancestors, key) || guardedVariable(parent2, ancestors);
}
function guardedBefore(node, ancestors, key) {
  return ancestors.some((ancestor, i) => {
    if (!Array.isArray(ancestor.body)) return false;
    const child = ancestors[i + 1] ?? node;
    const index = ancestor.body.indexOf(child);
    return ancestor.body.slice(0, Math.max(0, index)).some(
      (statement) => statement.type === "IfStatement" && exits(statement.consequent) && readsEnvKey(statement.test, key)
    );
  });
}
function guardedVariable(parent2, ancestors) {
  const name = parent2.type === "VariableDeclarator" && parent2.id.type === "Identifier" ? parent2.id.name : parent2.type === "AssignmentExpression" && parent2.left.type === "Identifier" ? parent2.left.name : void 0;
  const scope = ancestors.findLast(isFunction);
  if (!name || !scope) return false;
  let guarded = false;
  walkSyntaxTree(scope.body, (node) => {
    if (guarded) return;
    if (node.type === "IfStatement" && exits(node.consequent) && mentions(node.test, name)) guarded = true;
    if ((node.type === "IfStatement" || node.type === "ConditionalExpression") && testsPresence(node.test, name))
      guarded = true;
  });
  return guarded;
}
function testsPresence(test, name) {
  const isName = (node) => node?.type === "Identifier" && node.name === name;
  if (isName(test)) return true;
  if (test.type === "UnaryExpression" && test.operator === "!") return testsPresence(test.argument, name);
  if (test.type === "LogicalExpression")
    return testsPresence(test.left, name) || testsPresence(test.right, name);
  if (test.type === "BinaryExpression" && ["==", "!=", "===", "!=="].includes(test.operator))
    return isName(test.left) && NULLISH.has(nullishOf(test.right)) || isName(test.right) && NULLISH.has(nullishOf(test.left));
  return false;
}
var NULLISH = /* @__PURE__ */ new Set(["null", "undefined", "empty"]);
function nullishOf(node) {
  if (node?.type === "NullLiteral") return "null";
  if (node?.type === "Identifier" && node.name === "undefined") return "undefined";
  if (node?.type === "StringLiteral" && node.value === "") return "empty";
  return "";
}
function exits(statement) {
  const last = statement?.type === "BlockStatement" ? statement.body.at(-1) : statement;
  return last?.type === "ReturnStatement" || last?.type === "ThrowStatement";
}
function mentions(expression, name) {
  return someNode(expression, (node) => node.type === "Identifier" && node.name === name);
}
function readsEnvKey(expression, key) {
  return someNode(expression, (node) => envMemberKey(node) === key);
}
function someNode(expression, test) {
  let found = false;
  walkSyntaxTree(expression, (node) => {
    found ||= test(node);
  });
  return found;
}
function envMemberKey(node) {
  if (node.type !== "MemberExpression" && node.type !== "OptionalMemberExpression" || !isEnvObject(node.object))
    return void 0;
  const key = node.computed ? node.property.value : node.property.name;
  return typeof key === "string" ? key : void 0;
}
function isEnvObject(node) {
  if (node?.type !== "MemberExpression" || node.computed || node.property.name !== "env") return false;
  const object = node.object;
  return object.type === "Identifier" && object.name === "process" || object.type === "MetaProperty";
}
function longLivedHolder(node, ancestors) {
  if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.init)
    return ancestors.some(isFunction) ? void 0 : {
      name: node.id.name,
      value: node.init,
      moduleScope: !ancestors.some((a) => a.type.startsWith("Class"))
    };
  if ((node.type === "ClassProperty" || node.type === "ClassPrivateProperty") && node.value)
    return ancestors.some(isFunction) ? void 0 : { name: node.key.name ?? node.key.id?.name ?? "cache", value: node.value, moduleScope: false };
  if (node.type === "AssignmentExpression" && node.left.type === "MemberExpression" && node.left.object.type === "ThisExpression" && !node.left.computed && ancestors.findLast(isFunction) === ancestors.findLast((a) => a.type === "ClassMethod" && a.kind === "constructor"))
    return { name: node.left.property.name, value: node.right, moduleScope: false };
  return void 0;
}
function cacheKind(value, bindings) {
  const expression = withoutTypes(value);
  if (expression.type !== "NewExpression" && expression.type !== "CallExpression") return void 0;
  const callee = expression.callee;
  const binding2 = callee.type === "Identifier" ? bindings.get(callee.name) : callee.type === "MemberExpression" && callee.object.type === "Identifier" && !callee.computed ? namespaceMember(bindings.get(callee.object.name), callee.property.name) : void 0;
  if (!binding2) return void 0;
  const role = JS_CACHE_EXPORTS[binding2.module]?.[binding2.name];
  if (role === "constructor" || role === "memoizer" && expression.type === "CallExpression")
    return binding2.module;
  return void 0;
}
function namespaceMember(binding2, member) {
  if (!binding2 || binding2.name !== "*" && binding2.name !== "default") return void 0;
  return { module: binding2.module, name: member };
}
function isNewMap(value) {
  return value.type === "NewExpression" && value.callee.type === "Identifier" && (value.callee.name === "Map" || value.callee.name === "WeakMap");
}
function mapFilledInFunction(node, ancestors) {
  if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return void 0;
  const { object, property: property2 } = node.callee;
  if (object.type !== "Identifier" || property2.name !== "set") return void 0;
  return ancestors.some(isFunction) ? object.name : void 0;
}
var FUNCTION_TYPES = /* @__PURE__ */ new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "ObjectMethod",
  "ClassMethod",
  "ClassPrivateMethod",
  "TSDeclareFunction",
  "TSDeclareMethod"
]);
function isFunction(node) {
  return FUNCTION_TYPES.has(node.type);
}
var ROUTE_METHODS = /* @__PURE__ */ new Set(["get", "head", "all", "route"]);
var NEST_ROUTE_DECORATORS = /* @__PURE__ */ new Set(["Controller", "Get", "Head", "All"]);
function healthRouteOf(node) {
  if (node.type !== "CallExpression") return void 0;
  const { callee } = node;
  const named = callee.type === "MemberExpression" && !callee.computed && ROUTE_METHODS.has(callee.property?.name) || callee.type === "Identifier" && NEST_ROUTE_DECORATORS.has(callee.name);
  if (!named) return void 0;
  const [first] = node.arguments;
  const literal = first?.type === "StringLiteral" ? first.value : first?.type === "TemplateLiteral" && first.expressions.length === 0 ? first.quasis[0]?.value.cooked : void 0;
  return typeof literal === "string" ? healthPath(literal) : void 0;
}
function nextRoutePath(path3) {
  const app = NEXT_ROUTE.exec(path3);
  const folder = app ? app[2] ?? "" : NEXT_API_PAGE.exec(path3)?.[2];
  const segments = folder?.split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return segments ? `/${segments.join("/")}` : void 0;
}
var NEXT_CONFIG = /(^|\/)next\.config\.[cm]?[jt]s$/;
function nextConfigEnvKeys(file) {
  const found = emptyCodeFindings();
  const program = parseProgram(file, found);
  const keys = [];
  if (!program) return { keys, diagnostics: found.diagnostics };
  walkSyntaxTree(program, (node) => {
    if (node.type !== "ObjectProperty" || propertyName(node) !== "env" || node.value.type !== "ObjectExpression")
      return;
    for (const property2 of node.value.properties) {
      const key = property2.type === "ObjectProperty" ? propertyName(property2) : void 0;
      if (key) keys.push({ key, location: { path: file.path, line: property2.loc?.start.line ?? 1 } });
    }
  });
  return { keys, diagnostics: found.diagnostics };
}
function propertyName(property2) {
  if (property2.computed) return void 0;
  return property2.key.type === "Identifier" ? property2.key.name : property2.key.type === "StringLiteral" ? property2.key.value : void 0;
}

// src/sources/code/python-tokens.ts
var OPERATORS = [
  "**=",
  "//=",
  ">>=",
  "<<=",
  "...",
  "->",
  ":=",
  "==",
  "!=",
  "<=",
  ">=",
  "**",
  "//",
  "<<",
  ">>"
];
var STRING_START = /^([rRbBuUfFtT]{0,2})('''|"""|'|")/;
var NAME = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/u;
var NUMBER = /^(\d[\d_]*\.?[\d_]*([eE][+-]?\d+)?[jJ]?|\.\d[\d_]*([eE][+-]?\d+)?[jJ]?|0[xXoObB][\da-fA-F_]+)/;
function tokenizePython(text2) {
  const lines = [];
  let current;
  let depth = 0;
  let line = 1;
  let atLineStart = true;
  let indent = 0;
  let unterminated;
  let i = 0;
  const push = (token, startLine) => {
    current ??= { indent, line: startLine, tokens: [] };
    current.tokens.push({ prefix: "", ...token, line: startLine });
  };
  const endLogicalLine = () => {
    if (current) lines.push(current);
    current = void 0;
  };
  while (i < text2.length) {
    const char = text2[i];
    if (atLineStart) {
      indent = 0;
      while (text2[i] === " " || text2[i] === "	" || text2[i] === "\f") {
        indent = text2[i] === "	" ? (Math.floor(indent / 8) + 1) * 8 : indent + 1;
        i++;
      }
      atLineStart = false;
      continue;
    }
    if (char === "\n" || char === "\r") {
      i += char === "\r" && text2[i + 1] === "\n" ? 2 : 1;
      line++;
      if (depth === 0) {
        endLogicalLine();
        atLineStart = true;
      }
      continue;
    }
    if (char === "#") {
      while (i < text2.length && text2[i] !== "\n" && text2[i] !== "\r") i++;
      continue;
    }
    if (char === "\\" && (text2[i + 1] === "\n" || text2[i + 1] === "\r")) {
      i += text2[i + 1] === "\r" && text2[i + 2] === "\n" ? 3 : 2;
      line++;
      continue;
    }
    if (char === " " || char === "	" || char === "\f") {
      i++;
      continue;
    }
    const rest = text2.slice(i, i + 200);
    const string4 = STRING_START.exec(rest);
    if (string4) {
      const prefix = string4[1].toLowerCase();
      const quote = string4[2];
      const start = line;
      const body = i + string4[0].length;
      const { end: j, closed, newlines } = scanString(text2, body, quote, /[ft]/.test(prefix));
      line += newlines;
      if (!closed) unterminated ??= { line: start, what: "string" };
      push({ kind: "string", value: text2.slice(body, j), prefix }, start);
      i = closed ? j + quote.length : j;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      push({ kind: "name", value: name[0] }, line);
      i += name[0].length;
      continue;
    }
    const number3 = NUMBER.exec(rest);
    if (number3) {
      push({ kind: "number", value: number3[0] }, line);
      i += number3[0].length;
      continue;
    }
    const operator = OPERATORS.find((op) => text2.startsWith(op, i)) ?? char;
    if ("([{".includes(operator)) depth++;
    if (")]}".includes(operator)) depth = Math.max(0, depth - 1);
    push({ kind: "op", value: operator }, line);
    i += operator.length;
  }
  if (depth > 0 && current) unterminated ??= { line: current.line, what: "bracket" };
  endLogicalLine();
  return { lines, ...unterminated ? { unterminated } : {} };
}
function scanString(text2, from, quote, formatted) {
  let newlines = 0;
  let j = from;
  while (j < text2.length) {
    if (text2[j] === "\\") {
      if (text2[j + 1] === "\n") newlines++;
      j += 2;
      continue;
    }
    if (text2.startsWith(quote, j)) return { end: j, closed: true, newlines };
    if (formatted && text2[j] === "{") {
      if (text2[j + 1] === "{") {
        j += 2;
        continue;
      }
      const field = scanField(text2, j + 1);
      newlines += field.newlines;
      j = field.end;
      continue;
    }
    if (text2[j] === "\n") {
      if (quote.length === 1) break;
      newlines++;
    }
    j++;
  }
  return { end: j, closed: false, newlines };
}
function scanField(text2, from) {
  let depth = 1;
  let newlines = 0;
  let j = from;
  while (j < text2.length) {
    const char = text2[j];
    if (char === '"' || char === "'") {
      const quote = text2.startsWith(char.repeat(3), j) ? char.repeat(3) : char;
      const prefix = /[A-Za-z]*$/.exec(text2.slice(Math.max(from, j - 3), j))?.[0] ?? "";
      const inner = scanString(text2, j + quote.length, quote, /[ft]/i.test(prefix));
      newlines += inner.newlines;
      j = inner.closed ? inner.end + quote.length : inner.end;
      continue;
    }
    if (char === "{" || char === "[" || char === "(") depth++;
    else if (char === "}" || char === "]" || char === ")") {
      depth--;
      if (depth === 0) return { end: j + 1, newlines };
    } else if (char === "\n") newlines++;
    j++;
  }
  return { end: j, newlines };
}

// src/sources/code/python.ts
var CACHE_NAME2 = /cache|memo/i;
var DICT_FACTORIES = /* @__PURE__ */ new Set(["dict", "collections.OrderedDict", "collections.defaultdict"]);
var SETTINGS_BASES = /* @__PURE__ */ new Set([
  "pydantic.BaseSettings",
  "pydantic.v1.BaseSettings",
  "pydantic_settings.BaseSettings"
]);
var SHARED_CACHE_BACKEND = /^(django\.core\.cache\.backends\.(db\.DatabaseCache|memcached\.\w+|redis\.RedisCache)|django_redis\.cache\.RedisCache)$/;
var ENV_MAPPING = "os.environ";
var ENV_GETTERS = /* @__PURE__ */ new Set(["os.environ.get", "os.getenv"]);
function readPython(file) {
  const found = emptyCodeFindings();
  const { lines, unterminated } = tokenizePython(file.text);
  if (unterminated)
    found.diagnostics.push({
      severity: "info",
      origin: "code",
      message: `${file.path} ends inside an unterminated ${unterminated.what}; what follows line ${unterminated.line} may be misread.`,
      location: { path: file.path, line: unterminated.line }
    });
  const at3 = (token) => ({ path: file.path, line: token.line });
  const imports = importsOf(lines);
  const qualify = (tokens, start) => qualifiedName2(tokens, start, imports);
  for (const line of lines) {
    const module = importedModule(line);
    if (module && [...HTTP_HANDLER_MODULES].some((m) => module === m || module.startsWith(`${m}.`))) {
      found.requestHandlers.push({ framework: module.split(".")[0], location: at3(line) });
      break;
    }
  }
  if (found.requestHandlers.length > 0) found.healthEndpoints.push(...healthRoutes(lines, at3));
  for (const line of lines)
    for (const token of line.tokens)
      if (token.kind === "string" && SHARED_CACHE_BACKEND.test(token.value))
        found.sharedCacheBackends.push({ backend: token.value, location: at3(token) });
  const dictCandidates = /* @__PURE__ */ new Map();
  const filledInFunction = /* @__PURE__ */ new Set();
  const blocks = [];
  const guards = [];
  let decorators = [];
  lines.forEach((line, index) => {
    while (blocks.length > 0 && (blocks[blocks.length - 1]?.indent ?? 0) >= line.indent) blocks.pop();
    while (guards.length > 0 && (guards[guards.length - 1]?.indent ?? 0) >= line.indent) guards.pop();
    const inFunction = blocks.some((b) => b.kind === "def");
    const tokens = line.tokens;
    const test = ["if", "elif", "while"].includes(tokens[0]?.value ?? "");
    const reads = envReads(tokens, qualify);
    for (const { key, optional: optional3 } of reads) {
      const safe = optional3 || test || guards.length > 0;
      found.envReads.push({ key: key.value, location: at3(key), ...safe ? { optional: true } : {} });
    }
    if (test) {
      const keys = /* @__PURE__ */ new Set([...reads.map((read) => read.key.value), ...membershipKeys(tokens, qualify)]);
      if (keys.size > 0) guards.push({ indent: line.indent, keys });
    }
    if (tokens[0]?.value === "@") {
      const kind = qualify(tokens, 1);
      if (kind && isCacheDecorator(kind.name)) decorators.push({ kind: kind.name, line });
      return;
    }
    const definition = definedFunction(tokens);
    if (definition) {
      for (const decorator of decorators)
        if (definition.parameters > 0)
          found.inProcessCaches.push({
            kind: decorator.kind,
            name: definition.name,
            location: at3(decorator.line)
          });
      blocks.push({ kind: "def", indent: line.indent });
    } else if (tokens[0]?.value === "class") {
      blocks.push({ kind: "class", indent: line.indent });
      if (classBases(tokens, qualify).some((base) => SETTINGS_BASES.has(base)))
        found.envReads.push(
          ...settingsFields(lines, index).map((f) => ({ key: f.key, location: at3(f.token), schema: true }))
        );
    }
    decorators = [];
    const filled = filledName(tokens);
    if (filled && inFunction) filledInFunction.add(filled);
    const assigned = assignment(tokens);
    if (!assigned || inFunction) return;
    const call = assigned.value[0]?.kind === "name" ? qualify(assigned.value, 0) : void 0;
    const cacheClass = call && assigned.value[call.end]?.value === "(" ? cacheClassOf(call.name) : void 0;
    if (cacheClass)
      found.inProcessCaches.push({ kind: cacheClass, name: assigned.name.value, location: at3(line) });
    else if (CACHE_NAME2.test(assigned.name.value) && isEmptyDict(assigned.value, call?.name))
      dictCandidates.set(assigned.name.value, line);
  });
  for (const [name, line] of dictCandidates)
    if (filledInFunction.has(name)) found.inProcessCaches.push({ kind: "dict", name, location: at3(line) });
  found.inProcessCaches.sort((a, b) => a.location.line - b.location.line);
  return found;
}
function importsOf(lines) {
  const imports = /* @__PURE__ */ new Map();
  for (const { tokens } of lines) {
    const values = tokens.map((t) => t.value);
    if (values[0] === "import") {
      for (const clause of splitTopLevel(tokens.slice(1))) {
        const [dotted, alias] = dottedWithAlias(clause);
        if (dotted)
          imports.set(
            alias ?? dotted.split(".")[0],
            alias ? dotted : dotted.split(".")[0]
          );
      }
    } else if (values[0] === "from") {
      const importAt = values.indexOf("import");
      const module = values.slice(1, importAt).join("");
      if (importAt < 0 || module.startsWith(".")) continue;
      const names2 = tokens.slice(importAt + 1).filter((t) => t.value !== "(" && t.value !== ")");
      for (const clause of splitTopLevel(names2)) {
        const [name, alias] = dottedWithAlias(clause);
        if (name && name !== "*") imports.set(alias ?? name, `${module}.${name}`);
      }
    }
  }
  return imports;
}
function importedModule(line) {
  const values = line.tokens.map((t) => t.value);
  if (values[0] === "from") return values.slice(1, values.indexOf("import")).join("");
  if (values[0] === "import") return dottedWithAlias(splitTopLevel(line.tokens.slice(1))[0] ?? [])[0];
  return void 0;
}
function dottedWithAlias(tokens) {
  const asAt = tokens.findIndex((t) => t.value === "as");
  const dotted = (asAt < 0 ? tokens : tokens.slice(0, asAt)).map((t) => t.value).join("");
  return [dotted || void 0, asAt < 0 ? void 0 : tokens[asAt + 1]?.value];
}
function splitTopLevel(tokens) {
  const parts = [[]];
  let depth = 0;
  for (const token of tokens) {
    if ("([{".includes(token.value)) depth++;
    if (")]}".includes(token.value)) depth--;
    if (token.value === "," && depth === 0) parts.push([]);
    else parts[parts.length - 1]?.push(token);
  }
  return parts.filter((part) => part.length > 0);
}
function qualifiedName2(tokens, start, imports) {
  const first = tokens[start];
  if (first?.kind !== "name") return void 0;
  const parts = [first.value];
  let end = start + 1;
  while (tokens[end]?.value === "." && tokens[end + 1]?.kind === "name") {
    parts.push(tokens[end + 1]?.value);
    end += 2;
  }
  const resolved = imports.get(parts[0]) ?? parts[0];
  return { name: [resolved, ...parts.slice(1)].join("."), end };
}
function envReads(tokens, qualify) {
  const keys = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.kind !== "name" || tokens[i - 1]?.value === ".") continue;
    const name = qualify(tokens, i);
    if (!name) continue;
    const open = tokens[name.end];
    const key = tokens[name.end + 1];
    if (key?.kind !== "string" || key.prefix.includes("f") || key.prefix.includes("b")) continue;
    const subscriptRead = name.name === ENV_MAPPING && open?.value === "[" && tokens[name.end + 2]?.value === "]" && tokens[name.end + 3]?.value !== "=";
    const getterCall = ENV_GETTERS.has(name.name) && open?.value === "(";
    if (subscriptRead || getterCall)
      keys.push({
        key,
        optional: getterCall && tokens[name.end + 2]?.value === "," || inFallback(tokens, i)
      });
  }
  return keys;
}
function inFallback(tokens, index) {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const value = tokens[i]?.value;
    if (value === ")" || value === "]") depth++;
    else if (value === "(" || value === "[") {
      if (depth === 0) {
        const name = tokens[i - 1];
        return (name?.value === "get" || name?.value === "getenv") && tokens[i + 1]?.kind === "string" && tokens[i + 2]?.value === "," && i + 2 < index;
      }
      depth--;
    }
  }
  return false;
}
function membershipKeys(tokens, qualify) {
  const keys = [];
  tokens.forEach((token, i) => {
    if (token.kind !== "string" || tokens[i + 1]?.value !== "in" || tokens[i + 2]?.kind !== "name") return;
    if (qualify(tokens, i + 2)?.name === ENV_MAPPING) keys.push(token.value);
  });
  return keys;
}
function isCacheDecorator(qualified) {
  return Object.entries(PY_CACHE_DECORATORS).some(
    ([module, names2]) => [...names2].some((name) => qualified === `${module}.${name}`)
  );
}
function cacheClassOf(qualified) {
  for (const [module, names2] of Object.entries(PY_CACHE_CLASSES))
    for (const name of names2) if (qualified === `${module}.${name}`) return qualified;
  return void 0;
}
function definedFunction(tokens) {
  const defAt = tokens[0]?.value === "async" ? 1 : 0;
  const name = tokens[defAt + 1];
  if (tokens[defAt]?.value !== "def" || name?.kind !== "name" || tokens[defAt + 2]?.value !== "(")
    return void 0;
  const inside = [];
  let depth = 0;
  for (const token of tokens.slice(defAt + 2)) {
    if ("([{".includes(token.value)) depth++;
    if (")]}".includes(token.value)) depth--;
    if (depth === 0) break;
    if (depth > 1 || token.value !== "(" || inside.length > 0) inside.push(token);
  }
  const parameters = splitTopLevel(inside.slice(inside[0]?.value === "(" ? 1 : 0)).filter(
    (p) => !["self", "cls", "*", "/"].includes(p.map((t) => t.value).join(""))
  );
  return { name: name.value, parameters: parameters.length };
}
function classBases(tokens, qualify) {
  if (tokens[2]?.value !== "(") return [];
  const bases = [];
  for (let i = 3; i < tokens.length; i++) {
    if (tokens[i - 1]?.value !== "(" && tokens[i - 1]?.value !== ",") continue;
    const name = qualify(tokens, i);
    if (name) bases.push(name.name);
  }
  return bases;
}
function settingsFields(lines, classAt) {
  const classIndent = lines[classAt]?.indent ?? 0;
  const body = [];
  for (const line of lines.slice(classAt + 1)) {
    if (line.indent <= classIndent) break;
    body.push(line);
  }
  const bodyIndent = body[0]?.indent;
  const tokens = body.flatMap((l) => l.tokens);
  const prefixAt = tokens.findIndex(
    (t, i) => t.value === "env_prefix" && ["=", ":"].includes(tokens[i + 1]?.value ?? "")
  );
  const prefix = prefixAt >= 0 && tokens[prefixAt + 2]?.kind === "string" ? tokens[prefixAt + 2]?.value ?? "" : "";
  return body.filter((line) => line.indent === bodyIndent).flatMap(
    ({ tokens: [name, colon, ...rest] }) => name?.kind === "name" && colon?.value === ":" && !name.value.startsWith("_") && name.value !== "model_config" && !rest.some((t) => t.value === "=") ? [{ key: `${prefix}${name.value}`.toUpperCase(), token: name }] : []
  );
}
function assignment(tokens) {
  const name = tokens[0];
  if (name?.kind !== "name") return void 0;
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    const value = tokens[i]?.value;
    if ("([{".includes(value)) depth++;
    if (")]}".includes(value)) depth--;
    if (value === "=" && depth === 0)
      return i === 1 || tokens[1]?.value === ":" ? { name, value: tokens.slice(i + 1) } : void 0;
  }
  return void 0;
}
function isEmptyDict(value, call) {
  if (value[0]?.value === "{" && value[1]?.value === "}" && value.length === 2) return true;
  const factory = call ?? (value[0]?.kind === "name" ? value[0].value : void 0);
  return factory !== void 0 && (DICT_FACTORIES.has(factory) || factory === "dict");
}
function filledName(tokens) {
  const [name, next, method] = tokens;
  if (name?.kind !== "name") return void 0;
  if (next?.value === "." && (method?.value === "setdefault" || method?.value === "update"))
    return name.value;
  if (next?.value !== "[") return void 0;
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    const value = tokens[i]?.value;
    if ("([{".includes(value)) depth++;
    if (")]}".includes(value)) depth--;
    if (depth === 0) return tokens[i + 1]?.value === "=" ? name.value : void 0;
  }
  return void 0;
}
var ROUTE_CALLS = /* @__PURE__ */ new Set([
  "get",
  "head",
  "route",
  "api_route",
  "path",
  "re_path",
  "add_url_rule",
  "add_api_route"
]);
function healthRoutes(lines, at3) {
  const found = [];
  for (const { tokens } of lines)
    tokens.forEach((token, i) => {
      const literal = tokens[i + 2];
      if (token.kind !== "name" || !ROUTE_CALLS.has(token.value) || tokens[i + 1]?.value !== "(") return;
      if (literal?.kind !== "string" || literal.prefix.includes("f")) return;
      const path3 = healthPath(literal.value);
      if (path3) found.push({ path: path3, location: at3(literal) });
    });
  return found;
}

// src/sources/code/relevance.ts
var CODE_FILE = /\.([cm]?[jt]sx?|py)$/;
var DECLARATION_FILE = /\.d\.[cm]?ts$/;
var TEST_FILE = /\.(test|spec|stories|story|bench)\.[cm]?[jt]sx?$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;
var NOT_APP_FOLDER = /(^|\/)(tests?|__tests__|__mocks__|spec|e2e|cypress|playwright|migrations|alembic|scripts|examples?|docs?|fixtures|mocks?|stories|public|static|assets|generated|__generated__|seeds?|seeders|bench(marks?)?|cli|management\/commands)\//;
var HIDDEN_FOLDER = /(^|\/)\.[^/]+\//;
var TOOL_FILE = /(^|\/)([^/]*\.config|\.[^/]*rc|gulpfile|gruntfile|jest\.setup|vitest\.setup|setup|noxfile|fabfile|seeds?)\.[cm]?[jt]s$|(^|\/)(setup|noxfile|fabfile)\.py$/i;
var MINIFIED = /\.(min|bundle|chunk)\.[cm]?js$/;
function isApplicationCode(path3) {
  return CODE_FILE.test(path3) && !DECLARATION_FILE.test(path3) && !TEST_FILE.test(path3) && !NOT_APP_FOLDER.test(path3) && !HIDDEN_FOLDER.test(path3) && !TOOL_FILE.test(path3) && !MINIFIED.test(path3);
}

// src/sources/code/index.ts
var CODE_LIMITS = { maxFiles: 500, maxFileBytes: 256 * 1024 };
var codeSource = {
  id: "code",
  matches: (path3) => isApplicationCode(path3) || NEXT_CONFIG.test(path3),
  async read(files) {
    const found = {
      ...emptyCodeFindings(),
      envDeclarations: []
    };
    const nextConfigs = files.filter((f) => NEXT_CONFIG.test(f.path));
    if (nextConfigs.length > 0) await loadBabel();
    for (const file of nextConfigs) {
      const { keys, diagnostics } = nextConfigEnvKeys(file);
      found.envDeclarations.push(...keys);
      found.diagnostics.push(...diagnostics);
    }
    const sorted = [...files].filter((f) => !NEXT_CONFIG.test(f.path)).sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    const tooLarge = sorted.filter((f) => Buffer.byteLength(f.text) > CODE_LIMITS.maxFileBytes);
    const readable = sorted.filter((f) => !tooLarge.includes(f));
    const overCount = readable.splice(CODE_LIMITS.maxFiles);
    const parsed = readable.filter((f) => f.path.endsWith(".py") || mayHoldFacts(f));
    if (parsed.some((f) => !f.path.endsWith(".py"))) await loadBabel();
    for (const file of parsed) {
      const one = file.path.endsWith(".py") ? readPython(file) : readJavaScript(file);
      found.envReads.push(...one.envReads);
      found.inProcessCaches.push(...one.inProcessCaches);
      found.sharedCacheBackends.push(...one.sharedCacheBackends);
      found.requestHandlers.push(...one.requestHandlers);
      found.healthEndpoints.push(...one.healthEndpoints);
      found.diagnostics.push(...one.diagnostics);
    }
    found.diagnostics.push(
      ...skipped(tooLarge, `over ${CODE_LIMITS.maxFileBytes / 1024} KB`),
      ...skipped(overCount, `past the first ${CODE_LIMITS.maxFiles} code files`)
    );
    return found;
  }
};
function skipped(files, why) {
  const [first] = files;
  if (!first) return [];
  const names2 = files.slice(0, 5).map((f) => f.path);
  const more = files.length > names2.length ? ` and ${files.length - names2.length} more` : "";
  return [
    {
      severity: "info",
      origin: "code",
      message: `${files.length} code file(s) ${why} were not read for env reads and caches: ${names2.join(", ")}${more}.`,
      location: { path: first.path, line: 1 }
    }
  ];
}

// src/sources/infrastructure-images.ts
var INFRASTRUCTURE_IMAGES = /* @__PURE__ */ new Set([
  "mongo",
  "mongodb",
  "clickhouse",
  "clickhouse-server",
  "elasticsearch",
  "opensearch",
  "minio",
  // MinIO's client, which compose files run once to create buckets.
  "mc",
  "mailpit",
  "mailhog",
  "inbucket",
  "maildev",
  "localstack",
  "traefik",
  "caddy",
  "nginx",
  "haproxy",
  "envoy",
  "grafana",
  "prometheus",
  "loki",
  "jaeger",
  "all-in-one",
  "otel-collector",
  "opentelemetry-collector",
  "opentelemetry-collector-contrib",
  "pgadmin4",
  "pgadmin",
  "adminer",
  "redis-commander",
  "redisinsight",
  "rabbitmq",
  "kafka",
  "cp-kafka",
  "zookeeper",
  "cp-zookeeper",
  "memcached",
  "meilisearch",
  "typesense",
  "qdrant",
  "weaviate",
  "chromadb",
  "chroma",
  "milvus",
  "etcd",
  "consul",
  "vault",
  "keycloak",
  "pgbouncer",
  "supavisor",
  "flower",
  "mysql-server",
  "cassandra",
  "neo4j",
  "influxdb",
  "questdb",
  "nats",
  "temporal",
  "ngrok",
  "cloudflared",
  "watchtower",
  "portainer",
  "registry",
  "toxiproxy",
  // Model servers run beside the app on their own hardware (GPUs), like a datastore.
  "vllm-openai",
  "vllm",
  "ollama",
  "text-generation-inference"
]);
function isInfrastructureImage(image) {
  const name = image.split("@")[0]?.split(":")[0]?.split("/").at(-1)?.toLowerCase() ?? "";
  return INFRASTRUCTURE_IMAGES.has(name) || /^(postgres|redis|valkey|mysql|mariadb)(-|$)/.test(name);
}

// src/sources/service-shape.ts
function baseService(platform2, name, kind, location, rootDir) {
  return {
    id: `service:${name}`,
    name,
    platform: platform2,
    kind,
    instances: { min: 1, max: 1, autoscaling: false, location },
    env: [],
    rootDir,
    settings: {},
    location
  };
}
function directoryOf2(path3) {
  return path3.includes("/") ? path3.slice(0, path3.lastIndexOf("/")) : "";
}
function defaultName(path3, platform2) {
  const directory = directoryOf2(path3);
  return directory ? directory.split("/").at(-1) : platform2;
}
function literalConnections(service) {
  return service.env.flatMap((binding2) => {
    if (binding2.source.kind !== "value") return [];
    const url = parseConnectionUrl(binding2.source.value.reveal());
    return url ? [
      {
        id: `env:${binding2.key}`,
        key: binding2.key,
        url,
        location: binding2.location,
        service: service.name
      }
    ] : [];
  });
}
function execFormCommand(words) {
  return words.map((word) => /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'"'"'`)}'`).join(" ");
}

// src/sources/docker-compose/roles.ts
var DEVELOPMENT_WORDS = /* @__PURE__ */ new Set([
  "dev",
  "develop",
  "development",
  "local",
  "test",
  "tests",
  "testing",
  "e2e",
  "ci",
  "override",
  "example",
  "sample",
  "debug"
]);
var DEVELOPMENT_FOLDERS = /* @__PURE__ */ new Set([
  "dev",
  "development",
  "local",
  "testing",
  "ci",
  "example",
  "examples",
  ".devcontainer"
]);
var PRODUCTION_WORDS = /* @__PURE__ */ new Set(["prod", "production"]);
function fileRole(path3) {
  const parts = path3.split("/");
  const words = (parts.at(-1) ?? "").toLowerCase().split(/[.\-_]/);
  if (words.some((word) => PRODUCTION_WORDS.has(word))) return "production";
  if (words.some((word) => DEVELOPMENT_WORDS.has(word))) return "development";
  if (inTestFolder(path3) || parts.slice(0, -1).some((folder) => DEVELOPMENT_FOLDERS.has(folder.toLowerCase())))
    return "development";
  return "unnamed";
}
function isDevelopmentTarget(target) {
  return target !== void 0 && /^(dev|develop|development|test|testing|local)$/i.test(target);
}

// src/sources/docker-compose/index.ts
var COMPOSE = /((^|\/)(docker-)?compose(\.[\w-]+)?|^(production|prod|staging))\.ya?ml$/;
var DATASTORE_IMAGES = [
  [
    /^(postgres|postgis\/postgis|bitnami\/postgresql|supabase\/postgres|timescale\/timescaledb(-ha)?|pgvector\/pgvector|ankane\/pgvector|pgautoupgrade\/pgautoupgrade)(:|@|$)/,
    "postgres"
  ],
  [
    /^(redis|valkey\/valkey|bitnami\/redis|bitnami\/valkey|redis\/redis-stack(-server)?|eqalpha\/keydb)(:|@|$)/,
    "redis"
  ],
  [/^(mysql|mariadb|bitnami\/mysql|bitnami\/mariadb)(:|@|$)/, "mysql"]
];
function imageName(image) {
  return image.replace(/\$\{[A-Za-z_]\w*:?-([^}]*)\}/g, "$1").replace(/^(docker\.io\/|registry-1\.docker\.io\/)?(library\/)?/, "");
}
var dockerComposeSource = {
  id: "docker-compose",
  matches: (path3) => COMPOSE.test(path3),
  read(files) {
    const fragment = {
      services: [],
      datastores: [],
      connections: [],
      envDeclarations: [],
      diagnostics: []
    };
    for (const file of files) {
      const role = fileRole(file.path);
      const { root, diagnostics } = parseLocatedYaml(file.path, file.text, "docker-compose");
      const entries = root?.get("services")?.entries() ?? [];
      for (const [, node] of entries)
        for (const { key, location } of environment(node.get("environment")))
          fragment.envDeclarations.push({ key, location });
      if (role === "development") continue;
      const assumed = role === "unnamed" ? { assumedDeployment: true } : {};
      fragment.diagnostics.push(...diagnostics);
      const builtImages = imagesBuilt(entries, directoryOf2(file.path));
      const datastores = [];
      const services = [];
      let developmentServices = 0;
      for (const [name, node] of entries) {
        if (!node.get("image") && !node.get("build") && !node.get("extends")) continue;
        const image = imageName(node.get("image")?.string() ?? "");
        const store = DATASTORE_IMAGES.find(([pattern]) => pattern.test(image));
        if (store) {
          datastores.push({
            id: `${store[1] === "redis" ? "keyvalue" : "database"}:${name}`,
            name,
            kind: store[1],
            platform: "docker-compose",
            settings: {},
            ...assumed,
            location: node.location
          });
          continue;
        }
        if (isInfrastructureImage(image)) continue;
        const built = composeImage(node.get("build"), directoryOf2(file.path)) ?? builtImages.get(image);
        if (isDevelopmentService(node, built)) {
          developmentServices++;
          continue;
        }
        const service = baseService(
          "docker-compose",
          name,
          node.get("ports") ? "web" : "worker",
          node.location,
          directoryOf2(file.path)
        );
        const replicas = node.get("deploy")?.get("replicas");
        const count3 = replicas?.number() ?? 1;
        service.instances = {
          min: count3,
          max: count3,
          autoscaling: false,
          location: replicas?.location ?? node.location
        };
        const command = commandText(node.get("command"));
        if (command)
          service.startCommand = { value: command, location: node.get("command")?.location ?? node.location };
        service.env = environment(node.get("environment"));
        Object.assign(service.settings, limits(node));
        Object.assign(service, assumed);
        if (built) service.image = built;
        services.push(service);
      }
      if (developmentServices > 0 && !services.some((service) => service.image)) continue;
      fragment.datastores.push(...datastores);
      fragment.services.push(...services);
      for (const service of services) fragment.connections.push(...literalConnections(service));
    }
    return fragment;
  }
};
function limits(node) {
  const settings = {};
  const deployLimits = node.get("deploy")?.get("resources")?.get("limits");
  const memory = deployLimits?.get("memory") ?? node.get("mem_limit");
  const megabytes2 = memory ? composeMegabytes(memory.string()) : void 0;
  if (memory && megabytes2 !== void 0) settings.memoryMb = { value: megabytes2, location: memory.location };
  const cpus = deployLimits?.get("cpus") ?? node.get("cpus");
  const cpuCount = cpus?.number();
  if (cpus && cpuCount !== void 0 && cpuCount > 0)
    settings.cpus = { value: cpuCount, location: cpus.location };
  return settings;
}
function composeMegabytes(text2) {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg])?b?$/i.exec(text2?.trim() ?? "");
  if (!match) return void 0;
  const factor = { b: 1 / 1024 / 1024, k: 1 / 1024, m: 1, g: 1024 }[(match[2] ?? "b").toLowerCase()];
  return Math.round(Number(match[1]) * factor);
}
function commandText(node) {
  if (!node) return void 0;
  const items = node.items();
  return items.length ? execFormCommand(items.map((item) => item.string() ?? "")) : node.string();
}
function environment(node) {
  if (!node) return [];
  const pairs2 = node.isMap ? node.entries().map(([key, value]) => [key, value.string(), value]) : node.items().map((item) => {
    const text2 = item.string() ?? "";
    const equals = text2.indexOf("=");
    return equals < 0 ? [text2, void 0, item] : [text2.slice(0, equals), text2.slice(equals + 1), item];
  });
  return pairs2.map(([key, value, at3]) => ({
    key,
    source: value === void 0 ? { kind: "unset" } : { kind: "value", value: new Secret(value) },
    location: at3.location
  }));
}
function composeImage(node, folder) {
  if (!node) return void 0;
  const context = repositoryPath(folder, (node.isMap ? node.get("context")?.string() : node.string()) ?? ".");
  const dockerfile = node.isMap ? node.get("dockerfile")?.string() : void 0;
  const target = node.isMap ? node.get("target")?.string() : void 0;
  return {
    context,
    dockerfile: repositoryPath(context, dockerfile ?? "Dockerfile"),
    ...target ? { target } : {}
  };
}
function imagesBuilt(entries, folder) {
  const built = /* @__PURE__ */ new Map();
  for (const [, node] of entries) {
    const tag = node.get("image")?.string();
    const image = composeImage(node.get("build"), folder);
    if (tag && image) built.set(imageName(tag), image);
  }
  return built;
}
function isDevelopmentService(node, image) {
  return node.get("profiles") !== void 0 || isDevelopmentTarget(image?.target) || image !== void 0 && fileRole(image.dockerfile) === "development";
}

// src/sources/dockerfile/instructions.ts
var import_node_path4 = __toESM(require_node_path(), 1);
function instructionsOf(text2) {
  const continuation = /^#\s*escape\s*=\s*(\S)/im.exec(text2.split("\n", 1)[0] ?? "")?.[1] ?? "\\";
  const instructions = [];
  let current;
  text2.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed.startsWith("#") || !current && trimmed === "") return;
    const continues = trimmed.endsWith(continuation);
    const body = continues ? trimmed.slice(0, -1) : trimmed;
    if (current) current.text += ` ${body}`;
    else {
      const [keyword = "", ...rest] = body.split(/\s+/);
      current = { keyword: keyword.toUpperCase(), text: rest.join(" "), line };
    }
    if (!continues) {
      instructions.push(current);
      current = void 0;
    }
  });
  if (current) instructions.push(current);
  return instructions;
}
function readDockerfile(file) {
  const states = [];
  let state;
  for (const instruction of instructionsOf(file.text)) {
    if (instruction.keyword === "FROM") {
      const [image = "", as, name] = instruction.text.split(/\s+/).filter((word) => !word.startsWith("--"));
      const parent2 = states.find((stage) => stage.name?.toLowerCase() === image.toLowerCase());
      state = {
        workdir: parent2?.workdir ?? "/",
        copies: [...parent2?.copies ?? []],
        vars: { ...parent2?.vars }
      };
      if (parent2?.entrypoint) state.entrypoint = parent2.entrypoint;
      if (parent2?.cmd) state.cmd = parent2.cmd;
      if (as?.toUpperCase() === "AS" && name) state.name = name;
      states.push(state);
      continue;
    }
    if (!state) continue;
    const expand = (text2) => expandVariables(text2, state.vars);
    switch (instruction.keyword) {
      case "ENTRYPOINT":
        state.entrypoint = instruction;
        state.cmd = void 0;
        break;
      case "CMD":
        state.cmd = instruction;
        break;
      case "WORKDIR":
        state.workdir = import_node_path4.posix.resolve(state.workdir, expand(instruction.text));
        break;
      case "ENV":
      case "ARG":
        Object.assign(state.vars, assignments(instruction.text, instruction.keyword === "ENV"));
        break;
      case "COPY":
      case "ADD":
        state.copies.push(...copiesOf(expand(instruction.text), state.workdir));
        break;
    }
  }
  return {
    path: file.path,
    stages: states.map((stage) => {
      const parts = [stage.entrypoint, stage.cmd].filter((i) => i !== void 0);
      const last = parts.at(-1);
      return {
        ...stage.name ? { name: stage.name } : {},
        ...last ? {
          command: {
            value: parts.map((i) => shellForm(i.text)).join(" "),
            location: { path: file.path, line: last.line }
          }
        } : {},
        workdir: stage.workdir,
        copies: stage.copies
      };
    })
  };
}
function assignments(text2, legacyForm) {
  const words = wordsOf(text2);
  if (legacyForm && words[0] && !words[0].includes("=")) return { [words[0]]: words.slice(1).join(" ") };
  const vars = {};
  for (const word of words) {
    const equals = word.indexOf("=");
    if (equals > 0) vars[word.slice(0, equals)] = word.slice(equals + 1);
  }
  return vars;
}
function copiesOf(text2, workdir) {
  const words = execFormWords(text2) ?? wordsOf(text2);
  if (words.some((word) => word.startsWith("--from"))) return [];
  const paths = words.filter((word) => !word.startsWith("--"));
  const destination = paths.pop();
  if (!destination || paths.length === 0) return [];
  const into = paths.length > 1 || destination.endsWith("/");
  const target = import_node_path4.posix.resolve(workdir, destination);
  return paths.map((source) => ({
    source: import_node_path4.posix.normalize(source),
    destination: into ? import_node_path4.posix.join(target, "/") : target
  }));
}
function expandVariables(text2, vars) {
  return text2.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (written, braced, bare) => {
    const value = vars[braced ?? bare];
    return value === void 0 ? written : value;
  });
}
function wordsOf(text2) {
  return [...text2.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}
function execFormWords(text2) {
  if (!text2.startsWith("[")) return void 0;
  try {
    const words = JSON.parse(text2);
    if (Array.isArray(words) && words.every((w) => typeof w === "string")) return words;
  } catch {
  }
  return void 0;
}
function shellForm(text2) {
  const words = execFormWords(text2);
  return words === void 0 ? text2 : execFormCommand(words);
}

// src/sources/dockerfile/index.ts
var DOCKERFILE_NAME = /^(Dockerfile(\.[\w.-]+)?|[\w.-]+\.Dockerfile)$/;
var SCRIPT_NAME = /^(start|entrypoint|docker-entrypoint|start-[\w-]+|[\w-]+-entrypoint)$/;
var isShellScript = (path3) => path3.endsWith(".sh") || SCRIPT_NAME.test(fileName(path3));
var dockerfileSource = {
  id: "dockerfile",
  matches: (path3) => DOCKERFILE_NAME.test(fileName(path3)) || isShellScript(path3) && !inTestFolder(path3),
  read(files) {
    const fragment = {
      dockerfiles: [],
      shellScripts: []
    };
    for (const file of files) {
      if (isShellScript(file.path)) fragment.shellScripts.push({ path: file.path, text: file.text });
      else fragment.dockerfiles.push(readDockerfile(file));
    }
    return fragment;
  }
};

// src/sources/env/parse-dotenv.ts
var KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
var QUOTES = /* @__PURE__ */ new Set(['"', "'", "`"]);
var ESCAPES = { n: "\n", r: "\r", t: "	", '"': '"', "\\": "\\" };
function parseDotenv(path3, text2) {
  const lines = text2.replace(/^\uFEFF/, "").split(/\r?\n/);
  const entries = [];
  const diagnostics = [];
  const warn2 = (line, message) => diagnostics.push({ severity: "warning", origin: "env", message, location: { path: path3, line } });
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const body = lines[index].trim().replace(/^export\s+/, "");
    if (body === "" || body.startsWith("#")) continue;
    const equals = body.indexOf("=");
    const key = (equals < 0 ? body : body.slice(0, equals)).trim();
    if (equals < 0 || !KEY.test(key)) {
      warn2(line, `${path3}:${line} is not KEY=value; the line was skipped.`);
      continue;
    }
    const raw = body.slice(equals + 1).trimStart();
    const quote = raw[0] ?? "";
    if (!QUOTES.has(quote)) {
      entries.push({ key, value: unquotedValue(raw), line });
      continue;
    }
    const quoted = readQuoted(lines, index, raw.slice(1), quote);
    if (quoted === void 0) {
      warn2(
        line,
        `${path3}:${line}: the value of ${key} opens a ${quote} quote that never closes; it was read up to the end of the line.`
      );
      entries.push({ key, value: raw.slice(1), line });
      continue;
    }
    entries.push({ key, value: quoted.value, line });
    index = quoted.lastIndex;
  }
  return { entries, diagnostics };
}
function unquotedValue(raw) {
  const comment = raw.search(/\s#/);
  return (comment < 0 ? raw : raw.slice(0, comment)).trim();
}
function readQuoted(lines, index, start, quote) {
  let value = "";
  let current = start;
  for (let at3 = index; ; ) {
    for (let i = 0; i < current.length; i++) {
      const c = current[i];
      if (c === "\\" && quote === '"' && i + 1 < current.length) {
        const next = current[++i];
        value += ESCAPES[next] ?? `\\${next}`;
      } else if (c === quote) {
        return { value, lastIndex: at3 };
      } else {
        value += c;
      }
    }
    if (++at3 >= lines.length) return void 0;
    value += "\n";
    current = lines[at3];
  }
}

// src/sources/env/index.ts
var TEMPLATE_PARTS = /* @__PURE__ */ new Set(["example", "sample", "template", "dist", "tpl", "defaults"]);
var NOT_DOTENV = /\.(swp|swo|bak|orig|enc|gpg|age|json|ya?ml|js|ts|py|sh)$/;
function isEnvFile(path3) {
  const name = fileName(path3);
  return name === ".env" || name.startsWith(".env.") && !NOT_DOTENV.test(name);
}
function envFileKind(path3) {
  return fileName(path3).split(".").some((part) => TEMPLATE_PARTS.has(part.toLowerCase())) ? "template" : "real";
}
var envSource = {
  id: "env",
  matches: isEnvFile,
  read(files) {
    const fragment = {
      envFiles: [],
      connections: [],
      diagnostics: []
    };
    for (const file of files) {
      const { envFile, connections, diagnostics } = readEnvFile(file);
      fragment.envFiles.push(envFile);
      fragment.connections.push(...connections);
      fragment.diagnostics.push(...diagnostics);
    }
    return fragment;
  }
};
function readEnvFile(file) {
  const { entries, diagnostics } = parseDotenv(file.path, file.text);
  const kind = envFileKind(file.path);
  const connections = [];
  const envEntries = entries.map((entry) => {
    const location = { path: file.path, line: entry.line };
    const url = parseConnectionUrl(entry.value);
    const envEntry = {
      key: entry.key,
      value: new Secret(entry.value),
      masked: url?.masked ?? (entry.value === "" ? "" : SECRET_MASK),
      location
    };
    if (url) {
      envEntry.url = url;
      connections.push({ id: `env:${entry.key}`, key: entry.key, url, location });
    }
    return envEntry;
  });
  return {
    envFile: {
      path: file.path,
      kind,
      entries: envEntries,
      ...kind === "template" ? { commentedKeys: commentedKeys(file.text) } : {}
    },
    connections,
    diagnostics
  };
}
var COMMENTED_ASSIGNMENT = /^\s*#+\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;
function commentedKeys(text2) {
  return text2.split(/\r?\n/).flatMap((line) => COMMENTED_ASSIGNMENT.exec(line)?.[1] ?? []);
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string4, ptr) {
  let lines = string4.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string4, line, column) {
  let lines = string4.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date2, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date2 === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date2.slice(11, 13) > 23) {
              date2 = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date2 += "Z";
            } else if ((c = date2.charCodeAt(date2.length - 1)) !== 90 && c !== 122) {
              offset = date2.slice(date2.length - 6);
            }
            if (unsafeDelim)
              date2 = date2.slice(0, 10) + "T" + date2.slice(11);
          } else if (fasttype === 4) {
            date2 = +date2.slice(0, 2) > 23 ? "" : `0000-01-01T${date2}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date2.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date2 = `0000-01-01T${date2}`;
          }
          hasTime = !!match[2];
          hasTime && date2[10] === " " && (date2 = date2.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date2 = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date2 += "Z";
          }
        } else {
          date2 = "";
        }
      }
    }
    super(date2);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date2 = new _TomlDate(jsDate);
    date2.#offset = offset;
    return date2;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date2 = new _TomlDate(jsDate);
    date2.#offset = null;
    return date2;
  }
  static wrapAsLocalDate(jsDate) {
    let date2 = new _TomlDate(jsDate);
    date2.#hasTime = false;
    date2.#offset = null;
    return date2;
  }
  static wrapAsLocalTime(jsDate) {
    let date2 = new _TomlDate(jsDate);
    date2.#hasDate = false;
    date2.#offset = null;
    return date2;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date2 = new TomlDate(str, type, unsafeDelim);
    if (!date2.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date2;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta2, type) {
  let t = table;
  let m = meta2;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse3(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta2 = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta2;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta2,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/sources/located-toml.ts
function parseLocatedToml(path3, text2, origin) {
  let data;
  try {
    data = parse3(text2);
  } catch (error3) {
    const line = error3.line ?? 1;
    const reason = error3 instanceof Error ? error3.message.split("\n")[0] ?? "" : String(error3);
    return {
      diagnostics: [
        {
          severity: "error",
          origin,
          message: `${path3} is not valid TOML: ${reason}`,
          location: { path: path3, line }
        }
      ]
    };
  }
  const lines = lineIndex(text2);
  return {
    toml: {
      data,
      lineOf(dotted) {
        for (let parts = dotted.split("."); parts.length > 0; parts = parts.slice(0, -1)) {
          const line = lines.get(parts.join("."));
          if (line !== void 0) return line;
        }
        return 1;
      }
    },
    diagnostics: []
  };
}
function lineIndex(text2) {
  const lines = /* @__PURE__ */ new Map();
  const arrayCounts = /* @__PURE__ */ new Map();
  const resolve2 = (segments) => segments.reduce((path3, segment) => {
    const next = path3 ? `${path3}.${segment}` : segment;
    const count3 = arrayCounts.get(next);
    return count3 === void 0 ? next : `${next}.${count3 - 1}`;
  }, "");
  let table = "";
  let closingQuotes;
  let openBrackets = 0;
  text2.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (closingQuotes) {
      if (line.includes(closingQuotes)) closingQuotes = void 0;
      return;
    }
    if (openBrackets > 0) {
      openBrackets += bracketBalance(line);
      return;
    }
    const arrayHeader = /^\[\[\s*([^\]]+?)\s*\]\]/.exec(line);
    const header = arrayHeader ? void 0 : /^\[\s*([^\]]+?)\s*\]/.exec(line);
    if (arrayHeader) {
      const segments = unquote(arrayHeader[1]).split(".");
      const parent2 = resolve2(segments.slice(0, -1));
      const name = parent2 ? `${parent2}.${segments.at(-1)}` : segments[0];
      const count3 = arrayCounts.get(name) ?? 0;
      arrayCounts.set(name, count3 + 1);
      table = `${name}.${count3}`;
      lines.set(table, index + 1);
      if (count3 === 0) lines.set(name, index + 1);
    } else if (header) {
      table = resolve2(unquote(header[1]).split("."));
      lines.set(table, index + 1);
    } else {
      const key = /^([A-Za-z0-9_."'-]+)\s*=\s*(.*)$/.exec(line);
      if (!key) return;
      const name = unquote(key[1]);
      lines.set(table ? `${table}.${name}` : name, index + 1);
      const value = key[2];
      const quotes = value.startsWith('"""') ? '"""' : value.startsWith("'''") ? "'''" : void 0;
      if (quotes && !value.slice(3).includes(quotes)) closingQuotes = quotes;
      else if (value.startsWith("[")) openBrackets = Math.max(0, bracketBalance(value));
    }
  });
  return lines;
}
function bracketBalance(line) {
  let balance = 0;
  let quote;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = void 0;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "#") break;
    else if (char === "[") balance++;
    else if (char === "]") balance--;
  }
  return balance;
}
function unquote(key) {
  return key.split(".").map((part) => part.trim().replace(/^["']|["']$/g, "")).join(".");
}
function asRecord(value) {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function tomlEnvBindings(table, prefix, at3) {
  return Object.entries(table).flatMap(
    ([key, value]) => value !== null && typeof value === "object" && !(value instanceof Date) ? [] : [
      {
        key,
        source: { kind: "value", value: new Secret(String(value)) },
        location: at3(`${prefix}.${key}`)
      }
    ]
  );
}

// src/sources/fly/http-services.ts
function readHttpServices(toml, path3, diagnostics) {
  const sections = [];
  if (toml.data.http_service !== void 0)
    sections.push(["http_service", asRecord(toml.data.http_service), true]);
  const legacy = Array.isArray(toml.data.services) ? toml.data.services : [];
  legacy.forEach((entry, index) => {
    const section = asRecord(entry);
    sections.push([`services.${index}`, section, Array.isArray(section.ports) && section.ports.length > 0]);
  });
  return sections.map(([key, section, isPublic]) => {
    const at3 = (name) => ({ path: path3, line: toml.lineOf(`${key}.${name}`) });
    const service = {
      public: isPublic,
      autoStop: {
        value: autoStopMode(section.auto_stop_machines, at3("auto_stop_machines"), diagnostics),
        location: at3("auto_stop_machines")
      },
      autoStart: { value: section.auto_start_machines !== false, location: at3("auto_start_machines") },
      minRunning: {
        value: count2(section.min_machines_running, at3("min_machines_running"), diagnostics),
        location: at3("min_machines_running")
      },
      concurrency: {},
      location: at3("")
    };
    if (Array.isArray(section.processes)) service.processes = section.processes.map(String);
    const concurrency = asRecord(section.concurrency);
    for (const name of ["type", "soft_limit", "hard_limit"]) {
      const value = concurrency[name];
      if (typeof value === "string" || typeof value === "number")
        service.concurrency[name] = { value, location: at3(`concurrency.${name}`) };
    }
    const checks = [
      ["checks", section.checks],
      ["http_checks", section.http_checks]
    ];
    for (const [name, list] of checks) {
      if (!Array.isArray(list) || service.httpCheck) continue;
      const index = list.findIndex((check) => typeof asRecord(check).path === "string");
      if (index >= 0)
        service.httpCheck = {
          value: asRecord(list[index]).path,
          location: at3(`${name}.${index}.path`)
        };
    }
    if (Array.isArray(section.tcp_checks) && section.tcp_checks.length > 0)
      service.tcpCheck = at3("tcp_checks.0");
    return service;
  });
}
function autoStopMode(value, location, diagnostics) {
  if (value === void 0) return FLY_AUTO_STOP_DEFAULT.value;
  if (value === true) return "stop";
  if (value === false) return "off";
  if (value === "off" || value === "stop" || value === "suspend") return value;
  diagnostics.push({
    severity: "warning",
    origin: "fly",
    message: `auto_stop_machines = ${JSON.stringify(value)} is not one of "off", "stop", "suspend" or a boolean; Headroom read it as the default ("${FLY_AUTO_STOP_DEFAULT.value}").`,
    location
  });
  return FLY_AUTO_STOP_DEFAULT.value;
}
function count2(value, location, diagnostics) {
  if (value === void 0) return FLY_MIN_MACHINES_DEFAULT.value;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  diagnostics.push({
    severity: "warning",
    origin: "fly",
    message: `min_machines_running = ${JSON.stringify(value)} is not a whole number; Headroom read it as ${FLY_MIN_MACHINES_DEFAULT.value}.`,
    location
  });
  return FLY_MIN_MACHINES_DEFAULT.value;
}

// src/sources/fly/vm.ts
function readVm(toml, path3, group, diagnostics) {
  const entries = Array.isArray(toml.data.vm) ? toml.data.vm.map(asRecord) : [asRecord(toml.data.vm)];
  const prefix = Array.isArray(toml.data.vm) ? "vm." : "vm";
  const index = [
    entries.findIndex((vm2) => Array.isArray(vm2.processes) && vm2.processes.includes(group)),
    entries.findIndex((vm2) => !Array.isArray(vm2.processes))
  ].find((i) => i >= 0);
  if (index === void 0) return {};
  const vm = entries[index];
  const key = (name) => prefix === "vm" ? `vm.${name}` : `vm.${index}.${name}`;
  const at3 = (name) => ({ path: path3, line: toml.lineOf(key(name)) });
  const settings = {};
  const preset = typeof vm.size === "string" ? FLY_VM_SIZES.value[vm.size] : void 0;
  if (typeof vm.size === "string") settings.size = { value: vm.size, location: at3("size") };
  const memoryKey = vm.memory !== void 0 ? "memory" : vm.memory_mb !== void 0 ? "memory_mb" : void 0;
  const memory = memoryKey ? megabytes(vm[memoryKey]) : void 0;
  if (memoryKey && memory === void 0)
    diagnostics.push({
      severity: "warning",
      origin: "fly",
      message: `${memoryKey} = ${JSON.stringify(vm[memoryKey])} is not a size Fly reads ("512mb", "1gb" or a number of MB); the machine's memory is unknown.`,
      location: at3(memoryKey)
    });
  if (memory !== void 0 && memoryKey) settings.memoryMb = { value: memory, location: at3(memoryKey) };
  else if (preset) settings.memoryMb = { value: preset.memoryMb, location: at3("size") };
  if (typeof vm.cpus === "number") settings.cpus = { value: vm.cpus, location: at3("cpus") };
  else if (preset) settings.cpus = { value: preset.cpus, location: at3("size") };
  if (typeof vm.cpu_kind === "string") settings.cpu_kind = { value: vm.cpu_kind, location: at3("cpu_kind") };
  return settings;
}
function megabytes(value) {
  if (typeof value === "number") return value > 0 ? value : void 0;
  if (typeof value !== "string") return void 0;
  const match = /^(\d+(?:\.\d+)?)\s*(gb|g|mb|m)?$/i.exec(value.trim());
  if (!match) return void 0;
  const unit = (match[2] ?? "mb").toLowerCase();
  return Number(match[1]) * (unit.startsWith("g") ? 1024 : 1);
}

// src/sources/fly/index.ts
var flySource = {
  id: "fly",
  matches: (path3) => path3 === "fly.toml" || path3.endsWith("/fly.toml"),
  read(files) {
    const fragment = {
      services: [],
      connections: [],
      diagnostics: []
    };
    for (const file of files) {
      const { toml, diagnostics } = parseLocatedToml(file.path, file.text, "fly");
      fragment.diagnostics.push(...diagnostics);
      if (!toml) continue;
      const services = readFlyApp(toml, file.path, fragment.diagnostics);
      fragment.services.push(...services);
      fragment.connections.push(...services.flatMap(literalConnections));
    }
    return fragment;
  }
};
function readFlyApp(toml, path3, diagnostics) {
  const at3 = (key) => ({ path: path3, line: toml.lineOf(key) });
  const { data } = toml;
  const image = asRecord(data.build).image;
  if (typeof image === "string" && isInfrastructureImage(image)) return [];
  const app = typeof data.app === "string" && data.app ? data.app : defaultName(path3, "fly");
  const declared = Object.entries(asRecord(data.processes));
  const groups = declared.length ? declared : [["app", void 0]];
  const routes = readHttpServices(toml, path3, diagnostics);
  const env = tomlEnvBindings(asRecord(data.env), "env", at3);
  const release = asRecord(data.deploy).release_command;
  return groups.map(([group, command]) => {
    const serving = routes.filter(
      (route) => (route.processes ?? (declared.length ? ["app"] : [group])).includes(group)
    );
    const main = serving.find((route) => route.public) ?? serving[0];
    const service = baseService(
      "fly",
      groups.length > 1 ? `${app}-${group}` : app,
      !main ? "worker" : main.public ? "web" : "private",
      main?.location ?? at3(declared.length ? `processes.${group}` : "app"),
      directoryOf2(path3)
    );
    service.env = env;
    const built = flyImage(data, path3);
    if (built) service.image = built;
    if (typeof command === "string")
      service.startCommand = { value: command, location: at3(`processes.${group}`) };
    if (main) applyMachineSettings(service, main, serving);
    if (!service.healthCheckPath) applyMachineChecks(service, toml, path3, group);
    Object.assign(service.settings, readVm(toml, path3, group, diagnostics));
    if (typeof release === "string")
      service.settings.release_command = { value: release, location: at3("deploy.release_command") };
    return service;
  });
}
function applyMachineChecks(service, toml, path3, group) {
  for (const [name, raw] of Object.entries(asRecord(toml.data.checks))) {
    const check = asRecord(raw);
    const groups = Array.isArray(check.processes) ? check.processes.map(String) : void 0;
    if (groups && !groups.includes(group)) continue;
    if (check.type === "http" && typeof check.path === "string") {
      service.healthCheckPath = {
        value: check.path,
        location: { path: path3, line: toml.lineOf(`checks.${name}.path`) }
      };
      return;
    }
    if (check.type === "tcp" && !service.settings.tcp_check)
      service.settings.tcp_check = { value: true, location: { path: path3, line: toml.lineOf(`checks.${name}`) } };
  }
}
function applyMachineSettings(service, main, serving) {
  const minRunning = main.minRunning.value;
  service.instances = {
    min: main.autoStop.value === "off" ? Math.max(1, minRunning) : minRunning,
    max: Math.max(1, minRunning),
    autoscaling: main.autoStart.value && main.autoStop.value !== "off",
    location: main.minRunning.location
  };
  service.settings.auto_stop_machines = main.autoStop;
  service.settings.auto_start_machines = main.autoStart;
  service.settings.min_machines_running = main.minRunning;
  for (const [name, value] of Object.entries(main.concurrency))
    service.settings[`concurrency.${name}`] = value;
  const httpCheck = serving.find((route) => route.httpCheck)?.httpCheck;
  if (httpCheck) service.healthCheckPath = httpCheck;
  const tcpCheck = serving.find((route) => route.tcpCheck)?.tcpCheck;
  if (tcpCheck) service.settings.tcp_check = { value: true, location: tcpCheck };
}
function flyImage(data, path3) {
  const build = asRecord(data.build);
  if (build.image || build.builder || build.buildpacks) return void 0;
  const folder = directoryOf2(path3);
  const target = build["build-target"];
  return {
    context: folder,
    dockerfile: repositoryPath(
      folder,
      typeof build.dockerfile === "string" ? build.dockerfile : "Dockerfile"
    ),
    ...typeof target === "string" ? { target } : {}
  };
}

// src/sources/gunicorn/count-expression.ts
function countExpression(tokens, names2) {
  const reader = new CountReader(tokens, names2);
  const count3 = reader.sum();
  return reader.done() ? count3 : void 0;
}
var CountReader = class {
  #i = 0;
  tokens;
  names;
  constructor(tokens, names2) {
    this.tokens = tokens;
    this.names = names2;
  }
  done() {
    return this.#i === this.tokens.length;
  }
  /** product ('+' number)?: CPUs × k + c, or a plain product. */
  sum() {
    return this.#operation(
      "+",
      () => this.product(),
      (term, plus2) => "perCpu" in term ? { perCpu: term.perCpu, plus: term.plus + plus2 } : "value" in term ? { value: term.value + plus2 } : void 0
    );
  }
  /** atom ('*' number)? */
  product() {
    return this.#operation(
      "*",
      () => this.atom(),
      (atom, factor) => "perCpu" in atom ? { perCpu: atom.perCpu * factor, plus: atom.plus * factor } : "value" in atom ? { value: atom.value * factor } : void 0
    );
  }
  /** An operand, optionally followed by `op` and a whole number that `combine` applies to it. */
  #operation(op, operand, combine) {
    const left = operand();
    if (!left || !this.#isOp(op)) return left;
    this.#i++;
    const right = this.#number();
    return right === void 0 ? void 0 : combine(left, right);
  }
  atom() {
    const token = this.tokens[this.#i];
    if (!token) return void 0;
    if (token.kind === "number") {
      this.#i++;
      return positive(Number(token.value));
    }
    if (token.kind === "string") {
      this.#i++;
      return /^\d+$/.test(token.value) ? positive(Number(token.value)) : void 0;
    }
    if (this.#isOp("(")) {
      this.#i++;
      const inner = this.sum();
      return this.#close() ? inner : void 0;
    }
    const path3 = this.#dottedName();
    if (!path3) return void 0;
    if (!this.#isOp("(") && !this.#isOp("[")) return this.names.get(path3);
    if (this.#isOp("[")) {
      this.#i++;
      const name = this.#string();
      return path3 === "os.environ" && name && this.#isOp("]") && ++this.#i ? { env: name } : void 0;
    }
    this.#i++;
    if (path3 === "int") {
      const inner = this.sum();
      return this.#close() ? inner : void 0;
    }
    if (path3 === "multiprocessing.cpu_count" || path3 === "os.cpu_count") {
      return this.#close() ? { perCpu: 1, plus: 0 } : void 0;
    }
    if (path3 === "os.environ.get" || path3 === "os.getenv") {
      const name = this.#string();
      if (!name) return void 0;
      let otherwise;
      if (this.#isOp(",")) {
        this.#i++;
        otherwise = this.sum();
        if (!otherwise) return void 0;
      }
      return this.#close() ? { env: name, ...otherwise ? { otherwise } : {} } : void 0;
    }
    return void 0;
  }
  #dottedName() {
    const parts = [];
    while (this.tokens[this.#i]?.kind === "name") {
      parts.push(this.tokens[this.#i]?.value);
      this.#i++;
      if (!this.#isOp(".")) break;
      this.#i++;
    }
    return parts.length ? parts.join(".") : void 0;
  }
  #string() {
    const token = this.tokens[this.#i];
    if (token?.kind !== "string" || token.prefix.includes("f")) return void 0;
    this.#i++;
    return token.value;
  }
  #number() {
    const token = this.tokens[this.#i];
    if (token?.kind !== "number" || !/^\d+$/.test(token.value)) return void 0;
    this.#i++;
    return Number(token.value);
  }
  #close() {
    if (!this.#isOp(")")) return false;
    this.#i++;
    return true;
  }
  #isOp(op) {
    const token = this.tokens[this.#i];
    return token?.kind === "op" && token.value === op;
  }
};
function positive(value) {
  return Number.isInteger(value) && value > 0 ? { value } : void 0;
}

// src/sources/gunicorn/index.ts
var GUNICORN_CONFIG = /gunicorn[^/]*\.py$/;
var gunicornSource = {
  id: "gunicorn",
  matches: (path3) => GUNICORN_CONFIG.test(path3),
  read(files) {
    const fragment = {
      serverConfigs: [],
      diagnostics: []
    };
    for (const file of files) {
      const { config: config2, unterminated } = readGunicornConfig(file);
      fragment.serverConfigs.push(config2);
      if (unterminated)
        fragment.diagnostics.push({
          severity: "warning",
          origin: "gunicorn",
          message: `${file.path} ends inside an unterminated ${unterminated.what}; its settings after line ${unterminated.line} were not read.`,
          location: { path: file.path, line: unterminated.line }
        });
    }
    return fragment;
  }
};
function readGunicornConfig(file) {
  const { lines, unterminated } = tokenizePython(file.text);
  const config2 = { path: file.path, server: "gunicorn", plugins: [] };
  const names2 = /* @__PURE__ */ new Map();
  for (const { indent, line, tokens } of lines) {
    const [target, equals, ...value] = tokens;
    if (indent !== 0 || target?.kind !== "name" || equals?.kind !== "op" || equals.value !== "=") continue;
    const count3 = countExpression(value, names2);
    if (!count3) continue;
    names2.set(target.value, count3);
    const location = { path: file.path, line };
    if (target.value === "workers") config2.workers = { count: count3, location };
    else if (target.value === "threads") config2.threads = { count: count3, location };
  }
  return { config: config2, unterminated };
}

// src/sources/heroku/app-json.ts
function readAppJson(file, diagnostics) {
  const { root, diagnostics: found } = parseLocatedYaml(file.path, file.text, "heroku");
  diagnostics.push(...found);
  if (!root?.isMap) return void 0;
  const formation = /* @__PURE__ */ new Map();
  for (const [type, node] of root.get("formation")?.entries() ?? []) {
    const entry = {};
    const quantity = node.get("quantity");
    const count3 = quantity?.number();
    if (quantity && count3 !== void 0 && Number.isInteger(count3) && count3 >= 0)
      entry.quantity = { value: count3, location: quantity.location };
    else if (quantity)
      diagnostics.push({
        severity: "warning",
        origin: "heroku",
        message: `formation.${type}.quantity should be a whole number of dynos; Headroom counted 1.`,
        location: quantity.location
      });
    const size = node.get("size");
    const name = size?.string()?.toLowerCase();
    if (size && name) {
      entry.size = { value: name, location: size.location };
      const known = HEROKU_DYNO_SIZES[name];
      if (known) entry.memoryMb = known.value.memoryMb;
    }
    formation.set(type, entry);
  }
  const env = (root.get("env")?.entries() ?? []).map(([key, node]) => {
    const value = node.isMap ? node.get("value")?.string() : node.string();
    const generated = node.get("generator")?.string() === "secret";
    return {
      key,
      source: value !== void 0 ? { kind: "value", value: new Secret(value) } : generated ? { kind: "generated" } : { kind: "unset" },
      location: node.location
    };
  });
  const addons = (root.get("addons")?.items() ?? []).flatMap((item) => {
    const name = (item.isMap ? item.get("plan")?.string() : item.string())?.split(":")[0];
    return name ? [{ value: name, location: item.location }] : [];
  });
  const heroku = addons.length > 0 || ["formation", "buildpacks", "stack"].some((key) => root.get(key));
  return { formation, env, addons, heroku };
}

// src/sources/heroku/procfile.ts
function readProcfile(file, diagnostics) {
  const services = [];
  file.text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const location = { path: file.path, line: index + 1 };
    const colon = line.indexOf(":");
    const type = colon > 0 ? line.slice(0, colon).trim() : "";
    const command = line.slice(colon + 1).trim();
    if (!/^[A-Za-z0-9_-]+$/.test(type) || !command) {
      diagnostics.push({
        severity: "warning",
        origin: "heroku",
        message: `${file.path}: expected \`<process type>: <command>\`; this line was skipped.`,
        location
      });
      return;
    }
    if (type === "release") return;
    if (services.some((s) => s.name === type)) {
      diagnostics.push({
        severity: "warning",
        origin: "heroku",
        message: `${file.path}: process type \`${type}\` is declared twice; Heroku keeps the last one.`,
        location
      });
      services.splice(
        services.findIndex((s) => s.name === type),
        1
      );
    }
    const service = baseService(
      "heroku",
      type,
      type === "web" ? "web" : "worker",
      location,
      directoryOf2(file.path)
    );
    service.startCommand = { value: command, location };
    services.push(service);
  });
  return services;
}

// src/sources/heroku/index.ts
var herokuSource = {
  id: "heroku",
  matches: (path3) => /(^|\/)(Procfile|app\.json)$/.test(path3),
  read(files) {
    const fragment = {
      services: [],
      envDeclarations: [],
      diagnostics: []
    };
    const appJsons = /* @__PURE__ */ new Map();
    for (const file of files.filter((f) => f.path.endsWith("app.json"))) {
      const diagnostics = [];
      const app = readAppJson(file, diagnostics);
      appJsons.set(directoryOf2(file.path), { ...app ? { app } : {}, diagnostics });
      if (app) fragment.envDeclarations.push(...herokuDeclarations(app));
    }
    for (const file of files.filter((f) => !f.path.endsWith("app.json"))) {
      const services = readProcfile(file, fragment.diagnostics);
      const beside = appJsons.get(directoryOf2(file.path));
      if (beside) fragment.diagnostics.push(...beside.diagnostics);
      if (beside?.app) applyAppJson(services, beside.app);
      fragment.services.push(...services);
    }
    return fragment;
  }
};
function applyAppJson(services, app) {
  for (const service of services) {
    service.env = app.env;
    const formation = app.formation.get(service.name);
    if (!formation) continue;
    if (formation.quantity)
      service.instances = {
        min: formation.quantity.value,
        max: formation.quantity.value,
        autoscaling: false,
        location: formation.quantity.location
      };
    if (formation.size) {
      service.plan = { name: formation.size.value, explicit: true, location: formation.size.location };
      if (formation.memoryMb !== void 0)
        service.settings.memoryMb = { value: formation.memoryMb, location: formation.size.location };
    }
  }
}
function herokuDeclarations(app) {
  if (!app.heroku) return [];
  return [
    ...app.env.map(({ key, location }) => ({ key, location })),
    ...app.addons.flatMap(
      ({ value, location }) => (HEROKU_ADDON_CONFIG_VARS.value[value] ?? []).map((key) => ({ key, location }))
    )
  ];
}

// src/model/build-model.ts
function emptyModel() {
  return {
    services: [],
    datastores: [],
    connections: [],
    envFiles: [],
    schemas: [],
    migrations: [],
    dependencies: [],
    packageManifests: [],
    envReads: [],
    inProcessCaches: [],
    sharedCacheBackends: [],
    requestHandlers: [],
    healthEndpoints: [],
    envDeclarations: [],
    serverConfigs: [],
    dockerfiles: [],
    shellScripts: [],
    diagnostics: []
  };
}
function mergeFragments(fragments) {
  const model = emptyModel();
  for (const fragment of fragments) {
    for (const key of Object.keys(model)) {
      const items = fragment[key];
      if (items) for (const item of items) model[key].push(item);
    }
  }
  return model;
}
function buildModel(fragments) {
  const model = mergeFragments(fragments);
  settleAssumedDeployments(model);
  markHistorySchemas(model);
  model.diagnostics = distinct(model.diagnostics);
  maskCredentials(model);
  return model;
}
function distinct(diagnostics) {
  const seen = /* @__PURE__ */ new Set();
  return diagnostics.filter((d) => {
    const key = `${d.location.path}\0${d.location.line}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function settleAssumedDeployments(model) {
  const assumed = (item) => item.assumedDeployment === true;
  if (!model.services.some(assumed) && !model.datastores.some(assumed)) return;
  const local = composeFilesStartedByScripts(model);
  const startedLocally = (item) => assumed(item) && local.has(item.location.path);
  model.services = model.services.filter((service) => !startedLocally(service));
  model.datastores = model.datastores.filter((store) => !startedLocally(store));
  model.connections = model.connections.filter((c) => !local.has(c.location.path));
  if (model.services.some((service) => !assumed(service))) {
    const dropped = new Set(model.services.filter(assumed).map((service) => service.name));
    model.services = model.services.filter((service) => !assumed(service));
    model.datastores = model.datastores.filter((store) => !assumed(store));
    model.connections = model.connections.filter((c) => c.service === void 0 || !dropped.has(c.service));
    return;
  }
  const files = new Set(
    [...model.services, ...model.datastores].filter(assumed).map((item) => item.location.path)
  );
  for (const path3 of files) {
    model.diagnostics.push({
      severity: "info",
      origin: "docker-compose",
      message: `${path3} is read as the deployment, since no other hosting config is in the repository; name it \`docker-compose.prod.yml\` (or \`compose.prod.yml\`) if it is, or \`docker-compose.dev.yml\` if it is not.`,
      location: { path: path3, line: 1 }
    });
  }
}
function composeFilesStartedByScripts(model) {
  const files = /* @__PURE__ */ new Set();
  for (const manifest of model.packageManifests) {
    for (const script of Object.values(manifest.scripts)) {
      if (!/\bcompose\b/.test(script.value)) continue;
      for (const match of script.value.matchAll(/(?:-f|--file)[\s=]+["']?([^\s"']+)/g)) {
        const written = match[1].replace(/^\.\//, "");
        files.add(manifest.directory ? `${manifest.directory}/${written}` : written);
      }
    }
  }
  return files;
}
function markHistorySchemas(model) {
  const prismaSchemas = model.schemas.filter((s) => s.origin === "prisma");
  if (prismaSchemas.length === 0) return;
  for (const schema4 of model.schemas) {
    if (schema4.origin !== "sql") continue;
    for (const prisma of prismaSchemas) {
      const dir = dirname(prisma.path);
      if (schema4.path !== joinPath(dir, "migrations") && !schema4.path.startsWith(`${dir}/`)) continue;
      schema4.role = "history";
      prisma.replayedBy = [...prisma.replayedBy ?? [], schema4.path];
    }
  }
}
function dirname(path3) {
  const slash = path3.lastIndexOf("/");
  return slash < 0 ? "" : path3.slice(0, slash);
}
function joinPath(dir, name) {
  return dir ? `${dir}/${name}` : name;
}

// src/sources/manifests/json-key-lines.ts
var MAX_LOCATED_DEPTH = 64;
function keyPath(...keys) {
  return keys.join("\0");
}
function jsonKeyPositions(text2) {
  const positions = /* @__PURE__ */ new Map();
  const stack = [];
  let unlocated = 0;
  let expectingKey = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i];
    const top = stack.at(-1);
    if (c === "\n") {
      line++;
      lineStart = i + 1;
    } else if (c === '"') {
      const start = i;
      let value = "";
      for (i++; i < text2.length && text2[i] !== '"'; i++) {
        if (text2[i] === "\\") i++;
        value += text2[i];
      }
      if (unlocated === 0 && top?.kind === "object" && expectingKey) {
        positions.set(keyPath(...top.path, value), { line, column: start - lineStart + 1 });
        top.key = value;
        expectingKey = false;
      }
    } else if (unlocated > 0) {
      if (c === "{" || c === "[") unlocated++;
      else if (c === "}" || c === "]") unlocated--;
    } else if ((c === "{" || c === "[") && stack.length >= MAX_LOCATED_DEPTH) {
      unlocated = 1;
    } else if (c === "{" || c === "[") {
      const name = top?.kind === "object" ? top.key : top ? String(top.index) : void 0;
      stack.push({
        kind: c === "{" ? "object" : "array",
        path: top && name !== void 0 ? [...top.path, name] : [],
        index: 0
      });
      expectingKey = c === "{";
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      if (top?.kind === "array") top.index++;
      expectingKey = top?.kind === "object";
    }
  }
  return positions;
}

// src/sources/manifests/package-json.ts
var SECTIONS = [
  ["dependencies", false],
  ["optionalDependencies", false],
  ["peerDependencies", false],
  ["devDependencies", true]
];
function readPackageJson(file) {
  const text2 = file.text.replace(/^\uFEFF/, "");
  let data;
  try {
    data = JSON.parse(text2);
  } catch (error3) {
    return { diagnostics: [invalidJson(file.path, text2, error3)] };
  }
  if (!isRecord(data)) {
    return {
      diagnostics: [
        {
          severity: "error",
          origin: "manifests",
          message: `${file.path} is not a JSON object; its dependencies and scripts were not read.`,
          location: { path: file.path, line: 1 }
        }
      ]
    };
  }
  const positions = jsonKeyPositions(text2);
  const at3 = (...keys) => located(file.path, positions.get(keyPath(...keys)));
  const dependencies = SECTIONS.flatMap(
    ([section, dev]) => Object.entries(record2(data[section])).map(([name, version2]) => ({
      ecosystem: "npm",
      name,
      ...typeof version2 === "string" ? { version: version2 } : {},
      dev,
      manifest: file.path,
      location: at3(section, name)
    }))
  );
  const manifest = {
    path: file.path,
    directory: directoryOf2(file.path),
    scripts: Object.fromEntries(
      Object.entries(record2(data.scripts)).flatMap(
        ([name, command]) => typeof command === "string" ? [[name, { value: command, location: at3("scripts", name) }]] : []
      )
    )
  };
  if (typeof data.name === "string") manifest.name = data.name;
  return { dependencies, packageManifests: [manifest] };
}
function located(path3, position) {
  return position ? { path: path3, line: position.line, column: position.column } : { path: path3, line: 1 };
}
function invalidJson(path3, text2, error3) {
  const message = error3 instanceof Error ? error3.message : String(error3);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  const position = /at position (\d+)/.exec(message);
  const at3 = lineColumn ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } : position ? lineAndColumnAt(text2, Number(position[1])) : { line: Number.POSITIVE_INFINITY, column: 1 };
  const line = clampToText(text2, at3.line);
  const location = line === at3.line ? { path: path3, ...at3 } : { path: path3, line };
  return {
    severity: "error",
    origin: "manifests",
    message: `${path3} is not valid JSON (${message.replace(/ in JSON at position.*$/, "")}); its dependencies and scripts were not read.`,
    location
  };
}
function lineAndColumnAt(text2, offset) {
  const before = text2.slice(0, offset);
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - lastBreak };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function record2(value) {
  return isRecord(value) ? value : {};
}

// src/sources/manifests/python-requirement.ts
function normalizePythonName(name) {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
var NAME2 = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;
function parseRequirement(text2) {
  const spec = (text2.split(";")[0] ?? "").trim();
  const name = NAME2.exec(spec)?.[0];
  if (!name) return void 0;
  let rest = spec.slice(name.length).trimStart();
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close < 0) return void 0;
    rest = rest.slice(close + 1).trimStart();
  }
  const normalized = normalizePythonName(name);
  if (rest === "" || rest.startsWith("@")) return { name: normalized };
  const version2 = rest.replace(/^\((.*)\)$/, "$1").replace(/\s+/g, "");
  if (!/^(===|==|!=|~=|<=|>=|<|>)/.test(version2)) return void 0;
  return { name: normalized, version: version2 };
}

// src/sources/manifests/toml-array-lines.ts
function tomlArrayStringLines(text2, keyLine) {
  let offset = 0;
  for (let line2 = 1; line2 < keyLine; line2++) {
    offset = text2.indexOf("\n", offset) + 1;
    if (offset === 0) return void 0;
  }
  const equals = text2.indexOf("=", offset);
  let i = equals + 1;
  while (text2[i] === " " || text2[i] === "	") i++;
  if (equals < 0 || text2[i] !== "[") return void 0;
  let line = keyLine;
  let depth = 0;
  const lines = [];
  for (; i < text2.length; i++) {
    const c = text2[i];
    if (c === "\n") line++;
    else if (c === "#") {
      const end = text2.indexOf("\n", i);
      i = end < 0 ? text2.length : end - 1;
    } else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      depth--;
      if (depth === 0) return lines;
    } else if (c === '"' || c === "'") {
      const startLine = line;
      const triple = text2.startsWith(c.repeat(3), i);
      const close = c.repeat(triple ? 3 : 1);
      for (i += close.length; i < text2.length && !text2.startsWith(close, i); i++) {
        if (text2[i] === "\\" && c === '"') i++;
        if (text2[i] === "\n") line++;
      }
      i += close.length - 1;
      if (depth === 1) lines.push(startLine);
    }
  }
  return void 0;
}

// src/sources/manifests/pyproject.ts
var PRODUCTION_GROUP = /^(prod|production|deploy|deployment|server|runtime)$/i;
function readPyproject(file) {
  const { toml, diagnostics } = parseLocatedToml(file.path, file.text, "manifests");
  if (!toml) return { diagnostics };
  const reader = new TomlDependencies(file, toml);
  const project = asRecord(toml.data.project);
  reader.requirementArray("project.dependencies", project.dependencies, false);
  for (const extra of Object.keys(asRecord(project["optional-dependencies"])))
    reader.requirementArray(
      `project.optional-dependencies.${extra}`,
      asRecord(project["optional-dependencies"])[extra],
      false
    );
  const groups = asRecord(toml.data["dependency-groups"]);
  for (const group of Object.keys(groups))
    reader.requirementArray(`dependency-groups.${group}`, groups[group], !PRODUCTION_GROUP.test(group));
  const tool = asRecord(toml.data.tool);
  reader.requirementArray("tool.uv.dev-dependencies", asRecord(tool.uv)["dev-dependencies"], true);
  const poetry = asRecord(tool.poetry);
  reader.versionTable("tool.poetry.dependencies", poetry.dependencies, false);
  reader.versionTable("tool.poetry.dev-dependencies", poetry["dev-dependencies"], true);
  for (const [group, body] of Object.entries(asRecord(poetry.group)))
    reader.versionTable(
      `tool.poetry.group.${group}.dependencies`,
      asRecord(body).dependencies,
      !PRODUCTION_GROUP.test(group)
    );
  return { dependencies: reader.dependencies, diagnostics };
}
function readPipfile(file) {
  const { toml, diagnostics } = parseLocatedToml(file.path, file.text, "manifests");
  if (!toml) return { diagnostics };
  const reader = new TomlDependencies(file, toml);
  reader.versionTable("packages", toml.data.packages, false);
  reader.versionTable("dev-packages", toml.data["dev-packages"], true);
  return { dependencies: reader.dependencies, diagnostics };
}
var TomlDependencies = class {
  dependencies = [];
  #file;
  #toml;
  constructor(file, toml) {
    this.#file = file;
    this.#toml = toml;
  }
  /** An array of PEP 508 strings; tables in it (`{include-group = "x"}`) are not packages. */
  requirementArray(path3, value, dev) {
    if (!Array.isArray(value)) return;
    const keyLine = this.#toml.lineOf(path3);
    const lines = tomlArrayStringLines(this.#file.text, keyLine);
    const strings = value.filter((item) => typeof item === "string");
    strings.forEach((item, index) => {
      const requirement = parseRequirement(item);
      const line = lines?.length === strings.length ? lines[index] ?? keyLine : keyLine;
      if (requirement) this.#add(requirement, dev, line);
    });
  }
  /** A table of `name = "version"` or `name = { version = "…", extras = […] }` (Poetry, Pipfile). */
  versionTable(path3, value, dev) {
    for (const [name, spec] of Object.entries(asRecord(value))) {
      if (name.toLowerCase() === "python") continue;
      const version2 = typeof spec === "string" ? spec : asRecord(spec).version;
      this.#add(
        { name: normalizePythonName(name), ...typeof version2 === "string" ? { version: version2 } : {} },
        dev,
        this.#toml.lineOf(`${path3}.${name}`)
      );
    }
  }
  #add(requirement, dev, line) {
    this.dependencies.push({
      ecosystem: "pypi",
      ...requirement,
      dev,
      manifest: this.#file.path,
      location: { path: this.#file.path, line }
    });
  }
};

// src/sources/manifests/requirements-txt.ts
var REQUIREMENTS_NAME = /requirements[^/]*\.txt$/i;
var DEV_NAME = /(^|[-_.])(dev|develop|development|test|tests|testing|lint|docs|ci)([-_.]|$)/i;
var INCLUDE = /^(?:-r|-c|--requirement|--constraint)(?:\s+|=)(\S+)/;
var DIRECT_REFERENCE = /^([a-z][a-z0-9+.-]*:\/\/|\.|\/)/i;
var EDITABLE = /^(?:-e|--editable)(?:\s+|=)(\S+)/;
function isRequirementsFile(path3) {
  return REQUIREMENTS_NAME.test(fileName(path3)) || /(^|\/)requirements\/[^/]+\.txt$/.test(path3);
}
function readRequirements(file) {
  const dependencies = [];
  const diagnostics = [];
  const dev = DEV_NAME.test(stem(file.path));
  const lines = file.text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    let logical = lines[index];
    while (logical.endsWith("\\") && index + 1 < lines.length)
      logical = `${logical.slice(0, -1)} ${lines[++index]}`;
    const text2 = logical.replace(/(^|\s)#.*$/, "").trim();
    if (text2 === "") continue;
    const include = INCLUDE.exec(text2)?.[1];
    if (include) {
      if (!isRequirementsFile(joinPath2(directoryOf2(file.path), include)))
        diagnostics.push({
          severity: "info",
          origin: "manifests",
          message: `${file.path} includes ${include}, whose name Headroom does not recognise as a requirements file; its packages were not read.`,
          location: { path: file.path, line }
        });
      continue;
    }
    const target = EDITABLE.exec(text2)?.[1] ?? text2;
    const requirement = DIRECT_REFERENCE.test(target) ? eggName(target) : target.startsWith("-") ? null : parseRequirement(target.split(/\s+--?[a-z]/i)[0] ?? target);
    if (requirement === null) continue;
    if (requirement === void 0) {
      diagnostics.push({
        severity: "warning",
        origin: "manifests",
        message: `${file.path}:${line} is not a requirement Headroom can read; the line was skipped.`,
        location: { path: file.path, line }
      });
      continue;
    }
    dependencies.push({
      ecosystem: "pypi",
      ...requirement,
      dev,
      manifest: file.path,
      location: { path: file.path, line }
    });
  }
  return { dependencies, diagnostics };
}
function eggName(target) {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(target)?.[1];
  return egg ? { name: normalizePythonName(egg) } : null;
}
function stem(path3) {
  return fileName(path3).replace(/\.txt$/i, "");
}
function joinPath2(directory, relative) {
  const parts = directory ? directory.split("/") : [];
  for (const part of relative.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

// src/sources/manifests/index.ts
function readerFor(path3) {
  const name = fileName(path3);
  if (name === "package.json") return readPackageJson;
  if (name === "pyproject.toml") return readPyproject;
  if (name === "Pipfile") return readPipfile;
  if (isRequirementsFile(path3)) return readRequirements;
  return void 0;
}
var manifestsSource = {
  id: "manifests",
  matches: (path3) => readerFor(path3) !== void 0,
  read(files) {
    return mergeFragments(files.flatMap((file) => readerFor(file.path)?.(file) ?? []));
  }
};

// src/catalog/serverless.ts
var VERCEL_MAX_CONCURRENCY = fact(
  3e4,
  "https://vercel.com/docs/functions/limitations",
  "2026-11-24"
);
var NETLIFY_ASSUMED_CONCURRENCY = fact(
  1e3,
  "https://docs.netlify.com/build/functions/configuration",
  "2026-11-24",
  "Headroom's assumption: Netlify publishes no concurrency ceiling."
);

// src/sources/netlify/index.ts
var netlifySource = {
  id: "netlify",
  matches: (path3) => path3 === "netlify.toml" || path3.endsWith("/netlify.toml"),
  read(files) {
    const fragment = {
      services: [],
      connections: [],
      diagnostics: []
    };
    for (const file of files) {
      const { toml, diagnostics } = parseLocatedToml(file.path, file.text, "netlify");
      fragment.diagnostics.push(...diagnostics);
      if (!toml) continue;
      const service = readSite(toml, file.path);
      fragment.services.push(service);
      fragment.connections.push(...literalConnections(service));
    }
    return fragment;
  }
};
function readSite(toml, path3) {
  const at3 = (key) => ({ path: path3, line: toml.lineOf(key) });
  const build = asRecord(toml.data.build);
  const functions = asRecord(toml.data.functions);
  const base = typeof build.base === "string" ? build.base.replace(/^\.?\/+|\/+$/g, "") : void 0;
  const service = baseService(
    "netlify",
    defaultName(path3, "netlify"),
    "serverless",
    at3(toml.data.functions ? "functions" : "build"),
    base ?? directoryOf2(path3)
  );
  service.instances = {
    min: 0,
    max: NETLIFY_ASSUMED_CONCURRENCY.value,
    autoscaling: true,
    location: service.location
  };
  if (typeof build.command === "string" && build.command)
    service.buildCommand = { value: build.command, location: at3("build.command") };
  const directory = functions.directory ?? build.functions;
  if (typeof directory === "string")
    service.settings.functionsDirectory = {
      value: directory,
      location: at3(functions.directory !== void 0 ? "functions.directory" : "build.functions")
    };
  const scheduled = Object.entries(functions).filter(
    ([, value]) => typeof asRecord(value).schedule === "string"
  );
  if (scheduled.length)
    service.settings.scheduledFunctions = {
      value: scheduled.length,
      location: at3(`functions.${scheduled[0]?.[0]}.schedule`)
    };
  const production = asRecord(asRecord(asRecord(toml.data.context).production).environment);
  service.env = [
    ...tomlEnvBindings(asRecord(build.environment), "build.environment", at3),
    ...tomlEnvBindings(production, "context.production.environment", at3)
  ];
  return service;
}

// src/sources/prisma/parse-schema.ts
var PrismaSyntaxError = class extends Error {
  line;
  found;
  constructor(line, found) {
    super(`unexpected ${found} at line ${line}`);
    this.line = line;
    this.found = found;
  }
};
var BLOCK_KEYWORDS = /* @__PURE__ */ new Set(["model", "view", "type", "enum", "datasource", "generator"]);
var MAX_VALUE_DEPTH = 64;
function parsePrismaSchema(text2) {
  return new SchemaParser(tokenize(text2)).blocks();
}
function tokenize(text2) {
  const tokens = [];
  let line = 1;
  let i = 0;
  while (i < text2.length) {
    const c = text2.charCodeAt(i);
    if (c === 10) {
      tokens.push({ kind: "newline", text: "\n", line });
      line++;
      i++;
    } else if (c === 32 || c === 9 || c === 13) {
      i++;
    } else if (c === 47 && text2.charCodeAt(i + 1) === 47) {
      while (i < text2.length && text2.charCodeAt(i) !== 10) i++;
    } else if (c === 34) {
      const start = i;
      i++;
      while (i < text2.length && text2.charCodeAt(i) !== 34 && text2.charCodeAt(i) !== 10)
        i += text2.charCodeAt(i) === 92 ? 2 : 1;
      if (text2.charCodeAt(i) !== 34) throw new PrismaSyntaxError(line, '"\\""');
      i++;
      tokens.push({ kind: "string", text: text2.slice(start, i), line });
    } else if (isDigit2(c) || c === 45 && isDigit2(text2.charCodeAt(i + 1))) {
      NUMBER2.lastIndex = i;
      const number3 = NUMBER2.exec(text2)[0];
      tokens.push({ kind: "number", text: number3, line });
      i += number3.length;
    } else if (isNameStart(c)) {
      const start = i;
      while (i < text2.length && isNamePart(text2.charCodeAt(i))) i++;
      tokens.push({ kind: "name", text: text2.slice(start, i), line });
    } else {
      const punct = text2.startsWith("@@", i) ? "@@" : text2[i];
      tokens.push({ kind: "punct", text: punct, line });
      i += punct.length;
    }
  }
  tokens.push({ kind: "end", text: "", line });
  return tokens;
}
function isDigit2(c) {
  return c >= 48 && c <= 57;
}
var NUMBER2 = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
function isNameStart(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function isNamePart(c) {
  return isNameStart(c) || isDigit2(c) || c === 95 || c === 45;
}
var SchemaParser = class {
  #tokens;
  #at = 0;
  #depth = 0;
  constructor(tokens) {
    this.#tokens = tokens;
  }
  blocks() {
    const blocks = [];
    for (; ; ) {
      this.#skipLines();
      const token = this.#peek();
      if (token.kind === "end") return blocks;
      if (token.kind !== "name" || !BLOCK_KEYWORDS.has(token.text)) this.#fail(token);
      this.#next();
      const name = this.#expect("name").text;
      this.#expectPunct("{");
      const location = { startLine: token.line };
      if (token.text === "datasource" || token.text === "generator")
        blocks.push({ type: token.text, name, assignments: this.#body(() => this.#assignment()), location });
      else if (token.text === "enum")
        blocks.push({ type: "enum", name, enumerators: this.#body(() => this.#enumerator()), location });
      else blocks.push({ type: token.text, name, properties: this.#body(() => this.#property()), location });
    }
  }
  /** Lines up to the closing `}`, each read by `item`, which ends where its line ends. */
  #body(item) {
    const items = [];
    for (; ; ) {
      this.#skipLines();
      if (this.#isPunct("}")) {
        this.#next();
        return items;
      }
      items.push(item());
      this.#endOfLine();
    }
  }
  #assignment() {
    const key = this.#expect("name");
    this.#expectPunct("=");
    return { type: "assignment", key: key.text, value: this.#value(), location: { startLine: key.line } };
  }
  #enumerator() {
    if (this.#isPunct("@@")) return this.#blockAttribute();
    const name = this.#expect("name");
    const attributes = this.#fieldAttributes();
    return {
      type: "enumerator",
      name: name.text,
      ...attributes.length ? { attributes } : {},
      location: { startLine: name.line }
    };
  }
  #property() {
    if (this.#isPunct("@@")) return this.#blockAttribute();
    const name = this.#expect("name");
    const typeName2 = this.#expect("name");
    const fieldType = this.#isPunct("(") ? this.#call(typeName2) : typeName2.text;
    const array2 = this.#isPunct("[");
    if (array2) {
      this.#next();
      this.#expectPunct("]");
    }
    const optional3 = this.#isPunct("?");
    if (optional3) this.#next();
    const attributes = this.#fieldAttributes();
    return {
      type: "field",
      name: name.text,
      fieldType,
      array: array2,
      optional: optional3,
      ...attributes.length ? { attributes } : {},
      location: { startLine: name.line }
    };
  }
  #blockAttribute() {
    const at3 = this.#next();
    return this.#attribute(at3, "object");
  }
  #fieldAttributes() {
    const attributes = [];
    while (this.#isPunct("@")) attributes.push(this.#attribute(this.#next(), "field"));
    return attributes;
  }
  /** `@name`, `@group.name`, either with `(arguments)`. */
  #attribute(at3, kind) {
    let name = this.#expect("name").text;
    let group;
    if (this.#isPunct(".")) {
      this.#next();
      group = name;
      name = this.#expect("name").text;
    }
    const args = this.#isPunct("(") ? this.#arguments() : void 0;
    return {
      type: "attribute",
      name,
      kind,
      ...group !== void 0 ? { group } : {},
      ...args ? { args } : {},
      location: { startLine: at3.line }
    };
  }
  #arguments() {
    return this.#list("(", ")", () => ({ type: "attributeArgument", value: this.#argument() }));
  }
  /** `key: value` or a value. */
  #argument() {
    const token = this.#peek();
    if (token.kind === "name" && this.#peek(1).kind === "punct" && this.#peek(1).text === ":") {
      this.#next();
      this.#next();
      return { type: "keyValue", key: token.text, value: this.#value(), location: { startLine: token.line } };
    }
    return this.#value();
  }
  #value() {
    const token = this.#peek();
    if (token.kind === "string" || token.kind === "number") return this.#next().text;
    if (token.kind === "name") {
      this.#next();
      return this.#isPunct("(") ? this.#call(token) : token.text;
    }
    if (this.#isPunct("[")) {
      const args = this.#list("[", "]", () => this.#value());
      return args.length ? { type: "array", args } : { type: "array" };
    }
    return this.#fail(token);
  }
  #call(name) {
    const params = this.#list("(", ")", () => this.#argument());
    return {
      type: "function",
      name: name.text,
      ...params.length ? { params } : {},
      location: { startLine: name.line }
    };
  }
  /** `open item, item… close` on one line. */
  #list(open, close, item) {
    const opening = this.#expectPunct(open);
    if (++this.#depth > MAX_VALUE_DEPTH)
      throw new PrismaSyntaxError(opening.line, `"${open}" nested deeper than ${MAX_VALUE_DEPTH} levels`);
    try {
      return this.#items(close, item);
    } finally {
      this.#depth--;
    }
  }
  #items(close, item) {
    const items = [];
    if (this.#isPunct(close)) {
      this.#next();
      return items;
    }
    for (; ; ) {
      items.push(item());
      if (this.#isPunct(",")) {
        this.#next();
        continue;
      }
      this.#expectPunct(close);
      return items;
    }
  }
  #endOfLine() {
    const token = this.#peek();
    if (token.kind === "newline") this.#next();
    else if (!(token.kind === "punct" && token.text === "}")) this.#fail(token);
  }
  #skipLines() {
    while (this.#peek().kind === "newline") this.#at++;
  }
  #peek(ahead = 0) {
    return this.#tokens[Math.min(this.#at + ahead, this.#tokens.length - 1)];
  }
  #next() {
    const token = this.#peek();
    if (token.kind !== "end") this.#at++;
    return token;
  }
  #isPunct(text2) {
    const token = this.#peek();
    return token.kind === "punct" && token.text === text2;
  }
  #expect(kind) {
    const token = this.#peek();
    if (token.kind !== kind) this.#fail(token);
    return this.#next();
  }
  #expectPunct(text2) {
    if (!this.#isPunct(text2)) this.#fail(this.#peek());
    return this.#next();
  }
  #fail(token) {
    const found = token.kind === "end" ? "the end of the file" : token.kind === "newline" ? "a line break" : `"${token.text}"`;
    throw new PrismaSyntaxError(token.line, found);
  }
};

// src/sources/prisma/scan-text.ts
var TOKEN_CHARACTER = /[\w\s@.?{}()[\],:=-]/;
function scanPrismaText(source) {
  const pieces = [];
  let copiedUntil = 0;
  const stray = [];
  const blockEnds = [];
  let line = 1;
  let depth = 0;
  let i = 0;
  const blank = (from, to) => {
    pieces.push(source.slice(copiedUntil, from), source.slice(from, to).replace(/[^\r\n]/g, " "));
    copiedUntil = to;
  };
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(source, i);
      if (end < 0) {
        stray.push({ line, character: '"' });
        blank(i, i + 1);
        i++;
      } else {
        i = end;
      }
    } else if (code === SLASH && source.charCodeAt(i + 1) === SLASH) {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end;
    } else if (code === SLASH && source.charCodeAt(i + 1) === STAR) {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      for (let j = source.indexOf("\n", i); j >= 0 && j < stop; j = source.indexOf("\n", j + 1)) line++;
      blank(i, stop);
      i = stop;
    } else {
      if (code === NEWLINE) line++;
      else if (code === OPEN_BRACE) depth++;
      else if (code === CLOSE_BRACE) {
        depth = Math.max(0, depth - 1);
        if (depth === 0) blockEnds.push(i + 1);
      } else if (!isTokenCharacter(code, source[i])) {
        stray.push({ line, character: source[i] });
        blank(i, i + 1);
      }
      i++;
    }
  }
  pieces.push(source.slice(copiedUntil));
  return { text: pieces.join(""), stray, blockEnds };
}
var QUOTE = 34;
var SLASH = 47;
var STAR = 42;
var NEWLINE = 10;
var OPEN_BRACE = 123;
var CLOSE_BRACE = 125;
var ASCII_TOKEN_CHARACTERS = Array.from(
  { length: 128 },
  (_, code) => TOKEN_CHARACTER.test(String.fromCharCode(code))
);
function isTokenCharacter(code, character) {
  return code < 128 ? ASCII_TOKEN_CHARACTERS[code] : TOKEN_CHARACTER.test(character);
}
function stringEnd(source, start) {
  let i = start + 1;
  while (i < source.length && source[i] !== "\n") {
    if (source[i] === "\\") i += 2;
    else if (source[i] === '"') return i + 1;
    else i++;
  }
  return -1;
}

// src/sources/prisma/parse-file.ts
function parsePrismaFile(path3, source) {
  const { text: text2, stray, blockEnds } = scanPrismaText(source);
  const firstPerLine = stray.filter((found, i) => stray[i - 1]?.line !== found.line);
  const diagnostics = firstPerLine.map(
    ({ line, character }) => invalid(path3, line, `unexpected character ${JSON.stringify(character)}; it was skipped`)
  );
  const whole = parseText(text2);
  if (whole.blocks) return { file: { path: path3, blocks: whole.blocks }, diagnostics };
  const blocks = [];
  let start = 0;
  for (const end of [...blockEnds, text2.length]) {
    if (end <= start) continue;
    const before = text2.slice(0, start).replace(/[^\n]/g, "");
    const part = parseText(before + text2.slice(start, end));
    if (part.blocks) blocks.push(...part.blocks);
    else diagnostics.push(part.diagnostic(path3));
    start = end;
  }
  return { file: { path: path3, blocks }, diagnostics };
}
function parseText(text2) {
  try {
    return { blocks: parsePrismaSchema(text2) };
  } catch (error3) {
    if (!(error3 instanceof PrismaSyntaxError)) throw error3;
    return {
      diagnostic: (path3) => invalid(path3, error3.line, `unexpected ${error3.found}; the block there was not read`)
    };
  }
}
function invalid(path3, line, detail) {
  return {
    severity: "error",
    origin: "prisma",
    message: `${path3} is not a valid Prisma schema: ${detail}.`,
    location: { path: path3, line }
  };
}

// src/sources/prisma/prisma-config.ts
var CONFIG_KEYS = /* @__PURE__ */ new Set(["schema", "migrations", "datasource"]);
function readPrismaConfig(path3, text2) {
  let program;
  try {
    const typescript = /\.[cm]?ts$/.test(path3);
    program = parseWithBabel(text2, {
      sourceType: "unambiguous",
      plugins: ["estree", ...typescript ? ["typescript"] : []]
    }).program;
  } catch (error3) {
    const line = error3.loc?.line ?? 1;
    const reason = error3 instanceof Error ? error3.message.replace(/\s*\(\d+:\d+\)$/, "") : String(error3);
    return {
      facts: { path: path3 },
      diagnostics: [
        {
          severity: "warning",
          origin: "prisma",
          message: `${path3} could not be read statically: ${reason}.`,
          location: { path: path3, line }
        }
      ]
    };
  }
  let config2;
  walkSyntaxTree(program, (node) => {
    if (node.type === "ObjectExpression" && node.properties.some((p) => CONFIG_KEYS.has(propertyName2(p) ?? "")))
      config2 ??= node;
  });
  const facts = { path: path3 };
  const schema4 = stringValue(property(config2, "schema"));
  const migrationsPath = stringValue(property(property(config2, "migrations"), "path"));
  const urlEnv = envName(property(property(config2, "datasource"), "url"));
  const directUrlEnv = envName(property(property(config2, "datasource"), "directUrl"));
  if (schema4) facts.schema = schema4;
  if (migrationsPath) facts.migrationsPath = migrationsPath;
  if (urlEnv) facts.urlEnv = urlEnv;
  if (directUrlEnv) facts.directUrlEnv = directUrlEnv;
  return { facts, diagnostics: [] };
}
function property(object, key) {
  if (object?.type !== "ObjectExpression") return void 0;
  return withoutTypes(object.properties.find((p) => propertyName2(p) === key)?.value);
}
function propertyName2(node) {
  if (node?.type !== "Property" || node.computed) return void 0;
  return node.key.type === "Identifier" ? node.key.name : stringValue(node.key);
}
function stringValue(node) {
  if (node?.type === "Literal" && typeof node.value === "string") return node.value;
  if (node?.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked;
  if (node?.type === "CallExpression" && ["join", "resolve"].includes(calleeName(node) ?? "")) {
    const parts = node.arguments.filter((arg) => !isOwnDirectory(arg)).map((arg) => stringValue(arg));
    return parts.length > 0 && parts.every((p) => p !== void 0) ? parts.join("/") : void 0;
  }
  return void 0;
}
function calleeName(call) {
  return call.callee.type === "Identifier" ? call.callee.name : call.callee.property?.name;
}
function isOwnDirectory(node) {
  return node.type === "Identifier" && node.name === "__dirname" || node.type === "MemberExpression" && node.object.type === "MetaProperty" && node.property.name === "dirname";
}
function envName(node) {
  if (node?.type === "LogicalExpression") return envName(withoutTypes(node.left));
  if (node?.type === "CallExpression" && calleeName(node) === "env") return stringValue(node.arguments[0]);
  if (node?.type === "MemberExpression" && node.object?.type === "MemberExpression" && node.object.property?.name === "env")
    return node.computed ? stringValue(node.property) : node.property?.name;
  return void 0;
}

// src/sources/prisma/schema-groups.ts
function groupSchemaFiles(files, configs) {
  const named = configs.flatMap((config2) => config2.schema ? [configSchemaPath(config2)] : []);
  const namedFiles = new Set(named.filter((path3) => path3.endsWith(".prisma")));
  const namedFolders = new Set(named.filter((path3) => !path3.endsWith(".prisma")));
  const roots = /* @__PURE__ */ new Set([
    ...namedFolders,
    ...files.filter((file) => declaresSetup(file) && !namedFiles.has(file.path)).map((file) => dirname2(file.path)).filter((folder) => nearestRoot(folder, namedFolders) === void 0)
  ]);
  const groups = /* @__PURE__ */ new Map();
  for (const file of files) {
    const key = namedFiles.has(file.path) ? file.path : nearestRoot(dirname2(file.path), roots) ?? dirname2(file.path);
    groups.set(key, [...groups.get(key) ?? [], file]);
  }
  return [...groups].map(([key, members2]) => {
    const [only] = members2;
    const single = only && members2.length === 1 && (key === only.path || dirname2(only.path) === key && !namedFolders.has(key));
    return { path: single ? only.path : key, files: members2 };
  });
}
function configSchemaPath(config2) {
  return joinPath3(dirname2(config2.path), config2.schema ?? "");
}
function declaresSetup(file) {
  return file.blocks.some((block) => block.type === "datasource" || block.type === "generator");
}
function nearestRoot(folder, roots) {
  for (let current = folder; current !== void 0; current = parent(current)) {
    if (roots.has(current)) return current;
  }
  return void 0;
}
function parent(folder) {
  return folder === "" ? void 0 : dirname2(folder);
}
function dirname2(path3) {
  const slash = path3.lastIndexOf("/");
  return slash < 0 ? "" : path3.slice(0, slash);
}
function joinPath3(base, relative) {
  const parts = base === "" ? [] : base.split("/");
  for (const part of relative.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

// src/sources/prisma/prisma-ast-nodes.ts
function at(path3, location) {
  return { path: path3, line: location?.startLine ?? 1 };
}
function blockAttribute(block, name) {
  return (block.properties ?? []).find(
    (p) => p.type === "attribute" && p.kind === "object" && p.name === name
  );
}
function fieldAttribute(field, name) {
  return (field.attributes ?? []).find((a) => a.name === name && !a.group);
}
function attributeArgument(attribute, key, positional = true) {
  const values = (attribute?.args ?? []).map((arg) => arg.value);
  const named = values.find((v) => v?.type === "keyValue" && v.key === key);
  if (named) return named.value;
  return positional ? values.find((v) => v?.type !== "keyValue") : void 0;
}
function fieldList(value) {
  const items = value?.type === "array" ? value.args : value === void 0 ? [] : [value];
  return items.flatMap((item) => {
    if (typeof item === "string") return item.startsWith('"') ? [] : [{ column: item }];
    if (item?.type !== "function") return [];
    const sort = (item.params ?? []).find((p) => p?.key === "sort")?.value;
    return [{ column: item.name, ...sort === "Desc" ? { descending: true } : {} }];
  });
}
function fieldTypeName(fieldType) {
  if (typeof fieldType === "string") return fieldType;
  return `${fieldType?.name}(${(fieldType?.params ?? []).join(", ")})`;
}
function unquote2(value) {
  if (typeof value !== "string") return void 0;
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value.slice(1, -1);
  }
}

// src/sources/prisma/datasource.ts
var PROVIDERS = {
  postgresql: "postgresql",
  postgres: "postgresql",
  mysql: "mysql",
  sqlite: "sqlite",
  sqlserver: "sqlserver",
  cockroachdb: "cockroachdb",
  mongodb: "mongodb"
};
function readDatasource(found) {
  if (!found) return void 0;
  const { block, path: path3 } = found;
  const setting = (key) => (block.assignments ?? []).find((a) => a.key === key);
  const relationMode = unquote2((setting("relationMode") ?? setting("referentialIntegrity"))?.value);
  const facts = { location: at(path3, block.location) };
  for (const [key, envKey] of [
    ["url", "urlEnv"],
    ["directUrl", "directUrlEnv"]
  ]) {
    const assignment2 = setting(key);
    const value = assignment2?.value;
    if (value?.type === "function" && value.name === "env") {
      const name = unquote2(value.params?.[0]);
      if (name) facts[envKey] = name;
    } else if (typeof value === "string") {
      facts[key] = literalUrl(unquote2(value) ?? "", at(path3, assignment2.location));
    }
  }
  return {
    provider: PROVIDERS[unquote2(setting("provider")?.value) ?? ""] ?? "unknown",
    relationMode: relationMode === "prisma" ? "prisma" : "foreignKeys",
    facts
  };
}
function literalUrl(url, location) {
  return { value: parseConnectionUrl(url)?.masked ?? maskSecretsInText(url), location };
}

// src/sources/prisma/schema-model.ts
var SCALARS = /* @__PURE__ */ new Set([
  "String",
  "Boolean",
  "Int",
  "BigInt",
  "Float",
  "Decimal",
  "DateTime",
  "Json",
  "Bytes"
]);
function toDbSchema(path3, files) {
  const blocks = files.flatMap(
    (file) => file.blocks.map((block) => ({ block, path: file.path }))
  );
  const ofType = (type) => blocks.filter(({ block }) => block.type === type);
  const datasource = readDatasource(ofType("datasource")[0]);
  const views = new Set(ofType("view").map(({ block }) => block.name));
  const columnTypes = /* @__PURE__ */ new Set([
    ...SCALARS,
    ...ofType("enum").map(({ block }) => block.name),
    ...ofType("type").map(({ block }) => block.name)
  ]);
  const models = ofType("model");
  const tables = /* @__PURE__ */ new Map();
  const pending = [];
  for (const { block, path: file } of models)
    tables.set(block.name, readModel(block, file, columnTypes, pending));
  for (const relation of pending) {
    if (views.has(relation.relatedModel)) continue;
    tables.get(relation.table)?.foreignKeys.push(foreignKey(relation, tables));
  }
  const schema4 = {
    origin: "prisma",
    path: path3,
    provider: datasource?.provider ?? "unknown",
    relationMode: datasource?.relationMode ?? "foreignKeys",
    role: "state",
    // `view` blocks are not read: a view has no indexes or foreign keys of its own to judge.
    tables: models.filter(({ block }) => !blockAttribute(block, "ignore")).map(({ block }) => tables.get(block.name))
  };
  if (datasource) schema4.datasource = datasource.facts;
  return schema4;
}
function readModel(block, path3, columnTypes, pending) {
  const properties = block.properties ?? [];
  const table = {
    name: unquote2(attributeArgument(blockAttribute(block, "map"), "name")) ?? block.name,
    modelName: block.name,
    columns: [],
    uniques: [],
    indexes: [],
    foreignKeys: [],
    location: at(path3, block.location)
  };
  const schemaName = unquote2(attributeArgument(blockAttribute(block, "schema"), "name"));
  if (schemaName) table.schema = schemaName;
  const columnOf = /* @__PURE__ */ new Map();
  const relationFields = [];
  for (const field of properties.filter((p) => p.type === "field")) {
    const type = fieldTypeName(field.fieldType);
    if (!columnTypes.has(type) && !type.startsWith("Unsupported(")) {
      relationFields.push(field);
      continue;
    }
    const name = unquote2(attributeArgument(fieldAttribute(field, "map"), "name")) ?? field.name;
    columnOf.set(field.name, name);
    const location = at(path3, field.location);
    table.columns.push({
      name,
      fieldName: field.name,
      type: `${type}${field.array ? "[]" : ""}`,
      nullable: field.optional === true,
      location
    });
    const id = fieldAttribute(field, "id");
    if (id) table.primaryKey = constraint([name], location, unquote2(attributeArgument(id, "map", false)));
    const unique = fieldAttribute(field, "unique");
    if (unique)
      table.uniques.push(constraint([name], location, unquote2(attributeArgument(unique, "map", false))));
  }
  const column = (fieldName) => columnOf.get(fieldName) ?? fieldName;
  for (const field of relationFields) {
    const relation = fieldAttribute(field, "relation");
    const fields = fieldList(attributeArgument(relation, "fields", false));
    if (fields.length === 0) continue;
    const name = unquote2(attributeArgument(relation, "map", false));
    pending.push({
      table: block.name,
      relatedModel: fieldTypeName(field.fieldType),
      relationField: field.name,
      fields: fields.map((f) => column(f.column)),
      references: fieldList(attributeArgument(relation, "references", false)).map((f) => f.column),
      ...name ? { name } : {},
      location: at(path3, field.location)
    });
  }
  for (const property2 of properties) {
    if (property2.type !== "attribute" || property2.kind !== "object") continue;
    const location = at(path3, property2.location);
    const elements = fieldList(attributeArgument(property2, "fields")).map((e) => ({
      ...e,
      column: column(e.column)
    }));
    const columns = elements.map((e) => e.column);
    const map2 = unquote2(attributeArgument(property2, "map", false));
    if (property2.name === "id") table.primaryKey = constraint(columns, location, map2);
    else if (property2.name === "unique") table.uniques.push(constraint(columns, location, map2));
    else if (property2.name === "index" || property2.name === "fulltext") {
      const name = map2 ?? unquote2(attributeArgument(property2, "name", false));
      const method = property2.name === "fulltext" ? "fulltext" : unquote2(attributeArgument(property2, "type", false));
      const index = {
        elements,
        unique: false,
        location,
        ...name ? { name } : {},
        ...method ? { method: method.toLowerCase() } : {}
      };
      table.indexes.push(index);
    }
  }
  return table;
}
function constraint(columns, location, name) {
  return { columns, location, ...name ? { name } : {} };
}
function foreignKey(relation, tables) {
  const related = tables.get(relation.relatedModel);
  return {
    columns: relation.fields,
    referencedTable: related?.name ?? relation.relatedModel,
    referencedColumns: relation.references.map(
      (field) => related?.columns.find((c) => c.fieldName === field)?.name ?? field
    ),
    relationField: relation.relationField,
    location: relation.location,
    ...relation.name ? { name: relation.name } : {}
  };
}

// src/sources/prisma/index.ts
var CONFIG_FILE = /(^|\/)prisma\.config\.(ts|mts|js|mjs|cjs)$/;
var PACKAGE_JSON = /(^|\/)package\.json$/;
var prismaSource = {
  id: "prisma",
  matches: (path3) => path3.endsWith(".prisma") || CONFIG_FILE.test(path3) || PACKAGE_JSON.test(path3),
  async read(files) {
    if (files.every((file) => PACKAGE_JSON.test(file.path))) return {};
    if (files.some((file) => CONFIG_FILE.test(file.path))) await loadBabel();
    const diagnostics = [];
    const configs = [];
    const packageSchemas = [];
    const parsed = [];
    for (const file of files) {
      if (PACKAGE_JSON.test(file.path)) {
        const facts = packageJsonConfig(file.path, file.text);
        if (facts) packageSchemas.push(facts);
        continue;
      }
      const read = CONFIG_FILE.test(file.path) ? readPrismaConfig(file.path, file.text) : parsePrismaFile(file.path, file.text);
      diagnostics.push(...read.diagnostics);
      if ("facts" in read) configs.push(read.facts);
      else parsed.push(read.file);
    }
    const schemas2 = [];
    for (const group of groupSchemaFiles(parsed, [...configs, ...packageSchemas])) {
      const schema4 = toDbSchema(group.path, group.files);
      if (schema4.tables.length === 0 && !schema4.datasource) continue;
      const config2 = configFor(group, configs);
      if (config2) applyConfig(schema4, config2);
      schemas2.push(schema4);
    }
    const fragment = { schemas: schemas2, diagnostics };
    return fragment;
  }
};
function packageJsonConfig(path3, text2) {
  try {
    const schema4 = JSON.parse(text2)?.prisma?.schema;
    return typeof schema4 === "string" && schema4 !== "" ? { path: path3, schema: schema4 } : void 0;
  } catch {
    return void 0;
  }
}
function configFor(group, configs) {
  const naming = configs.find((config2) => {
    if (!config2.schema) return false;
    const named = configSchemaPath(config2);
    return named === group.path || group.files.some((file) => file.path === named);
  });
  if (naming) return naming;
  return configs.filter((config2) => !config2.schema && isWithin(group.path, dirname2(config2.path))).sort((a, b) => b.path.length - a.path.length)[0];
}
function isWithin(path3, folder) {
  return folder === "" || path3.startsWith(`${folder}/`);
}
function applyConfig(schema4, config2) {
  if (!config2.urlEnv && !config2.directUrlEnv) return;
  const datasource = schema4.datasource ?? { location: { path: config2.path, line: 1 } };
  if (!datasource.urlEnv && !datasource.url && config2.urlEnv) datasource.urlEnv = config2.urlEnv;
  if (!datasource.directUrlEnv && !datasource.directUrl && config2.directUrlEnv)
    datasource.directUrlEnv = config2.directUrlEnv;
  schema4.datasource = datasource;
}

// src/sources/railway/index.ts
var railwaySource = {
  id: "railway",
  matches: (path3) => /(^|\/)railway\.(json|toml)$/.test(path3),
  read(files) {
    const fragment = {
      services: [],
      diagnostics: []
    };
    for (const file of files) {
      const config2 = file.path.endsWith(".toml") ? tomlConfig(file.path, file.text, fragment.diagnostics) : jsonConfig(file.path, file.text, fragment.diagnostics);
      if (config2) fragment.services.push(readService(file.path, config2, fragment.diagnostics));
    }
    return fragment;
  }
};
function readService(path3, field, diagnostics) {
  const deploy = field("deploy") ?? field("");
  const cron = field("deploy.cronSchedule");
  const service = baseService(
    "railway",
    defaultName(path3, "railway"),
    typeof cron?.value === "string" && cron.value ? "cron" : "web",
    deploy.location,
    directoryOf2(path3)
  );
  const text2 = (key) => {
    const found = field(key);
    return typeof found?.value === "string" && found.value ? { value: found.value, location: found.location } : void 0;
  };
  const start = text2("deploy.startCommand");
  if (start) service.startCommand = start;
  const build = text2("build.buildCommand");
  if (build) service.buildCommand = build;
  const health = text2("deploy.healthcheckPath");
  if (health) service.healthCheckPath = health;
  const replicas = replicaCount(field, diagnostics);
  if (replicas)
    service.instances = {
      min: replicas.value,
      max: replicas.value,
      autoscaling: false,
      location: replicas.location
    };
  for (const key of ["sleepApplication", "restartPolicyType", "restartPolicyMaxRetries", "cronSchedule"]) {
    const found = field(`deploy.${key}`);
    const value = found?.value;
    if (found && (typeof value === "string" || typeof value === "number" || typeof value === "boolean"))
      service.settings[key] = { value, location: found.location };
  }
  const preDeploy = field("deploy.preDeployCommand");
  const preDeployText = Array.isArray(preDeploy?.value) ? preDeploy.value.join(" && ") : preDeploy?.value;
  if (preDeploy && typeof preDeployText === "string" && preDeployText)
    service.settings.preDeployCommand = { value: preDeployText, location: preDeploy.location };
  return service;
}
function replicaCount(field, diagnostics) {
  const regions = field("deploy.multiRegionConfig");
  const perRegion = Object.entries(asRecord(regions?.value));
  if (regions && perRegion.length) {
    const value = perRegion.reduce((sum, [region, config2]) => {
      const replicas2 = asRecord(config2).numReplicas ?? 1;
      return sum + wholeNumber(replicas2, field(`deploy.multiRegionConfig.${region}.numReplicas`) ?? regions, diagnostics);
    }, 0);
    return { value, location: regions.location };
  }
  const replicas = field("deploy.numReplicas");
  return replicas ? { value: wholeNumber(replicas.value, replicas, diagnostics), location: replicas.location } : void 0;
}
function wholeNumber(value, at3, diagnostics) {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  diagnostics.push({
    severity: "warning",
    origin: "railway",
    message: `numReplicas ${JSON.stringify(value)} is not a whole number; Headroom counted 1 replica.`,
    location: at3.location
  });
  return 1;
}
function jsonConfig(path3, text2, diagnostics) {
  const { root, diagnostics: found } = parseLocatedYaml(path3, text2, "railway");
  diagnostics.push(...found);
  if (!root) return void 0;
  if (!root.isMap) {
    diagnostics.push({
      severity: "error",
      origin: "railway",
      message: `${path3} should hold a JSON object with \`build\` and \`deploy\`; it was skipped.`,
      location: root.location
    });
    return void 0;
  }
  return (dotted) => {
    let node = root;
    for (const key of dotted ? dotted.split(".") : []) node = node?.get(key);
    return node ? { value: node.node?.toJSON(), location: node.location } : void 0;
  };
}
function tomlConfig(path3, text2, diagnostics) {
  const { toml, diagnostics: found } = parseLocatedToml(path3, text2, "railway");
  diagnostics.push(...found);
  if (!toml) return void 0;
  return (dotted) => {
    let value = toml.data;
    for (const key of dotted ? dotted.split(".") : []) value = asRecord(value)[key];
    return value === void 0 ? void 0 : { value, location: { path: path3, line: toml.lineOf(dotted) } };
  };
}

// src/sources/render/blueprint-values.ts
function planOf(node, fallback) {
  const plan = node.get("plan");
  const name = plan?.string();
  return name ? { name: name.toLowerCase(), explicit: true, location: plan?.location ?? node.location } : { name: fallback, explicit: false, location: node.location };
}
function settingsOf(node, keys) {
  const settings = {};
  for (const key of keys) {
    const child = node.get(key);
    const value = child?.number() ?? child?.boolean() ?? child?.string();
    if (child && value !== void 0) settings[key] = { value, location: child.location };
  }
  return settings;
}
function located2(node, read) {
  if (!node) return void 0;
  const value = read(node);
  return value === void 0 ? void 0 : { value, location: node.location };
}
function text(node) {
  return located2(node, (n) => n.string());
}
function ipAllowListOf(node, omitted) {
  const list = node.get("ipAllowList");
  if (!list) return omitted ? { value: omitted, location: node.location } : void 0;
  const sources = list.items().map((entry) => entry.get("source")?.string());
  const value = sources.length === 0 ? "internal" : sources.some((source) => source === "0.0.0.0/0" || source === "::/0") ? "open" : "restricted";
  return { value, location: list.location };
}
function problem(location, message) {
  return { severity: "warning", origin: "render", message, location };
}

// src/sources/render/datastores.ts
var DEFAULT_DATABASE_PLAN = "basic-256mb";
var DEFAULT_KEYVALUE_PLAN = "starter";
function readKeyValue(node, name, scope) {
  const store = {
    id: `keyvalue:${name}`,
    name,
    kind: "redis",
    platform: "render",
    plan: planOf(node, DEFAULT_KEYVALUE_PLAN),
    settings: { ...scope, ...settingsOf(node, ["region", "type"]) },
    location: node.location
  };
  const policy = text(node.get("maxmemoryPolicy"));
  if (policy) store.maxmemoryPolicy = policy;
  const allowList = ipAllowListOf(node, void 0);
  if (allowList) store.settings.ipAllowList = allowList;
  return store;
}
function readDatabase(node, name, scope) {
  const database = {
    id: `database:${name}`,
    name,
    kind: "postgres",
    platform: "render",
    plan: planOf(node, DEFAULT_DATABASE_PLAN),
    settings: {
      ...scope,
      ...settingsOf(node, ["region", "postgresMajorVersion", "diskSizeGB", "databaseName", "user"])
    },
    location: node.location
  };
  const pool = text(node.get("connectionPool"));
  if (pool && pool.value !== "none") database.managedPooler = pool;
  const allowList = ipAllowListOf(node, "open");
  if (allowList) database.settings.ipAllowList = allowList;
  const replicas = node.get("readReplicas");
  if (replicas)
    database.settings.readReplicas = { value: replicas.items().length, location: replicas.location };
  const highAvailability = node.get("highAvailability")?.get("enabled");
  const enabled = highAvailability?.boolean();
  if (highAvailability && enabled !== void 0)
    database.settings.highAvailability = { value: enabled, location: highAvailability.location };
  return database;
}

// src/sources/render/env-vars.ts
var NOT_IN_GROUPS = ["fromDatabase", "fromService", "fromGroup"];
function readEnvGroup(group, diagnostics) {
  return (group.get("envVars")?.items() ?? []).flatMap((item) => {
    const misplaced = NOT_IN_GROUPS.find((key) => item.get(key)) ?? (item.get("sync") ? "sync" : void 0);
    if (misplaced)
      diagnostics.push(
        problem(
          item.location,
          `Environment group ${group.get("name")?.string() ?? ""} uses \`${misplaced}\`, which Render accepts only on services; Render will reject the blueprint.`
        )
      );
    return binding(item, diagnostics);
  });
}
function readServiceEnv(service, groups, diagnostics) {
  return (service.get("envVars")?.items() ?? []).flatMap((item) => {
    const groupName = item.get("fromGroup")?.string();
    if (groupName === void 0) return binding(item, diagnostics);
    const group = groups.get(groupName);
    if (!group)
      diagnostics.push(
        problem(item.location, `\`fromGroup: ${groupName}\` names no environment group of this blueprint.`)
      );
    return group ?? [];
  });
}
function binding(item, diagnostics) {
  const key = item.get("key")?.string();
  if (!key) {
    diagnostics.push(problem(item.location, "An `envVars` entry has no `key`; it was not read."));
    return [];
  }
  const source = bindingSource(item);
  if (!source) {
    diagnostics.push(
      problem(
        item.location,
        `${key} has no \`value\`, \`generateValue\`, \`sync: false\`, \`fromDatabase\` or \`fromService\`; it was read as unset.`
      )
    );
  }
  return [{ key, location: item.location, source: source ?? { kind: "unset" } }];
}
function bindingSource(item) {
  const fromDatabase = item.get("fromDatabase");
  if (fromDatabase?.isMap) {
    return {
      kind: "fromDatabase",
      name: fromDatabase.get("name")?.string() ?? "",
      property: fromDatabase.get("property")?.string() ?? ""
    };
  }
  const fromService = item.get("fromService");
  if (fromService?.isMap) {
    const type = fromService.get("type")?.string();
    const property2 = fromService.get("property")?.string();
    const envVarKey = fromService.get("envVarKey")?.string();
    return {
      kind: "fromService",
      name: fromService.get("name")?.string() ?? "",
      ...type ? { type } : {},
      ...property2 ? { property: property2 } : {},
      ...envVarKey ? { envVarKey } : {}
    };
  }
  if (item.get("generateValue")?.boolean()) return { kind: "generated" };
  if (item.get("sync")?.boolean() === false) return { kind: "unset" };
  const value = item.get("value")?.string();
  return value === void 0 ? void 0 : { kind: "value", value: new Secret(value) };
}

// src/sources/render/services.ts
var SERVICE_KINDS = {
  web: "web",
  worker: "worker",
  pserv: "private",
  cron: "cron"
};
var DEFAULT_SERVICE_PLAN = "starter";
var SETTINGS = [
  "region",
  "preDeployCommand",
  "autoDeployTrigger",
  "autoDeploy",
  "dockerfilePath",
  "maxShutdownDelaySeconds",
  "schedule",
  "staticPublishPath"
];
function readService2(node, name, type, scope, groups, diagnostics) {
  const runtime = text(node.get("runtime") ?? node.get("env"));
  const isStatic = runtime?.value === "static";
  const kind = isStatic ? "static" : type === void 0 ? void 0 : SERVICE_KINDS[type];
  if (!kind) {
    diagnostics.push(
      problem(
        node.get("type")?.location ?? node.location,
        `Service ${name} has ${type === void 0 ? "no `type`" : `the unknown type \`${type}\``}; expected web, pserv, worker, cron or keyvalue. It was not read.`
      )
    );
    return void 0;
  }
  if (kind === "private" && runsInfrastructure(node, name)) return void 0;
  const service = {
    id: `service:${name}`,
    name,
    platform: "render",
    kind,
    instances: instancesOf(node, name, diagnostics),
    env: readServiceEnv(node, groups, diagnostics),
    rootDir: normalizeRootDir(node.get("rootDir")?.string() ?? ""),
    settings: { ...scope, ...settingsOf(node, SETTINGS), ...scalingTargets(node) },
    location: node.location
  };
  if (runtime) service.runtime = runtime;
  if (runtime?.value === "docker" && !node.get("image")) service.image = renderImage(node, service.rootDir);
  if (!isStatic) service.plan = planOf(node, DEFAULT_SERVICE_PLAN);
  const start = text(node.get("startCommand") ?? node.get("dockerCommand"));
  if (start) service.startCommand = start;
  const build = text(node.get("buildCommand"));
  if (build) service.buildCommand = build;
  const health = text(node.get("healthCheckPath"));
  if (health) service.healthCheckPath = health;
  const disk = node.get("disk");
  if (disk?.isMap) {
    const sizeGB = disk.get("sizeGB")?.number();
    const mountPath = disk.get("mountPath")?.string();
    service.disk = {
      location: disk.location,
      ...sizeGB !== void 0 ? { sizeGB } : {},
      ...mountPath ? { mountPath } : {}
    };
  }
  return service;
}
function instancesOf(node, name, diagnostics) {
  const scaling = node.get("scaling");
  if (scaling?.isMap) {
    const min = positiveInteger2(scaling.get("minInstances"), `${name}: scaling.minInstances`, diagnostics) ?? 1;
    const max = positiveInteger2(scaling.get("maxInstances"), `${name}: scaling.maxInstances`, diagnostics) ?? min;
    if (max < min)
      diagnostics.push(
        problem(
          scaling.location,
          `Service ${name}: maxInstances (${max}) is below minInstances (${min}); ${min} is assumed.`
        )
      );
    return { min, max: Math.max(min, max), autoscaling: true, location: scaling.location };
  }
  const count3 = node.get("numInstances");
  const instances = positiveInteger2(count3, `${name}: numInstances`, diagnostics) ?? 1;
  return { min: instances, max: instances, autoscaling: false, location: count3?.location ?? node.location };
}
function positiveInteger2(node, what, diagnostics) {
  if (!node) return void 0;
  const value = node.number();
  if (value !== void 0 && Number.isInteger(value) && value >= 1) return value;
  diagnostics.push(
    problem(
      node.location,
      `Service ${what} must be a whole number of at least 1, not \`${node.string() ?? "(empty)"}\`; the default was assumed.`
    )
  );
  return void 0;
}
function scalingTargets(node) {
  const scaling = node.get("scaling");
  return scaling ? settingsOf(scaling, ["targetCPUPercent", "targetMemoryPercent"]) : {};
}
function normalizeRootDir(rootDir) {
  return rootDir.split("/").filter((part) => part !== "" && part !== ".").join("/");
}
function runsInfrastructure(node, name) {
  const last = (path3) => path3?.replace(/\.git$/, "").replace(/\/+$/, "").split("/").at(-1);
  const names2 = [
    name,
    node.get("image")?.get("url")?.string(),
    last(node.get("repo")?.string()),
    last(node.get("dockerContext")?.string())
  ];
  return names2.some((candidate) => candidate !== void 0 && isInfrastructureImage(candidate));
}
function renderImage(node, rootDir) {
  const context = repositoryPath("", node.get("dockerContext")?.string() ?? rootDir);
  const dockerfile = node.get("dockerfilePath")?.string();
  return {
    context,
    dockerfile: dockerfile ? repositoryPath("", dockerfile) : repositoryPath(context, "Dockerfile")
  };
}

// src/sources/render/index.ts
var BLUEPRINT = /(^|\/)render\.ya?ml$/;
var KEY_VALUE_TYPES = /* @__PURE__ */ new Set(["keyvalue", "redis"]);
var UNMODELLED_TYPES = /* @__PURE__ */ new Set(["workflow"]);
var renderSource = {
  id: "render",
  matches: (path3) => BLUEPRINT.test(path3),
  read(files) {
    const fragment = { services: [], datastores: [], connections: [], diagnostics: [] };
    for (const file of files) {
      const { root, diagnostics } = parseLocatedYaml(file.path, file.text, "render");
      fragment.diagnostics.push(...diagnostics);
      if (!root || root.node === null || root.node === void 0) continue;
      if (!root.isMap) {
        fragment.diagnostics.push(
          problem(
            root.location,
            `${file.path} must be a mapping with \`services\`, \`databases\` or \`projects\`; it was not read.`
          )
        );
        continue;
      }
      readBlueprint(root, fragment);
    }
    return fragment;
  }
};
function readBlueprint(root, fragment) {
  const scopes = scopesOf(root);
  const groups = /* @__PURE__ */ new Map();
  for (const scope of scopes) {
    for (const group of scope.node.get("envVarGroups")?.items() ?? []) {
      const name = group.get("name")?.string();
      if (name) groups.set(name, readEnvGroup(group, fragment.diagnostics));
      else
        fragment.diagnostics.push(
          problem(group.location, "An environment group has no `name`; it was not read.")
        );
    }
  }
  for (const scope of scopes) {
    for (const node of scope.node.get("services")?.items() ?? [])
      readServiceEntry(node, scope, groups, fragment);
    for (const node of scope.node.get("databases")?.items() ?? []) {
      const name = nameOf(node, "database", fragment.diagnostics);
      if (name) fragment.datastores.push(readDatabase(node, name, scope.settings));
    }
  }
}
function scopesOf(root) {
  const scopes = [{ node: root, settings: {} }];
  for (const project of root.get("projects")?.items() ?? []) {
    const projectName = project.get("name");
    for (const environment2 of project.get("environments")?.items() ?? []) {
      const environmentName = environment2.get("name");
      const settings = {};
      const projectValue = projectName?.string();
      if (projectName && projectValue)
        settings.project = { value: projectValue, location: projectName.location };
      const environmentValue = environmentName?.string();
      if (environmentName && environmentValue)
        settings.environment = { value: environmentValue, location: environmentName.location };
      scopes.push({ node: environment2, settings });
    }
  }
  const ungrouped = root.get("ungrouped");
  if (ungrouped) scopes.push({ node: ungrouped, settings: {} });
  return scopes;
}
function readServiceEntry(node, scope, groups, fragment) {
  const name = nameOf(node, "service", fragment.diagnostics);
  if (!name) return;
  const type = node.get("type")?.string();
  if (type && KEY_VALUE_TYPES.has(type)) {
    fragment.datastores.push(readKeyValue(node, name, scope.settings));
    return;
  }
  if (type && UNMODELLED_TYPES.has(type)) {
    fragment.diagnostics.push({
      ...problem(node.location, `Service ${name} is a Render ${type}, which Headroom does not review yet.`),
      severity: "info"
    });
    return;
  }
  const service = readService2(node, name, type, scope.settings, groups, fragment.diagnostics);
  if (!service) return;
  fragment.services.push(service);
  fragment.connections.push(...literalConnections(service));
}
function nameOf(node, what, diagnostics) {
  const name = node.get("name")?.string();
  if (!name) diagnostics.push(problem(node.location, `A Render ${what} has no \`name\`; it was not read.`));
  return name;
}

// src/sources/ruby/prism-parser.ts
var ENOSYS = 52;
var prism = lazyModule("the Ruby parser", async () => {
  const [{ parsePrism }, { prismWasm }] = await Promise.all([
    import("./parsePrism-EWUH7637.js"),
    // Its own chunk in the bundle: the inlined binary is parsed only by reviews with Ruby files.
    import("./prism-wasm-SLD4QZYK.js")
  ]);
  const bytes = await prismWasm();
  const system = new Proxy(
    {},
    {
      get: (_, name) => name === "proc_exit" ? (code) => {
        throw new Error(`the Ruby parser exited (${code})`);
      } : () => ENOSYS
    }
  );
  const { instance } = await WebAssembly.instantiate(bytes, { wasi_snapshot_preview1: system });
  instance.exports._initialize();
  return (source) => parsePrism(instance.exports, source);
});
var loadRubyParser = prism.load;
var parseRuby = (source) => prism.get()(source);

// src/sources/byte-lines.ts
function byteLineLocator(bytes) {
  const newlines = [];
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) newlines.push(i);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = low + high >> 1;
      if (newlines[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

// src/sources/ruby/ruby-syntax.ts
function lineLocator(source) {
  return byteLineLocator(Buffer.from(source, "utf8"));
}
function guardedTopLevelCalls(program) {
  const calls = [];
  const visit3 = (statements, guard) => {
    for (const node of statements?.body ?? []) {
      const kind = node?.constructor?.name;
      if (kind === "CallNode") calls.push(guard ? { call: node, guard } : { call: node });
      else if (kind === "IfNode" || kind === "UnlessNode") {
        const test = guard ? "unknown" : envTestOf(node.predicate) ?? "unknown";
        const negate = (t) => t === "unknown" ? t : { ...t, negated: !t.negated };
        visit3(node.statements, kind === "IfNode" ? test : negate(test));
        const otherwise = node.subsequent ?? node.elseClause;
        const otherwiseGuard = otherwise?.constructor?.name === "IfNode" ? "unknown" : kind === "IfNode" ? negate(test) : test;
        visit3(otherwise?.statements, otherwiseGuard);
      }
    }
  };
  visit3(program?.statements);
  return calls;
}
function envTestOf(node) {
  if (node?.constructor?.name !== "CallNode") return void 0;
  const variable = envRead(node);
  if (variable) return { env: variable };
  if (node.name === "present?") {
    const inner = envRead(node.receiver);
    return inner ? { env: inner } : void 0;
  }
  if (node.name === "!") {
    const inner = envTestOf(node.receiver);
    return inner ? { ...inner, negated: !inner.negated } : void 0;
  }
  if (node.name === "==" || node.name === "!=") {
    const inner = envRead(node.receiver);
    const value = literalText(argumentsOf(node)[0]);
    if (!inner || value === void 0) return void 0;
    return { env: inner, equals: value, ...node.name === "!=" ? { negated: true } : {} };
  }
  return void 0;
}
function argumentsOf(call) {
  return call?.arguments_?.arguments_ ?? [];
}
function literalText(node) {
  const kind = node?.constructor?.name;
  if (kind === "StringNode" || kind === "SymbolNode") return node.unescaped?.value;
  return void 0;
}
function countOf(node, locals, depth = 0) {
  if (depth > 8) return void 0;
  const next = (inner) => countOf(inner, locals, depth + 1);
  switch (node?.constructor?.name) {
    case "IntegerNode":
      return typeof node.value === "number" && node.value > 0 ? { value: node.value } : void 0;
    case "StringNode": {
      const text2 = literalText(node) ?? "";
      if (text2 === "auto") return { perCpu: 1, plus: 0 };
      return /^\d+$/.test(text2) && Number(text2) > 0 ? { value: Number(text2) } : void 0;
    }
    case "SymbolNode":
      return literalText(node) === "auto" ? { perCpu: 1, plus: 0 } : void 0;
    case "ParenthesesNode":
      return node.body?.body?.length === 1 ? next(node.body.body[0]) : void 0;
    case "LocalVariableReadNode":
      return locals.has(node.name) ? next(locals.get(node.name)) : void 0;
    case "OrNode": {
      const env = envRead(node.left);
      return env ? { env, ...optional2(next(node.right)) } : void 0;
    }
    case "CallNode": {
      const [first, second] = argumentsOf(node);
      if (node.receiver === null && node.name === "Integer") return next(first);
      if (node.name === "to_i" && node.receiver) return next(node.receiver);
      const env = envRead(node);
      if (!env) return void 0;
      const fallback = second ?? node.block?.body?.body?.at(-1);
      return { env, ...optional2(fallback === void 0 ? void 0 : next(fallback)) };
    }
    default:
      return void 0;
  }
}
function optional2(otherwise) {
  return otherwise ? { otherwise } : {};
}
function envRead(node) {
  if (node?.constructor?.name !== "CallNode") return void 0;
  const receiver = node.receiver;
  const isEnv = receiver?.constructor?.name === "ConstantReadNode" && receiver.name === "ENV";
  if (!isEnv || node.name !== "[]" && node.name !== "fetch") return void 0;
  return literalText(argumentsOf(node)[0]);
}

// src/sources/ruby/gemfile.ts
var DEV_GROUPS = /* @__PURE__ */ new Set(["development", "test"]);
function readGemfile(file) {
  const result = parseRuby(file.text);
  const line = lineLocator(file.text);
  const dependencies = [];
  const visit3 = (statements, dev) => {
    for (const node of statements?.body ?? []) {
      if (node?.constructor?.name !== "CallNode" || node.receiver) {
        if (node?.constructor?.name === "IfNode" || node?.constructor?.name === "UnlessNode") {
          visit3(node.statements, dev);
          visit3(node.subsequent?.statements ?? node.elseClause?.statements, dev);
        }
        continue;
      }
      const args = argumentsOf(node);
      if (node.name === "group" || node.name === "platforms" || node.name === "platform") {
        const groups2 = node.name === "group" ? args.map(literalText) : [];
        const devOnly = groups2.length > 0 && groups2.every((g) => g && DEV_GROUPS.has(g));
        visit3(node.block?.body, dev || devOnly);
        continue;
      }
      if (node.name !== "gem") continue;
      const name = literalText(args[0]);
      if (!name) continue;
      const version2 = literalText(args[1]);
      const groups = keywordGroups(args.at(-1));
      dependencies.push({
        ecosystem: "rubygems",
        name,
        ...version2 ? { version: version2 } : {},
        dev: dev || groups.length > 0 && groups.every((g) => DEV_GROUPS.has(g)),
        manifest: file.path,
        location: { path: file.path, line: line(node.location.startOffset) }
      });
    }
  };
  visit3(result.value.statements, false);
  const error3 = result.errors[0];
  const diagnostics = error3 ? [
    {
      severity: "warning",
      origin: "ruby",
      message: `${file.path} is not valid Ruby (${error3.message}); the gems Prism could still read were kept.`,
      location: { path: file.path, line: line(error3.location.startOffset) }
    }
  ] : [];
  return { dependencies, diagnostics };
}
function keywordGroups(options) {
  if (options?.constructor?.name !== "KeywordHashNode") return [];
  for (const element of options.elements ?? []) {
    const key = literalText(element.key);
    if (key !== "group" && key !== "groups") continue;
    const value = element.value;
    const items = value?.constructor?.name === "ArrayNode" ? value.elements : [value];
    return items.map(literalText).filter((g) => g !== void 0);
  }
  return [];
}

// src/sources/ruby/puma-config.ts
function readPumaConfig(file) {
  const result = parseRuby(file.text);
  const line = lineLocator(file.text);
  const error3 = result.errors[0];
  if (error3) {
    return {
      diagnostics: [
        {
          severity: "warning",
          origin: "ruby",
          message: `${file.path} is not valid Ruby (${error3.message}); its workers and threads were not read.`,
          location: { path: file.path, line: line(error3.location.startOffset) }
        }
      ]
    };
  }
  const locals = /* @__PURE__ */ new Map();
  const program = result.value;
  for (const node of program.statements?.body ?? []) {
    if (node?.constructor?.name === "LocalVariableWriteNode") locals.set(node.name, node.value);
  }
  const config2 = { path: file.path, server: "puma", plugins: [] };
  for (const { call, guard } of guardedTopLevelCalls(program)) {
    const args = argumentsOf(call);
    const at3 = { path: file.path, line: line(call.location.startOffset) };
    if (call.name === "workers") {
      const count3 = countOf(args[0], locals);
      if (count3) config2.workers = { count: count3, location: at3 };
    } else if (call.name === "threads") {
      const count3 = countOf(args.at(-1), locals);
      if (count3) config2.threads = { count: count3, location: at3 };
    } else if (call.name === "plugin") {
      const name = literalText(args[0]);
      if (name && guard !== "unknown")
        config2.plugins.push({ name, location: at3, ...guard ? { when: guard } : {} });
    }
  }
  return { config: config2, diagnostics: [] };
}

// src/sources/ruby/rails-routes.ts
var VERBS = /* @__PURE__ */ new Set(["get", "match", "head"]);
function readRailsRoutes(file) {
  const result = parseRuby(file.text);
  const line = lineLocator(file.text);
  const error3 = result.errors[0];
  if (error3)
    return {
      healthEndpoints: [],
      diagnostics: [
        {
          severity: "warning",
          origin: "ruby",
          message: `${file.path} is not valid Ruby (${error3.message}); its health routes were not read.`,
          location: { path: file.path, line: line(error3.location.startOffset) }
        }
      ]
    };
  const found = [];
  const visit3 = (node) => {
    if (node?.constructor?.name === "CallNode" && node.receiver === null && VERBS.has(node.name)) {
      const path3 = healthPath(routeLiteral(argumentsOf(node)[0]) ?? "");
      if (path3) found.push({ path: path3, location: { path: file.path, line: line(node.location.startOffset) } });
    }
    for (const child of node?.compactChildNodes?.() ?? []) visit3(child);
  };
  visit3(result.value);
  return { healthEndpoints: found, diagnostics: [] };
}
function routeLiteral(argument) {
  if (argument?.constructor?.name === "KeywordHashNode") return literalText(argument.elements?.[0]?.key);
  return literalText(argument);
}

// src/sources/ruby/yaml-count.ts
var ERB_OUTPUT = /^<%=\s*([\s\S]*?)\s*-?%>$/;
function countFromYaml(node) {
  const number3 = node.number();
  if (number3 !== void 0) return Number.isInteger(number3) && number3 > 0 ? { value: number3 } : void 0;
  const erb = ERB_OUTPUT.exec(node.string() ?? "")?.[1];
  if (!erb) return void 0;
  const result = parseRuby(erb);
  const program = result.value;
  const [expression] = program.statements?.body ?? [];
  return result.errors.length === 0 ? countOf(expression, /* @__PURE__ */ new Map()) : void 0;
}

// src/sources/ruby/sidekiq-config.ts
function readSidekiqConfig(file) {
  const { root, diagnostics } = parseLocatedYaml(file.path, file.text, "ruby");
  if (!root) return { diagnostics };
  const concurrency = (section) => section?.get(":concurrency") ?? section?.get("concurrency");
  const node = concurrency(root.get("production")) ?? concurrency(root.get(":production")) ?? concurrency(root);
  const config2 = { path: file.path, server: "sidekiq", plugins: [] };
  const count3 = node ? countFromYaml(node) : void 0;
  if (node && count3) config2.threads = { count: count3, location: node.location };
  return { config: config2, diagnostics };
}

// src/sources/ruby/solid-queue-config.ts
function readSolidQueueConfig(file) {
  const { root, diagnostics } = parseLocatedYaml(file.path, file.text, "ruby");
  if (!root) return { diagnostics };
  const section = [root.get("production"), root].find(
    (node) => node?.get("workers") || node?.get("dispatchers")
  );
  if (!section) return { diagnostics };
  const groups = [
    ...groupsOf(section.get("workers"), "workers"),
    ...groupsOf(section.get("dispatchers"), "dispatchers")
  ];
  return {
    config: { path: file.path, server: "solid_queue", plugins: [], processGroups: groups },
    diagnostics
  };
}
function groupsOf(list, role) {
  return (list?.items() ?? []).map((entry) => {
    const processes = role === "workers" ? entry.get("processes") : void 0;
    const threads = role === "workers" ? entry.get("threads") : void 0;
    const threadCount = threads ? countFromYaml(threads) : void 0;
    return {
      role,
      processes: (processes ? countFromYaml(processes) : void 0) ?? { value: 1 },
      ...threadCount ? { threads: threadCount } : {},
      location: entry.location
    };
  });
}

// src/sources/ruby/index.ts
var RUBY_CANDIDATE = /(\.rb|\.ya?ml|Gemfile)$/;
var GEMFILE = /(^|\/)Gemfile$/;
var PUMA_CONFIG = /(^|\/)config\/puma\/[^/]+\.rb$|puma[^/]*\.rb$/;
var SIDEKIQ_CONFIG = /sidekiq[^/]*\.ya?ml$/;
var RAILS_ROUTES = /(^|\/)config\/routes(\/[^/]+)?\.rb$/;
var SOLID_QUEUE_CONFIG = /(^|\/)config\/[^/]*queue[^/]*\.ya?ml$/;
var rubySource = {
  id: "ruby",
  matches: (path3) => RUBY_CANDIDATE.test(path3) && (GEMFILE.test(path3) || PUMA_CONFIG.test(path3) || SIDEKIQ_CONFIG.test(path3) || SOLID_QUEUE_CONFIG.test(path3) || RAILS_ROUTES.test(path3)),
  async read(files) {
    await loadRubyParser();
    const fragment = {
      dependencies: [],
      serverConfigs: [],
      healthEndpoints: [],
      diagnostics: []
    };
    for (const file of files) {
      if (GEMFILE.test(file.path)) {
        const read = readGemfile(file);
        fragment.dependencies.push(...read.dependencies);
        fragment.diagnostics.push(...read.diagnostics);
      } else if (RAILS_ROUTES.test(file.path)) {
        const read = readRailsRoutes(file);
        fragment.healthEndpoints.push(...read.healthEndpoints);
        fragment.diagnostics.push(...read.diagnostics);
      } else {
        const read = SIDEKIQ_CONFIG.test(file.path) ? readSidekiqConfig(file) : SOLID_QUEUE_CONFIG.test(file.path) ? readSolidQueueConfig(file) : readPumaConfig(file);
        if (read.config) fragment.serverConfigs.push(read.config);
        fragment.diagnostics.push(...read.diagnostics);
      }
    }
    return fragment;
  }
};

// src/sources/sql/dialect.ts
var REPLAYED = ["postgresql", "cockroachdb"];
var NAMES = /* @__PURE__ */ new Map([
  ["postgres", "postgresql"],
  ["postgresql", "postgresql"],
  ["pg", "postgresql"],
  ["pgsql", "postgresql"],
  ["cockroach", "cockroachdb"],
  ["cockroachdb", "cockroachdb"],
  ["crdb", "cockroachdb"],
  ["mysql", "mysql"],
  ["mariadb", "mysql"],
  ["sqlite", "sqlite"],
  ["sqlite3", "sqlite"],
  ["mssql", "sqlserver"],
  ["sqlserver", "sqlserver"],
  ["h2", "h2"],
  ["oracle", "oracle"]
]);
function sqlDialectOf(parts) {
  const [, ...suffixes] = (parts.at(-1) ?? "").toLowerCase().split(".");
  for (const suffix of suffixes) {
    const dialect = NAMES.get(suffix);
    if (dialect) return dialect;
  }
  for (const folder of parts.slice(0, -1).reverse()) {
    const dialect = NAMES.get(folder.toLowerCase());
    if (dialect) return dialect;
  }
  return void 0;
}
function replayedDialect(dialects) {
  const named = new Set(dialects);
  return REPLAYED.find((dialect) => named.has(dialect)) ?? (named.has(void 0) ? "postgresql" : void 0);
}
var DIALECT_NAMES = {
  postgresql: "PostgreSQL",
  cockroachdb: "CockroachDB",
  mysql: "MySQL",
  sqlite: "SQLite",
  sqlserver: "SQL Server",
  h2: "H2",
  oracle: "Oracle"
};

// src/sources/sql/layout.ts
var PRISMA_LOCK = "migration_lock.toml";
var DRIZZLE_JOURNAL = "meta/_journal.json";
var MIGRATION_DIRS = /* @__PURE__ */ new Set(["migrations", "migration", "drizzle", "migrate"]);
var HISTORY_DIRS = /* @__PURE__ */ new Set(["legacy", "archive", "archived", "deprecated"]);
var SQL_FILE = /\.sql$/i;
function isLayoutEvidence(path3) {
  return path3 === PRISMA_LOCK || path3.endsWith(`/${PRISMA_LOCK}`) || path3.endsWith(`/${DRIZZLE_JOURNAL}`);
}
function layoutEvidence(files) {
  const evidence = { prismaDirectories: /* @__PURE__ */ new Set(), drizzleJournals: /* @__PURE__ */ new Map() };
  for (const file of files) {
    if (file.path.endsWith(PRISMA_LOCK)) {
      evidence.prismaDirectories.add(parentOf(file.path));
    } else if (file.path.endsWith(DRIZZLE_JOURNAL)) {
      const tags = journalTags(file.text);
      if (tags) evidence.drizzleJournals.set(parentOf(parentOf(file.path)), tags);
    }
  }
  return evidence;
}
function journalTags(text2) {
  try {
    const entries = JSON.parse(text2)?.entries;
    if (!Array.isArray(entries)) return void 0;
    const tags = /* @__PURE__ */ new Map();
    for (const entry of entries) {
      if (typeof entry?.tag === "string")
        tags.set(entry.tag, typeof entry.idx === "number" ? entry.idx : tags.size);
    }
    return tags;
  } catch {
    return void 0;
  }
}
function migrationPlace(path3, evidence) {
  const parts = replayableParts(path3);
  const place = parts && toolPlace(parts, evidence);
  const dialect = place && sqlDialectOf(parts);
  return dialect ? { ...place, dialect } : place;
}
function isMigrationPath(path3) {
  const parts = replayableParts(path3);
  return parts !== void 0 && toolPlace(parts, void 0) !== void 0;
}
function replayableParts(path3) {
  if (!SQL_FILE.test(path3) || inTestFolder(path3)) return void 0;
  const parts = path3.split("/");
  return parts.slice(0, -1).some((part) => HISTORY_DIRS.has(part.toLowerCase())) ? void 0 : parts;
}
function toolPlace(parts, evidence) {
  const file = parts.at(-1);
  const parent2 = parts.at(-2);
  const grandparent = parts.at(-3);
  const dir = (n) => parts.slice(0, parts.length - n).join("/");
  const place = (tool, directory2, order, transactional) => ({
    tool,
    directory: directory2,
    order,
    phase: 0,
    transactional
  });
  const mentionsDrizzle = parts.some((part) => part.toLowerCase().includes("drizzle"));
  if (file === "migration.sql" && parent2 && grandparent) {
    const directory2 = dir(2);
    const prisma = evidence?.prismaDirectories.has(directory2) || !mentionsDrizzle && grandparent === "migrations";
    return place(prisma ? "prisma" : "drizzle", directory2, parent2, true);
  }
  if (file === "up.sql" && parent2 && parts.includes("migrations")) {
    return place("plain", dir(2), parent2, false);
  }
  if (file === "down.sql" || file.endsWith(".down.sql")) return void 0;
  if (file.endsWith(".up.sql")) return place("golang-migrate", dir(1), file, true);
  const flyway = /^([VR])([0-9._]*)__.+\.sql$/i.exec(file);
  if (flyway) {
    if (flyway[1]?.toUpperCase() === "R") return { ...place("flyway", dir(1), file, true), phase: 1 };
    return place("flyway", dir(1), (flyway[2] ?? "").replaceAll("_", "."), true);
  }
  if (/^U[0-9]/.test(file)) return void 0;
  const directory = dir(1);
  const journal = evidence?.drizzleJournals.get(directory);
  if (journal) {
    const position = journal.get(file.slice(0, -".sql".length));
    return position === void 0 ? { ...place("drizzle", directory, file, true), phase: 1 } : place("drizzle", directory, String(position), true);
  }
  if (parent2 === "migrations" && grandparent === "supabase") return place("supabase", directory, file, true);
  if (!parts.slice(0, -1).some((part) => MIGRATION_DIRS.has(part.toLowerCase()))) return void 0;
  if (mentionsDrizzle) return place("drizzle", directory, file, true);
  if (parent2 === "migrations") return place("node-pg-migrate", directory, file, true);
  return place("plain", directory, file, false);
}
function versionRuns(order) {
  return (order.match(/\d+|\D+/g) ?? []).map(
    (text2) => /^\d/.test(text2) ? { text: text2, value: BigInt(text2) } : { text: text2 }
  );
}
function compareRuns(left, right) {
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x.text === y.text) continue;
    if (x.value !== void 0 && y.value !== void 0) {
      if (x.value !== y.value) return x.value < y.value ? -1 : 1;
      continue;
    }
    return x.text < y.text ? -1 : 1;
  }
  return left.length - right.length;
}
function inToolOrder(items) {
  return items.map((item) => ({ item, runs: versionRuns(item.place.order) })).sort(
    (a, b) => a.item.place.phase - b.item.place.phase || compareRuns(a.runs, b.runs) || (a.item.file.path < b.item.file.path ? -1 : 1)
  ).map(({ item }) => item);
}
function parentOf(path3) {
  const slash = path3.lastIndexOf("/");
  return slash < 0 ? "" : path3.slice(0, slash);
}

// src/sources/sql/postgres-parser.ts
var SqlSyntaxError = class extends Error {
  sqlDetails;
  constructor(message, cursorPosition) {
    super(message);
    this.sqlDetails = { cursorPosition };
  }
};
var postgres = lazyModule("the PostgreSQL parser", async () => {
  const { default: createModule } = await import("./libpg-query-QW5B5QHC.js");
  return await createModule();
});
var loadPostgresParser = postgres.load;
var utf8 = new TextDecoder();
function parseSql(sql) {
  const wasm = postgres.get();
  return withQuery(wasm, sql, (query) => {
    const result = wasm._wasm_parse_query_raw(query);
    if (!result) throw new Error("the PostgreSQL parser could not allocate its result");
    try {
      const error3 = wasm.getValue(result + 8, "i32");
      if (error3) {
        const cursor = wasm.getValue(error3 + 16, "i32");
        throw new SqlSyntaxError(
          textAt(wasm, wasm.getValue(error3, "i32")) || "syntax error",
          Math.max(0, cursor - 1)
        );
      }
      return JSON.parse(textAt(wasm, wasm.getValue(result, "i32")) || "{}");
    } finally {
      wasm._wasm_free_parse_result(result);
    }
  });
}
function parsePlPgSql(sql) {
  const wasm = postgres.get();
  return withQuery(wasm, sql, (query) => {
    const result = wasm._wasm_parse_plpgsql(query);
    try {
      const text2 = textAt(wasm, result);
      if (!text2.startsWith("{")) throw new SqlSyntaxError(text2, 0);
      return JSON.parse(text2);
    } finally {
      if (result) wasm._wasm_free_string(result);
    }
  });
}
function withQuery(wasm, sql, parse4) {
  const bytes = typeof sql === "string" ? Buffer.from(sql, "utf8") : sql;
  const query = wasm._malloc(bytes.length + 1);
  if (!query) throw new Error("the PostgreSQL parser could not allocate the query");
  try {
    const heap = wasm.HEAPU8;
    heap.set(bytes, query);
    heap[query + bytes.length] = 0;
    return parse4(query);
  } finally {
    wasm._free(query);
  }
}
function textAt(wasm, pointer) {
  if (!pointer) return "";
  const heap = wasm.HEAPU8;
  return utf8.decode(heap.subarray(pointer, heap.indexOf(0, pointer)));
}

// src/sources/sql/lexer.ts
var NEWLINE2 = 10;
var QUOTE2 = 39;
var DOUBLE_QUOTE = 34;
var DOLLAR = 36;
var BACKSLASH = 92;
function lex(bytes) {
  const tokens = [];
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const byte = bytes[i];
    const next = bytes[i + 1];
    if (isSpace(byte)) {
      i++;
    } else if (byte === 45 && next === 45) {
      const newline = bytes.indexOf(NEWLINE2, i);
      i = newline < 0 ? length : newline + 1;
    } else if (byte === 47 && next === 42) {
      i = blockCommentEnd(bytes, i);
    } else if (byte === QUOTE2) {
      const end = quotedEnd(bytes, i, QUOTE2, false);
      tokens.push({ kind: "string", start: i, end });
      i = end;
    } else if (byte === DOUBLE_QUOTE) {
      const end = quotedEnd(bytes, i, DOUBLE_QUOTE, false);
      tokens.push({ kind: "quoted", start: i, end });
      i = end;
    } else if (byte === DOLLAR && next !== void 0 && !isDigit3(next)) {
      const tagEnd = dollarTagEnd(bytes, i);
      if (tagEnd === void 0) {
        tokens.push({ kind: "punct", start: i, end: i + 1 });
        i++;
      } else {
        const close = bytes.indexOf(bytes.subarray(i, tagEnd), tagEnd);
        const end = close < 0 ? length : close + (tagEnd - i);
        tokens.push({ kind: "string", start: i, end });
        i = end;
      }
    } else if (byte === BACKSLASH) {
      const newline = bytes.indexOf(NEWLINE2, i);
      const end = newline < 0 ? length : newline;
      tokens.push({ kind: "meta", start: i, end });
      i = end;
    } else if (isWordStart(byte) || isDigit3(byte)) {
      let end = i + 1;
      while (end < length && isWordPart(bytes[end])) end++;
      if (bytes[end] === QUOTE2 && end - i === 1 && (byte | 32) === 101) {
        end = quotedEnd(bytes, end, QUOTE2, true);
        tokens.push({ kind: "string", start: i, end });
      } else if (bytes[end] === QUOTE2 && end - i <= 2) {
        end = quotedEnd(bytes, end, QUOTE2, false);
        tokens.push({ kind: "string", start: i, end });
      } else {
        tokens.push({ kind: "word", start: i, end });
      }
      i = end;
    } else {
      tokens.push({ kind: "punct", start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}
function isPunct(bytes, token, char) {
  return token?.kind === "punct" && bytes[token.start] === char.charCodeAt(0);
}
function isKeyword(bytes, token, keyword) {
  return token?.kind === "word" && token.end - token.start === keyword.length && bytes.toString("latin1", token.start, token.end).toLowerCase() === keyword;
}
function isSpace(byte) {
  return byte === 32 || byte >= 9 && byte <= 13;
}
function isDigit3(byte) {
  return byte >= 48 && byte <= 57;
}
function isWordStart(byte) {
  return byte >= 97 && byte <= 122 || byte >= 65 && byte <= 90 || byte === 95 || byte >= 128;
}
function isWordPart(byte) {
  return isWordStart(byte) || isDigit3(byte) || byte === DOLLAR;
}
function blockCommentEnd(bytes, start) {
  let depth = 0;
  let i = start;
  while (i < bytes.length) {
    if (bytes[i] === 47 && bytes[i + 1] === 42) {
      depth++;
      i += 2;
    } else if (bytes[i] === 42 && bytes[i + 1] === 47) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return bytes.length;
}
function quotedEnd(bytes, start, quote, backslashEscapes) {
  let i = start + 1;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (backslashEscapes && byte === BACKSLASH) i += 2;
    else if (byte === quote && bytes[i + 1] === quote) i += 2;
    else if (byte === quote) return i + 1;
    else i++;
  }
  return bytes.length;
}
function dollarTagEnd(bytes, start) {
  let i = start + 1;
  if (bytes[i] === DOLLAR) return i + 1;
  if (!isWordStart(bytes[i])) return void 0;
  while (i < bytes.length && (isWordStart(bytes[i]) || isDigit3(bytes[i]))) i++;
  return bytes[i] === DOLLAR ? i + 1 : void 0;
}

// src/sources/sql/index-text.ts
function indexText(statement) {
  const tokens = lex(statement);
  const open = tokens.findIndex((token) => isPunct(statement, token, "("));
  const elements = [];
  let current = [];
  let depth = 0;
  let close = tokens.length;
  for (let i = open + 1; open >= 0 && i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunct(statement, token, "(")) depth++;
    if (isPunct(statement, token, ")") && depth-- === 0) {
      close = i;
      break;
    }
    if (depth === 0 && isPunct(statement, token, ",")) {
      elements.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) elements.push(current);
  const where = tokens.findIndex((token, i) => i > close && isKeyword(statement, token, "where"));
  let last = tokens.length - 1;
  while (last > where && isPunct(statement, tokens[last], ";")) last--;
  const from = tokens[where + 1];
  const to = tokens[last];
  const predicate = where >= 0 && from && to && last > where ? statement.toString("utf8", from.start, to.end) : void 0;
  return {
    expressions: elements.map((element) => expressionOf(statement, element)),
    ...predicate !== void 0 ? { predicate } : {}
  };
}
function expressionOf(statement, element) {
  const first = element[0];
  if (!first) return "";
  const wrapped = isPunct(statement, first, "(");
  let depth = 0;
  for (const token of element) {
    if (isPunct(statement, token, "(")) depth++;
    else if (isPunct(statement, token, ")") && --depth === 0) {
      return wrapped ? statement.toString("utf8", first.end, token.start).trim() : statement.toString("utf8", first.start, token.end);
    }
  }
  return statement.toString("utf8", first.start, first.end);
}

// src/sources/sql/sections.ts
var DOWN_MARKER = /^--\s*(?:migrate:down\b|\+goose\s+down\b|[\s-]*down\s+migration\b)/i;
var UP_MARKER = /^--\s*(?:migrate:up\b|\+goose\s+up\b|[\s-]*up\s+migration\b)/i;
function upSection(text2) {
  if (!text2.includes("--") || !/down/i.test(text2)) return text2;
  const lines = text2.split("\n");
  let down = false;
  let changed = false;
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith("--")) {
      if (DOWN_MARKER.test(trimmed)) down = true;
      else if (UP_MARKER.test(trimmed)) down = false;
    }
    if (down && line !== "") {
      lines[i] = "";
      changed = true;
    }
  }
  return changed ? lines.join("\n") : text2;
}
var PLACEHOLDER2 = /\{\{[^{}\n]*\}\}|\$\{[A-Za-z_][\w:.-]*\}/g;
function withoutPlaceholders(text2) {
  if (!text2.includes("{{") && !text2.includes("${")) return text2;
  return text2.replace(PLACEHOLDER2, (placeholder) => `t${"_".repeat(Buffer.byteLength(placeholder) - 1)}`);
}
function isPlaceholder(name) {
  return /^t_{4,}$/.test(name);
}

// src/sources/sql/replay.ts
var LIKE_INCLUDING_INDEXES = 1 << 6;
var SERIAL_TYPES = /* @__PURE__ */ new Set(["serial", "bigserial", "smallserial", "serial2", "serial4", "serial8"]);
var NOT_NULL_CONSTRAINTS = /* @__PURE__ */ new Set(["CONSTR_NOTNULL", "CONSTR_PRIMARY", "CONSTR_IDENTITY"]);
function at2(context, location) {
  return context.locate(
    context.offset + (typeof location === "number" && location >= 0 ? location : context.start)
  );
}
var SchemaReplay = class {
  tables = /* @__PURE__ */ new Map();
  /**
   * Tables the current migration file created. Every other table existed when the file started;
   * tracking the few new ones keeps a file's start constant-time over thousands of tables.
   */
  #createdInFile = /* @__PURE__ */ new Set();
  /**
   * Which table each index name was last given to. An entry can go stale (the index or its table
   * dropped since) and is then checked away; every index that is added is recorded here, so a name
   * missing from it names no index. PostgreSQL's index names are unique in their schema, and
   * DROP INDEX, ALTER INDEX and IF NOT EXISTS find them by name alone.
   */
  #indexOwners = /* @__PURE__ */ new Map();
  startFile() {
    this.#createdInFile = /* @__PURE__ */ new Set();
  }
  apply(stmt, context) {
    const [kind, body] = Object.entries(stmt ?? {})[0] ?? [];
    switch (kind) {
      case "CreateStmt":
        this.#createTable(body, context);
        return [];
      case "AlterTableStmt":
        return body.objtype === "OBJECT_TABLE" ? this.#alterTable(body, context) : [];
      case "IndexStmt":
        return this.#createIndex(body, context);
      case "DropStmt":
        return this.#drop(body, context);
      case "RenameStmt":
        this.#rename(body);
        return [];
      case "DoStmt":
        return this.#doBlock(body, context);
      default:
        return [];
    }
  }
  /**
   * Older Drizzle Kit and many hand-written migrations add foreign keys inside
   * `DO $$ BEGIN … EXCEPTION WHEN duplicate_object THEN null; END $$`: the SQL statements of a
   * PL/pgSQL block are replayed as if written outside it, whatever branch they sit in.
   */
  #doBlock(body, context) {
    const code = body.args?.find((arg) => arg.DefElem?.defname === "as")?.DefElem;
    const language = body.args?.find((arg) => arg.DefElem?.defname === "language")?.DefElem;
    const source = code?.arg?.String?.sval;
    if (typeof source !== "string" || language && language.arg?.String?.sval !== "plpgsql") return [];
    const bodyLine = at2(context, code.location).line;
    const operations = [];
    for (const { query, lineno } of embeddedSql(source)) {
      const location = { ...at2(context, code.location), line: bodyLine + Math.max(0, lineno - 1) };
      const parsed = Buffer.from(query, "utf8");
      try {
        for (const raw of parseSql(parsed).stmts ?? []) {
          const start = raw.stmt_location ?? 0;
          const end = raw.stmt_len ? start + raw.stmt_len : parsed.length;
          operations.push(...this.apply(raw.stmt, { parsed, offset: 0, start, end, locate: () => location }));
        }
      } catch {
      }
    }
    return operations;
  }
  #key(relation) {
    return `${schemaOf(relation) ?? "public"}.${relation?.relname}`;
  }
  #table(relation) {
    return this.tables.get(this.#key(relation));
  }
  #createTable(body, context) {
    const relation = body.relation;
    if (!relation?.relname || body.partbound) return;
    if (this.tables.has(this.#key(relation))) return;
    const table = {
      name: relation.relname,
      ...schemaOf(relation) ? { schema: schemaOf(relation) } : {},
      columns: [],
      uniques: [],
      indexes: [],
      foreignKeys: [],
      location: at2(context, relation.location)
    };
    this.tables.set(this.#key(relation), table);
    this.#createdInFile.add(table);
    for (const element of body.tableElts ?? []) {
      if (element.ColumnDef) this.#addColumn(table, element.ColumnDef, context);
      else if (element.Constraint) this.#addConstraint(table, element.Constraint, context);
      else if (element.TableLikeClause) this.#copyLike(table, element.TableLikeClause);
    }
  }
  /** `LIKE other`: columns and NOT NULL always; keys and indexes with INCLUDING INDEXES; never foreign keys. */
  #copyLike(table, like) {
    const source = this.#table(like.relation);
    if (!source) return;
    table.columns.push(...source.columns.map((column) => ({ ...column, location: table.location })));
    if (((like.options ?? 0) & LIKE_INCLUDING_INDEXES) === 0) return;
    const copy = (key) => ({
      ...key,
      columns: [...key.columns],
      location: table.location
    });
    if (source.primaryKey) table.primaryKey = { ...copy(source.primaryKey), name: `${table.name}_pkey` };
    table.uniques.push(
      ...source.uniques.map((key) => ({ ...copy(key), name: `${table.name}_${key.columns.join("_")}_key` }))
    );
    for (const index of source.indexes)
      this.#addIndex(table, {
        ...index,
        name: defaultIndexName(table.name, index.elements),
        elements: index.elements.map((e) => ({ ...e })),
        location: table.location
      });
  }
  /** Returns the foreign keys its inline `REFERENCES` added. */
  #addColumn(table, def, context) {
    const location = at2(context, def.location);
    const type = typeName(def.typeName);
    const column = {
      name: def.colname,
      type,
      // serial types and identity columns are NOT NULL without saying so.
      nullable: !SERIAL_TYPES.has(type),
      location
    };
    table.columns.push(column);
    const foreignKeys = [];
    for (const wrapped of def.constraints ?? []) {
      const constraint2 = wrapped.Constraint;
      if (!constraint2) continue;
      if (NOT_NULL_CONSTRAINTS.has(constraint2.contype)) column.nullable = false;
      const foreignKey2 = this.#addConstraint(
        table,
        {
          ...constraint2,
          keys: [{ String: { sval: def.colname } }],
          fk_attrs: [{ String: { sval: def.colname } }]
        },
        context,
        location
      );
      if (foreignKey2) foreignKeys.push(foreignKey2);
    }
    return foreignKeys;
  }
  /** Returns the foreign key it added, if any, for the migration operation record. */
  #addConstraint(table, constraint2, context, given) {
    const location = given ?? at2(context, constraint2.location);
    switch (constraint2.contype) {
      case "CONSTR_PRIMARY": {
        const columns = constraint2.indexname ? this.#indexColumns(table, constraint2.indexname) : names(constraint2.keys);
        if (constraint2.indexname) this.#removeIndex(table, constraint2.indexname);
        table.primaryKey = { name: constraint2.conname ?? `${table.name}_pkey`, columns, location };
        for (const column of table.columns) if (columns.includes(column.name)) column.nullable = false;
        return void 0;
      }
      case "CONSTR_UNIQUE": {
        const columns = constraint2.indexname ? this.#indexColumns(table, constraint2.indexname) : names(constraint2.keys);
        if (constraint2.indexname) this.#removeIndex(table, constraint2.indexname);
        table.uniques.push({
          name: constraint2.conname ?? `${table.name}_${columns.join("_")}_key`,
          columns,
          location
        });
        return void 0;
      }
      case "CONSTR_FOREIGN": {
        const columns = names(constraint2.fk_attrs);
        const referenced = constraint2.pktable;
        const referencedTable = this.#table(referenced);
        const referencedColumns = constraint2.pk_attrs?.length ? names(constraint2.pk_attrs) : referencedTable?.primaryKey?.columns ?? [];
        const foreignKey2 = {
          name: constraint2.conname ?? `${table.name}_${columns.join("_")}_fkey`,
          columns,
          referencedTable: schemaOf(referenced) && schemaOf(referenced) !== "public" ? `${schemaOf(referenced)}.${referenced.relname}` : referenced?.relname,
          referencedColumns,
          location
        };
        table.foreignKeys.push(foreignKey2);
        return foreignKey2;
      }
      default:
        return void 0;
    }
  }
  #alterTable(body, context) {
    const table = this.#table(body.relation);
    if (!table) return [];
    const operations = [];
    for (const wrapped of body.cmds ?? []) {
      const cmd = wrapped.AlterTableCmd;
      if (!cmd) continue;
      switch (cmd.subtype) {
        case "AT_AddColumn": {
          const def = cmd.def?.ColumnDef;
          if (!def || table.columns.some((c) => c.name === def.colname)) break;
          for (const foreignKey2 of this.#addColumn(table, def, context))
            operations.push(this.#addForeignKeyOperation(table, foreignKey2, false));
          break;
        }
        case "AT_AlterColumnType": {
          const column = table.columns.find((c) => c.name === cmd.name);
          if (column && cmd.def?.ColumnDef?.typeName) column.type = typeName(cmd.def.ColumnDef.typeName);
          break;
        }
        case "AT_DropColumn":
          this.#dropColumn(table, cmd.name);
          break;
        case "AT_AddConstraint": {
          const constraint2 = cmd.def?.Constraint;
          if (!constraint2) break;
          const foreignKey2 = this.#addConstraint(table, constraint2, context);
          if (foreignKey2)
            operations.push(
              this.#addForeignKeyOperation(table, foreignKey2, constraint2.skip_validation === true)
            );
          break;
        }
        case "AT_DropConstraint":
          this.#dropConstraint(table, cmd.name);
          break;
        case "AT_ValidateConstraint":
          operations.push({
            kind: "validate-constraint",
            table: table.name,
            name: cmd.name,
            location: at2(context)
          });
          break;
        case "AT_SetNotNull":
        case "AT_DropNotNull": {
          const column = table.columns.find((c) => c.name === cmd.name);
          if (column) column.nullable = cmd.subtype === "AT_DropNotNull";
          break;
        }
        default:
          break;
      }
    }
    return operations;
  }
  #addForeignKeyOperation(table, foreignKey2, notValid) {
    return {
      kind: "add-foreign-key",
      table: table.name,
      foreignKey: foreignKey2,
      notValid,
      tableExistedBefore: !this.#createdInFile.has(table),
      location: foreignKey2.location
    };
  }
  #dropColumn(table, name) {
    table.columns = table.columns.filter((c) => c.name !== name);
    const keeps = (columns) => !columns.includes(name);
    if (table.primaryKey && !keeps(table.primaryKey.columns)) delete table.primaryKey;
    table.uniques = table.uniques.filter((u) => keeps(u.columns));
    table.foreignKeys = table.foreignKeys.filter((f) => keeps(f.columns));
    table.indexes = table.indexes.filter(
      (i) => keeps(i.elements.flatMap((e) => e.column ? [e.column] : []))
    );
  }
  #dropConstraint(table, name) {
    if (table.primaryKey?.name === name) delete table.primaryKey;
    table.uniques = table.uniques.filter((u) => u.name !== name);
    table.foreignKeys = table.foreignKeys.filter((f) => f.name !== name);
  }
  #createIndex(body, context) {
    const table = this.#table(body.relation);
    if (!table) return [];
    if (body.idxname && this.#findIndex(body.idxname)) return [];
    const params = body.indexParams ?? [];
    const written = body.whereClause || params.some((param) => !param.IndexElem?.name) ? indexText(context.parsed.subarray(context.start, context.end)) : void 0;
    const elements = params.map((param, i) => {
      const element = param.IndexElem ?? {};
      const descending = element.ordering === "SORTBY_DESC" ? { descending: true } : {};
      if (element.name) return { column: element.name, ...descending };
      return { expression: written?.expressions[i] ?? "", ...descending };
    });
    const method = body.accessMethod && body.accessMethod !== "btree" ? { method: body.accessMethod } : {};
    const index = {
      name: body.idxname ?? defaultIndexName(table.name, elements),
      elements,
      unique: body.unique === true,
      ...method,
      location: at2(context)
    };
    if (body.whereClause) {
      const notNullColumns = notNullConjuncts(body.whereClause);
      index.predicate = { text: written?.predicate ?? "", ...notNullColumns ? { notNullColumns } : {} };
    }
    this.#addIndex(table, index);
    return [
      {
        kind: "create-index",
        table: table.name,
        index,
        concurrently: body.concurrent === true,
        tableExistedBefore: !this.#createdInFile.has(table),
        location: index.location
      }
    ];
  }
  #drop(body, context) {
    const operations = [];
    for (const object of body.objects ?? []) {
      const parts = names(object.List?.items ?? []);
      const name = parts.at(-1);
      if (!name) continue;
      if (body.removeType === "OBJECT_TABLE") {
        const key = `${parts.at(-2) ?? "public"}.${name}`;
        const table = this.tables.get(key);
        this.tables.delete(key);
        if (table)
          for (const other of this.tables.values())
            other.foreignKeys = other.foreignKeys.filter((fk) => fk.referencedTable !== table.name);
      } else if (body.removeType === "OBJECT_INDEX") {
        const found = this.#findIndex(name);
        if (!found) continue;
        this.#removeIndex(found.table, name);
        operations.push({
          kind: "drop-index",
          name,
          table: found.table.name,
          concurrently: body.concurrent === true,
          tableExistedBefore: !this.#createdInFile.has(found.table),
          location: at2(context)
        });
      }
    }
    return operations;
  }
  #rename(body) {
    if (body.renameType === "OBJECT_TABLE") {
      const table = this.#table(body.relation);
      if (!table) return;
      const oldName = table.name;
      table.name = body.newname;
      const entries = [...this.tables].map(
        ([key, value]) => value === table ? [`${table.schema ?? "public"}.${table.name}`, table] : [key, value]
      );
      this.tables.clear();
      for (const [key, value] of entries) this.tables.set(key, value);
      for (const other of this.tables.values()) {
        for (const fk of other.foreignKeys)
          if (fk.referencedTable === oldName) fk.referencedTable = table.name;
      }
    } else if (body.renameType === "OBJECT_COLUMN") {
      const table = this.#table(body.relation);
      if (!table) return;
      renameColumn(table, body.subname, body.newname);
      for (const other of this.tables.values()) {
        for (const fk of other.foreignKeys) {
          if (fk.referencedTable === table.name)
            fk.referencedColumns = fk.referencedColumns.map((c) => c === body.subname ? body.newname : c);
        }
      }
    } else if (body.renameType === "OBJECT_INDEX") {
      const found = this.#findIndex(body.relation?.relname);
      if (found) {
        found.index.name = body.newname;
        this.#indexOwners.set(body.newname, found.table);
      }
    } else if (body.renameType === "OBJECT_TABCONSTRAINT") {
      const table = this.#table(body.relation);
      const constraint2 = table && [table.primaryKey, ...table.uniques, ...table.foreignKeys].find((c) => c?.name === body.subname);
      if (constraint2) constraint2.name = body.newname;
    }
  }
  #addIndex(table, index) {
    table.indexes.push(index);
    if (index.name) this.#indexOwners.set(index.name, table);
  }
  #findIndex(name) {
    const table = this.#indexOwners.get(name);
    if (!table || this.tables.get(`${table.schema ?? "public"}.${table.name}`) !== table) return void 0;
    const index = table.indexes.find((i) => i.name === name);
    return index ? { table, index } : void 0;
  }
  #indexColumns(table, name) {
    return table.indexes.find((i) => i.name === name)?.elements.flatMap((e) => e.column ? [e.column] : []) ?? [];
  }
  #removeIndex(table, name) {
    table.indexes = table.indexes.filter((i) => i.name !== name);
  }
};
function renameColumn(table, from, to) {
  const rename = (c) => c === from ? to : c;
  for (const column of table.columns) if (column.name === from) column.name = to;
  const keys = [table.primaryKey, ...table.uniques];
  for (const key of keys) if (key) key.columns = key.columns.map(rename);
  for (const fk of table.foreignKeys) fk.columns = fk.columns.map(rename);
  for (const index of table.indexes) {
    index.elements = index.elements.map((e) => e.column === from ? { ...e, column: to } : e);
    if (index.predicate?.notNullColumns)
      index.predicate.notNullColumns = index.predicate.notNullColumns.map(rename);
  }
}
function names(list) {
  return (list ?? []).map((item) => item?.String?.sval).filter((name) => typeof name === "string");
}
function typeName(node) {
  const parts = names(node?.names).filter((part) => part !== "pg_catalog");
  return parts.join(".") || "unknown";
}
function notNullConjuncts(node) {
  if (node?.NullTest) {
    const test = node.NullTest;
    const fields = names(test.arg?.ColumnRef?.fields);
    return test.nulltesttype === "IS_NOT_NULL" && fields.length > 0 ? [fields.at(-1)] : void 0;
  }
  if (node?.BoolExpr?.boolop === "AND_EXPR") {
    const parts = (node.BoolExpr.args ?? []).map(notNullConjuncts);
    return parts.every((p) => p !== void 0) ? parts.flat() : void 0;
  }
  return void 0;
}
function embeddedSql(source) {
  let tree;
  try {
    tree = parsePlPgSql(
      `CREATE FUNCTION headroom_do() RETURNS void LANGUAGE plpgsql AS $headroom$${source}$headroom$;`
    );
  } catch {
    return [];
  }
  const found = [];
  const visit3 = (value) => {
    if (Array.isArray(value)) value.forEach(visit3);
    else if (value && typeof value === "object") {
      const execsql = value.PLpgSQL_stmt_execsql;
      const query = execsql?.sqlstmt?.PLpgSQL_expr?.query;
      if (typeof query === "string") found.push({ query, lineno: execsql.lineno ?? 1 });
      for (const child of Object.values(value)) visit3(child);
    }
  };
  visit3(tree);
  return found;
}
function defaultIndexName(table, elements) {
  return `${table}_${elements.map((e) => e.column ?? "expr").join("_")}_idx`;
}
function schemaOf(relation) {
  const name = relation?.schemaname;
  return name && !isPlaceholder(name) ? name : void 0;
}

// src/sources/sql/statements.ts
function splitStatements(bytes) {
  const slices = [];
  let start;
  let last = 0;
  let depth = 0;
  const flush = () => {
    if (start !== void 0) slices.push({ start, end: last });
    start = void 0;
    depth = 0;
  };
  for (const token of lex(bytes)) {
    if (token.kind === "meta") {
      flush();
      continue;
    }
    start ??= token.start;
    last = token.end;
    if (isPunct(bytes, token, "(")) depth++;
    else if (isPunct(bytes, token, ")")) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isPunct(bytes, token, ";")) flush();
  }
  flush();
  return slices;
}

// src/sources/sql/index.ts
var MAX_DIAGNOSTICS_PER_FILE = 5;
var MAX_STATEMENTS_PER_FILE = 2e4;
var sqlSource = {
  id: "sql",
  matches: (path3) => isLayoutEvidence(path3) || isMigrationPath(path3),
  preload: loadPostgresParser,
  async read(files) {
    await loadPostgresParser();
    return replayMigrations(files);
  }
};
function replayMigrations(files) {
  const evidence = layoutEvidence(files);
  const groups = /* @__PURE__ */ new Map();
  for (const file of files) {
    const place = isLayoutEvidence(file.path) ? void 0 : migrationPlace(file.path, evidence);
    if (!place) continue;
    const group = groups.get(place.directory) ?? [];
    group.push({ file, place });
    groups.set(place.directory, group);
  }
  const fragment = {
    schemas: [],
    migrations: [],
    diagnostics: []
  };
  const otherEngines = [];
  for (const [directory, unordered] of groups) {
    if (unordered.some(({ file }) => isClickHouse(file))) continue;
    const all = inToolOrder(unordered);
    const dialect = replayedDialect(all.map(({ place }) => place.dialect));
    if (!dialect) {
      otherEngines.push(otherEngineNote(directory, all));
      continue;
    }
    const group = all.filter(({ place }) => place.dialect === void 0 || place.dialect === dialect);
    const replay = new SchemaReplay();
    for (const { file, place } of group) {
      replay.startFile();
      const { operations, diagnostics } = replayFile(replay, file);
      fragment.migrations.push({
        path: file.path,
        tool: place.tool,
        directory,
        transactional: place.transactional,
        operations
      });
      fragment.diagnostics.push(...diagnostics);
    }
    fragment.schemas.push({
      origin: "sql",
      path: directory,
      provider: dialect,
      relationMode: "foreignKeys",
      role: "state",
      tables: [...replay.tables.values()]
    });
  }
  if (fragment.schemas.length === 0) fragment.diagnostics.push(...otherEngines);
  return fragment;
}
function otherEngineNote(directory, group) {
  const engines = [...new Set(group.map(({ place }) => place.dialect).filter((d) => d !== void 0))];
  return {
    severity: "info",
    origin: "sql",
    message: `${group.length} ${engines.map((d) => DIALECT_NAMES[d]).join("/")} migration file(s) in ${directory} were not replayed: Headroom reads PostgreSQL and CockroachDB migrations.`,
    location: { path: group[0]?.file.path ?? directory, line: 1 }
  };
}
var CLICKHOUSE_ENGINE = /\bENGINE\s*=\s*(Replicated)?\w*MergeTree\b/i;
function isClickHouse(file) {
  return file.path.toLowerCase().split("/").includes("clickhouse") || CLICKHOUSE_ENGINE.test(file.text);
}
function replayFile(replay, file) {
  const bytes = Buffer.from(withoutPlaceholders(upSection(file.text)), "utf8");
  const locate = lineLocator2(file.path, bytes);
  const operations = [];
  let replayed = 0;
  let unreplayed = 0;
  const run2 = (parsed, offset) => {
    const result = parseSql(parsed);
    for (const raw of result.stmts ?? []) {
      if (replayed++ >= MAX_STATEMENTS_PER_FILE) {
        unreplayed++;
        continue;
      }
      const start = raw.stmt_location ?? 0;
      const end = raw.stmt_len ? start + raw.stmt_len : parsed.length;
      const context = { parsed, offset, start, end, locate };
      operations.push(...replay.apply(raw.stmt, context));
    }
  };
  const capped = () => unreplayed > 0 ? [
    {
      severity: "warning",
      origin: "sql",
      message: `${file.path} has ${MAX_STATEMENTS_PER_FILE + unreplayed} statements; the first ${MAX_STATEMENTS_PER_FILE} were replayed, the other ${unreplayed} were not.`,
      location: locate(0)
    }
  ] : [];
  try {
    run2(bytes, 0);
    return { operations, diagnostics: capped() };
  } catch {
  }
  const failures = [];
  let firstMessage = "";
  for (const slice of splitStatements(bytes)) {
    const piece = bytes.subarray(slice.start, slice.end);
    try {
      run2(piece, slice.start);
    } catch (error3) {
      firstMessage ||= error3 instanceof Error ? error3.message : String(error3);
      failures.push(locate(slice.start + errorByteOffset(error3, piece)));
    }
  }
  const diagnostics = failures.slice(0, MAX_DIAGNOSTICS_PER_FILE).map(
    (location, i) => ({
      severity: "warning",
      origin: "sql",
      message: i === 0 ? `PostgreSQL's parser rejects this statement (${firstMessage}); it was skipped and the rest of the file replayed.` : "PostgreSQL's parser rejects this statement too; it was skipped.",
      location
    })
  );
  const unreported = failures.length - diagnostics.length;
  if (unreported > 0) {
    const last = diagnostics.at(-1);
    last.message += ` ${unreported} more statement(s) of this file were rejected and skipped.`;
  }
  return { operations, diagnostics: [...diagnostics, ...capped()] };
}
function errorByteOffset(error3, piece) {
  const cursor = error3.sqlDetails?.cursorPosition;
  if (typeof cursor !== "number" || cursor <= 0) return 0;
  let characters = 0;
  let bytes = 0;
  for (const character of piece.toString("utf8")) {
    if (characters === cursor) break;
    characters++;
    bytes += Buffer.byteLength(character);
  }
  return bytes;
}
function lineLocator2(path3, bytes) {
  const lineOf = byteLineLocator(bytes);
  return (offset) => ({ path: path3, line: lineOf(offset) });
}

// src/sources/uwsgi/index.ts
var UWSGI_INI = /uwsgi[^/]*\.ini$/;
var uwsgiSource = {
  id: "uwsgi",
  matches: (path3) => UWSGI_INI.test(path3),
  read(files) {
    const fragment = { serverConfigs: [] };
    for (const file of files) fragment.serverConfigs.push(readUwsgiIni(file));
    return fragment;
  }
};
function readUwsgiIni(file) {
  const config2 = { path: file.path, server: "uwsgi", plugins: [] };
  let section = "";
  file.text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1].trim();
      return;
    }
    const equals = line.indexOf("=");
    if (section !== "uwsgi" || equals < 0) return;
    const key = line.slice(0, equals).trim();
    const count3 = countOf2(line.slice(equals + 1).trim());
    if (!count3) return;
    const location = { path: file.path, line: index + 1 };
    if (key === "workers" || key === "processes") config2.workers = { count: count3, location };
    else if (key === "threads") config2.threads = { count: count3, location };
  });
  return config2;
}
function countOf2(value) {
  if (/^\d+$/.test(value)) return Number(value) > 0 ? { value: Number(value) } : void 0;
  const env = /^\$\(([A-Za-z_]\w*)\)$/.exec(value)?.[1];
  if (env) return { env };
  return value === "%k" ? { perCpu: 1, plus: 0 } : void 0;
}

// src/sources/vercel/index.ts
var vercelSource = {
  id: "vercel",
  matches: (path3) => path3 === "vercel.json" || path3.endsWith("/vercel.json"),
  read(files) {
    const fragment = {
      services: [],
      diagnostics: []
    };
    for (const file of files) {
      const { root, diagnostics } = parseLocatedYaml(file.path, file.text, "vercel");
      fragment.diagnostics.push(...diagnostics);
      if (!root) continue;
      if (!root.isMap) {
        fragment.diagnostics.push(problem2(root, `${file.path} should hold a JSON object; it was skipped.`));
        continue;
      }
      fragment.services.push(readProject(file.path, root, fragment.diagnostics));
    }
    return fragment;
  }
};
function readProject(path3, root, diagnostics) {
  const service = baseService(
    "vercel",
    root.get("name")?.string() ?? defaultName(path3, "vercel"),
    "serverless",
    root.location,
    directoryOf2(path3)
  );
  service.instances = {
    min: 0,
    max: VERCEL_MAX_CONCURRENCY.value,
    autoscaling: true,
    location: root.get("functions")?.location ?? root.location
  };
  for (const [pattern, config2] of root.get("functions")?.entries() ?? []) {
    if (!config2.isMap) {
      diagnostics.push(
        problem2(config2, `functions["${pattern}"] should be an object of settings; it was skipped.`)
      );
      continue;
    }
    for (const key of ["maxDuration", "memory"]) {
      const node = config2.get(key);
      if (!node) continue;
      const value = node.number();
      if (value === void 0) {
        diagnostics.push(
          problem2(
            node,
            `functions["${pattern}"].${key} should be a number of ${key === "memory" ? "MB" : "seconds"}.`
          )
        );
        continue;
      }
      const current = service.settings[key]?.value;
      if (typeof current !== "number" || value > current)
        service.settings[key] = { value, location: node.location };
    }
  }
  const regions = root.get("regions");
  const names2 = regions?.items().flatMap((region) => region.string() ?? []) ?? [];
  if (regions && names2.length)
    service.settings.regions = { value: names2.join(","), location: regions.location };
  const crons = root.get("crons");
  const schedules = crons?.items().flatMap((cron) => cron.get("schedule")?.string() ?? []) ?? [];
  if (crons && schedules.length)
    service.settings.crons = { value: schedules.length, location: crons.location };
  return service;
}
function problem2(node, message) {
  return { severity: "warning", origin: "vercel", message, location: node.location };
}

// src/sources/index.ts
var allSources = [
  renderSource,
  flySource,
  railwaySource,
  vercelSource,
  netlifySource,
  herokuSource,
  dockerComposeSource,
  envSource,
  manifestsSource,
  rubySource,
  gunicornSource,
  uwsgiSource,
  dockerfileSource,
  prismaSource,
  sqlSource,
  codeSource
];

// src/model/read-project.ts
var DEFAULT_TIME_BUDGET_MS = 12e4;
async function collectFiles(files, options = {}) {
  const sources = options.sources ?? allSources;
  const time2 = timeWith(options.clock);
  const readers = /* @__PURE__ */ new Map();
  const wanted = /* @__PURE__ */ new Set();
  for (const { path: path3 } of await time2("list", () => files.list()))
    for (const source of sources) {
      if (!source.matches(path3)) continue;
      wanted.add(source);
      const wanting = readers.get(path3);
      if (wanting) wanting.push(source);
      else readers.set(path3, [source]);
    }
  const relevant = [...readers.keys()].sort();
  for (const source of wanted) source.preload?.().catch(() => void 0);
  const maxFiles = options.maxFiles ?? DEFAULT_LIMITS.maxFiles;
  const skipped2 = relevant.splice(maxFiles).map((path3) => ({ path: path3, reason: `more than ${maxFiles} relevant files` }));
  const contents = await time2("read", () => files.read([...relevant, ...options.alsoRead ?? []]));
  const texts = /* @__PURE__ */ new Map();
  const unreadableFiles = [];
  for (const content of contents.values()) {
    if (content.kind === "text") texts.set(content.path, content.text);
    else unreadableFiles.push(unreadable(content));
  }
  return { relevant, readers, texts, unreadable: unreadableFiles, skipped: [...files.skipped(), ...skipped2] };
}
async function parseProject(collected, options = {}) {
  const sources = options.sources ?? allSources;
  const time2 = timeWith(options.clock);
  const ignored = options.ignore?.length ? (0, import_picomatch2.default)([...options.ignore], { dot: true }) : () => false;
  const skipped2 = [...collected.skipped];
  const parsed = collected.relevant.filter((path3) => {
    if (!ignored(path3)) return true;
    skipped2.push({ path: path3, reason: "ignored by config" });
    return false;
  });
  const fragments = [
    { diagnostics: collected.unreadable.filter((d) => parsed.includes(d.location.path)) }
  ];
  const filesOf = new Map(sources.map((source) => [source, []]));
  for (const path3 of parsed) {
    const text2 = collected.texts.get(path3);
    if (text2 !== void 0)
      for (const source of collected.readers.get(path3) ?? []) filesOf.get(source)?.push({ path: path3, text: text2 });
  }
  const deadline = Date.now() + (options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  for (const source of sources) {
    const mine = filesOf.get(source) ?? [];
    if (mine.length === 0) continue;
    if (Date.now() > deadline) {
      for (const file of mine)
        skipped2.push({
          path: file.path,
          reason: `the ${source.id} reader did not start within the time budget`
        });
      continue;
    }
    fragments.push(await time2(`parse ${source.id}`, () => readSafely(source, mine)));
  }
  return { model: time2("model", () => buildModel(fragments)), texts: collected.texts, skipped: skipped2 };
}
function unreadable(content) {
  const why = content.kind === "binary" ? "is binary, not text; it was not parsed" : `is ${formatBytes(content.size)}, over the size limit; it was not parsed`;
  return {
    severity: "warning",
    origin: "files",
    message: `${content.path} ${why}.`,
    location: { path: content.path, line: 1 }
  };
}
async function readSafely(source, files) {
  try {
    return await source.read(files);
  } catch (error3) {
    const reason = error3 instanceof Error ? error3.message : String(error3);
    const path3 = files[0]?.path ?? "";
    return {
      diagnostics: [
        {
          severity: "error",
          origin: source.id,
          message: `The ${source.id} reader failed on ${files.length} file(s): ${reason}`,
          location: { path: path3, line: 1 }
        }
      ]
    };
  }
}
function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

// src/review/suppressions.ts
var DIRECTIVE = "headroom-ignore";
function commentMarkers(path3) {
  const name = fileName(path3).toLowerCase();
  if (name.endsWith(".sql")) return ["--", "/*"];
  if (/\.(prisma|[cm]?[jt]sx?)$/.test(name)) return ["//", "/*"];
  if (/\.(ya?ml|toml|txt|py|cfg|ini)$/.test(name) || name.startsWith(".env") || name === "procfile")
    return ["#"];
  return [];
}
function findSuppressions(path3, text2) {
  const markers = commentMarkers(path3);
  if (markers.length === 0 || !text2.includes(DIRECTIVE)) return [];
  const found = [];
  text2.split(/\r?\n/).forEach((line, index) => {
    const at3 = line.indexOf(DIRECTIVE);
    if (at3 < 0) return;
    const opener = openingMarker(line.slice(0, at3), markers);
    if (!opener) return;
    let body = line.slice(at3 + DIRECTIVE.length);
    if (opener === "/*" && body.includes("*/")) body = body.slice(0, body.indexOf("*/"));
    const separator = body.indexOf("--");
    const ruleId = (separator < 0 ? body : body.slice(0, separator)).trim();
    const reason = separator < 0 ? void 0 : body.slice(separator + 2).trim() || void 0;
    found.push({ ruleId, ...reason ? { reason } : {}, location: { path: path3, line: index + 1 } });
  });
  return found;
}
function openingMarker(before, markers) {
  let nearest;
  for (const marker of markers) {
    const at3 = before.lastIndexOf(marker);
    if (at3 >= 0 && (!nearest || at3 > nearest.at)) nearest = { marker, at: at3 };
  }
  return nearest?.marker;
}
function applySuppressions(findings, texts, knownRuleIds) {
  const suppressions = [...texts].flatMap(([path3, text2]) => findSuppressions(path3, text2));
  const used = /* @__PURE__ */ new Set();
  const diagnostics = [];
  const valid = suppressions.filter((suppression) => {
    const problem3 = !suppression.ruleId ? "names no rule" : !knownRuleIds.includes(suppression.ruleId) ? `names unknown rule \`${suppression.ruleId}\`` : !suppression.reason ? `for \`${suppression.ruleId}\` gives no reason (write \`-- why\`); it does not apply` : void 0;
    if (problem3) diagnostics.push(suppressionDiagnostic(suppression, `This headroom-ignore ${problem3}.`));
    return problem3 === void 0;
  });
  const active = [];
  const suppressed = [];
  for (const finding2 of findings) {
    const match = valid.find(
      (s) => s.ruleId === finding2.ruleId && s.location.path === finding2.location.path && (finding2.location.line === s.location.line || finding2.location.line === s.location.line + 1)
    );
    if (!match) {
      active.push(finding2);
      continue;
    }
    used.add(match);
    suppressed.push({
      ...finding2,
      suppression: { reason: match.reason, location: match.location }
    });
  }
  for (const suppression of valid) {
    if (!used.has(suppression)) {
      diagnostics.push(
        suppressionDiagnostic(
          suppression,
          `This headroom-ignore for \`${suppression.ruleId}\` suppresses nothing on this line or the next; remove it.`
        )
      );
    }
  }
  return { active, suppressed, diagnostics };
}
function suppressionDiagnostic(suppression, message) {
  return { severity: "warning", origin: "suppression", message, location: suppression.location };
}

// src/review/run-review.ts
async function review(files, options = {}) {
  const rules = options.rules ?? allRules;
  const ruleIds = rules.map((rule) => rule.meta.id);
  const path3 = options.configPath ?? DEFAULT_CONFIG_PATH;
  const clock = options.clock;
  const collected = await collectFiles(files, {
    ...options.configText === void 0 ? { alsoRead: [path3] } : {},
    ...options.maxFiles ? { maxFiles: options.maxFiles } : {},
    ...clock ? { clock } : {}
  });
  const { config: config2, diagnostics: configDiagnostics, configPath } = loadConfig(collected, path3, options, rules);
  const reading = await parseProject(collected, { ignore: config2.ignore, ...clock ? { clock } : {} });
  const time2 = timeWith(clock);
  const { model } = reading;
  const scope = await scopeMigrations(model.migrations, reading.texts, options.migrationBase);
  const judged = new Set(scope.judgedFiles);
  const writtenMigrations = {
    ...model,
    migrations: model.migrations.filter((file) => judged.has(file.path))
  };
  const findings = time2(
    "rules",
    () => runRules(model, rules, { tier: config2.tier, rules: config2.rules }, writtenMigrations)
  );
  const {
    active,
    suppressed,
    diagnostics: suppressionDiagnostics
  } = time2("suppressions", () => applySuppressions(findings, reading.texts, ruleIds));
  const diagnostics = [...configDiagnostics, ...reading.model.diagnostics, ...suppressionDiagnostics];
  const sorted = active.sort(byImportance);
  const reported = maskCredentials({
    findings: sorted,
    suppressed,
    diagnostics,
    capacity: time2("capacity", () => computeCapacity(reading.model, config2.capacity))
  });
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    target: files.label,
    tier: config2.tier,
    ...reported,
    skipped: reading.skipped,
    gate: computeGate(sorted, diagnostics, { failOn: config2.failOn, gateOn: config2.gateOn, compared: false }),
    rules: rules.map((rule) => rule.meta),
    compared: false,
    ...model.migrations.length > 0 ? { migrations: scope } : {},
    forbidAcknowledge: config2.forbidAcknowledge,
    ...configPath ? { configPath } : {}
  };
}
function loadConfig(collected, path3, options, rules) {
  const text2 = options.configText ?? collected.texts.get(path3);
  const diagnostics = collected.unreadable.filter((d) => d.location.path === path3).map((d) => ({ ...d, origin: "config", severity: "error" }));
  const parsed = text2 === void 0 ? { config: defaultConfig(), diagnostics: [] } : parseConfig(
    text2,
    path3,
    rules.map((rule) => rule.meta.id),
    new Map(rules.flatMap((rule) => rule.options ? [[rule.meta.id, rule.options]] : []))
  );
  const config2 = { ...parsed.config, ...definedOnly(options.overrides ?? {}) };
  return {
    config: config2,
    diagnostics: [...diagnostics, ...parsed.diagnostics],
    ...text2 !== void 0 ? { configPath: path3 } : {}
  };
}
function definedOnly(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
var SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function byImportance(a, b) {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || byCodeUnits(a.location.path, b.location.path) || a.location.line - b.location.line || byCodeUnits(a.ruleId, b.ruleId);
}

// src/delivery/github/acknowledgements.ts
var UNKNOWN_ACKNOWLEDGER = "ghost";
function acknowledgementsIn(body) {
  const items = parseChecklist(body ?? "");
  const record3 = parseAcknowledgementRecord(body ?? "");
  const shown = new Set(items.map((item) => item.fingerprint));
  const acks = new Map([...record3].filter(([fingerprint2]) => !shown.has(fingerprint2)));
  for (const item of items) {
    if (item.checked)
      acks.set(item.fingerprint, item.ack ?? record3.get(item.fingerprint) ?? { by: UNKNOWN_ACKNOWLEDGER });
  }
  return acks;
}
function checklistEdit(before, after, sender, at3) {
  const was = new Map(parseChecklist(before).map((item) => [item.fingerprint, item.checked]));
  const ticked = [];
  const unticked = [];
  for (const item of parseChecklist(after)) {
    const wasChecked = was.get(item.fingerprint);
    if (wasChecked === void 0 || wasChecked === item.checked) continue;
    (item.checked ? ticked : unticked).push(item.fingerprint);
  }
  return { sender, ...at3 ? { at: at3 } : {}, ticked, unticked };
}
function withEdit(current, edit) {
  if (!edit) return current;
  const next = new Map(current);
  for (const fingerprint2 of edit.ticked)
    next.set(fingerprint2, { by: edit.sender, ...edit.at ? { at: edit.at } : {} });
  for (const fingerprint2 of edit.unticked) next.delete(fingerprint2);
  return next;
}

// src/delivery/github/review-comment.ts
var COMMENT_MAX_LENGTH = 65536;
var PAGE_SIZE = 100;
async function findReviewComment(client, pr, options = {}) {
  for (let page = 1; ; page++) {
    const { data } = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.number,
      per_page: PAGE_SIZE,
      page
    });
    const found = data.find(
      (comment) => comment.body?.includes(COMMENT_MARKER) && (options.author === void 0 || comment.user?.login === options.author)
    );
    if (found) return { id: Number(found.id), body: found.body ?? "", updatedAt: found.updated_at };
    if (data.length < PAGE_SIZE) return void 0;
  }
}
async function writeReviewComment(client, pr, existing, body) {
  if (body.length > COMMENT_MAX_LENGTH) {
    throw new Error(`The review comment is ${body.length} characters; GitHub accepts ${COMMENT_MAX_LENGTH}.`);
  }
  if (existing?.body === body) return existing;
  if (existing) {
    const { data: data2 } = await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      owner: pr.owner,
      repo: pr.repo,
      comment_id: existing.id,
      body
    });
    return { id: Number(data2.id), body };
  }
  const { data } = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body
  });
  return { id: Number(data.id), body };
}

// src/reporters/annotations.ts
var LEVEL2 = {
  error: "failure",
  warning: "warning",
  note: "notice"
};
function diagnosticTitle(origin) {
  if (origin === "config") return "headroom: invalid configuration";
  if (origin === "suppression") return "headroom: headroom-ignore problem";
  return `headroom could not read this (${origin})`;
}
function toAnnotations(result) {
  const findings = result.findings.filter((f) => !f.acknowledgement).map(
    (f) => ({
      path: f.location.path,
      start_line: f.location.line,
      end_line: Math.max(f.location.endLine ?? f.location.line, f.location.line),
      annotation_level: LEVEL2[f.severity],
      title: `${f.ruleId}${f.status === "existing" ? " (already on base)" : ""}`,
      message: f.fix ? `${f.message}
Fix: ${f.fix.text}` : f.message,
      ...f.fix?.replacement ? { raw_details: f.fix.replacement } : {}
    })
  );
  const diagnostics = result.diagnostics.filter((d) => d.location.path).map(
    (d) => ({
      path: d.location.path,
      start_line: d.location.line,
      end_line: d.location.line,
      annotation_level: d.severity === "error" ? "failure" : "warning",
      title: diagnosticTitle(d.origin),
      message: d.message
    })
  );
  return [...findings, ...diagnostics];
}

// src/delivery/action/annotations.ts
var ANNOTATIONS_PER_LEVEL = 10;
var EMIT = { failure: error, warning, notice };
function emitAnnotations(result, reserved = {}) {
  const newFirst = [...result.findings].sort(
    (a, b) => Number(a.status === "existing") - Number(b.status === "existing")
  );
  const used = { failure: 0, warning: 0, notice: 0, ...reserved };
  let left = 0;
  for (const annotation of toAnnotations({ ...result, findings: newFirst })) {
    const level = annotation.annotation_level;
    if (used[level] >= ANNOTATIONS_PER_LEVEL) {
      left++;
      continue;
    }
    used[level]++;
    EMIT[level](annotation.message, {
      title: annotation.title,
      file: annotation.path,
      startLine: annotation.start_line,
      endLine: annotation.end_line
    });
  }
  return left;
}

// src/delivery/action/comment-edit.ts
async function handleCommentEdit(client, repo, event) {
  const comment = event.comment;
  const before = event.changes?.body?.from;
  if (event.action !== "edited" || !event.issue?.pull_request || !comment?.body?.includes(COMMENT_MARKER) || before === void 0) {
    info("Not an edit of Headroom\u2019s pull-request comment: nothing to do.");
    return;
  }
  if (event.sender?.type === "Bot") {
    info("Edited by a bot (Headroom itself): nothing to acknowledge.");
    return;
  }
  const edit = checklistEdit(before, comment.body, event.sender.login, comment.updated_at);
  if (edit.ticked.length + edit.unticked.length === 0) {
    info("No box changed.");
    return;
  }
  const pr = { ...repo, number: event.issue.number };
  const current = await findReviewComment(client, pr);
  if (!current) return;
  const acks = withEdit(acknowledgementsIn(current.body), edit);
  await writeReviewComment(client, pr, current, rewriteChecklist(current.body, acks));
  info(
    `Recorded ${edit.ticked.length} acknowledgement(s) and ${edit.unticked.length} withdrawal(s) by @${edit.sender}.`
  );
  await rerunPullRequestReview(client, pr);
}
async function rerunPullRequestReview(client, pr) {
  try {
    const { data: pull } = await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number
    });
    const workflowPath = (process.env.GITHUB_WORKFLOW_REF ?? "").split("@")[0]?.slice(`${pr.owner}/${pr.repo}/`.length);
    const { data } = await client.request("GET /repos/{owner}/{repo}/actions/runs", {
      owner: pr.owner,
      repo: pr.repo,
      head_sha: pull.head.sha,
      per_page: 20
    });
    const latest = data.workflow_runs.filter((run2) => run2.event.startsWith("pull_request") && (!workflowPath || run2.path === workflowPath)).sort((a, b) => b.run_number - a.run_number)[0];
    if (!latest) {
      warning(
        "No pull_request run of this workflow was found to re-run; the gate updates on the next push."
      );
      return;
    }
    await client.request("POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun", {
      owner: pr.owner,
      repo: pr.repo,
      run_id: Number(latest.id)
    });
    info(
      `Re-running workflow run ${latest.id} so the gate of ${pull.head.sha.slice(0, 7)} counts the acknowledgements.`
    );
  } catch (error3) {
    warning(
      `Could not re-run the pull request\u2019s review (${error3 instanceof Error ? error3.message : String(error3)}); give the workflow \`actions: write\`, or push to update the gate.`
    );
  }
}

// src/delivery/action/inputs.ts
function readInputs() {
  const tier = getInput("tier");
  const failOn = getInput("fail-on");
  const configPath = getInput("config");
  const sarifFile = getInput("sarif-file");
  return {
    token: getInput("github-token"),
    ...configPath ? { configPath } : {},
    ...tier ? { tier: oneOf("tier", tier, TIERS) } : {},
    ...failOn ? { failOn: oneOf("fail-on", failOn, [...SEVERITIES, "never"]) } : {},
    comment: (getInput("comment") || "true").toLowerCase() !== "false",
    ...sarifFile ? { sarifFile } : {},
    workingDirectory: normalizeDirectory(getInput("working-directory") || ".")
  };
}
function oneOf(name, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new Error(`Input ${name} must be one of ${allowed.join(", ")}; got "${value}".`);
}
function normalizeDirectory(dir) {
  return dir.replace(/^\.\/?/, "").replace(/\/+$/, "");
}

// src/delivery/action/prefix-paths.ts
function prefixPaths(result, directory) {
  if (!directory) return result;
  const at3 = (item) => ({
    ...item,
    location: { ...item.location, path: `${directory}/${item.location.path}` }
  });
  return {
    ...result,
    findings: result.findings.map(at3),
    suppressed: result.suppressed.map(at3),
    diagnostics: result.diagnostics.map(at3)
  };
}

// src/delivery/action/step-files.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);
function setOutputs(outputs) {
  const path3 = process.env.GITHUB_OUTPUT;
  if (!path3) throw new Error("GITHUB_OUTPUT is not set: the step outputs have nowhere to go.");
  const lines = Object.entries(outputs).map(([name, value]) => {
    const text2 = String(value);
    if (/[\r\n]/.test(text2)) throw new Error(`The output ${name} holds a line break.`);
    return `${name}=${text2}
`;
  });
  (0, import_node_fs2.appendFileSync)(path3, lines.join(""), "utf8");
}
function appendJobSummary(markdown) {
  const path3 = process.env.GITHUB_STEP_SUMMARY;
  if (path3) (0, import_node_fs2.appendFileSync)(path3, markdown, "utf8");
}

// src/delivery/action/workflow-triggers.ts
var import_node_fs3 = __toESM(require_node_fs(), 1);
var import_node_path5 = __toESM(require_node_path(), 1);
async function workflowListensToCommentEdits(workspace) {
  const ref = process.env.GITHUB_WORKFLOW_REF;
  const repository = process.env.GITHUB_REPOSITORY;
  if (!ref || !repository) return false;
  const path3 = ref.slice(repository.length + 1).split("@")[0] ?? "";
  try {
    const triggers = parse2((0, import_node_fs3.readFileSync)((0, import_node_path5.join)(workspace, path3), "utf8"))?.on;
    if (typeof triggers === "string") return triggers === "issue_comment";
    if (Array.isArray(triggers)) return triggers.includes("issue_comment");
    if (typeof triggers !== "object" || triggers === null || !("issue_comment" in triggers)) return false;
    const types = triggers.issue_comment?.types;
    return types === void 0 || types === "edited" || Array.isArray(types) && types.includes("edited");
  } catch {
    return false;
  }
}

// src/delivery/action/main.ts
var JOB_SUMMARY_MAX_LENGTH = 5e5;
async function run() {
  const inputs = readInputs();
  const event = JSON.parse((0, import_node_fs4.readFileSync)(requiredEnv("GITHUB_EVENT_PATH"), "utf8"));
  const eventName = requiredEnv("GITHUB_EVENT_NAME");
  const [owner = "", repo = ""] = requiredEnv("GITHUB_REPOSITORY").split("/");
  const workspace = requiredEnv("GITHUB_WORKSPACE");
  if (eventName === "issue_comment") {
    await handleCommentEdit(await apiClient(inputs), { owner, repo }, event);
    return;
  }
  const pullRequest = event.pull_request;
  const client = pullRequest ? await apiClient(inputs) : void 0;
  const pr = pullRequest ? { owner, repo, number: pullRequest.number } : void 0;
  const options = {
    ...inputs.configPath ? { configPath: inputs.configPath } : {},
    overrides: { tier: inputs.tier, failOn: inputs.failOn }
  };
  const notes = [];
  const local = new LocalFileSet((0, import_node_path6.join)(workspace, inputs.workingDirectory));
  const base = client && pullRequest?.base?.sha ? new SubdirectoryFileSet(
    new GitHubFileSet(client, { owner, repo, sha: pullRequest.base.sha }),
    inputs.workingDirectory
  ) : void 0;
  let result = await review(local, { ...options, ...base ? { migrationBase: base } : {} });
  if (base && pullRequest?.base?.sha)
    result = await compareToBase(base, pullRequest.base.sha, inputs, local, options, result, notes);
  const lookup = client && pr && inputs.comment ? await findComment(client, pr, notes) : void 0;
  const existing = lookup?.existing;
  if (existing) result = applyAcknowledgements(result, acknowledgementsIn(existing.body));
  result = prefixPaths(result, inputs.workingDirectory);
  if (client && pr && lookup) {
    const interactive = await workflowListensToCommentEdits(workspace);
    const body = renderMarkdown(result, { context: "comment", interactive, maxLength: COMMENT_MAX_LENGTH });
    await writeComment(client, pr, existing, body, notes);
  }
  const left = emitAnnotations(result, {
    failure: result.gate.conclusion === "failure" ? 1 : 0,
    warning: notes.length
  });
  if (left > 0) {
    const line = `${left} more finding(s) were not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations per level and step. This summary lists them all.`;
    info(line);
    notes.push(line);
  }
  const outputs = {};
  if (inputs.sarifFile) {
    (0, import_node_fs4.writeFileSync)((0, import_node_path6.resolve)(workspace, inputs.sarifFile), renderSarif(result));
    outputs["sarif-file"] = inputs.sarifFile;
  }
  appendJobSummary(
    renderMarkdown(result, { context: "summary", maxLength: JOB_SUMMARY_MAX_LENGTH }) + notes.map((note) => `
> ${note}
`).join("")
  );
  const active = result.findings.filter((f) => !f.acknowledgement);
  setOutputs({
    ...outputs,
    conclusion: result.gate.conclusion,
    findings: active.length,
    "new-findings": result.compared ? active.filter((f) => f.status === "new").length : active.length
  });
  if (result.gate.conclusion === "failure") {
    setFailed(
      `Headroom: ${result.gate.blocking} finding(s) at or above ${result.gate.failOn} block this change.`
    );
  }
}
async function apiClient(inputs) {
  const { Octokit } = await import("./dist-src-XL44VKYI.js");
  return new Octokit({
    auth: inputs.token,
    baseUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
    userAgent: "headroom-action"
  });
}
async function compareToBase(files, baseSha, inputs, local, options, head, notes) {
  try {
    const configPath = inputs.configPath ?? DEFAULT_CONFIG_PATH;
    const config2 = (await local.read([configPath])).get(configPath);
    const baseResult = await review(files, {
      ...options,
      migrationBase: files,
      ...config2?.kind === "text" ? { configText: config2.text } : {}
    });
    return compareWithBase(head, baseResult);
  } catch (error3) {
    notes.push(
      `The base commit ${baseSha.slice(0, 7)} could not be read (${messageOf(error3)}); every finding counts as new.`
    );
    warning(notes.at(-1));
    return head;
  }
}
async function findComment(client, pr, notes) {
  try {
    return { existing: await findReviewComment(client, pr) };
  } catch (error3) {
    notes.push(
      `The pull-request comment could not be read (${messageOf(error3)}); the review is reported here only.`
    );
    warning(notes.at(-1));
    return void 0;
  }
}
async function writeComment(client, pr, existing, body, notes) {
  try {
    await writeReviewComment(client, pr, existing, body);
  } catch (error3) {
    const status = error3.status;
    const why = status === 403 || status === 404 ? "the token cannot write to this pull request (a fork\u2019s pull request gets a read-only token)" : messageOf(error3);
    notes.push(
      `The checklist comment was not posted: ${why}. Annotations, this summary and the exit status still report the review.`
    );
    warning(notes.at(-1));
  }
}
function requiredEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this runs as a GitHub Action step.`);
  return value;
}
function messageOf(error3) {
  return error3 instanceof Error ? error3.message : String(error3);
}
async function runStep() {
  await run().catch((error3) => {
    setFailed(`Headroom could not run: ${messageOf(error3)}`);
  });
  return Number(process.exitCode ?? 0);
}
export {
  run,
  runStep
};
