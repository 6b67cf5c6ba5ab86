/*
 * 스마트도시 오픈랩 — search autocomplete. Progressive enhancement, no dependency.
 *
 * Turns every <input data-suggest-url="/api/v1/search/suggest/"> into an ARIA 1.2 combobox
 * with a listbox popup (the form still submits normally without this script):
 *   - typing waits 150 ms, then GETs `<data-suggest-url>?q=<text>`, which answers
 *     {"results": [{"text", "kind", "url"}, …]} (at most 10 are shown);
 *   - ArrowDown/ArrowUp move through the options (aria-activedescendant; focus stays in the
 *     input), Enter on an option follows its url, Enter without one submits the form,
 *     Escape closes the list, Tab/blur close it; options can be clicked;
 *   - a polite live region announces how many suggestions there are.
 * Optional attributes (translated in search/includes/suggest_attrs.html):
 *   data-suggest-label (listbox name), data-suggest-status ("… {n} …"),
 *   data-suggest-solution / data-suggest-organization (kind labels).
 * Only same-site paths ("/…") are followed. Styles: portal/css/pages.css (.portal-suggest*).
 * Loaded with defer; safe to load twice; content swapped in by htmx is enhanced on htmx:load.
 */
(function () {
  "use strict";

  if (window.portalSuggest) {
    return;
  }

  var DEBOUNCE_MS = 150;
  var MAX_RESULTS = 10;
  var MAX_QUERY = 200;
  var uid = 0;

  function isSitePath(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" && url.charAt(1) !== "\\";
  }

  /* Text with the first case-insensitive occurrence of `query` wrapped in <mark> (DOM nodes, no HTML). */
  function highlighted(text, query) {
    var fragment = document.createDocumentFragment();
    var at = query ? text.toLowerCase().indexOf(query.toLowerCase()) : -1;
    if (at < 0) {
      fragment.appendChild(document.createTextNode(text));
      return fragment;
    }
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + query.length);
    fragment.appendChild(document.createTextNode(text.slice(0, at)));
    fragment.appendChild(mark);
    fragment.appendChild(document.createTextNode(text.slice(at + query.length)));
    return fragment;
  }

  function enhance(input) {
    if (input.getAttribute("data-suggest-ready") || !input.getAttribute("data-suggest-url")) {
      return;
    }
    input.setAttribute("data-suggest-ready", "true");

    var endpoint = input.getAttribute("data-suggest-url");
    var kindLabels = {
      solution: input.getAttribute("data-suggest-solution") || "솔루션",
      organization: input.getAttribute("data-suggest-organization") || "기관",
    };
    var statusTemplate = input.getAttribute("data-suggest-status") || "추천 검색어 {n}개가 있습니다.";
    var listId = "portal-suggest-" + ++uid;
    var host = input.parentElement;
    host.classList.add("portal-suggest-host");

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "portal-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "추천 검색어");
    list.hidden = true;
    host.appendChild(list);

    var status = document.createElement("div");
    status.className = "sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    host.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var options = []; // [{el, url}]
    var active = -1;
    var timer = null;
    var controller = null;
    var cache = {};
    var cacheKeys = [];

    function isOpen() {
      return !list.hidden;
    }

    function setActive(index) {
      if (active >= 0 && options[active]) {
        options[active].el.setAttribute("aria-selected", "false");
      }
      active = index;
      if (active >= 0 && options[active]) {
        var el = options[active].el;
        el.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", el.id);
        if (el.scrollIntoView) {
          el.scrollIntoView({ block: "nearest" });
        }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (!options.length) {
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function follow(index) {
      var option = options[index];
      if (option && isSitePath(option.url)) {
        close();
        window.location.assign(option.url);
      }
    }

    function render(query, results) {
      list.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      results
        .filter(function (r) {
          return r && typeof r.text === "string" && r.text && isSitePath(r.url);
        })
        .slice(0, MAX_RESULTS)
        .forEach(function (result, index) {
          var li = document.createElement("li");
          li.id = listId + "-option-" + index;
          li.className = "portal-suggest__option";
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", "false");
          var text = document.createElement("span");
          text.className = "portal-suggest__text";
          text.appendChild(highlighted(result.text, query));
          li.appendChild(text);
          if (kindLabels[result.kind]) {
            var kind = document.createElement("span");
            kind.className = "portal-suggest__kind portal-suggest__kind--" + result.kind;
            kind.textContent = kindLabels[result.kind];
            li.appendChild(document.createTextNode(" "));
            li.appendChild(kind);
          }
          list.appendChild(li);
          options.push({ el: li, url: result.url });
        });
      if (!options.length) {
        close();
        status.textContent = "";
        return;
      }
      open();
      status.textContent = statusTemplate.replace("{n}", String(options.length));
    }

    function remember(query, results) {
      cache[query] = results;
      cacheKeys.push(query);
      if (cacheKeys.length > 50) {
        delete cache[cacheKeys.shift()];
      }
    }

    function request(query) {
      if (Object.prototype.hasOwnProperty.call(cache, query)) {
        render(query, cache[query]);
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = typeof AbortController === "function" ? new AbortController() : null;
      var url = endpoint + (endpoint.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("suggest " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          var results = data && Array.isArray(data.results) ? data.results : [];
          remember(query, results);
          if (currentQuery() === query && document.activeElement === input) {
            render(query, results);
          }
        })
        .catch(function () {
          /* Autocomplete is optional: on a network or server error the plain form still works. */
        });
    }

    function currentQuery() {
      return input.value.trim().slice(0, MAX_QUERY);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = currentQuery();
      if (!query) {
        if (controller) {
          controller.abort();
        }
        options = [];
        list.textContent = "";
        status.textContent = "";
        close();
        return;
      }
      timer = window.setTimeout(function () {
        request(query);
      }, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (event.isComposing || event.keyCode === 229) {
        return; // Korean IME composition: let the IME handle the key.
      }
      switch (event.key) {
        case "ArrowDown":
        case "Down":
          if (!options.length) {
            return;
          }
          event.preventDefault();
          if (!isOpen()) {
            open();
            if (!event.altKey) {
              setActive(0);
            }
          } else {
            setActive(active + 1 >= options.length ? 0 : active + 1);
          }
          break;
        case "ArrowUp":
        case "Up":
          if (!options.length) {
            return;
          }
          event.preventDefault();
          if (!isOpen()) {
            open();
            setActive(options.length - 1);
          } else {
            setActive(active <= 0 ? options.length - 1 : active - 1);
          }
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            follow(active);
          }
          break;
        case "Escape":
        case "Esc":
          if (isOpen()) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });

    input.addEventListener("click", function () {
      if (!isOpen() && options.length && currentQuery()) {
        open();
      }
    });

    // Keep the focus in the input while choosing with the mouse.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    list.addEventListener("click", function (event) {
      var li = event.target.closest ? event.target.closest("[role=option]") : null;
      for (var i = 0; li && i < options.length; i++) {
        if (options[i].el === li) {
          follow(i);
          return;
        }
      }
    });
    list.addEventListener("mousemove", function (event) {
      var li = event.target.closest ? event.target.closest("[role=option]") : null;
      for (var i = 0; li && i < options.length; i++) {
        if (options[i].el === li && i !== active) {
          setActive(i);
          return;
        }
      }
    });

    if (input.form) {
      input.form.addEventListener("submit", function () {
        window.clearTimeout(timer);
        close();
      });
    }
  }

  function init(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var inputs = scope.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i++) {
      enhance(inputs[i]);
    }
    if (scope.matches && scope.matches("input[data-suggest-url]")) {
      enhance(scope);
    }
  }

  window.portalSuggest = { init: init };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      init(document);
    });
  } else {
    init(document);
  }
  document.addEventListener("htmx:load", function (event) {
    init(event.target);
  });
})();
