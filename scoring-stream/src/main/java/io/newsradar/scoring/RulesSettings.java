package io.newsradar.scoring;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ruleset.LiveRules;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which rules a scoring instance starts with, and which ruleset on {@code rules.v1} it follows. */
final class RulesSettings {
    private static final Logger LOG = LoggerFactory.getLogger(RulesSettings.class);

    private RulesSettings() {}

    /**
     * The rules named by the config, or the built-in defaults. Both files or neither: a taxonomy
     * without its routes (or the reverse) would silently mix two rulesets.
     */
    static ScoringRules bootstrapRules(NewsradarConfig config) {
        String bundle = config.get(ScoringApp.RULES_FILE);
        if (bundle != null && !bundle.isBlank()) {
            if (config.get(ScoringApp.TAXONOMY_FILE) != null || config.get(ScoringApp.ROUTES_FILE) != null) {
                LOG.warn(
                        "'{}' is set, so '{}' and '{}' are ignored: a ruleset bundle holds taxonomy and routes",
                        ScoringApp.RULES_FILE,
                        ScoringApp.TAXONOMY_FILE,
                        ScoringApp.ROUTES_FILE);
            }
            return ScoringRules.loadBundle(Path.of(bundle));
        }
        String taxonomy = config.get(ScoringApp.TAXONOMY_FILE);
        String routes = config.get(ScoringApp.ROUTES_FILE);
        boolean hasTaxonomy = taxonomy != null && !taxonomy.isBlank();
        boolean hasRoutes = routes != null && !routes.isBlank();
        if (hasTaxonomy != hasRoutes) {
            throw new IllegalStateException("set both '" + ScoringApp.TAXONOMY_FILE + "' and '" + ScoringApp.ROUTES_FILE
                    + "' or neither (got " + ScoringApp.TAXONOMY_FILE + "=" + taxonomy + ", " + ScoringApp.ROUTES_FILE
                    + "=" + routes + ")");
        }
        return hasTaxonomy ? ScoringRules.load(Path.of(taxonomy), Path.of(routes)) : ScoringRules.defaults();
    }

    /** {@value ScoringApp#RULES_NAME}, by default the bootstrap rules' own name. */
    static String followedName(NewsradarConfig config, ScoringRules bootstrap) {
        String name = config.get(ScoringApp.RULES_NAME, bootstrap.taxonomy().name());
        if (!LiveRules.isRulesetName(name)) {
            throw new IllegalStateException("setting '" + ScoringApp.RULES_NAME
                    + "' must be lower-case letters, digits and '-' (got '" + name + "')");
        }
        return name;
    }
}
