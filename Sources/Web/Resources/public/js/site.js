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
