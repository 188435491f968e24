package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.scoring.rules.MonitorTagger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The country, defense and international-relations rules of the default taxonomy against the error
 * categories read on the evaluation's dev sets (AG News, fwd headlines, the AI set's dev half;
 * docs/evaluation.md), each decided by a definition of eval/LABELLING.md: a missing alias class
 * (a state, US institutions, members of Congress by party, military commands), a missing sense
 * (arms sent from one state to another, weapons programmes) and false friends (a city standing for
 * its team, a UN report, a person's ally, war named as what is to be avoided). The sentences are
 * written for the test, one per class of wording, not taken from the sets.
 */
class DevErrorCategoriesTaxonomyTest {
    private static final String US = "united-states";
    private static final String DEFENSE = "defense";
    private static final String IR = "international-relations";

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

    private List<String> ids(String title, String body) {
        return tagger.tag(Articles.article(title, body)).stream()
                .map(TagMatch::id)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a state the list of fifty lacked
                "Maine voters approve a ballot measure on wind farms",
                // a federal office named without the country (D22; D3: an office that identifies one government)
                "Treasury Secretary calls for more debt relief",
                // a military command known by its own name (D41)
                "AFRICOM commander warns of instability in the Sahel",
                // the country's own cases and constitutional texts (D22)
                "Protests follow the ruling that overturned Roe v. Wade",
                "Court says the First Amendment protects anonymous posters",
                // members of Congress by office and party (D38)
                "Republican congresswoman faces a censure vote",
                "Democratic senators push a voting bill",
                // the capital's and the largest city's short forms
                "Protesters gather outside a D.C. restaurant",
                "NYC subway fares to rise next year",
            })
    void shouldTagTheUnitedStatesByTheseAliasClasses(String title) {
        assertThat(ids(title, "")).contains(US);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a state or city standing for its team in a game report whose words the guard lacked (D5)
                "Syracuse cruises | Syracuse beat Northern Colorado 90-61 as both coaches emptied their benches.",
                "Comeback win | Denver trailed at halftime but came back to win by a field of ten.",
                // a newspaper or a team that contains a place (D5)
                "Manager to interview | He will interview for the job, the NY Daily News reported.",
                "Point guard traded | The New Jersey Nets traded their point guard on Monday.",
                // false friends the guide names: Georgia the country, Jordan a name
                "Tbilisi recalls envoy | Georgia recalled its ambassador after the incident.",
                "Jordan scores 40 | Jordan scored 40 points on Sunday night.",
            })
    void shouldNotTakeATeamANewspaperOrAHomonymForTheUnitedStates(String title, String body) {
        assertThat(ids(title, body)).doesNotContain(US);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a weapons programme named by its ambitions, and the plural programmes
                "Talks stall over the North's nuclear ambitions",
                "Inspectors report on two nuclear programs",
                // irregular fighters against an occupying army (D26)
                "Partisans ambush a supply convoy behind the lines",
                // a military command by its own name (D41)
                "CENTCOM chief briefs lawmakers on the region",
            })
    void shouldTagTheseMilitaryClassesAsDefense(String title) {
        assertThat(ids(title, "")).contains(DEFENSE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // war named only as a warning or as what talks should avoid (D10)
                "Minister says new sanctions would be tantamount to war",
                "Leaders urge dialogue to avoid war over the islands",
                // war as a film genre, the background of a cultural story (D27)
                "Country bans foreign war films from television",
            })
    void shouldNotTakeWarAsAWarningOrAGenreForDefense(String title) {
        assertThat(ids(title, "")).doesNotContain(DEFENSE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // arms sent from one government to another, told with a verb (D26)
                "Government to send more howitzers to its neighbour",
                "Neighbour will receive anti-aircraft missiles within days, minister says",
                "Parliament approves plan to supply armoured vehicles to the border state",
                // peace agreements, disputes between states and state designations (the guide's relations list)
                "The two states sign a peace deal after decades of conflict",
                "Border dispute flares between the two neighbours",
                "Senate to consider naming the state a sponsor of terrorism",
                // the UN outside a report still counts
                "UN Security Council votes on a new resolution",
            })
    void shouldTagTheseClassesAsRelationsBetweenStates(String title) {
        assertThat(ids(title, "")).contains(IR);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a UN agency's report or humanitarian view, no relations between states (the guide's "Not")
                "Sales of household robots to surge, UN report says",
                "UN refugee chief tours camps in the desert",
                // a politician's ally, not an allied state
                "Yacht of a president's ally seized in port",
                // a think tank is no tank
                "Think tanks provide new reports on artillery",
            })
    void shouldNotTakeTheseForRelationsBetweenStates(String title) {
        assertThat(ids(title, "")).doesNotContain(IR);
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // national parliaments by their own names (the guide's "government and state institutions")
                "ukraine | Rada passes the wartime budget",
                "ukraine | Verkhovna Rada votes on the bill",
                "india | Lok Sabha passes the farm bill",
                "china | National People's Congress opens its annual session",
                "germany | Bundesrat approves the reform",
                // the separatist republics by their abbreviations, named together (D23)
                "ukraine | Separatist leaders of the DPR and LPR meet",
                // the demonym outside a baseball report
                "india | Indians queue for visas at the consulate",
            })
    void shouldTagACountryByItsParliamentItsRegionsAndItsPeople(String tag, String title) {
        assertThat(ids(title, "")).contains(tag);
    }

    @ParameterizedTest(name = "{1} -> not {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a team by its nickname in a baseball report (D5)
                "india | Indians sign a pitcher to a one-year deal",
                // one abbreviation alone is another thing: a lending rate
                "ukraine | Central bank cuts the one-year LPR",
            })
    void shouldNotTakeATeamOrAnotherAbbreviationForTheCountry(String tag, String title) {
        assertThat(ids(title, "")).doesNotContain(tag);
    }

    /**
     * A conjunction is matched as one Lucene query, and exclusions multiply its clauses: past 1,024
     * the rule fails on the article (counted, never silent). The delivery group and the Congress
     * phrases are written to stay under it; an article that hits all of them must still be tagged.
     */
    @Test
    void shouldEvaluateTheWidenedRulesWithoutRuleErrors() {
        long before = tagger.errorCount();
        List<String> tags = ids(
                "Republican senators and Democratic congressmen back plan to send howitzers",
                "The government will supply, deliver and transfer tanks, artillery, missiles, ammunition"
                        + " and air defense systems; NYC and D.C. officials, the Treasury Secretary and"
                        + " AFRICOM were told. The UN report and the peace deal were discussed.");
        assertThat(tags).contains(US, DEFENSE, IR);
        assertThat(tagger.errorCount()).isEqualTo(before);
    }

    @Test
    void shouldStillTakeARealAmbassadorButNotABrandAmbassador() {
        assertThat(ids("Ambassador recalled after the spy row", "")).contains(IR);
        assertThat(ids("Singer named brand ambassador for watchmaker", "")).doesNotContain(IR);
    }
}
