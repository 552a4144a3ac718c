// The service hall, progressively enhanced: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // 打印办事指南: only offered when there is a script to print with.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // 情形: narrow the materials table in place as the choice changes; the form still submits
  // the same choice to the server (?situation=S01&situation=S02) without a script.
  var selects = document.querySelectorAll("select[data-situation]");
  function filterMaterials() {
    var chosen = [];
    selects.forEach(function (select) { if (select.value) { chosen.push(select.value); } });
    document.querySelectorAll(".hall-materials tr[data-situations]").forEach(function (row) {
      var codes = row.getAttribute("data-situations").split(" ").filter(Boolean);
      var applies = chosen.length === 0 || codes.length === 0 || codes.some(function (code) {
        return chosen.indexOf(code) >= 0;
      });
      row.hidden = !applies;
    });
  }
  selects.forEach(function (select) { select.addEventListener("change", filterMaterials); });

  // 就近办: 使用我的位置 fills the point from the browser and submits the same form.
  var locate = document.querySelector("[data-locate]");
  if (locate && navigator.geolocation) {
    var form = locate.form;
    var status = form.querySelector("[data-locate-status]");
    locate.hidden = false;
    locate.addEventListener("click", function () {
      status.textContent = "正在获取您的位置…";
      navigator.geolocation.getCurrentPosition(function (position) {
        form.querySelector("[data-lat]").value = position.coords.latitude.toFixed(6);
        form.querySelector("[data-lng]").value = position.coords.longitude.toFixed(6);
        form.querySelector("select[name=division]").value = "";
        form.submit();
      }, function () {
        status.textContent = "无法获取您的位置，请允许浏览器使用位置信息，或按区县查看。";
      }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
    });
    var divisionSubmit = form.querySelector("[data-division-submit]");
    if (divisionSubmit) {
      divisionSubmit.addEventListener("click", function () {
        form.querySelector("[data-lat]").value = "";
        form.querySelector("[data-lng]").value = "";
      });
    }
  }
});
