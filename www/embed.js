// The portal's own code: reacts to the checker's reports. The element needs nothing else.
const checker = document.getElementById("checker");
const verdict = document.getElementById("verdict");
const submit = document.getElementById("submit");

checker.addEventListener("plancheck-report", (e) => {
  const { errors, warnings } = e.detail.summary;
  verdict.textContent = errors
    ? `检查发现 ${errors} 个错误、${warnings} 个警告，请修改后提交`
    : `未发现错误（${warnings} 个警告），可以提交`;
  submit.disabled = errors > 0;
});
checker.addEventListener("plancheck-error", (e) => {
  verdict.textContent = e.detail.message;
});
document.getElementById("draft").addEventListener("submit", (e) => {
  e.preventDefault();
  verdict.textContent = "（示例页面不提交）";
});
