/* The reader's language: one definition for the root page, the "page not found" page
   and the language switcher (docs_i18n.publish.landing.language_js(); the root and 404 pages
   inline this file, every built page loads it as _static/language-choice.js).

   - pick(site, scripts, root): the language a reader gets on the root and 404 pages: the
     one they chose earlier with the switcher on this site (remembered in the browser),
     else the first of navigator.languages that the site has, matched per BCP 47 with the
     script included (zh-TW and zh-Hant read Traditional Chinese, not zh-CN's Simplified),
     else the site's first language. *site* is a list of {code, tag, language, script},
     *scripts* each site language's likely script by region (CLDR, from Babel), both
     lowercase; *root* the path of the site's root folder.
   - The switcher (nav.i18n-switcher[data-i18n-root]): its links keep the reader's place
     (the #fragment: section ids are the same in every language; and the ?query, such as
     a search) and a click on one is remembered as the reader's choice. */
var docsI18n = (function () {
  "use strict";
  var KEY = "docs-i18n-language:";

  function remembered(root) {
    try {
      return window.localStorage.getItem(KEY + root);
    } catch (e) {
      return null;  // storage disabled: no remembered choice
    }
  }

  function remember(root, code) {
    try {
      window.localStorage.setItem(KEY + root, code);
    } catch (e) {
      /* storage disabled: the choice is not kept */
    }
  }

  /* The language, script and region subtags of a BCP 47 tag, lowercase ("" when absent). */
  function subtags(tag) {
    var parts = String(tag).toLowerCase().replace(/_/g, "-").split("-");
    var found = { language: parts[0], script: "", region: "" };
    for (var i = 1; i < parts.length; i++) {
      var part = parts[i];
      if (part.length === 1) break;  // an extension or private use: no script or region after it
      if (!found.script && !found.region && /^[a-z]{4}$/.test(part)) found.script = part;
      else if (!found.region && /^(?:[a-z]{2}|[0-9]{3})$/.test(part)) found.region = part;
    }
    return found;
  }

  /* The script of a reader's tag: its own, else the likely one for its language and region. */
  function scriptOf(tag, scripts) {
    var parts = subtags(tag);
    if (parts.script) return parts.script;
    var known = scripts[parts.language];
    if (!known) return "";
    return known[parts.region] || known[""] || "";
  }

  function pick(site, scripts, root) {
    var chosen = root ? remembered(root) : null;
    for (var c = 0; chosen && c < site.length; c++) if (site[c].code === chosen) return site[c];
    var wanted = (navigator.languages && navigator.languages.length) ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var tag = String(wanted[i]).toLowerCase();
      for (var j = 0; j < site.length; j++) if (site[j].tag === tag) return site[j];
      var language = subtags(tag).language;
      var script = scriptOf(tag, scripts);
      for (var k = 0; k < site.length; k++) {
        if (site[k].language === language && site[k].script === script) return site[k];
      }
    }
    return site[0];
  }

  /* Keep the reader's place in every link of a switcher; remember the language they click. */
  function switcher(nav) {
    var root = new URL(nav.getAttribute("data-i18n-root"), window.location.href).pathname;
    var links = nav.querySelectorAll("a[data-i18n-code]");
    function keepPlace() {
      for (var i = 0; i < links.length; i++) {
        var page = links[i].getAttribute("data-i18n-page") || links[i].getAttribute("href").split(/[?#]/)[0];
        links[i].setAttribute("data-i18n-page", page);
        links[i].setAttribute("href", page + window.location.search + window.location.hash);
      }
    }
    keepPlace();
    window.addEventListener("hashchange", keepPlace);
    window.addEventListener("popstate", keepPlace);
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener("click", function (event) {
        keepPlace();  // the search page changes its ?query without a hashchange
        remember(root, event.currentTarget.getAttribute("data-i18n-code"));
      });
    }
    var menu = nav.querySelector("details");
    // the header's menu (narrow screens) is a pop-up: it closes on Escape and on a click elsewhere,
    // as menus do; the sidebar's list is a disclosure the reader opens and closes
    if (menu && nav.classList.contains("i18n-switcher-header")) {
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open) {
          menu.open = false;
          menu.querySelector("summary").focus();
        }
      });
      document.addEventListener("click", function (event) {
        if (menu.open && !menu.contains(event.target)) menu.open = false;
      });
      // and when the keyboard's focus leaves it
      menu.addEventListener("focusout", function (event) {
        if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) menu.open = false;
      });
    }
  }

  function start() {
    var navs = document.querySelectorAll("nav.i18n-switcher[data-i18n-root]");
    for (var i = 0; i < navs.length; i++) switcher(navs[i]);
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
  return { pick: pick, remember: remember, subtags: subtags, scriptOf: scriptOf };
})();
