// The draft handed back from the page: a Word draft opened, one finding set aside with a
// reason, one comment of the reviewer's own added, both Word files downloaded and read
// back — with python-docx where it is installed (make test installs it), else with the
// package's own .docx reader.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { root, openPage, wordDraft, EDITOR } from "./harness.mjs";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
let opened, origin, context, page, errors;

before(async () => {
  opened = await openPage();
  ({ origin, context, page, errors } = opened);
});

after(async () => {
  await opened?.close();
});

/** What python-docx reads of a file, or null where python-docx is not installed. */
function pythonDocx(file) {
  const probe = spawnSync("python3", ["-c", "import docx"]);
  if (probe.status !== 0) return null;
  const out = spawnSync("python3", [path.join(root, "tests/handback/read_docx.py"), file], { encoding: "utf8" });
  assert.equal(out.status, 0, out.stderr);
  return JSON.parse(out.stdout);
}

async function download(button) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  const where = await file.path();
  return { name: file.suggestedFilename(), where, bytes: fs.readFileSync(where) };
}

test("a reviewer sets a finding aside, adds a comment, and downloads the draft with 批注 and the 意见反馈表", async (t) => {
  await page.setInputFiles("#file", { name: "征求意见稿.docx", mimeType: DOCX, buffer: wordDraft() });
  await page.waitForFunction(() => /征求意见稿\.docx/.test(document.getElementById("file-status").textContent));
  await page.waitForSelector("plan-checker .finding .decide");
  const findings = await page.$$eval("plan-checker", ([el]) => el.report.findings.map((f) => ({ rule: f.rule, message: f.message, excerpt: f.excerpt })));
  assert.ok(findings.length >= 2, JSON.stringify(findings));

  // The first finding listed set aside as 不适用, with a reason.
  await page.click("plan-checker .finding >> nth=0 >> .decide[data-status='不适用']");
  await page.fill("plan-checker .finding >> nth=0 >> input.reason", "由县政府统筹安排");
  await page.click("plan-checker .finding >> nth=0 >> button.confirm");
  await page.waitForSelector("plan-checker .finding.dismissed");
  const first = await page.$eval("plan-checker", (el) => el.decisions.dismissed[0]);
  assert.match(await page.textContent("plan-checker .finding.dismissed"), /审核人标为不适用：由县政府统筹安排/);

  // A comment of the reviewer's own on words selected in the text.
  const quote = "食品抽检合格率";
  await page.$eval("plan-checker", (el, q) => {
    const at = el.value.indexOf(q);
    el.select({ start: at, end: at + q.length });
  }, quote);
  await page.fill("#comment-text", "请核实该指标的统计口径");
  await page.click("#add-comment");
  await page.waitForSelector("plan-checker .own-comment");
  await page.fill("#reviewer", "市局审核");
  await page.dispatchEvent("#reviewer", "change");

  const returned = await download("#export-returned");
  await page.waitForFunction(() => /已导出/.test(document.getElementById("file-status").textContent));
  assert.match(await page.textContent("#file-status"), /在原 Word 文件上加批注/);
  // Named after the file opened, and the date.
  assert.match(returned.name, /^征求意见稿-\d{4}-\d{2}-\d{2}-批注\.docx$/);
  assert.equal(returned.bytes.subarray(0, 2).toString(), "PK");
  const feedback = await download("#export-feedback");
  assert.ok(feedback.name.endsWith("-意见反馈表.docx"), feedback.name);

  const read = pythonDocx(returned.where);
  if (read) {
    const ours = read.comments.filter((c) => c.author === "市局审核");
    // Every finding but the one set aside, and the reviewer's comment.
    assert.equal(ours.length, findings.length - 1 + 1, JSON.stringify(read.comments));
    assert.ok(!ours.some((c) => c.text.includes(first.message)), "the finding set aside became a 批注");
    const own = ours.find((c) => c.text === "请核实该指标的统计口径");
    assert.equal(own?.anchored, quote);
    // The author's own comment is still there.
    assert.ok(read.comments.some((c) => c.author === "市局" && c.text === "请补充责任单位"));
    const form = pythonDocx(feedback.where);
    const rows = form.tables[0].slice(1).map((r) => r.join("|"));
    assert.ok(rows.some((r) => r.includes("审核人标为不适用：由县政府统筹安排")), rows.join("\n"));
    assert.ok(rows.some((r) => r.includes("〔审核意见〕请核实该指标的统计口径") && r.includes(quote)), rows.join("\n"));
    assert.equal(rows.length, findings.length + 1);
  } else {
    t.diagnostic("python-docx not installed: read back with the package's own reader");
    const { readDocx } = await import(path.join(root, "pkg/docx-node.js"));
    const doc = readDocx(returned.bytes);
    const ours = doc.comments.filter((c) => c.author === "市局审核");
    assert.equal(ours.length, findings.length);
    assert.ok(ours.some((c) => c.text === "请核实该指标的统计口径"));
    const form = readDocx(feedback.bytes);
    assert.match(form.text, /审核人标为不适用：由县政府统筹安排/);
  }

  // The decisions outlast a reload (kept in this browser), with the text.
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.waitForSelector("plan-checker .finding.dismissed");
  assert.equal(await page.$$eval("plan-checker .own-comment", (els) => els.length), 1);
  assert.deepEqual(errors, []);
});
