package io.newsradar.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The texts of the committed charset fixtures (src/test/resources/feeds/charsets, written by
 * make-fixtures.py there): the same sentences as that script, so a test can assert that decoding
 * gave back exactly what was encoded.
 */
final class CjkFixtures {
    static final Map<String, List<String>> TITLES = Map.of(
            "ko", List.of("서울 시내버스 노선이 다음 달부터 새로 조정됩니다", "한강 공원에 자전거 대여소가 새로 문을 열었다"),
            "ja", List.of("東京の新しい図書館が週末に開館しました", "大阪で春の花まつりが始まる"),
            "zh-Hant", List.of("台北捷運將在下個月延長營運時間", "高雄港口舉辦海洋文化節"),
            "zh-Hans", List.of("北京地铁新线路本周末正式开通", "上海图书馆推出夜间阅读活动"));

    /** Fixture name (file prefix), its language, and the charset name it is written in. */
    record Fixture(String name, String language, String charset) {
        byte[] bytes(boolean declared) {
            String path = "/feeds/charsets/" + name + (declared ? "-declared.xml" : "-undeclared.xml");
            try (InputStream in = CjkFixtures.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + path);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> titles() {
            return TITLES.get(language);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Fixture> ALL = List.of(
            new Fixture("euc-kr", "ko", "EUC-KR"),
            new Fixture("shift_jis", "ja", "Shift_JIS"),
            new Fixture("euc-jp", "ja", "EUC-JP"),
            new Fixture("big5", "zh-Hant", "Big5"),
            new Fixture("gb2312", "zh-Hans", "GB2312"));

    private CjkFixtures() {}
}
