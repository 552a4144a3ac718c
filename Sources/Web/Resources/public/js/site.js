// Progressive enhancement only: every page works without this file.
// The elderly-mode switch is a plain form; here it toggles in place and remembers the choice
// in the same cookie the server reads, so the next page and a reload agree.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form.mode-switch");
  if (!form || !window.fetch) { return; }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var enabled = form.querySelector("input[name=enabled]");
    var button = form.querySelector("button");
    var on = enabled.value === "1";
    document.cookie = "zt_elderly=" + (on ? "1" : "0") + "; path=/; max-age=31536000; samesite=lax";
    document.documentElement.classList.toggle("elderly", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? "退出长辈模式" : "长辈模式";
    enabled.value = on ? "0" : "1";
  });
});

// 扫码登录: poll the ticket's status and collect the session as soon as the phone confirms.
// Without scripts the page still works through its "我已在手机上确认" button.
document.addEventListener("DOMContentLoaded", function () {
  var box = document.querySelector("[data-scan-poll]");
  if (!box || !window.fetch) { return; }
  var state = document.querySelector(".scan-state");
  var form = document.getElementById("scan-complete");
  var timer = setInterval(function () {
    fetch(box.getAttribute("data-scan-poll"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : { status: "expired" }; })
      .then(function (answer) {
        if (answer.status === "confirmed") {
          clearInterval(timer);
          state.textContent = "手机已确认，正在登录…";
          form.submit();
        } else if (answer.status !== "pending") {
          clearInterval(timer);
          state.textContent = answer.status === "declined" ? "已在手机上取消。" : "二维码已失效，请刷新页面重新获取。";
        }
      })
      .catch(function () {});
  }, 2000);
});
