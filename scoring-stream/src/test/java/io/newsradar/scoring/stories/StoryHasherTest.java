package io.newsradar.scoring.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.TestArticles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoryHasherTest {
    private static final String WIRE_TITLE = "Drone maker wins navy contract for autonomous patrol boats";
    private static final String WIRE_BODY = "NORFOLK, Virginia (Wirecorp) - A small drone maker from Ohio won a navy"
            + " contract worth 240 million dollars on Tuesday to build a fleet of autonomous patrol boats that"
            + " can watch harbour entrances for weeks without a crew, the service said. The first twelve boats"
            + " are due in the spring and will be tested at the naval station before a wider order is"
            + " considered, officials told reporters at a briefing.";

    private final StoryHasher hasher = new StoryHasher(StorySettings.defaults());

    @Test
    void shouldJoinCopiesWithEditedHeadlinesAndOutletMarkers() {
        byte[] wire = hasher.signature(WIRE_TITLE, WIRE_BODY);
        List<byte[]> copies = List.of(
                hasher.signature("Navy picks Ohio drone firm for crewless harbour patrols", WIRE_BODY),
                hasher.signature(
                        "UPDATE 2-Drone maker wins navy contract (Wirecorp)",
                        WIRE_BODY.replace("NORFOLK, Virginia (Wirecorp) - ", "(Daily Post) -- ")
                                + " Reporting by our defence desk."),
                hasher.signature(
                        WIRE_TITLE,
                        WIRE_BODY.replace("240 million dollars", "$240m").replace("said", "stated")));
        for (byte[] copy : copies) {
            assertThat(shareABand(wire, copy)).isTrue();
            assertThat(hasher.sameStory(wire, copy)).isTrue();
            assertThat(hasher.sameStory(copy, wire)).isTrue();
        }
    }

    @Test
    void shouldKeepApartDifferentStoriesOnTheSameTopic() {
        byte[] wire = hasher.signature(WIRE_TITLE, WIRE_BODY);
        byte[] other = hasher.signature(
                "Army drone contract draws protest from losing bidder",
                "WASHINGTON (Wirecorp) - A defense firm that lost an army contract for reconnaissance drones filed"
                        + " a protest on Monday, saying the service ignored the cost of its rival's aircraft, a"
                        + " spokesman said. The army said it would review the award within a hundred days.");
        assertThat(hasher.similarity(wire, other))
                .isLessThan(StorySettings.defaults().similarity());
        assertThat(hasher.sameStory(wire, other)).isFalse();
    }

    @Test
    void shouldKeepApartStoriesWhoseBodyIsOnlyASitesStandingText() {
        // feeds that give no summary repeat one text under every headline
        String standing = "Our technology desk covers the companies, products and people shaping the industry."
                + " Sign up for the daily newsletter to receive the latest headlines and analysis every morning.";
        byte[] a = hasher.signature("Chip maker delays its new server processor", standing);
        byte[] b = hasher.signature("Music service adds offline listening for subscribers", standing);
        assertThat(hasher.similarity(a, b))
                .isGreaterThan(StorySettings.defaults().similarity());
        assertThat(shareABand(a, b)).isTrue();
        assertThat(hasher.sameStory(a, b)).isFalse();
    }

    @Test
    void shouldSignOnlyTheTextNeverIdSourceOrUrl() {
        NewsArticle a = TestArticles.article(WIRE_TITLE, WIRE_BODY);
        NewsArticle b = TestArticles.article(WIRE_TITLE, WIRE_BODY);
        b.setId("another-id");
        b.setSource("Another Outlet");
        b.setUrl("https://another.example/story/42");
        assertThat(hasher.signature(a)).isEqualTo(hasher.signature(b));
        assertThat(hasher.signature(a)).isEqualTo(hasher.signature(WIRE_TITLE, WIRE_BODY));
        assertThat(hasher.bandKeys(hasher.signature(a))).isEqualTo(hasher.bandKeys(hasher.signature(b)));
    }

    @Test
    void shouldNeverJoinTextsWithoutWords() {
        byte[] empty = hasher.signature("", "");
        byte[] none = hasher.signature(null, null);
        byte[] punctuation = hasher.signature("...", " -- ");
        assertThat(empty).hasSize(hasher.signatureBytes()).isEqualTo(none).isEqualTo(punctuation);
        assertThat(hasher.bandKeys(empty)).hasSize(StorySettings.defaults().bands());
        assertThat(hasher.sameStory(empty, none)).isFalse();
        assertThat(hasher.sameStory(empty, hasher.signature(WIRE_TITLE, WIRE_BODY)))
                .isFalse();
    }

    @Test
    void shouldJoinCopiesInScriptsWithAndWithoutSpaces() {
        String ruBody = "Москва. Небольшая компания из Новосибирска получила контракт на строительство"
                + " автономных патрульных катеров, которые смогут неделями охранять вход в гавань без экипажа,"
                + " сообщили в ведомстве во вторник.";
        byte[] ru = hasher.signature("Компания получила контракт на автономные катера", ruBody);
        byte[] ruCopy = hasher.signature("Автономные катера: контракт получен", ruBody + " Подробнее на сайте.");
        assertThat(hasher.sameStory(ru, ruCopy)).isTrue();

        String zhBody = "一家来自俄亥俄州的小型无人机制造商周二赢得海军合同，建造一支无需船员即可连续数周监视港口入口的自主巡逻艇队。";
        byte[] zh = hasher.signature("无人机制造商赢得海军自主巡逻艇合同", zhBody);
        byte[] zhCopy = hasher.signature("海军选中无人机制造商建造自主巡逻艇", zhBody + "首批十二艘将于春季交付。");
        byte[] zhOther = hasher.signature("港口工人罢工导致两艘护卫舰停工", "造船厂工人周一开始罢工，两艘护卫舰的建造工作被迫停止，工会表示将持续一周。");
        assertThat(hasher.sameStory(zh, zhCopy)).isTrue();
        assertThat(hasher.sameStory(zh, zhOther)).isFalse();
    }

    @Test
    void shouldKeyBandsByIndexAndRejectSignaturesOfOtherSettings() {
        byte[] wire = hasher.signature(WIRE_TITLE, WIRE_BODY);
        List<String> keys = hasher.bandKeys(wire);
        assertThat(keys).hasSize(StorySettings.DEFAULT_BANDS);
        for (int i = 0; i < keys.size(); i++) {
            assertThat(keys.get(i)).matches(i + ":[0-9a-f]{16}");
        }
        StoryHasher other = new StoryHasher(
                new StorySettings(StorySettings.DEFAULT_WINDOW, 16, 4, 0.5, StorySettings.DEFAULT_COOLDOWN, 64));
        assertThat(other.signatureBytes()).isNotEqualTo(hasher.signatureBytes());
        assertThatThrownBy(() -> other.bandKeys(wire)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.similarity(wire, new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    private boolean shareABand(byte[] a, byte[] b) {
        Set<String> keys = new HashSet<>(hasher.bandKeys(a));
        return hasher.bandKeys(b).stream().anyMatch(keys::contains);
    }
}
