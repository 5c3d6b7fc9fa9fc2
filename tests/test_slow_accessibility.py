"""Accessibility of the web app in headless Chromium (slow; run in CI): axe-core's WCAG 2 A and AA rules in the light
and the dark colour scheme, the dark theme following the system, the keyboard alone, and a 390 px wide phone.

The app runs in-process with a fake assistant that answers with a verdict and a citation card (tests/webapp.py), so
no index is needed. axe-core comes from the axe-playwright-python wheel (its axe.min.js), injected into the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tests import test_slow_web_browser
from tests.test_slow_web_browser import ask, open_app, shots_dir
from ui import render

pytestmark = pytest.mark.slow
# The browser tests' module-scoped headless Chromium, a fixture of this module too.
browser = test_slow_web_browser.browser

QUESTION = "Bolehkah PNS menyukai unggahan calon bupati?"
# Tabs that must be there; every tab the page has is checked.
TABS = {"Tanya jawab", "Draf balasan", "Antrean", "Admin"}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}
# Elements whose violation of one rule is gradio's own markup, which no stylesheet can change. Each is matched by
# rule and CSS selector, so the same rule still applies everywhere else and every other rule applies to them:
# - gradio's empty File output is a plain <div class="empty" aria-label="Empty value"> (an aria-label without a
#   role); never inside what the project renders.
GRADIO_OWN = {"aria-prohibited-attr": "div.empty[aria-label]:not(#nt-header *, .nt-disclaimer *, #nt-panel *)"}

# Runs axe in the page and keeps the serious and critical violations, less GRADIO_OWN; it also counts the
# elements of the project's own markup that passed the contrast rule, so a test can tell they were looked at.
AXE_RUN = """async ([options, excused]) => {
  const result = await axe.run(document, options);
  const element = (node) => document.querySelector(node.target[0]);
  const violations = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.filter((n) => !(excused[v.id] && element(n)?.matches(excused[v.id])))
                                .map((n) => ({target: n.target, html: n.html, summary: n.failureSummary}))}))
    .filter((v) => v.nodes.length > 0);
  const ours = (result.passes.find((p) => p.id === 'color-contrast')?.nodes ?? [])
    .map(element).filter((el) => el?.closest('#nt-header, .nt-disclaimer, #nt-panel')).length;
  return {violations, ours};
}"""


@cache
def axe_source() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def settle(page: Any) -> None:
    """Waits until gradio shows no running event: its timers and progress texts fade in and out over the blocks,
    and an output waiting for its update is drawn at 20 % opacity (.pending); axe would measure them faded."""
    page.wait_for_function("""() => ![...document.querySelectorAll(
        '.progress-text, .meta-text, .meta-text-center, .eta-bar, .generating, .pending')]
        .some((el) => el.checkVisibility({opacityProperty: true, visibilityProperty: true}))""", timeout=30_000)
    page.wait_for_timeout(400)  # the last fade-out


def run_axe(page: Any, options: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """Serious and critical violations on the page once gradio has settled, and how many of the project's
    elements passed the contrast rule."""
    settle(page)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    result = page.evaluate(AXE_RUN, [options, GRADIO_OWN])
    return result["violations"], result["ours"]


def described(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"  {n['target']} {n['html'][:160]}\n    {' '.join(n['summary'].split())}"
                     for n in v["nodes"][:6])
    return "\n".join(lines)


def luminance(css_colour: str) -> float:
    """WCAG relative luminance of a computed colour such as 'rgb(30, 41, 59)'."""
    r, g, b = (int(c) / 255 for c in re.findall(r"[\d.]+", css_colour)[:3])

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def show_every_badge(page: Any) -> None:
    """Adds every verdict and status badge, in render.py's own markup, to the answer panel: the fake assistant
    answers with one verdict and one status, and every colour pair must be measured on the real stylesheet."""
    badges = [render.verdict_badge(v) for v in render.VERDICT_CLASS]
    badges += [render.status_badge(s) for s in [*render.STATUS_CLASS, "lain"]]
    page.evaluate("""(html) => { const box = document.createElement('div');
        box.style.cssText = 'display:flex;flex-wrap:wrap;gap:6px'; box.innerHTML = html;
        document.querySelector('#nt-panel .nt-panel').append(box); }""", "".join(badges))


def focused_is(page: Any, selector: str) -> bool:
    return bool(page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector))


def tab_to(page: Any, selector: str, limit: int = 80) -> int:
    """Presses Tab until the first element matching selector has focus; returns the number of presses."""
    for presses in range(limit + 1):
        if focused_is(page, selector):
            return presses
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} not reached with {limit} Tab presses; focus is on "
                         + page.evaluate("() => document.activeElement?.outerHTML.slice(0, 200)"))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.webapp import serve

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GRADIO_ANALYTICS_ENABLED", "False")
        with serve(tmp_path_factory.mktemp("a11y")) as (base, _deps):
            yield base + "/"


def answered_page(browser: Any, app: str, scheme: str, width: int = 1280, height: int = 1000) -> Any:
    """A fresh browser context in the given colour scheme, with one question answered."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": height})
    page = context.new_page()
    open_app(page, app)
    ask(page, QUESTION)
    page.locator("#nt-panel .nt-verdict").wait_for(timeout=30_000)
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_on_the_answered_chat(browser: Any, app: str, scheme: str,
                                                             tmp_path: Path) -> None:
    """axe-core's WCAG 2 A/AA rules find no serious or critical violation on the chat page after an answer (the
    verdict badge, a note and a citation card with its whole Pasal opened, plus every other badge colour), with
    the project's header, disclaimer and panel among the elements checked for contrast."""
    page = answered_page(browser, app, scheme)
    page.locator("#nt-panel .nt-card summary").first.click()
    show_every_badge(page)
    page.screenshot(path=str(shots_dir(tmp_path) / f"aksesibilitas-{scheme}.png"), full_page=True)
    violations, ours = run_axe(page, WCAG_AA)
    assert not violations, described(violations)
    assert ours >= 10, f"only {ours} of the project's elements were checked for contrast"
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_tab_passes_contrast_and_wcag_rules(browser: Any, app: str, scheme: str) -> None:
    """Every tab panel (Tanya jawab, Draf balasan, Antrean, Admin after logging in, and any other) has no serious
    or critical WCAG 2 A/AA violation, colour contrast included, in both colour schemes."""
    from tests.webapp import ADMIN

    page = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 1000}).new_page()
    open_app(page, app)
    tabs = [name.strip() for name in page.get_by_role("tab").all_inner_texts()]
    assert TABS <= set(tabs), tabs
    for tab in tabs:
        page.get_by_role("tab", name=tab).click()
        if tab == "Admin":  # the admin tools show only after the login
            page.get_by_label("Kata sandi admin").fill(ADMIN)
            page.get_by_role("button", name="Masuk").click()
            page.get_by_text("Masuk sebagai admin.").wait_for(timeout=20_000)
        page.wait_for_timeout(500)
        violations, _ = run_axe(page, WCAG_AA)  # colour contrast is one of the wcag2aa rules
        assert not violations, f"tab {tab}:\n" + described(violations)
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_scheme_follows_the_system(browser: Any, app: str, scheme: str) -> None:
    """The page follows the system's colour scheme: in dark, the page, the citation card and the verdict badge
    have dark backgrounds (and light ones in light), and their text keeps at least 4.5:1 against them."""
    page = answered_page(browser, app, scheme)
    styles = page.evaluate("""() => Object.fromEntries(
        [['page', 'body'], ['card', '#nt-panel .nt-card'], ['label', '#nt-panel .nt-label'],
         ['quote', '#nt-panel .nt-quote'], ['verdict', '#nt-panel .nt-verdict'], ['status', '#nt-panel .nt-status'],
         ['header', '#nt-header h1']].map(([name, s]) => {
            const st = getComputedStyle(document.querySelector(s));
            return [name, {bg: st.backgroundColor, fg: st.color}]; }))""")
    assert page.evaluate("() => document.body.classList.contains('dark')") == (scheme == "dark")
    dark = scheme == "dark"
    for part in ("page", "card", "quote", "verdict", "status"):
        lum = luminance(styles[part]["bg"])
        assert (lum < 0.1) if dark else (lum > 0.6), f"{scheme}: {part} background {styles[part]['bg']}"
    pairs = {"label": styles["card"]["bg"], "quote": styles["quote"]["bg"], "verdict": styles["verdict"]["bg"],
             "status": styles["status"]["bg"], "header": styles["page"]["bg"]}
    for part, bg in pairs.items():
        assert contrast(styles[part]["fg"], bg) >= 4.5, f"{scheme}: {part} text {styles[part]['fg']} on {bg}"
    page.context.close()


