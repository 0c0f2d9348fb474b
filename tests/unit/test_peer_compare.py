"""Where a city stands among its peers (werkstatt.peer_compare), every number worked out by hand
from the counts of made-up files ("Fairer Zugang", levels 1–4)."""

import math

import pytest

from tests.peer_documents import WK, exchange_document
from werkstatt import fieldsets
from werkstatt.peer_compare import (
    MIN_PEERS,
    City,
    Rank,
    agreement,
    field_frame,
    gap_themes,
    matched_fields,
    median_of,
    overview,
    peer_actions,
    rank,
    top_cards,
    unique_names,
)

# answers per level 1, 2, 3, 4 in the field "zugang"; the medians by hand (10 answers: the mean of
# the 5th and 6th answer in order)
OWN = [0, 2, 6, 2]        # 2 2 3 3 3 | 3 3 3 4 4      -> 3
PEERS = {
    "Altstadt": [1, 1, 4, 4],    # 1 2 3 3 3 | 3 4 4 4 4  -> 3
    "Bergheim": [0, 1, 2, 7],    # 2 3 3 4 4 | 4 4 4 4 4  -> 4
    "Cranach": [5, 3, 2, 0],     # 1 1 1 1 1 | 2 2 2 3 3  -> 1.5
    "Dorfen": [2, 5, 2, 1],      # 1 1 2 2 2 | 2 2 3 3 4  -> 2
    "Eschau": [1, 4, 2, 3],      # 1 2 2 2 2 | 3 3 4 4 4  -> 2.5
}


def city(name: str, counts: list[int], **options) -> City:
    return City(name, exchange_document(name, {"zugang": counts}, **options))


@pytest.fixture
def own():
    return city("Musterstadt", OWN)


@pytest.fixture
def peers():
    return [city(name, counts) for name, counts in PEERS.items()]


@pytest.mark.parametrize("counts, median", [
    ({1: 0, 2: 0, 3: 0, 4: 0}, math.nan),
    ({1: 1, 2: 0, 3: 0, 4: 0}, 1.0),
    ({1: 1, 2: 1, 3: 0, 4: 0}, 1.5),
    ({1: 0, 2: 2, 3: 6, 4: 2}, 3.0),
    ({1: 5, 2: 3, 3: 2, 4: 0}, 1.5),
    ({1: 9, 2: 14, 3: 12, 4: 15}, 3.0),
])
def test_the_median_of_a_distribution_is_the_middle_answer(counts, median):
    assert median_of(counts) == pytest.approx(median, nan_ok=True)


def test_our_row_each_peer_and_the_pool_are_the_counts_added_up_by_hand(own, peers):
    frame = field_frame(own, peers, "zugang")
    assert frame["role"].tolist() == ["own"] + ["peer"] * 5 + ["pool"]
    assert frame["name"].tolist() == ["Musterstadt", *PEERS, ""]
    assert frame["median"].tolist() == [3.0, 3.0, 4.0, 1.5, 2.0, 2.5, 3.0]
    pool = frame.iloc[-1]
    # level by level: 1+0+5+2+1, 1+1+3+5+4, 4+2+2+2+2, 4+7+0+1+3
    assert [pool[f"dist_{v}"] for v in (1, 2, 3, 4)] == [9, 14, 12, 15]
    assert pool["n"] == 50
    # 50 answers: the 25th and 26th are both on level 3 (answers 24 to 35)
    assert pool["median"] == 3.0
    assert pool["mean"] == pytest.approx((9 * 1 + 14 * 2 + 12 * 3 + 15 * 4) / 50)  # 2.66
    mu = 2.66
    by_hand = 1 + sum(p * math.log2(1 - abs(x - mu) / 3)
                      for x, p in ((1, 9 / 50), (2, 14 / 50), (3, 12 / 50), (4, 15 / 50)))
    assert pool["consensus"] == pytest.approx(by_hand)
    assert pool["consensus"] == pytest.approx(0.3926, abs=1e-4)


def test_our_rank_shares_places_with_an_equal_median_and_falls_in_the_upper_third(own, peers):
    frame = field_frame(own, peers, "zugang")
    # one city higher (Bergheim 4), one equal (Altstadt 3): places 2–3 of 6; their middle 2.5 is
    # (2.5 − 1) / (6 − 1) = 0.3 of the way down: under a third
    assert rank(frame) == Rank(first=2, last=3, cities=6, third="upper")


@pytest.mark.parametrize("own_counts, expected", [
    # median 4, equal to Bergheim: places 1–2, middle 1.5 → (1.5 − 1) / 5 = 0.1
    ([0, 0, 2, 8], Rank(1, 2, 6, "upper")),
    # median 1: below all five → place 6, share 1
    ([8, 2, 0, 0], Rank(6, 6, 6, "lower")),
    # median 2: Altstadt, Bergheim, Eschau higher, Dorfen equal → places 4–5, middle 4.5 → 0.7
    ([2, 5, 2, 1], Rank(4, 5, 6, "lower")),
    # median 2.5: Altstadt and Bergheim higher, Eschau equal → places 3–4, middle 3.5 → 0.5
    ([1, 4, 2, 3], Rank(3, 4, 6, "middle")),
])
def test_the_third_follows_the_middle_of_the_shared_places(peers, own_counts, expected):
    assert rank(field_frame(city("Musterstadt", own_counts), peers, "zugang")) == expected


