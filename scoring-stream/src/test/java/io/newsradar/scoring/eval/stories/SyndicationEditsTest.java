package io.newsradar.scoring.eval.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.scoring.eval.stories.SyndicationEdits.Text;
import org.junit.jupiter.api.Test;

class SyndicationEditsTest {
    private static final Text WIRE = new Text(
            "Harbour Board: Port Fees Rise 12 percent (AP)",
            "DOVER, England (AP) -- The harbour board said fees would rise 12 percent, to 1,250 pounds a call."
                    + " Shipping lines said they were studying the new tariff, which raises 3 million pounds.");

    @Test
    void shouldRewriteHeadlinesAsRecipesSay() {
        assertThat(SyndicationEdits.apply("head=shorten", WIRE).title()).isEqualTo("Harbour Board: Port Fees Rise");
        assertThat(SyndicationEdits.apply("head=swap", WIRE).title())
                .isEqualTo("Port Fees Rise 12 percent - Harbour Board");
        assertThat(SyndicationEdits.apply("head=update", WIRE).title()).startsWith("UPDATE 2-Harbour Board");
        assertThat(SyndicationEdits.apply("head=lead", WIRE).title())
                .isEqualTo("The harbour board said fees would rise 12");
    }

    @Test
    void shouldChangeOutletMarkersAndTheLead() {
        assertThat(SyndicationEdits.apply("outlet=reuters", WIRE).body())
                .startsWith("NEW YORK (Reuters) - The harbour board");
        Text stripped = SyndicationEdits.apply("outlet=strip", WIRE);
        assertThat(stripped.title()).isEqualTo("Harbour Board: Port Fees Rise 12 percent");
        assertThat(stripped.body()).startsWith("The harbour board");
        assertThat(SyndicationEdits.apply("outlet=afp", WIRE).title()).endsWith("12 percent (AFP)");
        assertThat(SyndicationEdits.apply("lead=drop", WIRE).body()).startsWith("Shipping lines said");
        assertThat(SyndicationEdits.apply("lead=drop", new Text("t", "One sentence, with a clause."))
                        .body())
                .isEqualTo("One sentence.");
    }

    @Test
    void shouldAppendSubstituteAndRestyleNumbers() {
        assertThat(SyndicationEdits.apply("tail=2", WIRE).body())
                .endsWith(" Additional reporting by staff correspondents.");
        Text subst = SyndicationEdits.apply("subst=2", WIRE);
        assertThat(subst.body()).contains("board stated fees").contains("per cent");
        Text numbers = SyndicationEdits.apply("numbers=restyle", WIRE);
        assertThat(numbers.title()).endsWith("12% (AP)");
        assertThat(numbers.body()).contains("1250 pounds").contains("3m pounds");
    }

    @Test
    void shouldApplyEditsInRecipeOrder() {
        Text t = SyndicationEdits.apply("head=shorten;outlet=ap;tail=1", WIRE);
        assertThat(t.title()).isEqualTo("Harbour Board: Port Fees Rise");
        assertThat(t.body()).startsWith("(AP) -- The harbour board").endsWith("All rights reserved.");
    }
}
