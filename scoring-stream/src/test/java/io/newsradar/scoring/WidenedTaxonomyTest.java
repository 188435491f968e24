package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.scoring.eval.EvalTags;
import io.newsradar.scoring.rules.MonitorTagger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default taxonomy widened for issue 6: the G20 countries and the EU, and the ways news names a
 * country, a military matter or relations between states, aimed at the definitions of
 * eval/LABELLING.md. Each case stands for a class of wording (a demonym, a seat of power, a rank, a
 * weapon class), written here for the test, not taken from the evaluation sets.
 */
class WidenedTaxonomyTest {
    // one tagger for the class: it is immutable and shared, as in the stream
    private static MonitorTagger tagger;

    @BeforeAll
    static void open() {
        tagger = new MonitorTagger(ScoringRules.defaults().taxonomy());
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    private List<String> ids(String title) {
        return tagger.tag(Articles.article(title, "")).stream()
                .map(TagMatch::id)
                .toList();
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // names, demonyms and adjectives
                "russia | Russians queue for fuel as prices climb",
                "ukraine | Ukrainian farmers resume grain exports",
                "united-states | Americans split on new rules, survey finds",
                "united-kingdom | Scottish ministers publish budget",
                "germany | German carmakers cut output",
                "france | French unions call a strike",
                "italy | Italian bank agrees merger",
                "india | Indian software exports rise",
                "indonesia | Indonesian volcano erupts again",
                "brazil | Brazilian farmers expect record soy crop",
                "mexico | Mexican factories add jobs",
                "argentina | Argentine debt talks resume",
                "saudi-arabia | Saudi oil output steady",
                "south-africa | South African miners strike",
                "turkey | Turkish central bank holds rates",
                "canada | Canadian wildfires spread",
                "taiwan | Taiwanese chipmaker expands plant",
                "european-union | EU ministers meet on energy",
                // capitals and seats of power as metonyms
                "russia | The Kremlin denies the report",
                "russia | Moscow recalls its envoy",
                "ukraine | Kyiv asks for more air defence",
                "ukraine | Kiev mayor warns of winter shortages",
                "united-states | White House weighs new export rules",
                "united-states | Pentagon reviews budget request",
                "united-kingdom | Downing Street rejects the claim",
                "france | Elysee plays down rift",
                "germany | Berlin and Paris agree on a plan",
                "china | Beijing responds to criticism",
                "japan | Tokyo court rules on the case",
                "south-korea | Seoul raises rates",
                "north-korea | Pyongyang fires a rocket",
                "taiwan | Taipei protests the visit",
                "european-union | Brussels fines chip maker",
                // aliases and abbreviations
                "south-korea | ROK navy joins drill",
                "north-korea | DPRK media criticise the plan",
                "european-union | European Commission opens inquiry",
                // national institutions and office holders (D18, D20-D22)
                "united-states | Federal Reserve holds rates",
                "united-states | FBI opens inquiry into leak",
                "russia | Putin signs decree",
                "ukraine | Zelenskyy addresses parliament",
                "germany | Bundestag passes energy bill",
                "united-kingdom | Royal Navy sends frigate",
                // places in the country and datelines
                "united-states | Texas officials close beaches",
                "united-states | HOUSTON - Oil services firm posts loss",
                "united-states | Florida state senator files wage bill",
                "canada | Ontario raises minimum wage",
                "ukraine | Fighting continues near Donetsk",
                "china | Hong Kong shares fall",
                "india | Mumbai floods disrupt trains",
            })
    void shouldTagTheCountryByItsUsualNames(String tag, String title) {
        assertThat(ids(title)).contains(tag);
    }

    @ParameterizedTest(name = "{1} -> not {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // homonyms
                "turkey | Turkey prices rise before Thanksgiving",
                "turkey | How to roast a turkey",
                "china | Fine bone china sells well at auction",
                "united-states | Tell us what you think",
                // currencies (D6) and seas named after a country
                "russia | Russian ruble falls again",
                "china | Patrols in the South China Sea",
                "india | Cyclone forms over the Indian Ocean",
                "mexico | Storm moves into the Gulf of Mexico",
                // a place named after another country lies in its own (D41)
                "united-kingdom | British Columbia braces for floods",
                "united-kingdom | New South Wales declares emergency",
                "mexico | New Mexico wildfire grows",
                // cities and states inside a team or a newspaper's name (D5)
                "united-states | Boston Red Sox sign pitcher",
                "united-states | Minnesota's lineup changes before the playoff game",
                "united-states | Chicago Tribune cuts jobs",
                "united-states | Researchers at Iowa State University grow plastic from feathers",
                // a state's own senate names no country (D12)
                "united-states | Republican state Senate candidate seeks attention",
            })
    void shouldNotTakeAHomonymOrANameForTheCountry(String tag, String title) {
        assertThat(ids(title)).doesNotContain(tag);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Soldiers killed in border ambush",
        "Troop build-up reported near the frontier",
        "Airstrike destroys ammunition depot",
        "Artillery shelling intensifies overnight",
        "Howitzers arrive at the front line",
        "Major general dismissed after losses",
        "Colonel charged over abuse of prisoners",
        "UN peacekeepers take over patrols",
        "Iran resumes uranium enrichment",
        "Fighter jets scrambled to intercept bomber",
        "Invasion enters its third month",
        "Paratroopers land near the airport",
        "Junta extends curfew",
    })
    void shouldTagTheVocabularyOfWarAndArmedForcesAsDefense(String title) {
        assertThat(ids(title)).contains("defense");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Airlines start a price war on transatlantic routes",
        "Think tank urges pension reform",
        "Defense lawyer asks for delay",
        "City unveils plan to combat climate change",
        "Frontline workers get a pay rise",
        "Army's defense stops Navy on fourth down as the quarterback is sacked",
        "Remote-piloted drones map the flood",
    })
    void shouldNotTakeMetaphorsSportsOrLawForDefense(String title) {
        assertThat(ids(title)).doesNotContain("defense");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "EU extends sanctions on steel exports",
        "WTO rules against farm subsidies",
        "Peace talks resume in Geneva",
        "NATO weighs accession of two states",
        "Embassy staff expelled after spy row",
        "Court approves extradition of businessman",
    })
    void shouldTagRelationsBetweenStates(String title) {
        assertThat(ids(title)).contains("international-relations");
    }

    @Test
    void shouldNotTakeABrandAmbassadorForDiplomacy() {
        assertThat(ids("Singer named brand ambassador for watchmaker")).doesNotContain("international-relations");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Regulator opens probe into self-driving crash",
        "Police pause facial recognition trial",
        "Bank replaces call centre with a chatbot",
        "Driverless buses start service downtown",
    })
    void shouldTagAutonomyAndRecognitionAsAi(String title) {
        assertThat(ids(title)).contains("artificial-intelligence");
    }

    @Test
    void shouldNotTakeAnUnmannedDroneAloneForAi() {
        assertThat(ids("Unmanned drones patrol the border")).doesNotContain("artificial-intelligence");
    }

    /** The labelled country tags all exist, and places stay small signals in the score. */
    @Test
    void shouldHaveEveryLabelledCountryWithASmallWeight() {
        List<String> countries = EvalTags.COUNTRIES;
        var geography = ScoringRules.defaults().taxonomy().rules().stream()
                .filter(t -> t.category().equals("Geography"))
                .toList();
        assertThat(geography).extracting(t -> t.id()).containsExactlyInAnyOrderElementsOf(countries);
        assertThat(geography).allSatisfy(t -> assertThat(t.weight()).isBetween(0.0, 0.1));
    }
}
