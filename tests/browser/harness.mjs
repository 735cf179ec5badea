// Shared by the browser tests: a static server on 127.0.0.1 and Debian's Chromium driven by
// playwright-core, with every console error and every request off the origin recorded.
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const www = path.join(root, "www");
export const artifacts = path.join(root, "tests/artifacts");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };

export function fixture(rel) {
  return fs.readFileSync(path.join(root, "tests/fixtures", rel), "utf8");
}

// Under `make test` (PLANCHECK_REQUIRE=1) the corpus beside the project is required.
const required = process.env.PLANCHECK_REQUIRE === "1";

/**
 * The corpus plan's text, or null (with the test skipped) when the corpus is absent and
 * not required.
 */
export function corpus(t, name) {
  const file = path.join(root, "../shared/corpus", name);
  if (!fs.existsSync(file)) {
    if (required) throw new Error(`corpus not found: ${file}`);
    t.skip(`corpus not present: ${file}`);
    return null;
  }
  return fs.readFileSync(file, "utf8");
}

/** The corpus plan's text, or null (noted, not skipped) when the corpus is absent. */
export function maybeCorpus(t, name) {
  const file = path.join(root, "../shared/corpus", name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  if (required) throw new Error(`corpus not found: ${file}`);
  t.diagnostic(`corpus not present: ${file}`);
  return null;
}

/**
 * Serves `dir` on a free port; `extra` maps paths to [content type, body] for resources
 * that exist only for a test.
 */
export function serve(dir, extra = {}) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, "http://x");
      if (extra[url.pathname]) {
        const [type, body] = extra[url.pathname];
        res.writeHead(200, { "content-type": type }).end(body);
        return;
      }
      const file = path.join(dir, url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname));
      if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      // Like any static server (python's http.server included): Last-Modified, and 304
      // for a revalidation, which lets the browser reuse its compiled wasm.
      const modified = fs.statSync(file).mtime.toUTCString();
      if (req.headers["if-modified-since"] === modified) {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] || "application/octet-stream",
        "last-modified": modified,
        "cache-control": "no-cache",
      });
      fs.createReadStream(file).pipe(res);
    });
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

/** A fresh Chromium profile and page; `errors` and `foreign` fill as the page runs. */
export async function launch(origin) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "plancheck-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  const foreign = [];
  const watch = (p) => {
    p.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    p.on("pageerror", (e) => errors.push(String(e)));
  };
  watch(page);
  context.on("page", watch);
  context.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:")) foreign.push(url);
  });
  return { context, page, errors, foreign };
}

/**
 * The page served from www/ and opened in a fresh Chromium, once its checker is ready:
 * `{server, origin, context, page, errors, foreign, close}`.
 */
export async function openPage(path = "/") {
  const { server, origin } = await serve(www);
  const { context, page, errors, foreign } = await launch(origin);
  await page.goto(origin + path);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  const close = async () => {
    await context.close();
    server.close();
  };
  return { server, origin, context, page, errors, foreign, close };
}

/** The page's editing surface (the editor's content, role textbox). */
export const EDITOR = "#checker .cm-content";

/** Fills the text (the editor, or a textarea) and waits for the element's next report. */
export async function fill(page, selector, value) {
  await page.evaluate(() => {
    window.__reports ??= 0;
    if (!window.__counting) {
      window.__counting = true;
      // A report is sent only for the text its element still holds: the text is kept
      // with the count, so that a late report on the previous text is not taken for one
      // on the new.
      document.addEventListener("plancheck-report", (e) => {
        window.__reports += 1;
        window.__reportedText = e.target.value;
      });
    }
  });
  const before = await page.evaluate(() => window.__reports);
  // The text already there and checked: an editor sees no change, so no new report comes.
  const checked = await page.evaluate((v) => [...document.querySelectorAll("plan-checker")]
    .some((el) => el.value === v && el.report !== null), value);
  await page.fill(selector, value);
  if (checked && (await page.evaluate((v) => [...document.querySelectorAll("plan-checker")].some((el) => el.value === v), value))) return;
  await page.waitForFunction((n) => window.__reports > n
    && [...document.querySelectorAll("plan-checker")].some((el) => el.value === window.__reportedText), before, { timeout: 10000 });
}

/**
 * A zip archive of `files` ({name: text}), entries stored: enough for the .docx reader,
 * which must read stored entries as well as deflated ones.
 */
export function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

// A Word draft written here: automatic numbering at three levels (一、 / （一） / 1.),
// a table with a merged 责任单位 cell, a tracked insertion and deletion, and a comment.
export function wordDraft() {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const p = (text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const n = (ilvl, text) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const tc = (text, merge = "") => `<w:tc><w:tcPr>${merge}</w:tcPr>${text ? p(text) : "<w:p/>"}</w:tc>`;
  const tr = (...cells) => `<w:tr>${cells.join("")}</w:tr>`;
  const body = [
    p("青山县质量强县培育建设实施方案"),
    n(0, "重点任务"),
    n(1, "推动经济质量效益型发展"),
    n(2, "培育高新技术企业。（牵头单位：县科技局）"),
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>壮大</w:t></w:r><w:ins w:id="1" w:author="审核"><w:r><w:t>经营</w:t></w:r></w:ins><w:del w:id="2" w:author="审核"><w:r><w:delText>市场</w:delText></w:r></w:del><w:r><w:t>主体。</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
    p("附件"),
    `<w:tbl>${tr(tc("序号"), tc("指标"), tc("单位"), tc("2027年目标值"), tc("责任单位"))}${tr(tc("1"), tc("制造业产品质量合格率"), tc("%"), tc("94"), tc("县市场监管局", '<w:vMerge w:val="restart"/>'))}${tr(tc("2"), tc("食品抽检合格率"), tc("%"), tc("98"), tc("", "<w:vMerge/>"))}</w:tbl>`,
  ].join("");
  const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  return zip({
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/_rels/document.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="${REL}/comments" Target="comments.xml"/></Relationships>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    "word/numbering.xml": numbering,
    "word/comments.xml": `<w:comments ${W}><w:comment w:id="0" w:author="市局"><w:p><w:r><w:t>请补充责任单位</w:t></w:r></w:p></w:comment></w:comments>`,
  });
}

/**
 * A plan as a PDF viewer copies it: every paragraph hard-wrapped at `cols` characters,
 * blank lines gone, a page footer every `perPage` lines and the title as running header.
 */
export function pdfCopy(text, { cols = 30, perPage = 20, footer = (n) => `— ${n} —` } = {}) {
  const lines = [];
  for (const para of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    // A number or an English word is never split; closing punctuation never starts a line.
    // Widths as on the page: an ASCII character half a Chinese one.
    const tokens = para.match(/[A-Za-z0-9.%]+|./gu);
    let line = "";
    let width = 0;
    for (const tok of tokens) {
      const w = [...tok].reduce((n, c) => n + (c.codePointAt(0) < 0x2000 ? 0.5 : 1), 0);
      if (width + w > cols && line && !"，。、；：）”%".includes(tok)) {
        lines.push(line);
        line = "";
        width = 0;
      }
      line += tok;
      width += w;
    }
    if (line) lines.push(line);
  }
  const title = text.split("\n")[0].trim();
  const out = [];
  for (let p = 0; p * perPage < lines.length; p += 1) {
    if (p > 0) out.push(title);
    out.push(...lines.slice(p * perPage, (p + 1) * perPage), footer(p + 1));
  }
  return out.join("\n") + "\n";
}
