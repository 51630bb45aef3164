// Filters a directory in place (Rusplan). Without this script the same form is answered by the
// server, and on a static host the full list shows. The rules match the server's (Facets.java):
// an entry is shown when, for every chosen filter, its data-<filter> values ("a|b|c") include
// the chosen value. Counts per option ignore that option's own filter (drill sideways).
// A page with a fixed filter (help for relatives) holds only the entries it keeps: its fixed
// values are hidden inputs, not choices; the link to the whole directory carries them and the
// current choices, and a shared link asking for other fixed values goes to the whole directory.
(function () {
  "use strict";
  const form = document.querySelector("form[data-filter-form]");
  const list = document.querySelector("[data-filter-list]");
  if (!form || !list) {
    return;
  }
  const wider = form.dataset.wider;
  const fixed = Array.from(form.querySelectorAll("input[type=hidden]"));
  const widerLink = document.querySelector("[data-filter-wider]");
  const params = new URLSearchParams(location.search);
  if (wider && fixed.some((input) => params.has(input.name) && params.get(input.name) !== "" && params.get(input.name) !== input.value)) {
    location.replace(wider + location.search);
    return;
  }
  const status = document.querySelector("[data-filter-status]");
  const none = document.querySelector("[data-filter-none]");
  const selects = Array.from(form.querySelectorAll("select"));
  const entries = Array.from(list.children);
  const valuesOf = (entry, name) => (entry.dataset[name] || "").split("|");
  const matches = (entry, chosen, except) =>
    Object.entries(chosen).every(([name, value]) => name === except || !value || valuesOf(entry, name).includes(value));

  function chosen() {
    const selection = {};
    selects.forEach((select) => { selection[select.name] = select.value; });
    return selection;
  }

  function apply(updateUrl) {
    const selection = chosen();
    let shown = 0;
    entries.forEach((entry) => {
      const show = matches(entry, selection);
      entry.hidden = !show;
      if (show) {
        shown++;
      }
    });
    selects.forEach((select) => {
      const base = entries.filter((entry) => matches(entry, selection, select.name));
      Array.from(select.options).forEach((option) => {
        if (option.value) {
          const count = base.filter((entry) => valuesOf(entry, select.name).includes(option.value)).length;
          option.textContent = option.dataset.label + " (" + count + ")";
        }
      });
    });
    if (status) {
      status.textContent = status.dataset.template.replace("{0}", shown).replace("{1}", entries.length);
    }
    if (none) {
      none.hidden = shown > 0;
    }
    const chosenParams = new URLSearchParams();
    Object.entries(selection).forEach(([name, value]) => { if (value) { chosenParams.set(name, value); } });
    if (widerLink) {
      const all = new URLSearchParams();
      fixed.forEach((input) => all.set(input.name, input.value));
      chosenParams.forEach((value, name) => all.set(name, value));
      widerLink.href = wider + "?" + all.toString();
    }
    if (updateUrl) {
      const query = chosenParams.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }
  }

  // A shared link such as /hjelp/?kommune=grong works on any static host too.
  selects.forEach((select) => {
    const value = params.get(select.name);
    if (value !== null && Array.from(select.options).some((o) => o.value === value)) {
      select.value = value;
    }
  });
  apply(false);
  selects.forEach((select) => select.addEventListener("change", () => apply(true)));
  form.addEventListener("submit", (event) => { event.preventDefault(); apply(true); });
  const reset = form.querySelector("a[href='" + location.pathname + "']");
  if (reset) {
    reset.addEventListener("click", (event) => {
      event.preventDefault();
      selects.forEach((select) => { select.value = ""; });
      apply(true);
    });
  }
})();