def test_keyboard_alone_asks_and_opens_a_citation(browser: Any, app: str) -> None:
    """With the keyboard alone: Tab reaches the question box (also back with Shift+Tab, Tab), typing and Enter send
    the question, Tab reaches the first citation card's "Buka … selengkapnya" and Enter opens the whole Pasal; the
    focused summary shows a focus ring of at least 2 px with 3:1 against the card."""
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    open_app(page, app)
    box = "#nt-question textarea"
    tab_to(page, box)
    page.keyboard.press("Shift+Tab")
    assert not focused_is(page, box)
    page.keyboard.press("Tab")
    assert focused_is(page, box), "Shift+Tab then Tab does not come back to the question box"
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    page.locator("#nt-panel .nt-card").first.wait_for(timeout=30_000)
    assert QUESTION in page.locator("#nt-chat").inner_text()
    summary = "#nt-panel .nt-card summary"
    tab_to(page, summary)
    page.keyboard.press("Enter")
    assert page.evaluate("(s) => document.querySelector(s).parentElement.open", summary), "Enter did not open it"
    assert page.locator("#nt-panel .nt-card .nt-body").first.is_visible()
    ring = page.evaluate("""(s) => { const el = document.querySelector(s), st = getComputedStyle(el);
        return {style: st.outlineStyle, width: parseFloat(st.outlineWidth), colour: st.outlineColor,
                shadow: st.boxShadow, card: getComputedStyle(el.closest('.nt-card')).backgroundColor}; }""", summary)
    assert focused_is(page, summary)
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert contrast(ring["colour"], ring["card"]) >= 3, ring
    page.context.close()


