/* Interactive tables for the report: progressive enhancement of its static tables.
 *
 * Every page holds its tables as plain HTML (what a reader without scripts sees, whole).
 * Once the page is parsed, this turns each table of MIN_ROWS rows or more into a DataTables
 * table (the bundle of the itables wheel, loaded before this file from the same folder as
 * window.INF_DATATABLES): a search box over every cell, a filter under each column's menu,
 * and sorting by a click on a header. The table's own cells stay in place, so the headers
 * keep their labels and tooltips and the evidence links in the cells keep working. Nothing
 * is fetched: both files are in the report folder.
 */
(function () {
  "use strict";
  var MIN_ROWS = 6;        // a shorter table is read at a glance: left as it is
  var PAGE_ROWS = 100;     // a longer one is shown in pages of this many rows
  var lib = window.INF_DATATABLES;
  if (!lib || !lib.DataTable) {
    return;                // no bundle: the static tables stay, as without scripts
  }
  var DataTable = lib.DataTable;

  function loadStyle() {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = document.querySelector('script[src$="assets/tables.js"]').getAttribute("src")
      .replace(/tables\.js$/, "datatables.css");
    document.head.appendChild(link);
  }

  // A number cell's value for sorting: "1,234", "-0.25", "\u22120.3", "45%"; a dash (no value) sorts first.
  function numeric(text) {
    var t = String(text).replace(/<[^>]*>/g, "").replace(/\u2212/g, "-").replace(/[,%\s]/g, "");
    var x = parseFloat(t);
    return isNaN(x) ? -Infinity : x;
  }

  function columnDefs(table) {
    var defs = [];
    var rows = table.tBodies[0].rows;
    var width = table.tHead.rows[0].cells.length;
    for (var j = 0; j < width; j++) {
      var allNumbers = true;
      for (var i = 0; i < rows.length && allNumbers; i++) {
        var cell = rows[i].cells[j];
        allNumbers = cell && (cell.classList.contains("num") || cell.getAttribute("title") === "no value");
      }
      if (allNumbers) {
        defs.push({targets: j, type: "num", render: function (data, type) {
          return type === "sort" || type === "type" ? numeric(data) : data;
        }});
      }
    }
    return defs;
  }

  function enhance(table) {
    var body = table.tBodies[0];
    if (!table.tHead || table.tHead.rows.length !== 1 || !body || body.rows.length < MIN_ROWS
        || table.querySelector("[rowspan], [colspan]")) {
      return null;         // a short table, or one DataTables cannot take (cells spanning rows)
    }
    var scroll = table.parentNode;   // div.table-scroll, inside div.table-wide
    var wide = scroll.parentNode;
    var many = body.rows.length > PAGE_ROWS;
    var dt = new DataTable(table, {
      autoWidth: false,
      paging: many,
      pageLength: PAGE_ROWS,
      lengthChange: false,
      order: [],           // the notebook's order first
      info: true,
      columnDefs: columnDefs(table),
      columnControl: ["order", ["searchClear", "search"]],
      ordering: {indicators: false},
      layout: {topStart: null, topEnd: "search", bottomStart: "info", bottomEnd: many ? "paging" : null},
      language: {search: "Search the table:", info: "_TOTAL_ rows", infoFiltered: "(of _MAX_)",
                 infoEmpty: "no row", zeroRecords: "No row holds this."}
    });
    // DataTables put its furniture (search box, row count) around the table, inside the scroll
    // box: move the furniture out, in the text column, and the scroll box back around the table.
    var container = dt.table().container();
    wide.parentNode.insertBefore(container, wide);
    table.parentNode.insertBefore(wide, table);
    scroll.appendChild(table);
    container.classList.add("report-dt");
    return dt;
  }

  function enhanceAll() {
    var tables = document.querySelectorAll("div.table-wide > div.table-scroll > table.dataframe");
    if (!tables.length) {
      return;
    }
    loadStyle();
    tables.forEach(function (table) {
      try {
        enhance(table);
      } catch (err) {        // a table DataTables refuses stays static
        if (window.console) {
          window.console.warn("interactive table skipped:", err);
        }
      }
    });
    document.documentElement.setAttribute("data-tables", "interactive");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
