"""The participant client: light web pages for a hall full of phones, beside the Streamlit app.

Every participant screen is a route of the same process that ``streamlit run app.py``
starts (``st.App(..., routes=web.routes())``): HTML rendered on the server from Jinja2
templates, plain forms that work without JavaScript, one small script of ours that makes
them instant, and one Server-Sent-Events connection per device for live changes. The
service (``werkstatt.service.Werkstatt``) stays the only entry to the rules and the data;
nothing here holds SQL or a rule of its own.

URLs (``?lang=`` carries the language on every one of them):

``GET  /teilnehmen``                        the code form (itself a GET form); ``?code=X`` the
                                            join form (sector), ``&g=<group id>[&tablet=1]``
                                            from a group's link; ``?t=<token>`` (old bookmarks)
                                            → ``/p/<token>``
``POST /teilnehmen/beitreten``              ``code, sector, g, tablet, join_key`` → 303 to ``/p/<token>``
``GET  /p/<token>``                         the participant's screen for the live step
                                            (``?field=<id>``: the ballot's field)
``POST /p/<token>/rating``                  ``field, level`` (a scale value or ``dont_know``)
``POST /p/<token>/group``                   ``group``
``POST /p/<token>/cards``                   ``kind, field, text``
``POST /p/<token>/cards/<id>``              ``text``: the author edits a card
``POST /p/<token>/cards/<id>/delete``
``POST /p/<token>/dots``                    ``card, dots, seen`` (what the screen showed), ``field``
``GET  /p/<token>/events``                  Server-Sent Events: ``data: {"v": <version>}`` at once
                                            and whenever what the device shows changed
``/p/assets/…``                             the stylesheet and the script

A POST that is stored answers 303 to the screen that shows what is stored (and says what
was saved, ``?done=…``); a refused one answers 422 with the same screen, its message and
everything typed still in the form. The script sends forms in the background the same
way (``fetch`` follows the 303) and swaps in the parts of the screen that changed.
"""
