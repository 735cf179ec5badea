// What the element offers a reviewer (with its `review` attribute): set findings aside,
// add comments of their own, and hand the draft back as Word with 批注 or as an 意见反馈表.

import { feedbackForm, returnedDraft, today } from "./handback-client.js";
import { Review } from "./review.js";

export class Reviewing {
  /** `host`: what the element knows, as functions. */
  constructor(host) {
    this.review = new Review();
    this.host = host;
  }

  /**
   * What the reviewer decided: the findings of the current report they set aside, with
   * their spans, and their own comments — `{dismissed: [{rule, message, start, end,
   * status, reason}], comments: [{start, end, text}]}`.
   */
  get decisions() {
    return this.review.decisions(this.host.report());
  }

  /**
   * The report for a file: as the checker made it (`plancheck/report@1`) or, once the
   * reviewer has set findings aside or commented, with their decisions beside it
   * (`plancheck/review@1`): what they kept counted, what they set aside listed apart.
   */
  reviewReport({ reviewer = "审核人" } = {}) {
    const report = this.host.report();
    const { dismissed, comments } = this.decisions;
    if (!report || (!dismissed.length && !comments.length)) return report;
    const kept = report.findings.filter((f) => !this.review.of(f));
    const count = (s) => kept.filter((f) => f.severity === s).length;
    return {
      schema: "plancheck/review@1",
      reviewer,
      kept: { errors: count("error"), warnings: count("warning"), infos: count("info") },
      set_aside: dismissed,
      comments,
      report,
    };
  }

  /** Sets a finding aside (`status` 不适用 or 已说明, with a reason), or, with no status, back. */
  decide(finding, status, reason = "") {
    this.review.decide(finding, status, reason);
    this.host.changed();
  }

  /** Adds the reviewer's comment on `start..end` (UTF-16; default: the text selected). */
  addComment(text, start = this.host.selection().start, end = this.host.selection().end) {
    const body = String(text ?? "").trim();
    if (!body) return false;
    this.review.comment(start, end, body, this.host.text().slice(start, end));
    this.host.changed();
    return true;
  }

  /** Removes the reviewer's `index`-th comment. */
  removeComment(index) {
    this.review.uncomment(index);
    this.host.changed();
  }

  /**
   * The draft as Word with the findings not set aside and the reviewer's comments as 批注,
   * by `reviewer` on `date`: the Word file opened while the text is as read from it, else
   * the text as a new Word document. Resolves to the file's bytes.
   */
  returnedDraft({ reviewer, date = today() } = {}) {
    const docx = this.returnsOriginal ? this.host.original().bytes : null;
    return returnedDraft({ text: this.host.text(), docx, decisions: this.decisions, reviewer, date, template: this.host.template() });
  }

  /** Whether `returnedDraft` gives back the Word file opened (its text is unedited). */
  get returnsOriginal() {
    const original = this.host.original();
    return Boolean(original && original.text === this.host.text());
  }

  /** The 意见反馈表 (.docx bytes) for the text, with the reviewer's decisions. */
  feedbackForm({ reviewer, date = today(), name = "" } = {}) {
    return feedbackForm({ text: this.host.text(), name, decisions: this.decisions, reviewer, date, template: this.host.template() });
  }
}
