"""The allow-list of the build guarantee: the English tree with other text (``sphinx_ext/tree_shape.py``)."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

from docs_i18n.sphinx_ext import tree_shape


def para(*children: nodes.Node) -> list[nodes.Node]:
    return list(children)


def link(url: str, text: str = "docs") -> nodes.reference:
    return nodes.reference("", text, refuri=url)


def code(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def test_other_text_and_another_order_are_the_same_tree() -> None:
    english = para(nodes.Text("Use "), code("KEY"), nodes.Text(" with "), link("https://a.example"))
    translated = para(link("https://a.example", "문서"), nodes.Text("와 함께 "), code("KEY"), nodes.Text("를 쓰세요"))
    assert tree_shape.differences(english, translated, None) == []


def test_a_changed_destination_code_or_attribute_is_named() -> None:
    english = para(code("KEY"), link("https://a.example"))
    assert tree_shape.differences(english, para(code("KEY"), link("https://evil.example")), None) == [
        "changes reference: refuri 'https://a.example' -> 'https://evil.example'"
    ]
    assert tree_shape.differences(english, para(code("EVIL"), link("https://a.example")), None) == [
        "changes literal: text 'KEY' -> 'EVIL'"
    ]
    with_id = nodes.inline("", "x", ids=["searchbox"])
    assert tree_shape.differences(english, [*english, with_id], None) == ["adds inline ids=('searchbox',)"]


def test_plain_emphasis_may_be_dropped_or_added_but_not_one_with_attributes() -> None:
    english = para(nodes.strong("", "", link("https://a.example")), nodes.Text(" is the gateway"))
    assert tree_shape.differences(english, para(link("https://a.example"), nodes.Text("는 게이트웨이")), None) == []
    assert tree_shape.differences(para(nodes.Text("a")), para(nodes.emphasis("", "a")), None) == []
    classed = nodes.emphasis("", "a", classes=["evil"])
    assert tree_shape.differences(para(nodes.Text("a")), para(classed), None) == ["adds emphasis classes=('evil',)"]


def test_text_attributes_may_differ() -> None:
    english = para(nodes.image(uri="gateway.png", alt="A diagram"))
    assert tree_shape.differences(english, para(nodes.image(uri="gateway.png", alt="구성도")), None) == []
    assert tree_shape.differences(english, para(nodes.image(uri="../../conf.py", alt="구성도")), None)


def test_a_cross_reference_target_is_compared() -> None:
    def xref(target: str) -> addnodes.pending_xref:
        return addnodes.pending_xref("", nodes.inline("", target), reftype="doc", refdomain="std", reftarget=target)

    found = tree_shape.differences(para(xref("concepts/model-providers")), para(xref("index")), None)
    assert found == ["changes pending_xref: reftarget 'concepts/model-providers' -> 'index'"]


def test_the_maintainers_exemption_allows_exactly_its_values() -> None:
    english = para(link("https://docs.litellm.ai"))
    allowed = tree_shape.widen(tree_shape.Allowed(links=frozenset({"https://docs.litellm.ai/ko/"})), english)
    assert tree_shape.differences(english, para(link("https://docs.litellm.ai/ko/")), allowed) == []
    assert tree_shape.differences(english, para(link("https://evil.example")), allowed)
