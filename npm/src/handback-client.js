// The draft handed back: Word with the findings as 批注, and a 意见反馈表. Written by the
// hand-back's own module, loaded the first time a reviewer exports.

let handback = null;
function loadHandback() {
  handback ??= import("./plancheck_handback.js").then(async (m) => {
    await m.default();
    return m;
  });
  handback.catch(() => { handback = null; });
  return handback;
}

/** Today as 2026-11-26 (the reviewer's day, in their time zone). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The draft as Word with the findings (those not set aside) and the reviewer's comments
 * as 批注, authored by `reviewer` (default 审核人) on `date`: the Word file `docx` (its
 * bytes) as it came, else `text` as a new Word document; checked against `template` (a
 * province's template as JSON text; default the national one). Resolves to the file's bytes.
 */
export async function returnedDraft({ text, docx, decisions, reviewer = "审核人", date = today(), template = null }) {
  const m = await loadHandback();
  return docx ? m.returnedDocx(docx, decisions, reviewer, date, template) : m.returnedText(text, decisions, reviewer, date, template);
}

/** A 意见反馈表 (.docx bytes) for the draft `text` (called `name` where it has no title). */
export async function feedbackForm({ text, name = "", decisions, reviewer = "审核人", date = today(), template = null }) {
  const m = await loadHandback();
  return m.feedbackForm(text, name, decisions, reviewer, date, template);
}
