// The portal's own code: reacts to the checker's reports. The element needs nothing else.
const checker = document.getElementById("checker");
const verdict = document.getElementById("verdict");
const submit = document.getElementById("submit");

// The element's verdict decides: an empty text, a text that is not a plan, or a draft
// with errors cannot be submitted.
checker.addEventListener("plancheck-report", (e) => {
  const { errors, warnings } = e.detail.summary;
  const messages = {
    empty: "请填写方案正文",
    "not-a-plan": "正文不是实施方案（没有重点任务部分），请检查是否粘贴完整",
    blocked: `检查发现 ${errors} 个错误、${warnings} 个警告，请修改后提交`,
    review: `未发现错误（${warnings} 个警告），可以提交`,
    ready: "未发现错误，可以提交",
  };
  verdict.textContent = messages[checker.verdict];
  submit.disabled = !(checker.verdict === "ready" || checker.verdict === "review");
});
checker.addEventListener("plancheck-error", (e) => {
  verdict.textContent = e.detail.message;
});
document.getElementById("draft").addEventListener("submit", (e) => {
  e.preventDefault();
  verdict.textContent = "（示例页面不提交）";
});
