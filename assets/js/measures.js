// Sorts the measure table by any column and filters it by text (Rusplan). Without this script
// the page already shows every measure, and the grouped views below the table.
(function () {
  "use strict";
  const table = document.querySelector("table[data-sortable]");
  if (!table) {
    return;
  }
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const collator = new Intl.Collator(document.documentElement.lang || "nb", { numeric: true, sensitivity: "base" });
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.textContent = th.textContent;
    button.setAttribute("aria-label", table.dataset.sortLabel.replace("{0}", th.textContent));
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const sorted = Array.from(body.rows).sort((a, b) =>
        collator.compare(a.cells[column].textContent.trim(), b.cells[column].textContent.trim()) * (ascending ? 1 : -1));
      sorted.forEach((row) => body.appendChild(row));
    });
  });
  const box = document.querySelector("[data-measure-filter]");
  const input = box && box.querySelector("input");
  const status = box && box.querySelector("[data-measure-status]");
  if (!input) {
    return;
  }
  box.hidden = false;
  const update = () => {
    const words = input.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row) => {
      const text = row.textContent.toLocaleLowerCase();
      row.hidden = !words.every((word) => text.includes(word));
      if (!row.hidden) {
        shown++;
      }
    });
    status.textContent = status.dataset.template.replace("{0}", shown).replace("{1}", rows.length);
  };
  input.addEventListener("input", update);
  update();
})();
