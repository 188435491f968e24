// newsradar dashboard: polls the process's JSON APIs every 2 s and renders each panel.
// Text from articles (titles, rationales) is set with textContent only, never as HTML.
(function () {
  "use strict";

  var REFRESH_MS = 2000;
  var TIMEOUT_MS = 8000;

  // ---- small DOM helpers ----
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") {
        node.textContent = attrs[k];
      } else if (k === "className") {
        node.className = attrs[k];
      } else if (k === "style") {
        // through the CSSOM: the Content-Security-Policy refuses inline style attributes
        node.style.cssText = attrs[k];
      } else {
        node.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function show(node, visible) {
    if (node) { node.hidden = !visible; }
  }

  // ---- formatting ----
  function fixed(x, digits) {
    return typeof x === "number" && isFinite(x) ? x.toFixed(digits) : "\u2013";
  }

  function duration(ms) {
    if (typeof ms !== "number" || !isFinite(ms)) { return "\u2013"; }
    var s = ms / 1000;
    if (s < 1) { return Math.round(ms) + " ms"; }
    if (s < 60) { return s.toFixed(1) + " s"; }
    if (s < 3600) { return (s / 60).toFixed(1) + " min"; }
    if (s < 86400 * 2) { return (s / 3600).toFixed(1) + " h"; }
    return (s / 86400).toFixed(1) + " d";
  }

  function clock(date) {
    return date.toISOString().substring(11, 19) + " UTC";
  }

  function instant(text) {
    if (!text) { return "never"; }
    return text.replace("T", " ").replace(/\.\d+Z$/, "Z").replace("Z", " UTC");
  }

  function safeLink(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  // ---- renderers: data in, DOM out; each returns nothing and throws on malformed data ----
  function renderAlerts(data) {
    var list = document.getElementById("alerts");
    var alerts = data.alerts || [];
    clear(list);
    alerts.forEach(function (a) {
      var status = String(a.status || "NEW");
      var href = safeLink(a.url);
      var title = href
        ? el("a", { className: "alert-title", href: href, rel: "noopener noreferrer", target: "_blank", text: a.title || a.articleId })
        : el("span", { className: "alert-title", text: a.title || a.articleId });
      var meta = [
        "route " + a.route,
        "priority " + a.priority,
        "score " + fixed(a.score, 2),
        "coverage " + (a.coverage || 1) + (a.coverage === 1 ? " outlet" : " outlets"),
        a.source ? "source " + a.source : null,
        a.publishedAt ? "published " + instant(a.publishedAt) : null
      ].filter(Boolean).join(" \u00b7 ");
      var points = (a.keyPoints || []).map(function (p) { return el("li", { text: p }); });
      list.appendChild(el("li", {
        className: "alert status-" + status.toLowerCase(),
        "data-alert-id": a.alertId || "",
        "data-status": status
      }, [
        el("div", { className: "alert-head" }, [
          el("span", { className: "badge " + status, text: status }),
          title
        ]),
        el("div", { className: "alert-meta", text: meta }),
        a.change ? el("div", { className: "alert-meta alert-change", text: a.change }) : null,
        el("p", { className: "alert-rationale", text: a.rationale || "" }),
        points.length ? el("ul", { className: "alert-points" }, points) : null
      ]));
    });
    show(document.querySelector("#alerts-panel .empty"), alerts.length === 0);
  }

  function renderTags(data) {
    var body = document.querySelector("#tags tbody");
    var tags = data.tags || [];
    var most = tags.reduce(function (m, t) { return Math.max(m, t.articles || 0); }, 0);
    clear(body);
    tags.forEach(function (t) {
      var width = most > 0 ? Math.round(100 * t.articles / most) : 0;
      body.appendChild(el("tr", { "data-tag": t.tag }, [
        el("td", { className: "tag-name", text: t.tag }),
        el("td", { className: "tag-articles num", text: String(t.articles) }),
        el("td", { className: "tag-mean num", text: fixed(t.meanScore, 2) }),
        el("td", { className: "tag-bar" }, [el("div", { className: "bar", style: "width:" + width + "%" })])
      ]));
    });
    document.getElementById("tags-window").textContent = data.until
      ? instant(data.from) + " to " + instant(data.until)
      : "no windows yet";
    show(document.querySelector("#tags-panel .empty"), tags.length === 0);
  }

  function renderHistogram(data) {
    var box = document.getElementById("histogram");
    var buckets = data.buckets || [];
    var most = buckets.reduce(function (m, b) { return Math.max(m, b.articles || 0); }, 0);
    clear(box);
    buckets.forEach(function (b) {
      var height = most > 0 ? Math.round(100 * b.articles / most) : 0;
      box.appendChild(el("div", { className: "bucket", "data-from": String(b.from), title: b.from + " to " + b.to + ": " + b.articles }, [
        el("span", { className: "count", text: String(b.articles) }),
        el("div", { className: "column", style: "height:" + height + "%" }),
        el("span", { className: "label", text: b.from + "\u2013" + b.to })
      ]));
    });
  }

  function renderFreshness(data) {
    ["fetchedToScored", "publishedToScored"].forEach(function (name) {
      var row = document.querySelector('#freshness tr[data-lag="' + name + '"]');
      var lag = data[name] || {};
      row.querySelector(".p50").textContent = duration(lag.p50Ms);
      row.querySelector(".p95").textContent = duration(lag.p95Ms);
      row.querySelector(".count").textContent = typeof lag.count === "number" ? String(lag.count) : "\u2013";
    });
  }

  function renderFeeds(data) {
    var body = document.querySelector("#feeds tbody");
    var feeds = data.feeds || [];
    clear(body);
    feeds.forEach(function (f) {
      var state = f.failing ? "failing" : (f.stale ? "stale" : "ok");
      var stateText = f.failing && f.stale ? "failing, stale" : state;
      body.appendChild(el("tr", { "data-feed": f.feedId, "data-state": state }, [
        el("td", { className: "feed-id", text: f.feedId }),
        el("td", {}, [el("span", { className: "badge " + state, text: stateText })]),
        el("td", { text: instant(f.lastSuccessAt) }),
        el("td", { text: instant(f.nextPollAt) + (f.overdueSeconds > 0 ? " (overdue " + duration(f.overdueSeconds * 1000) + ")" : "") }),
        el("td", { className: "num", text: String(f.consecutiveErrors) }),
        el("td", { text: f.lastError || "" }),
        el("td", { className: "num", text: String(f.itemsPublished) })
      ]));
    });
    var summary = data.loaded === false
      ? "Reading feed states\u2026"
      : feeds.length + " feeds, " + data.stale + " stale (next poll overdue by more than "
        + duration(data.staleAfterSeconds * 1000) + "), " + data.failing + " failing";
    document.getElementById("feeds-summary").textContent = summary;
    show(document.querySelector("#feeds-panel .empty"), data.loaded !== false && feeds.length === 0);
  }

  function renderDlq(data) {
    var list = document.getElementById("dlq");
    clear(list);
    (data.topics || []).forEach(function (t) {
      list.appendChild(el("li", { "data-topic": t.topic, className: t.records > 0 ? "nonzero" : "" }, [
        el("span", { className: "dlq-records", text: t.exists === false ? "\u2013" : String(t.records) }),
        el("span", { className: "dlq-topic", text: t.topic + (t.exists === false ? " (no topic)" : "") })
      ]));
    });
  }

  var PANELS = [
    { id: "alerts-panel", render: renderAlerts },
    { id: "tags-panel", render: renderTags },
    { id: "histogram-panel", render: renderHistogram },
    { id: "freshness-panel", render: renderFreshness },
    { id: "dlq-panel", render: renderDlq },
    { id: "feeds-panel", render: renderFeeds }
  ];

  // ---- fetching ----
  function fetchJson(url) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" }, signal: controller.signal })
      .then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
          if (!response.ok) {
            var err = new Error("HTTP " + response.status + (body && body.error ? ": " + body.error : ""));
            err.status = response.status;
            throw err;
          }
          if (body === null) { throw new Error("the answer is not JSON"); }
          return body;
        });
      }, function (e) {
        throw new Error(e && e.name === "AbortError" ? "no answer within " + TIMEOUT_MS / 1000 + " s" : "cannot reach the server");
      })
      .finally(function () { clearTimeout(timer); });
  }

  // A panel keeps its last good figures when a refresh fails, marked as failed with the time they are from.
  function refreshPanel(panel) {
    var section = document.getElementById(panel.id);
    var url = section.getAttribute("data-endpoint");
    var errorLine = section.querySelector(".panel-error");
    var updated = section.querySelector(".updated");
    return fetchJson(url).then(function (data) {
      panel.render(data);
      panel.lastGood = new Date();
      section.classList.remove("failed");
      var missing = data.partial ? (data.missing || []).join(", ") : "";
      errorLine.textContent = missing ? "Partial answer: no reply from " + missing : "";
      errorLine.className = missing ? "panel-error panel-warning" : "panel-error";
      show(errorLine, Boolean(missing));
      updated.textContent = "updated " + clock(panel.lastGood);
      return null;
    }, function (e) {
      section.classList.add("failed");
      errorLine.className = "panel-error";
      errorLine.textContent = "Refresh failed (" + e.message + ")"
        + (panel.lastGood ? ": showing figures from " + clock(panel.lastGood) : ": no figures yet");
      show(errorLine, true);
      return { url: url.split("?")[0], message: e.message, status: e.status };
    }).catch(function (e) {
      // a renderer choking on an unexpected shape is a failure too, not a silent blank
      section.classList.add("failed");
      errorLine.textContent = "Cannot show the answer: " + e.message;
      show(errorLine, true);
      return { url: url.split("?")[0], message: "cannot show the answer: " + e.message };
    });
  }

  function renderBanner(failures) {
    var banner = document.getElementById("error-banner");
    clear(banner);
    if (failures.length === 0) {
      show(banner, false);
      return;
    }
    if (failures.some(function (f) { return f.status === 401; })) {
      banner.appendChild(document.createTextNode("Your session has ended: "));
      var next = encodeURIComponent(window.location.pathname);
      banner.appendChild(el("a", { href: "/login?next=" + next, id: "login-link", text: "log in again" }));
      banner.appendChild(document.createTextNode(". The figures below are not being refreshed."));
    } else {
      banner.appendChild(document.createTextNode("Not refreshing: " + failures.map(function (f) {
        return f.url + " (" + f.message + ")";
      }).join("; ") + ". Marked panels show older figures."));
    }
    show(banner, true);
  }

  function refreshAll() {
    Promise.all(PANELS.map(refreshPanel)).then(function (results) {
      var failures = results.filter(Boolean);
      renderBanner(failures);
      var dot = document.getElementById("live-dot");
      dot.className = failures.length === 0 ? "dot ok" : "dot bad";
      if (failures.length < PANELS.length) {
        document.getElementById("last-updated").textContent = clock(new Date());
      }
      document.body.setAttribute("data-refreshes", String(Number(document.body.getAttribute("data-refreshes") || 0) + 1));
    }).finally(function () {
      setTimeout(refreshAll, REFRESH_MS);
    });
  }

  // exposed for tests and for poking at in the browser console
  window.NewsradarDashboard = {
    renderAlerts: renderAlerts, renderTags: renderTags, renderHistogram: renderHistogram,
    renderFreshness: renderFreshness, renderFeeds: renderFeeds, renderDlq: renderDlq, duration: duration
  };

  refreshAll();
})();
