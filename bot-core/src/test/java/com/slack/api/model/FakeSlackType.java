package com.slack.api.model;

/** Stands in for a Slack SDK type so the architecture rule can be shown to catch a dependency on one. */
public class FakeSlackType {}
