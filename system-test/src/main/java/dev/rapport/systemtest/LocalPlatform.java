package dev.rapport.systemtest;

import java.util.List;
import java.util.Map;

/**
 * A local Slack or local Discord running as a process of its own, so it outlives any application process the harness
 * kills, and what the harness reads from it through its control API.
 */
public sealed interface LocalPlatform extends AutoCloseable permits LocalServerProcess {

    /** The platform as the database names it: {@code SLACK} or {@code DISCORD}. */
    String platform();

    /** The one workspace (Slack team) or server (Discord guild) the generated people are in. */
    String workspaceId();

    /** The generated people's user ids, in the order they were made. */
    List<String> userIds();

    /**
     * What application instance {@code instance} (from 0) of {@code instances} needs to connect: tokens and URLs, and
     * on Discord its share of the shards.
     */
    Map<String, String> applicationEnvironment(int instance, int instances);

    /** How many direct messages the platform has accepted so far. */
    long delivered();

    /** Every direct message the platform accepted, oldest first. */
    List<Delivery> deliveries();

    /** The platform's request counters now. */
    Counters counters();

    /** Where its output goes. */
    String logs();

    @Override
    void close();

    /**
     * One direct message as the platform recorded it.
     *
     * @param recipient the user id it went to
     * @param outboxId the outbox row it carried (Slack's metadata, Discord's nonce), null if none
     */
    record Delivery(String recipient, Long outboxId) {}

    /**
     * The platform's counters.
     *
     * @param messages direct messages accepted
     * @param requests API requests of any kind, refused ones included
     * @param rateLimited requests answered 429
     */
    record Counters(long messages, long requests, long rateLimited) {}
}
