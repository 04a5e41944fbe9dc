/// The site's own stylesheet and the catalog's script, written beside the pages. The card
/// stylesheet is the HTML export template's own `<style>`.
enum SiteAssets {
    /// `assets/site.css`: the frame, the catalog, timelines and diffs, on top of the export's
    /// styles.
    static let siteStyle = """
        nav.site { display: flex; gap: 1.5rem; padding: .6rem 1.5rem; background: #1e293b; }
        nav.site a { color: #fff; font-weight: 600; text-decoration: none; }
        nav.site a:hover, nav.site a:focus { text-decoration: underline; }
        main.wide { max-width: 84rem; }
        a { color: var(--accent); }
        .crumbs { color: var(--muted); margin: 0 0 1rem; }
        .lede { color: var(--muted); margin: 0; }
        nav.diffs { display: flex; gap: 1.2rem; margin: 0 0 1rem; }
        .card-export { border: 1px solid var(--rule); border-radius: .4rem; padding: 1rem 1.5rem; margin-bottom: 2rem; }
        .card-export footer { margin-top: 1.5rem; }
        .status { white-space: nowrap; }
        .status-draft { background: #f1f5f9; }
        .status-pendingreview { background: #fef3c7; border-color: #f59e0b; }
        .status-approved { background: #dcfce7; border-color: #16a34a; }
        .status-archived { background: #e5e7eb; color: var(--muted); }
        article.version { border-top: 1px solid var(--rule); padding-top: .4rem; }
        article.version h3 { margin-top: 1rem; }
        .facts { color: var(--muted); margin: .2rem 0 .6rem; }
        .superseded { color: var(--muted); }
        ul.approvals { padding-left: 1.3rem; }
        .filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 1rem 0; }
        .filters label { display: flex; flex-direction: column; font-weight: 600; font-size: .9rem; }
        .filters select, .filters input { font: inherit; padding: .25rem .4rem; min-width: 10rem; }
        .filters output { color: var(--muted); }
        #catalog table { width: 100%; }
        #catalog th { white-space: nowrap; }
        #catalog td:first-child { min-width: 16rem; }
        #catalog td:nth-child(6) { white-space: nowrap; }
        .description { display: block; color: var(--muted); font-size: .85rem; }
        ul.changes { list-style: none; padding: 0; }
        ul.changes li { padding: .5rem .2rem; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
        .field-path { font-weight: 600; }
        .kind { display: inline-block; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 .4rem; }
        del { background: #fee2e2; color: #991b1b; }
        ins { background: #dcfce7; color: #166534; text-decoration: none; }
        .words { margin: .3rem 0 0; line-height: 1.7; }
        .provenance { margin-top: 2.5rem; padding-top: .6rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }

        """

    /// `assets/catalog.js`: shows the filter form and hides the rows that do not match. It
    /// reads only the table's own attributes, so it works from `file://` and loads nothing.
    static let catalogScript = """
        "use strict";
        (function () {
          var form = document.getElementById("filters");
          var table = document.querySelector("#catalog table");
          if (!form || !table) { return; }
          var status = document.getElementById("filter-status");
          var risk = document.getElementById("filter-risk");
          var text = document.getElementById("filter-text");
          var count = document.getElementById("filter-count");
          var empty = document.getElementById("catalog-empty");
          var rows = Array.prototype.slice.call(table.tBodies[0].rows);
          function apply() {
            var words = text.value.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
            var shown = 0;
            rows.forEach(function (row) {
              var search = row.getAttribute("data-search") || "";
              var match = (!status.value || row.getAttribute("data-status") === status.value) &&
                (!risk.value || row.getAttribute("data-risk") === risk.value) &&
                words.every(function (w) { return search.indexOf(w) !== -1; });
              row.hidden = !match;
              if (match) { shown += 1; }
            });
            count.textContent = shown + " of " + rows.length + " cards";
            empty.hidden = shown !== 0;
          }
          // The filters live in the address's fragment (#status=Approved&risk=High&q=churn), so a
          // filtered catalog can be bookmarked or shared; a fragment works from file:// too.
          function remember() {
            var parts = [];
            if (status.value) { parts.push("status=" + encodeURIComponent(status.value)); }
            if (risk.value) { parts.push("risk=" + encodeURIComponent(risk.value)); }
            if (text.value) { parts.push("q=" + encodeURIComponent(text.value)); }
            var hash = parts.length ? "#" + parts.join("&") : "";
            if (location.hash !== hash) {
              try { history.replaceState(null, "", hash || location.pathname); } catch (e) { location.hash = hash; }
            }
          }
          function restore() {
            location.hash.replace(/^#/, "").split("&").forEach(function (part) {
              var pair = part.split("=");
              var value = decodeURIComponent(pair[1] || "");
              if (pair[0] === "status") { status.value = value; }
              if (pair[0] === "risk") { risk.value = value; }
              if (pair[0] === "q") { text.value = value; }
            });
          }
          function update() { apply(); remember(); }
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          [status, risk].forEach(function (el) { el.addEventListener("change", update); });
          text.addEventListener("input", update);
          restore();
          form.hidden = false;
          apply();
        }());

        """
}
