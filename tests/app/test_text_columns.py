from tiered_workstation.app.text_columns import display_width, pad


def test_chinese_characters_take_two_cells() -> None:
    assert display_width("欧阳娜娜") == 8
    assert display_width("Zhang^San") == 9
    assert pad("张三", 6) == "张三  "
    assert display_width(pad("欧阳娜娜", 12)) == display_width(pad("Li Si", 12)) == 12
    assert pad("很长的名字超过宽度", 4) == "很长的名字超过宽度"
