"""The projector: a light page of its own, served beside the participants' pages.

It fills whatever screen it is on (1024×768 to 3840×2160), in type sized from the screen's
height, pages through what does not fit, and follows the workshop by asking once a second
whether anything changed (``routes``). What it shows at each step is plain data (``stage``).
"""
