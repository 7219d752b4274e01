// The sandbox page: who is in the demo, what the chosen person sees (polled every second), and acting as them.
// Everything goes through /sandbox/api, which acts on the local platforms exactly as Slack's and Discord's own
// clients would.
"use strict";

const state = { people: [], languages: {}, person: null, busy: false, token: null };

// The languages Rapport ships. The page's own words stay English; what Rapport and the adapters write to the chosen
// person follows the language chosen here, as if they had run /rapport language.
const LANGUAGES = { en: "English", fr: "Français", es: "Español" };
const $ = (id) => document.getElementById(id);

// Every change carries this run's token, which the sandbox gives its own page only (with the state).
async function api(path, body) {
  if (body !== undefined && !state.token) await refreshState();
  const response = await fetch("/sandbox/api/" + path, body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Rapport-Sandbox-Token": state.token || "" },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || ("HTTP " + response.status));
  return data;
}

function toast(text) {
  const t = $("toast");
  t.textContent = text;
  t.classList.add("shown");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.remove("shown"), 3500);
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// Slack's mrkdwn and Discord's Markdown, as far as Rapport uses them: code blocks, code, bold, italics, line breaks.
function markdown(text) {
  let html = escapeHtml(text || "");
  html = html.replace(/```([\s\S]*?)```/g, (m, code) => "<pre>" + code.replace(/^\n/, "") + "</pre>");
  html = html.replace(/`([^`\n]+)`/g, "<code>$1</code>");
  html = html.replace(/\*\*([^*\n]+)\*\*/g, "<b>$1</b>").replace(/\*([^*\n]+)\*/g, "<b>$1</b>");
  html = html.replace(/(^|\s)_([^_\n]+)_(?=\s|$)/g, "$1<i>$2</i>");
  return html.split(/(<pre>[\s\S]*?<\/pre>)/).map((part) => part.startsWith("<pre>") ? part : part.replace(/\n/g, "<br>")).join("");
}

function renderPeople() {
  const nav = $("people");
  nav.innerHTML = "";
  const groups = {};
  for (const p of state.people) (groups[p.platform + " · " + p.workspace] ||= []).push(p);
  for (const [group, people] of Object.entries(groups)) {
    const h = document.createElement("h2");
    h.textContent = group.startsWith("slack") ? "Slack · Northfield Medical School" : "Discord · Rapport Demo Server";
    nav.appendChild(h);
    for (const p of people) {
      const b = document.createElement("button");
      b.dataset.person = p.userId;
      b.innerHTML = "<span>" + escapeHtml(p.name) + "</span><span class='role'>" + escapeHtml(p.role) + "</span>";
      if (state.person && state.person.userId === p.userId) b.classList.add("selected");
      b.onclick = () => choose(p);
      nav.appendChild(b);
    }
  }
}

const CHIPS = {
  coordinator: ["health", "at-risk", "pair #1", "export", "help"],
  mentor: ["me", "meeting", "help"],
  mentee: ["me", "meeting", "timezone", "help"],
};

function languageControl(person) {
  const label = document.createElement("label");
  label.className = "language";
  label.textContent = "Reads Rapport in ";
  const select = document.createElement("select");
  select.id = "language";
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const option = document.createElement("option");
    option.value = code;
    option.textContent = name;
    select.appendChild(option);
  }
  select.value = state.languages[person.userId] || "en";
  select.onchange = () => setLanguage(person, select.value);
  label.appendChild(select);
  return label;
}

async function setLanguage(person, code) {
  try {
    const r = await api("language", { platform: person.platform, user: person.userId, language: code });
    state.languages[person.userId] = r.language;
    toast(person.name + " now reads Rapport in " + LANGUAGES[r.language] + ": their next messages and replies come in it.");
  } catch (e) { toast(e.message); }
}

function choose(person) {
  state.person = person;
  $("who").innerHTML = "<h2>" + escapeHtml(person.name) + "</h2><p>" + escapeHtml(person.role) +
    " · what they see in their direct messages with Rapport (" + escapeHtml(person.platform) + ")</p>";
  $("who").appendChild(languageControl(person));
  const chips = $("chips");
  chips.innerHTML = "";
  for (const c of CHIPS[person.role] || ["help"]) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = "/rapport " + c;
    b.onclick = () => run(c);
    chips.appendChild(b);
  }
  renderPeople();
  refreshScreen();
}

function part(p, item) {
  if (p.markdown !== undefined) {
    const el = document.createElement("p");
    if (p.small) el.className = "small";
    el.innerHTML = markdown(p.markdown);
    return el;
  }
  if (p.buttons) {
    const row = document.createElement("div");
    row.className = "buttons";
    for (const b of p.buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = b.label;
      button.dataset.action = b.action;
      if (b.primary) button.className = "primary";
      button.onclick = () => act("click", { item: item.id, action: b.action });
      row.appendChild(button);
    }
    return row;
  }
  if (p.options) {
    // A select menu named by its statement, as Discord shows it; choosing an option answers at once.
    const select = document.createElement("select");
    select.className = "menu";
    select.dataset.menu = p.menu;
    const placeholder = document.createElement("option");
    placeholder.textContent = p.placeholder || "";
    placeholder.disabled = true;
    placeholder.selected = true;
    select.appendChild(placeholder);
    for (const o of p.options) {
      const option = document.createElement("option");
      option.textContent = o.label;
      option.value = o.value;
      select.appendChild(option);
    }
    select.onchange = () => act("select", { item: item.id, menu: p.menu, action: select.value });
    return select;
  }
  if (p.type) {
    const wrap = document.createElement("div");
    const id = "field-" + item.id + "-" + p.key;
    if (p.type === "checkbox") {
      wrap.innerHTML = "<label><input type='checkbox' id='" + id + "' data-key='" + escapeHtml(p.key) + "'> " + escapeHtml(p.label) + "</label>";
    } else {
      const input = p.type === "textarea" ? "<textarea" : "<input type='text'";
      wrap.innerHTML = "<label for='" + id + "'>" + escapeHtml(p.label) + (p.required ? "" : " <span class='role'>(optional)</span>") + "</label>" +
        input + " id='" + id + "' data-key='" + escapeHtml(p.key) + "'>" + (p.type === "textarea" ? "</textarea>" : "");
    }
    if (p.error) wrap.insertAdjacentHTML("beforeend", "<div class='error'>" + escapeHtml(p.error) + "</div>");
    return wrap;
  }
  if (p.label !== undefined && p.name === undefined) {
    const row = document.createElement("div");
    row.className = "buttons";
    const submit = document.createElement("button");
    submit.type = "button";
    submit.className = "primary";
    submit.textContent = p.label;
    submit.dataset.submit = item.id;
    submit.onclick = () => {
      const values = {};
      document.querySelectorAll("[data-key]").forEach((f) => {
        if (f.id.startsWith("field-" + item.id + "-")) values[f.dataset.key] = f.type === "checkbox" ? String(f.checked) : f.value;
      });
      act("submit", { item: item.id, values });
    };
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.textContent = p.cancel || "Cancel";
    cancel.onclick = () => act("close", { item: item.id });
    row.append(submit, cancel);
    return row;
  }
  if (p.src) {
    const img = document.createElement("img");
    img.className = "chart";
    img.src = p.src;
    img.alt = p.name;
    return img;
  }
  if (p.href) {
    const a = document.createElement("a");
    a.href = p.href;
    a.textContent = "⬇ " + p.name;
    return a;
  }
  return document.createTextNode("");
}

let lastScreen = "";
async function refreshScreen() {
  if (!state.person) return;
  const person = state.person;
  let items;
  try {
    items = await api("screen?platform=" + person.platform + "&user=" + encodeURIComponent(person.userId));
  } catch (e) { return; }
  if (state.person !== person) return;
  const key = JSON.stringify(items);
  if (key === lastScreen && $("screen").childElementCount) return;
  // Keep what someone is typing into an open form while the screen refreshes.
  if (document.activeElement && document.activeElement.dataset && document.activeElement.dataset.key) return;
  lastScreen = key;
  const screen = $("screen");
  screen.innerHTML = items.length ? "" : "<p class='hint'>Nothing yet. Rapport writes when there is something to say.</p>";
  for (const item of items) {
    const card = document.createElement("div");
    card.className = "item " + item.kind;
    card.dataset.item = item.id;
    const tag = { message: "Rapport", note: "Only you can see this", form: item.title || "Form", file: "File" }[item.kind];
    card.innerHTML = "<div class='tag'>" + escapeHtml(tag) + (item.edited ? " · updated" : "") + "</div>";
    for (const p of item.parts) card.appendChild(part(p, item));
    screen.appendChild(card);
  }
  screen.scrollTop = screen.scrollHeight;
}

async function act(kind, body) {
  if (!state.person || state.busy) return;
  state.busy = true;
  try {
    await api(kind, Object.assign({ platform: state.person.platform, user: state.person.userId }, body));
  } catch (e) { toast(e.message); }
  finally { state.busy = false; }
  setTimeout(refreshScreen, 300);
}

async function run(text) {
  if (!state.person) { toast("Choose someone first."); return; }
  $("command").value = "";
  toast("/rapport " + text);
  await act("command", { text });
}

async function advance(how) {
  try {
    const r = await api("clock", { advance: how });
    toast("The clock is now " + new Date(r.now).toLocaleString());
  } catch (e) { toast(e.message); }
  refreshState();
  setTimeout(refreshScreen, 300);
}

async function refreshState() {
  try {
    const s = await api("state");
    state.token = s.token;
    state.languages = s.languages || {};
    const select = $("language");
    if (select && state.person && document.activeElement !== select) select.value = state.languages[state.person.userId] || "en";
    $("now").textContent = new Date(s.now).toLocaleString([], { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    if (s.status !== "ready") $("now").textContent += " (" + s.status + ")";
    if (JSON.stringify(s.people) !== JSON.stringify(state.people)) {
      state.people = s.people;
      renderPeople();
    }
  } catch (e) { $("now").textContent = "(Rapport is not answering)"; }
}

$("command-bar").addEventListener("submit", (e) => { e.preventDefault(); run($("command").value.trim() || "help"); });
$("next-check-in").onclick = () => advance("next-check-in");
document.querySelectorAll("[data-advance]").forEach((b) => b.onclick = () => advance(b.dataset.advance));
refreshState();
setInterval(refreshState, 5000);
setInterval(refreshScreen, 1000);
