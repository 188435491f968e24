#!/usr/bin/env python3
"""Writes the CJK charset fixtures in this folder (run it here; the outputs are committed).

Every feed holds the same two items of one language, written for these tests, in one encoding:
NAME-declared.xml names its encoding in the XML declaration, NAME-undeclared.xml names none (no
declaration, and the tests pass no HTTP charset), so the reader has to detect it. The texts are
also in FeedCharsetFixturesTest, which asserts that the decoded titles equal them.
"""

TEXTS = {
    "ko": [
        ("서울 시내버스 노선이 다음 달부터 새로 조정됩니다",
         "시청은 출퇴근 시간의 혼잡을 줄이기 위해 열두 개 노선의 배차 간격을 조정한다고 밝혔습니다. "
         "새 시간표는 정류장과 시청 누리집에서 확인할 수 있습니다."),
        ("한강 공원에 자전거 대여소가 새로 문을 열었다",
         "주말마다 많은 시민이 찾는 공원에 대여소 세 곳이 추가되었습니다."),
    ],
    "ja": [
        ("東京の新しい図書館が週末に開館しました",
         "駅から歩いて五分の場所にあり、子ども向けの読書室や静かな自習スペースが用意されています。"
         "開館時間は午前九時から午後八時までです。"),
        ("大阪で春の花まつりが始まる",
         "川沿いの公園では、たくさんの桜がきれいに咲いています。"),
    ],
    "zh-Hant": [
        ("台北捷運將在下個月延長營運時間",
         "為了方便夜間通勤的乘客，捷運公司宣布週五和週六的末班車將延後一小時發車。相關資訊可以在車站公告查詢。"),
        ("高雄港口舉辦海洋文化節",
         "活動包括帆船展覽和傳統音樂表演，歡迎市民參加。"),
    ],
    "zh-Hans": [
        ("北京地铁新线路本周末正式开通",
         "新线路连接城市东部的住宅区和商业中心，预计每天可以服务十万名乘客。票价与现有线路相同。"),
        ("上海图书馆推出夜间阅读活动",
         "读者可以在周五晚上借阅图书并参加作者讲座。"),
    ],
}

FIXTURES = [
    ("euc-kr", "ko", "EUC-KR", "euc_kr"),
    ("shift_jis", "ja", "Shift_JIS", "shift_jis"),
    ("euc-jp", "ja", "EUC-JP", "euc_jp"),
    ("big5", "zh-Hant", "Big5", "big5"),
    ("gb2312", "zh-Hans", "GB2312", "gb2312"),
]


def feed(lang, label):
    decl = '<?xml version="1.0" encoding="%s"?>\n' % label if label else ""
    items = "".join(
        "  <item>\n    <title>%s</title>\n    <link>https://news.example/%s/%d</link>\n"
        "    <description>%s</description>\n  </item>\n" % (t, lang, i, d)
        for i, (t, d) in enumerate(TEXTS[lang], 1))
    return (decl + '<rss version="2.0">\n<channel>\n  <title>Charset fixture</title>\n'
            "  <link>https://news.example/</link>\n" + items + "</channel>\n</rss>\n")


for name, lang, label, codec in FIXTURES:
    for suffix, decl in (("declared", label), ("undeclared", None)):
        with open("%s-%s.xml" % (name, suffix), "wb") as f:
            f.write(feed(lang, decl).encode(codec))  # strict: fails on a character the codec lacks
