package dev.rapport.archfixture;

import com.slack.api.model.FakeSlackType;

/** A deliberately bad class: it depends on a platform type. The architecture test must reject it. */
public class CoreClassThatImportsSlack {
    FakeSlackType leak = new FakeSlackType();
}
