// Payments (非税支付), progressively enhanced: every page works without this file.
// 扫码缴费: ask the order's state every two seconds and say so as soon as it is paid. Polling stops
// after ten minutes (the payer can still reload), so a forgotten tab does not poll for ever.
document.addEventListener("DOMContentLoaded", function () {
  var status = document.querySelector("[data-pay-poll]");
  if (!status || !window.fetch) { return; }
  var url = status.getAttribute("data-pay-poll");
  var done = document.querySelector(".pay-done");
  var qr = document.querySelector(".pay-qr");
  var paid = ["paid", "partially-refunded", "refunded"];
  var stopAt = Date.now() + 10 * 60 * 1000;
  var timer = setInterval(function () {
    if (Date.now() > stopAt) {
      clearInterval(timer);
      status.textContent = "已停止自动查询缴费状态。如已付款，请刷新页面查看。";
      return;
    }
    fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (order) {
        if (!order || !order.state) { return; }
        if (paid.indexOf(order.state) >= 0) {
          clearInterval(timer);
          status.textContent = "缴费成功";
          status.classList.add("pay-status-done");
          if (qr) { qr.hidden = true; }
          if (done) { done.hidden = false; }
        } else if (order.state === "expired" || order.state === "cancelled") {
          clearInterval(timer);
          status.textContent = order.state === "expired" ? "缴款单已过期，二维码已失效。" : "缴款单已取消，二维码已失效。";
          if (qr) { qr.hidden = true; }
        }
      })
      .catch(function () {});
  }, 2000);
});

// 演示支付: pay through the JSON endpoint and show the outcome in place; without a script the
// form posts to the page itself, which does the same.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-sandbox-pay]");
  if (!form || !window.fetch) { return; }
  var result = document.querySelector(".pay-sandbox-result");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    result.textContent = "正在支付…";
    fetch(form.getAttribute("data-sandbox-pay"), {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json", Accept: "application/json" }, body: "{}"
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        var outcome = answer.ok ? answer.body.outcome : "";
        if (outcome === "paid" || outcome === "duplicate") {
          result.textContent = "支付成功";
          result.classList.add("pay-status-done");
          form.hidden = true;
        } else if (outcome === "refunding") {
          result.textContent = "缴款单已不能缴费（已过期、已取消或已缴费），款项将自动原路退回。";
          form.hidden = true;
        } else {
          result.textContent = "支付未成功：" + (answer.body.detail || "平台未接受这笔支付，请返回缴款单查看状态。");
          button.disabled = false;
        }
      })
      .catch(function () {
        // The JSON endpoint is unreachable: fall back to the page's own form post.
        form.submit();
      });
  });
});
