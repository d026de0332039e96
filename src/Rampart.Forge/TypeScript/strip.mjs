// Rampart's TypeScript/JSX front end. Reads {"files":[{"path","kind","text"}]} on stdin and writes
// [{"path","code","errors"}] on stdout. Every output has exactly the input's length and line breaks, so a
// position in the output is the same position in the original file:
//  - ts-blank-space (vendored, Apache-2.0) replaces type syntax with spaces;
//  - JSX (which the .NET parser cannot read) is replaced by an array literal that keeps each embedded
//    expression `{expr}` in place and blanks the markup, so calls and references inside JSX survive.
// Node.js loads typescript.js through load.mjs, which keeps a V8 code cache in the directory given as
// `--cache-dir=<path>` (none: no cache).
import { loadBlankSpace, loadTypeScript } from "./load.mjs";

const cacheOption = process.argv.slice(2).find(a => a.startsWith("--cache-dir="));
const loaded = loadTypeScript(cacheOption?.slice("--cache-dir=".length) || undefined);
const ts = loaded.ts;
const { blankSourceFile } = loadBlankSpace(ts);

const languageOptions = { languageVersion: ts.ScriptTarget.ESNext, impliedNodeFormat: ts.ModuleKind.ESNext, jsDocParsingMode: ts.JSDocParsingMode?.ParseNone };

function blankJsx(text, kind) {
  const source = ts.createSourceFile(kind === "tsx" ? "input.tsx" : "input.jsx", text, languageOptions, true,
    kind === "tsx" ? ts.ScriptKind.TSX : ts.ScriptKind.JSX);
  const out = text.split("");
  const blank = (from, to) => { for (let i = from; i < to; i++) if (out[i] !== "\n" && out[i] !== "\r") out[i] = " "; };
  const isJsx = n => ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n);
  const rewrite = node => {
    const start = node.getStart(source), end = node.getEnd();
    blank(start, end);
    out[start] = "[";
    out[end - 1] = "]";
    const keep = n => {
      if (ts.isJsxExpression(n)) {
        if (n.expression) {
          const e = n.expression;
          const from = n.dotDotDotToken ? n.dotDotDotToken.getStart(source) : e.getStart(source);
          for (let i = from; i < e.getEnd(); i++) out[i] = text[i];
          out[n.getEnd() - 1] = ",";
          visit(e);
        }
        return;
      }
      if (ts.isJsxSpreadAttribute(n)) {
        const from = n.expression.getStart(source) - 3;
        for (let i = from; i < n.expression.getEnd(); i++) out[i] = text[i];
        out[n.getEnd() - 1] = ",";
        visit(n.expression);
        return;
      }
      ts.forEachChild(n, keep);
    };
    ts.forEachChild(node, keep);
  };
  const visit = node => { if (isJsx(node)) rewrite(node); else ts.forEachChild(node, visit); };
  visit(source);
  return { code: out.join(""), diagnostics: source.parseDiagnostics ?? [] };
}

function strip(file) {
  const errors = [];
  let code = file.text;
  if (file.kind === "ts" || file.kind === "tsx") {
    const source = ts.createSourceFile(file.kind === "tsx" ? "input.tsx" : "input.ts", code, languageOptions, false,
      file.kind === "tsx" ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    for (const d of source.parseDiagnostics ?? []) errors.push(describe(source, d));
    if (errors.length === 0) {
      code = blankSourceFile(source, node => errors.push(`unsupported TypeScript syntax at ${position(source, node.getStart(source))}: ${ts.SyntaxKind[node.kind]}`));
    }
  }
  if (errors.length === 0 && (file.kind === "tsx" || file.kind === "jsx")) {
    const result = blankJsx(code, file.kind);
    for (const d of result.diagnostics) errors.push(describe(ts.createSourceFile("x", file.text, languageOptions), d));
    code = result.code;
  }
  return { path: file.path, code: errors.length === 0 ? code : null, errors };
}

function position(source, offset) {
  const { line, character } = source.getLineAndCharacterOfPosition(offset);
  return `${line + 1}:${character + 1}`;
}

function describe(source, d) {
  return `${d.start === undefined ? "" : position(source, d.start) + ": "}${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
process.stdout.write(JSON.stringify(request.files.map(strip)));
loaded.save();
