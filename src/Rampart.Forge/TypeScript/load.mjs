// Loads the vendored typescript.js and ts-blank-space for strip.mjs without Node's module loader, for speed:
//  - importing typescript.js (CommonJS, ~9 MB) from an ES module makes Node scan all of it for export names
//    (cjs-module-lexer), which alone costs more than compiling it, so neither file is imported that way;
//  - typescript.js is compiled with vm.Script and a V8 code cache kept in a per-user cache directory, so later
//    runs skip parsing and compiling it (module.enableCompileCache needs Node 22, this works from Node 18).
// The cache only saves time: a missing, corrupt, stale or unwritable cache falls back to a normal compile.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

const require = createRequire(import.meta.url);

// Bump when the cache layout or what is compiled changes; it is part of every cache file's name.
const FORMAT = "rampart-forge-ts-cache-1";
const MAGIC = Buffer.from(`${FORMAT}\n`, "utf8");
const DIGEST_LENGTH = 32;
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
const PRUNE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Compiles and runs typescript.js, reusing the code cache in cacheDirectory (when given) if it was made by this
 * Node.js for this typescript.js. Returns the module and a save() to call once the work is done: the code cache
 * is made then, so it also holds the parser functions V8 compiled lazily while stripping.
 */
export function loadTypeScript(cacheDirectory) {
  const file = require.resolve("typescript");
  const source = fs.readFileSync(file);
  const key = createHash("sha256")
    // V8 refuses a cache made under other V8 flags, so each set of flags gets its own file instead of a rebuild.
    .update([FORMAT, process.version, process.arch, process.versions.v8, process.execArgv.join(" "), process.env.NODE_OPTIONS ?? "", ""].join("\0"))
    .update(source)
    .digest("hex")
    .slice(0, 32);
  const cacheFile = cacheDirectory ? path.join(cacheDirectory, `typescript-${key}.v8cache`) : undefined;
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source.toString("utf8")}\n})`,
    { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  const reused = cachedData !== undefined && script.cachedDataRejected === false;
  return {
    ts: module.exports,
    save() {
      if (cacheFile && !reused) {
        writeCache(cacheFile, () => script.createCachedData());
      }
    },
  };
}

/**
 * Runs the vendored ts-blank-space (an ES module whose only imports are typescript and its own blank-string.js)
 * as a plain function over the already loaded typescript, so the module loader never sees typescript.js.
 * Its import and export statements are rewritten; any other shape (a different vendored version) is an error.
 */
export function loadBlankSpace(ts) {
  const directory = path.dirname(require.resolve("ts-blank-space"));
  const blankString = evaluate(path.join(directory, "blank-string.js"), {}, [
    ["export default class BlankString ", "class BlankString "],
  ], "BlankString");
  return evaluate(path.join(directory, "index.js"), { tslib: ts, BlankString: blankString }, [
    ['import tslib from "typescript";', ""],
    ['import BlankString from "./blank-string.js";', ""],
    ["export default function tsBlankSpace(", "function tsBlankSpace("],
    ["export function blankSourceFile(", "function blankSourceFile("],
  ], "{ blankSourceFile, tsBlankSpace }");
}

function evaluate(file, imports, rewrites, exported) {
  let text = fs.readFileSync(file, "utf8");
  for (const [from, to] of rewrites) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new Error(`unexpected vendored ${file}: expected one \`${from}\``);
    }
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  if (/^\s*(import|export)\b/m.test(text)) {
    throw new Error(`unexpected vendored ${file}: import or export statements left after rewriting`);
  }
  const names = Object.keys(imports).join(", ");
  const run = vm.runInThisContext(`(function (${names}) {"use strict";${text}\nreturn ${exported};\n})`, { filename: file });
  return run(...Object.values(imports));
}

function readCache(file) {
  let data;
  try {
    // A real cache is a few MB; anything far larger is not read at all.
    if (fs.statSync(file).size > MAX_CACHE_BYTES) {
      return undefined;
    }

    data = fs.readFileSync(file);
  } catch {
    return undefined;
  }

  // V8 checks a code cache's version, flags and source length but (in release builds) not its bytes, so a
  // damaged file is recognised by its own digest before V8 sees it.
  const header = MAGIC.length + DIGEST_LENGTH;
  if (data.length <= header || !data.subarray(0, MAGIC.length).equals(MAGIC)) {
    return undefined;
  }

  const payload = data.subarray(header);
  return digest(payload).equals(data.subarray(MAGIC.length, header)) ? payload : undefined;
}

function writeCache(file, make) {
  const directory = path.dirname(file);
  const temporary = `${file}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  try {
    const data = make();
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temporary, Buffer.concat([MAGIC, digest(data), data]), { mode: 0o600, flag: "wx" });
    // Renaming is atomic, so a concurrent scan reads either no cache or a whole one.
    fs.renameSync(temporary, file);
    prune(directory, path.basename(file));
  } catch {
    // An unwritable cache directory (or any other failure here) only costs later scans their head start.
    try {
      fs.unlinkSync(temporary);
    } catch {
      // It was never created.
    }
  }
}

// Caches made by other Node.js or typescript.js versions are left for a while (another installation may still
// use them) and deleted once untouched for a month, so upgrades do not pile up files of a few MB each.
function prune(directory, keep) {
  const now = Date.now();
  for (const name of fs.readdirSync(directory)) {
    if (name === keep || !name.startsWith("typescript-") || !(name.endsWith(".v8cache") || name.endsWith(".tmp"))) {
      continue;
    }

    try {
      const entry = path.join(directory, name);
      if (now - fs.statSync(entry).mtimeMs > PRUNE_AFTER_MS) {
        fs.unlinkSync(entry);
      }
    } catch {
      // Removed meanwhile by another scan.
    }
  }
}

function digest(data) {
  return createHash("sha256").update(data).digest();
}