def test_phone_width_has_no_sideways_scrolling(browser: Any, app: str, tmp_path: Path) -> None:
    """At 390×844 the answered page does not scroll sideways, the question box and the citation card fit the
    screen, and the card's reading text is at least 14 px (its small print at least 12 px)."""
    page = answered_page(browser, app, "light", width=390, height=844)
    page.locator("#nt-panel .nt-card summary").first.click()
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots_dir(tmp_path) / "aksesibilitas-ponsel-390.png"), full_page=True)
    width = page.evaluate("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
    assert width <= 390, f"the page is {width} px wide"
    for selector in ("#nt-question textarea", "#nt-panel .nt-card"):
        element = page.locator(selector).first
        element.scroll_into_view_if_needed()
        assert element.is_visible(), selector
        box = element.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, (selector, box)
    sizes = page.evaluate("""() => [...document.querySelectorAll('#nt-panel .nt-card *')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .map((el) => [el.className || el.tagName, parseFloat(getComputedStyle(el).fontSize)])""")
    assert sizes, "no text found in the card"
    small = [(name, size) for name, size in sizes if size < 12]
    assert not small, small
    reading = {"nt-label", "nt-quote", "P", "SUMMARY"}
    assert {name for name, _ in sizes} >= {"nt-label", "nt-quote", "SUMMARY"}, sizes
    short = [(name, size) for name, size in sizes if name in reading and size < 14]
    assert not short, short
    page.context.close()
