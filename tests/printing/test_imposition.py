"""Cards laid out on sheets, banners cut into sheets, and a deck dealt: the geometry and the
deal, checked without drawing (the PDFs are read back in test_more_formats.py)."""

from __future__ import annotations

import pytest

from xuanchuan.core.errors import SourceError
from xuanchuan.core.settings import load_settings
from xuanchuan.printing.drawing import Overflow
from xuanchuan.printing.formats.cards import DECK_SIZE, SHEET_MARGIN, deal
from xuanchuan.printing.formats.imposition import OVERLAP, TILE_MARGIN, Grid, Slot, fit_grid, tiles

CARD = (63.0, 88.0)


def test_a4_holds_nine_upright_cards_and_a3_eighteen_turned():
    a4 = fit_grid((210, 297), CARD, 3, SHEET_MARGIN)
    assert (a4.columns, a4.rows, a4.turned) == (3, 3, False)
    assert a4.origin == (7.5, 13.5)  # centred: 15 mm left over across, 27 down
    a3 = fit_grid((297, 420), CARD, 3, SHEET_MARGIN)
    # Upright, A3 takes 4 x 4 = 16; a quarter turn fits 3 x 6 = 18, three sheets a deck.
    assert (a3.columns, a3.rows, a3.turned, a3.cell) == (3, 6, True, (88.0, 63.0))
    assert fit_grid((50, 50), CARD, 3, SHEET_MARGIN) is None


def corners(matrix, width, height):
    points = [matrix.transform_point(x, y) for x, y in ((0, 0), (width, 0), (0, height))]
    xs = [round(x, 6) for x, _ in points] + [round(matrix.transform_point(width, height)[0], 6)]
    ys = [round(y, 6) for _, y in points] + [round(matrix.transform_point(width, height)[1], 6)]
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize("turned", [False, True])
def test_each_back_lies_behind_its_face_on_a_sheet_turned_over_on_its_long_edge(turned):
    # A grid off the centre line, with one slot alone: a mistake in the mirror shows.
    grid = Grid((210, 297), CARD, 2, 1, 3, turned)
    for slot in [Slot(20, 30, turned), Slot(120, 150, turned)]:
        left, top, right, bottom = corners(grid.face(slot), *CARD)
        back = corners(grid.back(slot), *CARD)
        # Turned over on its long (vertical) edge, the sheet's x runs the other way.
        assert back == (round(210 - right, 6), top, round(210 - left, 6), bottom)
        face_matrix, back_matrix = grid.face(slot), grid.back(slot)
        # The back reads the right way up: neither drawing is mirrored.
        for matrix in (face_matrix, back_matrix):
            assert matrix.xx * matrix.yy - matrix.xy * matrix.yx == pytest.approx(1)
        # The back's top left corner is behind the face's top right corner: the card is
        # turned over sideways, as a player turns it.
        x, y = face_matrix.transform_point(CARD[0], 0)
        assert back_matrix.transform_point(0, 0) == pytest.approx((210 - x, y))


def test_a_banner_is_cut_into_overlapping_sheets_that_cover_it():
    tiling = tiles((5000, 700), (210, 297))
    # A4 landscape: 273 x 186 mm printed a sheet; 19 columns, 4 rows (76 sheets), fewer than
    # the 29 x 3 that portrait sheets would need.
    assert tiling.sheet == (297, 210) and tiling.area == (273, 186)
    assert (tiling.columns, tiling.rows, len(tiling.tiles)) == (19, 4, 76)
    width, height = tiling.area
    for tile in tiling.tiles:
        right = next(
            (t for t in tiling.tiles if (t.row, t.column) == (tile.row, tile.column + 1)), None
        )
        below = next(
            (t for t in tiling.tiles if (t.row, t.column) == (tile.row + 1, tile.column)), None
        )
        assert tile.glue_right == (right is not None) and tile.glue_below == (below is not None)
        if right:
            assert tile.x + width - right.x == pytest.approx(OVERLAP)
        if below:
            assert tile.y + height - below.y == pytest.approx(OVERLAP)
    assert max(t.x for t in tiling.tiles) + width >= 5000
    assert max(t.y for t in tiling.tiles) + height >= 700
    assert min(t.x for t in tiling.tiles) == min(t.y for t in tiling.tiles) == 0
    assert TILE_MARGIN >= 5 + 5  # marks and notes clear of what office printers leave white


def test_a_short_banner_fits_one_sheet():
    tiling = tiles((250, 40), (297, 420))
    assert len(tiling.tiles) == 1
    assert not tiling.tiles[0].glue_right and not tiling.tiles[0].glue_below


def test_a_deck_has_54_distinct_cards_and_deals_its_tips_again_when_they_run_out():
    cards = deal(("先断电", "再救人", "不私拉乱接"))
    assert len(cards) == DECK_SIZE == 54
    assert len({(card.rank, card.suit, card.red) for card in cards}) == 54
    assert [card.tip for card in cards[:4]] == ["先断电", "再救人", "不私拉乱接", "先断电"]
    assert [card.name for card in cards[:2]] == ["♠A", "♠2"]
    assert [card.name for card in cards[13:14]] == ["♥A"] and cards[13].red
    jokers = cards[-2:]
    assert [(j.rank, j.suit, j.red) for j in jokers] == [("JOKER", "", False), ("JOKER", "", True)]


def test_more_tips_than_cards_is_an_error():
    with pytest.raises(Overflow) as caught:
        deal(tuple(f"提示{n}" for n in range(56)))
    assert caught.value.field == "cards"
    assert "gives 56 tips" in str(caught.value) and "leave out 2" in str(caught.value)


def test_the_more_formats_settings_have_defaults_and_clear_mistakes():
    settings = load_settings(None).print
    assert (settings.formats, settings.banner_sizes, settings.board_sizes) == (
        (),
        ("500x70",),
        ("90x120",),
    )
    assert settings.office_paper == "A4"
    chosen = load_settings(
        {"print": {"formats": ["cards", "banner"], "banner_sizes": ["300 x 50"]}}
    )
    assert chosen.print.formats == ("cards", "banner") and chosen.print.banner_sizes == ("300x50",)
    with pytest.raises(SourceError) as caught:
        load_settings(
            {
                "print": {
                    "formats": ["banners"],
                    "banner_sizes": ["70x500", "5m x 70"],
                    "board_sizes": ["1x2"],
                    "office_paper": "A5",
                }
            }
        )
    assert str(caught.value).splitlines()[1:] == [
        '  - mkdocs.yml: extra.xuanchuan.print.banner_sizes[1]: "70x500" is not a strip: '
        'expected a banner at least twice as long as it is high, length first, such as "500x70"',
        '  - mkdocs.yml: extra.xuanchuan.print.banner_sizes[2]: "5m x 70" is not a size: '
        'expected a size in centimetres, width x height, such as "90x120"',
        '  - mkdocs.yml: extra.xuanchuan.print.board_sizes[1]: "1x2" is out of range: expected '
        "each side from 30 to 300 cm",
        '  - mkdocs.yml: extra.xuanchuan.print.formats[1]: expected one of "banner", "board", '
        '"cards", got the text "banners" (did you mean "banner"?)',
        '  - mkdocs.yml: extra.xuanchuan.print.office_paper: expected one of "A4", "A3", got '
        'the text "A5"',
    ]
