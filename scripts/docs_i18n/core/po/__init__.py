"""The gettext ``.po`` reader, by concern: the model (:mod:`.model`), the strict parser
(:mod:`.parse`), the header gettext needs (:mod:`.header`) and the fast paths of ``status``
(:mod:`.fast`). :mod:`docs_i18n.core.pofile` gathers them under one name for the callers.
"""
