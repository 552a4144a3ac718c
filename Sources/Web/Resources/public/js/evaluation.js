// Progressive enhancement only: every evaluation form works without this file, and the server
// checks everything again.
// A bad review (不满意, 非常不满意) needs a reason: when one is chosen the comment becomes required
// and its hint is stressed, so the citizen learns it before submitting.
document.addEventListener("DOMContentLoaded", function () {
  var forms = document.querySelectorAll("form[data-eva-rating]");
  Array.prototype.forEach.call(forms, function (form) {
    var comment = form.querySelector("textarea[name=comment]");
    if (!comment) { return; }
    var update = function () {
      var chosen = form.querySelector("input[name=level]:checked");
      var bad = chosen !== null && Number(chosen.value) <= 2;
      comment.required = bad;
      comment.setAttribute("aria-required", bad ? "true" : "false");
      var label = form.querySelector("label[for='" + comment.id + "'] .eva-bad-hint");
      if (label) { label.classList.toggle("eva-required", bad); }
    };
    Array.prototype.forEach.call(form.querySelectorAll("input[name=level]"), function (input) {
      input.addEventListener("change", update);
    });
    update();
  });

  // The call-back form: the plan and the deadline only matter when the complaint is true.
  var callback = document.querySelector("form[data-eva-callback]");
  if (callback) {
    var verifiedOnly = callback.querySelector(".eva-verified-only");
    var plan = callback.querySelector("textarea[name=plan]");
    var refresh = function () {
      var no = callback.querySelector("input[name=verified][value=no]");
      var hide = no !== null && no.checked;
      if (verifiedOnly) { verifiedOnly.hidden = hide; }
      var yes = callback.querySelector("input[name=verified][value=yes]");
      if (plan) { plan.required = yes !== null && yes.checked; }
    };
    Array.prototype.forEach.call(callback.querySelectorAll("input[name=verified]"), function (input) {
      input.addEventListener("change", refresh);
    });
    refresh();
  }
});
