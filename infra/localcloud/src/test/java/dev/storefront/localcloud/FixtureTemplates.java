package dev.storefront.localcloud;

import java.net.URISyntaxException;
import java.nio.file.Path;

final class FixtureTemplates {
    private FixtureTemplates() {
    }

    static CloudFormationTemplate load() {
        try {
            return CloudFormationTemplate.load(Path.of(FixtureTemplates.class.getResource("/fixture-template.yaml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
