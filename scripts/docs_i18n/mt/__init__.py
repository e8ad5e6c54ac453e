"""Machine-translation assist: ``scripts/i18n translate`` through an OpenAI-compatible endpoint.

What to send (:mod:`.plan`), how it is asked (:mod:`.prompt`), the wire with retries
(:mod:`.client`), replies remembered in ``_build/`` (:mod:`.cache`), the build's own
verdict on every reply before it is written (:mod:`.review`), and the catalogs
written atomically (:mod:`.write`); :mod:`.run` ties them together.
"""
