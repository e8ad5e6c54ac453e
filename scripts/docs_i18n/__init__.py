"""Translation tooling for a Sphinx + MyST documentation site.

One package holds every rule: the source hash (:mod:`.hashing`), front-matter
(:mod:`.frontmatter`), page identity and language codes (:mod:`.pages`), gettext
catalogs (:mod:`.catalogs`), translation status (:mod:`.status`) and the Sphinx
extension (:mod:`.sphinx_ext`). The command line (:mod:`.cli`) is a thin layer.
"""

__version__ = "0.1.0"