def test_no_pool_and_no_rank_under_three_peers_with_answers(own, peers):
    two = peers[:2]
    frame = field_frame(own, two, "zugang")
    assert "pool" not in frame["role"].tolist()
    assert rank(frame) is None
    # a third peer with only 3 answers has "too few" (fewer than 5): it does not count either
    few = city("Fuchsau", [0, 1, 1, 1])
    frame = field_frame(own, two + [few], "zugang")
    assert frame["name"].tolist() == ["Musterstadt", "Altstadt", "Bergheim"]
    assert "pool" not in frame["role"].tolist() and rank(frame) is None
    assert MIN_PEERS == 3
    frame = field_frame(own, peers[:3], "zugang")
    assert frame["role"].tolist()[-1] == "pool" and rank(frame) is not None


def test_with_too_few_answers_of_our_own_there_is_no_rank(peers):
    frame = field_frame(city("Musterstadt", [0, 1, 1, 0]), peers, "zugang")
    assert rank(frame) is None
    assert frame["role"].tolist()[-1] == "pool"  # the peers' pool does not depend on us


def test_files_on_another_fieldset_are_compared_on_the_fields_they_share(own):
    shorter = City("Kurzhausen", exchange_document("Kurzhausen", {"zugang": [1, 1, 4, 4]},
                                                   drop=("kommunikation",), fieldset_id="wk-kurz"))
    assert matched_fields(own, shorter) == tuple(f for f in WK.field_ids if f != "kommunikation")
    other_scale = City("Integra", exchange_document("Integra", {"arbeit": [1, 1, 1, 1, 1]},
                                                    fieldset=fieldsets.load("integrationskonzept")))
    assert matched_fields(own, other_scale) == ()  # shares "arbeit", but on five levels, not four
    frame = field_frame(own, [shorter, other_scale], "zugang")
    assert frame["name"].tolist() == ["Musterstadt", "Kurzhausen"]


def test_the_others_top_gaps_and_ideas_by_dots_and_their_actions(own):
    cards = [{"field_id": "zugang", "kind": "gap", "text": "Lange Wartezeiten", "dots": 4},
             {"field_id": "zugang", "kind": "idea", "text": "Sprechstunde in drei Sprachen", "dots": 9},
             {"field_id": "zugang", "kind": "strength", "text": "Gute Beratung", "dots": 0},
             {"field_id": "arbeit", "kind": "gap", "text": "Anerkennung dauert", "dots": 12}]
    actions = [{"title": "Lotsenprogramm", "field_id": "zugang"},
               {"title": "Alte Idee", "field_id": "zugang", "status": "dropped"},
               {"title": "Jobmesse", "field_id": "arbeit"}]
    peer = City("Altstadt", exchange_document("Altstadt", {}, cards=cards, actions=actions))
    assert [(c.name, card["text"]) for c, card in top_cards([peer], "zugang", own)] == [
        ("Altstadt", "Sprechstunde in drei Sprachen"), ("Altstadt", "Lange Wartezeiten")]
    assert [(c.name, index, a["title"]) for c, index, a in peer_actions([peer], "zugang", own)] == [
        ("Altstadt", 0, "Lotsenprogramm")]


def test_the_programme_overview_spread_agreement_and_gap_themes(own, peers):
    cities = [own, *peers]
    frame = overview(own, cities).set_index("field_id")
    row = frame.loc["zugang"]
    assert row["cities"] == 6
    assert (row["median_low"], row["median_high"], row["spread"]) == (1.5, 4.0, 2.5)
    assert row["median_of_medians"] == 2.75  # 1.5 2 2.5 | 3 3 4
    # all six: the pool above plus our 0 2 6 2
    assert [row[f"dist_{v}"] for v in (1, 2, 3, 4)] == [9, 16, 18, 17]
    assert frame.loc["management", "cities"] == 0 and math.isnan(frame.loc["management", "dist_1"])
    assert agreement(overview(own, cities)) == ([], [])  # one field with three cities: nothing to set apart
    spreads = frame.reset_index().assign(cities=3, spread=[0.5, 2.0, 1.0, 0.0, 1.5, 1.0, 3.0])
    # by spread: kommunikation 3 > oeffnung 2 > engagement 1.5 …; arbeit 0 < management 0.5 < zugang 1 = zusammenhalt 1
    assert agreement(spreads) == (["arbeit", "management", "zugang"], ["kommunikation", "oeffnung", "engagement"])
    assert agreement(spreads.head(3)) == (["management"], ["oeffnung"])
    themed = City("Altstadt", exchange_document("Altstadt", {}, cards=[
        {"field_id": "arbeit", "kind": "gap", "text": "Anerkennung dauert", "dots": 7},
        {"field_id": "zugang", "kind": "idea", "text": "Lotsen", "dots": 3},
        {"field_id": "zugang", "kind": "strength", "text": "Beratung", "dots": 0}]))
    themes = gap_themes(own, [themed, themed])
    assert themes.iloc[0].to_dict() == {"field_id": "arbeit", "cards": 2, "dots": 14, "cities": 2}
    assert themes.iloc[1].to_dict() == {"field_id": "zugang", "cards": 2, "dots": 6, "cities": 2}


def test_two_files_of_one_municipality_are_told_apart_by_their_date():
    assert unique_names(["Altstadt", "Bergheim", "Altstadt"], ["2026-03-14", None, "2026-10-02"]) == [
        "Altstadt (2026-03-14)", "Bergheim", "Altstadt (2026-10-02)"]
