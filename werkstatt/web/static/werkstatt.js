/* Werkstatt's participant pages, made instant. Every page works without this script: it only
   - follows the live step: one EventSource per device; when the version of what the device
     shows moves on, it fetches its screen and swaps in the parts that changed;
   - sends forms in the background, one at a time and in order, and shows what is stored
     (the server answers a stored form with the screen it redirects to);
   - keeps unsent text (a card, an edit) in localStorage until the server has stored it, so
     a reload, a lock or a dropped Wi-Fi loses nothing;
   - keeps taps made while offline and sends them when the connection returns, saying so;
   - counts a running timer down between two screens, from the milliseconds the server sent,
     counted from the moment the screen was asked for: it reaches zero when the server locks,
     never after. */
"use strict";
document.documentElement.classList.add("js");

(() => {
  const RETRY_MS = [1000, 2000, 4000, 8000];
  const serverHtml = new Map();   // region key -> the HTML the server last sent for it
  let main = null;
  let queue = [];                 // forms waiting to be sent, oldest first
  let sending = false;
  let offline = false;
  let refreshing = null;
  // when the request for the screen shown now went out (the timer counts from there)
  let askedAt = (performance.getEntriesByType("navigation")[0] || {}).requestStart || 0;
  let refreshAgain = false;

  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const token = () => main.dataset.token;
  const storageKey = (kind, name) => `werkstatt:${kind}:${token()}:${name}`;
  const store = {
    get(key) { try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; } },
    set(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full or private */ } },
    remove(key) { try { localStorage.removeItem(key); } catch (e) { /* ignore */ } },
  };

  /* --- the connection notice --------------------------------------------------------- */
  function notice(kind) {
    const box = $("#ws-connection");
    if (!box) return;
    box.classList.toggle("ws-ok", kind === "online");
    box.textContent = kind ? document.body.dataset[kind] : "";
    if (kind === "online") setTimeout(() => { if (box.classList.contains("ws-ok")) notice(""); }, 4000);
  }

  /* --- swapping in a new screen ------------------------------------------------------- */
  const regionOf = (element) => element.dataset.region || "";

  function remember(root) {
    serverHtml.clear();
    for (const child of root.children) if (regionOf(child)) serverHtml.set(regionOf(child), child.outerHTML);
  }

  function morph(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const fresh = doc.getElementById("main");
    if (!fresh) { location.reload(); return; }
    const stepChanged = fresh.dataset.step !== main.dataset.step;
    const focusedId = document.activeElement && document.activeElement.id;
    for (const name of ["step", "version", "open", "token", "events"]) {
      if (fresh.dataset[name] === undefined) delete main.dataset[name]; else main.dataset[name] = fresh.dataset[name];
    }
    const oldKids = Array.from(main.children);
    const newKids = Array.from(fresh.children);
    const sameShape = oldKids.length === newKids.length &&
      newKids.every((kid, i) => regionOf(kid) && regionOf(kid) === regionOf(oldKids[i]));
    if (!sameShape) {
      main.replaceChildren(...newKids.map((kid) => document.importNode(kid, true)));
    } else {
      newKids.forEach((kid, i) => {
        if (serverHtml.get(regionOf(kid)) !== kid.outerHTML) oldKids[i].replaceWith(document.importNode(kid, true));
      });
    }
    remember(fresh);
    document.title = doc.title;
    enhance();
    if (stepChanged) {
      window.scrollTo(0, 0);
      const title = $("#step-title");
      if (title) title.focus({ preventScroll: true });
    } else if (focusedId && document.getElementById(focusedId) && document.activeElement !== document.getElementById(focusedId)) {
      document.getElementById(focusedId).focus({ preventScroll: true });
    }
  }

  function pageUrl() {
    const url = new URL(location.href);
    url.searchParams.delete("done");
    url.hash = "";
    return url.toString();
  }

  async function refresh() {
    if (refreshing) { refreshAgain = true; return refreshing; }
    refreshing = (async () => {
      try {
        const asked = performance.now();
        const response = await fetch(pageUrl(), { credentials: "same-origin", cache: "no-store" });
        const html = await response.text();
        askedAt = asked;
        morph(html);
      } catch (e) {
        /* the event stream reconnects by itself and asks again */
      } finally {
        refreshing = null;
        if (refreshAgain) { refreshAgain = false; refresh(); }
      }
    })();
    return refreshing;
  }

  /* --- live: one event stream per device ------------------------------------------------ */
  let events = null;
  function follow() {
    if (events || !main.dataset.events || !window.EventSource) return;
    events = new EventSource(main.dataset.events);
    events.onmessage = (event) => {
      let version;
      try { version = JSON.parse(event.data).v; } catch (e) { return; }
      if (String(version) !== main.dataset.version) refresh();
    };
  }

  /* --- drafts: text typed but not stored yet ------------------------------------------- */
  function saveDraft(form) {
    const values = {};
    for (const [name, value] of new FormData(form)) if (name !== "seen") values[name] = value;
    store.set(storageKey("draft", form.dataset.draft), values);
  }

  function restoreDraft(form) {
    const draft = store.get(storageKey("draft", form.dataset.draft));
    if (!draft) return;
    const text = form.elements.namedItem("text");
    if (text && draft.text !== undefined && draft.text !== text.value) {
      text.value = draft.text;
      const details = form.closest("details");
      if (details) details.open = true;
    }
    for (const [name, value] of Object.entries(draft)) {
      if (name === "text") continue;
      const control = form.elements.namedItem(name);
      if (!control) continue;
      if (control instanceof RadioNodeList || control.type === "radio") {
        for (const radio of form.querySelectorAll(`input[type=radio][name="${name}"]`)) radio.checked = radio.value === value;
      } else if (control.tagName === "SELECT" && Array.from(control.options).some((o) => o.value === value)) {
        control.value = value;
      }
    }
  }

  function count(textarea) {
    let out = textarea.parentElement.querySelector(".ws-count");
    if (!out) {
      out = document.createElement("div");
      out.className = "ws-count";
      out.id = `${textarea.id}-count`;
      textarea.after(out);
      textarea.setAttribute("aria-describedby", [textarea.getAttribute("aria-describedby"), out.id].filter(Boolean).join(" "));
    }
    const max = Number((textarea.dataset.count.match(/\d+/) || [500])[0]);
    const n = Array.from(textarea.value.trim()).length;
    out.textContent = textarea.dataset.count.replace("{n}", n);
    out.classList.toggle("ws-over", n > max);
  }

  /* --- sending forms, one at a time ----------------------------------------------------- */
  function pendingKey(form) { return form.dataset.key || form.action; }

  function regionAround(element) {
    // the top-level part of <main> the element sits in (what morph() swaps as a whole)
    let part = element;
    while (part && part.parentElement !== main) part = part.parentElement;
    return part ? regionOf(part) : "";
  }

  function enqueue(form, submitter) {
    const body = new URLSearchParams(new FormData(form, submitter));
    const item = { key: pendingKey(form), action: form.action, body: body.toString(), draft: form.dataset.draft || "",
                   region: regionAround(form) };
    // a newer tap on the same level or card replaces one not sent yet: only the last choice counts
    queue = queue.filter((waiting, i) => i === 0 && sending ? true : waiting.key !== item.key);
    queue.push(item);
    store.set(storageKey("queue", "all"), queue);
    const status = form.querySelector(".ws-saved, .ws-error, .ws-sending");
    const note = document.createElement("p");
    note.className = "ws-sending";
    note.setAttribute("role", "status");
    note.textContent = document.body.dataset.sending;
    if (status) status.replaceWith(note); else form.append(note);
    send();
  }

  function freshBody(item) {
    // a dot tap says what the screen showed; a screen swapped in since then shows it better
    const body = new URLSearchParams(item.body);
    if (body.has("seen")) {
      const form = $$("form[data-key]", main).find((f) => f.dataset.key === item.key);
      if (form && form.elements.namedItem("seen")) body.set("seen", form.elements.namedItem("seen").value);
    }
    return body.toString();
  }

  async function send() {
    if (sending || !queue.length) return;
    sending = true;
    const item = queue[0];
    let response = null;
    const asked = performance.now();
    try {
      response = await fetch(item.action, {
        method: "POST", body: freshBody(item), credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
    } catch (e) {
      response = null;
    }
    if (!response || response.status >= 500 && response.status !== 503) {
      // no answer (offline, server restarting): keep it and try again
      offline = true;
      notice("offline");
      sending = false;
      const attempt = (item.attempt = (item.attempt || 0) + 1);
      setTimeout(send, RETRY_MS[Math.min(attempt, RETRY_MS.length) - 1]);
      return;
    }
    queue.shift();
    store.set(storageKey("queue", "all"), queue);
    if (response.redirected && response.ok && item.draft) store.remove(storageKey("draft", item.draft));
    const html = await response.text();
    askedAt = asked;
    sending = false;
    // The sent form's part is swapped in even when the server's HTML for it did not change: the
    // screen must show what is stored (an emptied box, the reason for a refusal again), not what
    // was typed or the "sending" note.
    if (item.region) serverHtml.delete(item.region);
    if (offline && !queue.length) { offline = false; notice("online"); }
    morph(html);
    showPending();
    send();
  }

  function showPending() {
    // taps still waiting keep their choice on the screen (the screen otherwise shows what is stored)
    for (const item of queue) {
      const form = $$("form[data-key]", main).find((f) => f.dataset.key === item.key);
      if (!form || !form.hasAttribute("data-auto")) continue;
      const body = new URLSearchParams(item.body);
      for (const radio of form.querySelectorAll("input[type=radio]")) radio.checked = body.get(radio.name) === radio.value;
    }
  }

  /* --- wiring the screen ---------------------------------------------------------------- */
  function enhance() {
    for (const form of $$("form[method=post]", main)) {
      if (form.dataset.enhanced) continue;
      form.dataset.enhanced = "1";
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        enqueue(form, event.submitter);
      });
      if (form.hasAttribute("data-auto")) {
        form.addEventListener("change", (event) => { if (event.target.type === "radio") enqueue(form); });
      }
      if (form.dataset.draft) {
        restoreDraft(form);
        form.addEventListener("input", () => saveDraft(form));
        form.addEventListener("change", () => saveDraft(form));
      }
    }
    for (const textarea of $$("textarea[data-count]", main)) {
      if (!textarea.dataset.counted) {
        textarea.dataset.counted = "1";
        textarea.addEventListener("input", () => count(textarea));
      }
      count(textarea);
    }
    for (const link of $$("a[data-field]", main)) {
      if (link.dataset.enhanced) continue;
      link.dataset.enhanced = "1";
      link.addEventListener("click", (event) => {
        event.preventDefault();
        history.replaceState(null, "", link.href);
        refresh();
      });
    }
    startTimers();
  }

  let timerTick = null;
  function startTimers() {
    for (const box of $$(".ws-timer[data-left-ms]", main)) {
      if (!box.dataset.end) box.dataset.end = String(askedAt + Number(box.dataset.leftMs));
    }
    if (timerTick) return;
    timerTick = setInterval(() => {
      for (const box of $$(".ws-timer[data-end]", main)) {
        const left = Math.max(0, Math.ceil((Number(box.dataset.end) - performance.now()) / 1000));
        const out = box.querySelector(".ws-timer-time");
        const text = String(Math.floor(left / 60)).padStart(2, "0") + ":" + String(left % 60).padStart(2, "0");
        if (out.textContent !== text) out.textContent = text;
        if (left === 0 && !box.classList.contains("ws-timer-over")) {
          box.classList.add("ws-timer-over");
          box.querySelector(".ws-timer-note").textContent = box.dataset.over;
        }
      }
    }, 250);
  }

  function onceOnly() {
    // the join form (a full page load): a second tap while the first is on its way does nothing
    for (const form of $$("form[data-once]")) {
      form.addEventListener("submit", (event) => {
        if (form.dataset.sent) { event.preventDefault(); return; }
        form.dataset.sent = "1";
      });
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    onceOnly();
    main = document.getElementById("main");
    if (!main || !main.dataset.token) return;
    remember(main);
    queue = store.get(storageKey("queue", "all")) || [];
    enhance();
    showPending();
    follow();
    send();
    window.addEventListener("online", () => send());
  });
})();
