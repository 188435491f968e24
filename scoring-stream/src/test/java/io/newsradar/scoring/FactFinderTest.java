package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactFinderTest {

    private static List<String> find(Fact.Kind kind, String text) {
        return FactFinder.find(ArticleField.BODY, text).stream().filter(f -> f.kind() == kind).map(Fact::text).toList();
    }

    @Test
    void shouldFindNamedProgrammes() {
        assertThat(find(Fact.Kind.PROGRAMME, "They funded Project Blue Heron last year.")).containsExactly("Project Blue Heron");
        assertThat(find(Fact.Kind.PROGRAMME, "Work on the Kestrel programme starts soon.")).containsExactly("Kestrel programme");
        assertThat(find(Fact.Kind.PROGRAMME, "a research initiative dubbed \"Lantern\" will")).hasSize(1);
    }

    @Test
    void shouldNotTakeDescriptionsForProgrammeNames() {
        assertThat(find(Fact.Kind.PROGRAMME, "The programme has no name. The joint AI programme is new. "
                + "The AI programme grows. No programmes were announced.")).isEmpty();
    }

    @Test
    void shouldFindMoneyAmounts() {
        assertThat(find(Fact.Kind.AMOUNT, "a budget of $1.2 billion")).containsExactly("$1.2 billion");
        assertThat(find(Fact.Kind.AMOUNT, "worth 900 billion won over")).containsExactly("900 billion won");
        assertThat(find(Fact.Kind.AMOUNT, "EUR 40 million in grants")).containsExactly("EUR 40 million");
        assertThat(find(Fact.Kind.AMOUNT, "Sales rose 6 percent in 12 stores")).isEmpty();
    }

    @Test
    void shouldFindDatesButNotTheVerbMay() {
        assertThat(find(Fact.Kind.DATE, "signed on March 3, 2026 in Tokyo")).containsExactly("March 3, 2026");
        assertThat(find(Fact.Kind.DATE, "due on 14 June")).containsExactly("14 June");
        assertThat(find(Fact.Kind.DATE, "operational by 2029")).containsExactly("by 2029");
        assertThat(find(Fact.Kind.DATE, "officials may 3 times a year review it")).isEmpty();
    }
}
