package io.newsradar.scoring;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One wire story on defense AI as five outlets ran it (each its own URL, an edited headline and
 * lead sentence, their own sign-off), and two other defense-AI stories that are not copies of it.
 * Texts written for these tests.
 */
final class Syndication {
    static final Instant PUBLISHED = Instant.parse("2026-10-05T09:00:00Z");

    private static final String BODY = " The agreement covers machine learning models that classify radar"
            + " contacts and autonomy software that lets uncrewed aircraft hold formation and hand targets to"
            + " crewed fighters. Engineers from both countries will share a test range in Bavaria, and every"
            + " model must pass a joint evaluation before it is fielded with air force units. The first"
            + " prototypes are due to fly in exercises in 2028, and a programme office will call for industry"
            + " proposals within ninety days, officials said.";

    private static final String[][] OUTLETS = {
        {
            "Northern Wire",
            "https://northern-wire.example/defense/2026/10/05/skyward-ai",
            "Germany and France commit $480 million to Skyward military AI programme",
            "The German and French defense ministries on Monday signed an agreement to fund Project Skyward, a"
                    + " joint programme to develop artificial intelligence for drone squadrons, with $480 million"
                    + " over four years."
        },
        {
            "Harbor Times",
            "https://www.harbortimes.example/world/europe/skyward-drones-deal?ref=rss",
            "Berlin and Paris sign $480 million deal for AI drone squadrons",
            "The German and French defense ministries signed an agreement on Monday to fund Project Skyward, a"
                    + " joint programme to develop artificial intelligence for drone squadrons, with $480 million"
                    + " over four years."
        },
        {
            "Daily Ledger",
            "https://dailyledger.example/a/88213",
            "Project Skyward: Germany, France put $480m into military AI",
            "Germany's and France's defense ministries on Monday signed an agreement to fund Project Skyward, a"
                    + " joint programme developing artificial intelligence for drone squadrons, with $480 million"
                    + " over four years."
        },
        {
            "Capital Courier",
            "https://capitalcourier.example/news/defense/skyward-ai-programme-480m",
            "Germany and France commit $480 million to joint military AI programme",
            "The German and French defense ministries on Monday signed an agreement to fund Project Skyward, a"
                    + " joint programme to develop artificial intelligence for drone squadrons, putting $480"
                    + " million into it over four years."
        },
        {
            "Valley Post",
            "https://valleypost.example/2026/10/05/germany-france-skyward",
            "Germany, France sign Skyward AI drone deal worth $480 million",
            "On Monday the German and French defense ministries signed an agreement to fund Project Skyward, a"
                    + " joint programme to develop artificial intelligence for drone squadrons, with $480 million"
                    + " over four years."
        },
    };

    private Syndication() {}

    /** The five copies, fetched a few minutes apart in outlet order. */
    static List<NewsArticle> copies() {
        List<NewsArticle> out = new ArrayList<>();
        for (int i = 0; i < OUTLETS.length; i++) {
            String[] o = OUTLETS[i];
            out.add(article(o[0], o[1], o[2], o[3] + BODY + " Reporting by " + o[0] + ".", i));
        }
        return out;
    }

    /** Two defense-AI stories of the same days that are not copies of the Skyward story nor of each other. */
    static List<NewsArticle> unrelated() {
        return List.of(
                article(
                        "Northern Wire",
                        "https://northern-wire.example/defense/2026/10/05/navy-ai-sonar",
                        "Navy awards $210 million contract for AI sonar to detect submarines",
                        "The U.S. Navy awarded a $210 million contract on Monday for artificial intelligence that"
                                + " listens for submarines, under Project Deepwatch. The machine learning system"
                                + " will be installed on destroyers in the Atlantic fleet by March 2028, the"
                                + " Pentagon said, after trials off Norfolk showed it picked out quiet diesel"
                                + " boats that operators had missed. The defense contract also pays for training"
                                + " sailors to read the system's alerts.",
                        5),
                article(
                        "Harbor Times",
                        "https://www.harbortimes.example/asia/korea-ai-border-surveillance",
                        "South Korea's military to deploy AI surveillance along border by 2027",
                        "South Korea's Ministry of National Defense will spend $95 million on artificial"
                                + " intelligence cameras and radar analysis along the demilitarized zone, the"
                                + " army said on Monday. The defense programme, called Vigilant Line, replaces"
                                + " guard posts with automated target recognition that flags intruders to"
                                + " soldiers, and the first units go live in June 2027. Lawmakers asked how the"
                                + " military will keep a human in charge of every decision.",
                        6));
    }

    private static NewsArticle article(String source, String url, String title, String body, int minutes) {
        NewsArticle a = Articles.article(url, title, body, PUBLISHED.plus(Duration.ofMinutes(minutes)));
        return NewsArticle.newBuilder(a)
                .setSource(source)
                .setChannel(IngestChannel.FEED)
                .setFetchedAt(PUBLISHED.plus(Duration.ofMinutes(10 + minutes)))
                .build();
    }
}
