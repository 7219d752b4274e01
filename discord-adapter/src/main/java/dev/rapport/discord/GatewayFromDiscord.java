package dev.rapport.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * JDA's session controller, remembering the gateway URL Discord named in {@code GET gateway/bot}. A shard manager
 * takes its first connection's URL from there, but a shard whose reconnect fails forgets it and asks the session
 * controller instead, whose default is Discord's own address: fine on Discord, and a shard that never comes back
 * anywhere else (the local Discord of the tests and the sandbox). With this, every connection goes where Discord
 * (or the local Discord) said.
 */
final class GatewayFromDiscord extends SessionControllerAdapter {

    private volatile String gateway = "wss://gateway.discord.gg/";

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway named = super.getShardedGateway(api);
        if (named.getUrl() != null && !named.getUrl().isBlank()) {
            gateway = named.getUrl();
        }
        return named;
    }

    @Override
    public String getGateway() {
        return gateway;
    }
}
