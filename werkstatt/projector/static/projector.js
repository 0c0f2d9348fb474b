/* The projector page (read from the last row, no controls). This script
   - follows the workshop: it asks the server once a second whether the stage changed and swaps in
     the new one (the server renders it; nothing a person typed is ever turned into HTML here),
   - pages through what does not fit the screen, by itself, and says "Seite 2 von 3",
   - counts a running timer down so that it reaches zero when the server locks, never after,
   - draws the result charts (plotly) at the size the layout leaves them, in type sized to the screen.

   Paging: the stage holds units. A "whole" unit moves as one; a "rows" unit's items (the verdict
   cards) may go to different pages; a "columns" unit (a field of the card wall, the ranking) starts
   its own page and pages each column's items on their own; a "fill" unit (the charts) needs at
   least data-min units of height and takes what is left; a "sticky" unit is on every page. A page
   is filled by adding one piece at a time and asking the browser whether it still fits. */
(() => {
  "use strict";
  const PAGE_SECONDS = 12;
  const TICK_MS = 200;
  const CHART_FONT = 24; // the font size charts.py gives the projector's charts (large=True)
  const body = document.body;
  const texts = JSON.parse(body.dataset.texts);
  const host = document.getElementById("screen");
  const offline = document.getElementById("offline");
  let version = host.querySelector(".screen").dataset.version;
  let requestStart = (performance.getEntriesByType("navigation")[0] || {}).requestStart || 0;
  let pages = [];
  let shown = -1;

  const $$ = (selector, root = host) => Array.from(root.querySelectorAll(selector));
  const unitSize = () => parseFloat(getComputedStyle(body).fontSize); // 1u: 2.6 % of the screen's height

  // --- paging -------------------------------------------------------------------------------

  function showOnly(stage, page) {
    for (const el of $$(".unit, .item", stage)) el.classList.toggle("off", !page.has(el));
  }

  function paginate() {
    const stage = host.querySelector(".stage");
    if (!stage) return;
    const u = unitSize();
    const units = $$(":scope > .unit", stage);
    const sticky = units.filter((unit) => unit.classList.contains("sticky"));
    for (const fill of $$(".fill", stage)) fill.style.setProperty("--min", `${Number(fill.dataset.min || 10) * u}px`);
    stage.classList.add("measuring");
    const result = [];
    let page = new Set(sticky);
    const hasContent = () => Array.from(page).some((el) => !sticky.includes(el));
    const fits = () => { showOnly(stage, page); return stage.scrollHeight <= stage.clientHeight + 1; };
    const commit = () => { if (hasContent()) result.push(page); page = new Set(sticky); };
    // add the pieces; if they overflow a page that has content, start a new page with them
    const place = (pieces) => {
      pieces.forEach((el) => page.add(el));
      if (fits() || !hasContent()) return;
      pieces.forEach((el) => page.delete(el));
      commit();
      pieces.forEach((el) => page.add(el));
    };
    for (const unit of units) {
      if (unit.classList.contains("sticky")) continue;
      if (unit.classList.contains("rows")) {
        for (const item of $$(".item", unit)) place([unit, item]);
      } else if (unit.classList.contains("columns")) {
        commit();
        const columns = $$(".col", unit).map((col) => $$(".item", col));
        const next = columns.map(() => 0);
        const left = () => columns.some((items, c) => next[c] < items.length);
        do {
          page.add(unit);
          let added = 0;
          columns.forEach((items, c) => {
            while (next[c] < items.length) {
              page.add(items[next[c]]);
              if (!fits() && added > 0) { page.delete(items[next[c]]); break; }
              next[c] += 1; added += 1;
            }
          });
          commit();
        } while (left());
      } else {
        place([unit]);
      }
    }
    commit();
    stage.classList.remove("measuring");
    pages = result.length ? result : [new Set(units)];
    shown = -1;
    turn();
  }

  function turn() {
    const stage = host.querySelector(".stage");
    if (!stage || !pages.length) return;
    const index = Math.floor(Date.now() / (PAGE_SECONDS * 1000)) % pages.length;
    if (index === shown) return;
    shown = index;
    showOnly(stage, pages[index]);
    const counter = host.querySelector(".page-counter");
    if (counter) {
      counter.textContent = pages.length > 1
        ? texts.page.replace("{page}", index + 1).replace("{pages}", pages.length) : "";
    }
    drawCharts(stage);
  }

  // --- charts -------------------------------------------------------------------------------

  // Every font and marker size of the figure, scaled from the size charts.py chose for a 1080 px
  // high screen to this screen's unit, so chart text is as large as the text around it.
  function scaled(value, factor) {
    if (Array.isArray(value)) return value.map((v) => scaled(v, factor));
    if (value && typeof value === "object") {
      const out = {};
      for (const [key, v] of Object.entries(value)) {
        out[key] = (key === "size" || key === "minsize") && typeof v === "number" ? v * factor : scaled(v, factor);
      }
      return out;
    }
    return value;
  }

  function drawCharts(stage) {
    if (!window.Plotly) return;
    const factor = unitSize() / CHART_FONT;
    for (const box of $$(".chart", stage)) {
      if (box.closest(".off") || !box.clientWidth || !box.clientHeight) continue;
      const figure = JSON.parse(box.dataset.figure);
      const layout = scaled(figure.layout, factor);
      Object.assign(layout, { width: box.clientWidth, height: box.clientHeight, autosize: false });
      // a bar's number that would need smaller type than the rest is left out, not shrunk
      if (layout.uniformtext) layout.uniformtext.minsize = layout.font.size;
      window.Plotly.react(box, scaled(figure.data, factor), layout, { staticPlot: true, displayModeBar: false });
    }
  }

  // --- timer --------------------------------------------------------------------------------

  // The server sent the milliseconds left when it answered; counted from the moment the request
  // went out, the countdown reaches zero at the latest when the server's clock does.
  function tick() {
    for (const box of $$(".timer[data-left-ms]")) {
      const end = requestStart + Number(box.dataset.leftMs);
      const left = Math.max(0, Math.ceil((end - performance.now()) / 1000));
      const text = String(Math.floor(left / 60)).padStart(2, "0") + ":" + String(left % 60).padStart(2, "0");
      const time = box.querySelector(".timer-time");
      if (time.textContent !== text) time.textContent = text;
      if (left === 0 && !box.classList.contains("over")) {
        box.classList.add("over");
        box.querySelector(".timer-note").textContent = box.dataset.locks ? texts.time_up_locked : texts.time_up;
      }
    }
  }

  // --- following the workshop ---------------------------------------------------------------

  async function poll() {
    const started = performance.now();
    try {
      const response = await fetch(`${body.dataset.poll}&seen=${encodeURIComponent(version)}`, { cache: "no-store" });
      offline.hidden = response.ok;
      if (response.status !== 200) return;
      const html = await response.text();
      version = response.headers.get("x-stage-version") || version;
      requestStart = started;
      host.innerHTML = html;
      paginate();
      tick();
    } catch (error) {
      offline.hidden = false;
    }
  }

  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(paginate, 150);
  });
  paginate();
  tick();
  window.addEventListener("load", () => { shown = -1; turn(); }); // plotly arrives with the page's other scripts
  setInterval(tick, TICK_MS);
  setInterval(turn, 1000);
  (async function follow() {
    await poll();
    setTimeout(follow, Number(body.dataset.pollSeconds) * 1000);
  })();
})();
