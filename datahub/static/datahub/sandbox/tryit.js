// "Try it" box of the sandbox quick start: runs one NGSI-LD request with the visitor's API key from
// the browser (same origin) and shows the status and the pretty-printed body. The key stays in the page.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("try-form");
    if (!form) return;
    var preset = document.getElementById("try-preset");
    var path = document.getElementById("try-path");
    var key = document.getElementById("try-key");
    var status = document.getElementById("try-status");
    var result = document.querySelector("#try-result code");

    preset.addEventListener("change", function () {
      path.value = preset.value;
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!key.value.trim()) {
        status.textContent = form.dataset.errorKey;
        key.focus();
        return;
      }
      var url = form.dataset.apiRoot + path.value.replace(/^\/+/, "");
      status.textContent = "…";
      result.textContent = "";
      fetch(url, {
        headers: {
          "X-API-Key": key.value.trim(),
          Accept: "application/json",
          Link: "<" + form.dataset.context + '>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"',
        },
      })
        .then(function (response) {
          return response.text().then(function (body) {
            status.textContent = response.status + " " + response.statusText;
            status.dataset.status = String(response.status);
            try {
              result.textContent = JSON.stringify(JSON.parse(body), null, 2);
            } catch (error) {
              result.textContent = body;
            }
          });
        })
        .catch(function () {
          status.textContent = form.dataset.errorNetwork;
        });
    });
  });
})();
