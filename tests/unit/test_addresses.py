"""The QR code payloads: the join link, and the standard ``WIFI:`` text a phone camera joins."""

from __future__ import annotations

import pytest

from werkstatt.addresses import join_link, wifi_payload


def test_the_join_link_carries_code_group_and_tablet():
    assert join_link("https://w.example.org/", "ABC234") == "https://w.example.org/teilnehmen?code=ABC234"
    assert join_link("http://10.0.0.2:8501", "ABC234", 7, tablet=True) == \
        "http://10.0.0.2:8501/teilnehmen?code=ABC234&g=7&tablet=1"


@pytest.mark.parametrize("ssid, password, payload", [
    ("Werkstatt", "geheim123", "WIFI:T:WPA;S:Werkstatt;P:geheim123;;"),
    ("Offenes Netz", "", "WIFI:T:nopass;S:Offenes Netz;;"),
    # every character the format reserves gets a backslash, in the name and in the password
    ("Rathaus; Gast, 2", 'a"b:c\\d', 'WIFI:T:WPA;S:Rathaus\\; Gast\\, 2;P:a\\"b\\:c\\\\d;;'),
    ("Café Ümlaut", "pässwört", "WIFI:T:WPA;S:Café Ümlaut;P:pässwört;;"),
])
def test_the_wifi_payload_escapes_what_the_format_reserves(ssid, password, payload):
    assert wifi_payload(ssid, password) == payload


def test_an_escaped_payload_reads_back_as_the_name_and_password():
    """Split as a reader of the format does: at unescaped ``;``, then drop the backslashes."""
    ssid, password = 'Gast;Netz,"A":\\', 'p;w,d"x:y\\'
    payload = wifi_payload(ssid, password)
    fields, current, escaped = {}, "", False
    for char in payload.removeprefix("WIFI:"):
        if escaped:
            current, escaped = current + char, False
        elif char == "\\":
            escaped = True
        elif char == ";":
            if current:
                key, _, value = current.partition(":")
                fields[key] = value
            current = ""
        else:
            current += char
    assert fields == {"T": "WPA", "S": ssid, "P": password}
