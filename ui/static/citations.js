() => {
  // Citations you can follow: a link to "#sitasi-<turn>-<n>" in a chat message shows the side panel of that
  // answer (its section may be hidden behind a later answer's) and brings card n into view, highlighted and
  // focused, so keyboard and screen-reader users land on it too. Gradio would open such a link in a new tab.
  if (window.__ntCitations) return;
  window.__ntCitations = true;
  const HIGHLIGHT = "nt-sorot";
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href*='#sitasi-']") : null;
    if (!link) return;
    const id = decodeURIComponent(link.getAttribute("href").split("#").pop());
    const card = document.getElementById(id);
    if (!card) return;
    event.preventDefault();
    event.stopPropagation();
    const turn = card.closest(".nt-turn");
    if (turn) {
      for (const other of turn.parentElement.querySelectorAll(":scope > .nt-turn")) other.hidden = other !== turn;
    }
    for (const old of document.querySelectorAll("." + HIGHLIGHT)) old.classList.remove(HIGHLIGHT);
    card.classList.add(HIGHLIGHT);
    card.scrollIntoView({ behavior: "smooth", block: "center" });
    card.focus({ preventScroll: true });
  }, true);
}
