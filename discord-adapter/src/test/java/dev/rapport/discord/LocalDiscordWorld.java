package dev.rapport.discord;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.localdiscord.LocalDiscord;
import dev.rapport.localdiscord.Permissions;
import dev.rapport.localdiscord.Snowflakes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a local Discord for a test context and points the Discord adapter at it ({@code rapport.discord.token},
 * {@code rapport.discord.api-url}). The local Discord is a singleton of the context that is closed after everything
 * else, so JDA (stopped with the context's lifecycle) always shuts down before it, as it must, or its reconnect loop
 * would outlive the test.
 *
 * <p>The world: one server, Residency, with a coordinator role ("Rapport Coordinator", configured by id as the
 * default role of programmes set up without naming one), an "Admins" role with Manage Server, an owner no test uses (an owner has every permission), and pools
 * of people each test draws fresh ones from ({@link #coordinator()}, {@link #member()}), so tests sharing one local
 * Discord never read each other's direct messages.
 */
public class LocalDiscordWorld implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final long GUILD = Snowflakes.forShard(0, 1, 11);
    static final long GENERAL = GUILD + 1;
    static final long COORDINATOR_ROLE = GUILD + 2;
    static final long ADMIN_ROLE = GUILD + 3;
    static final String COORDINATOR_ROLE_NAME = "Rapport Coordinator";
    static final long OWNER = 1_400_000_000_000_000_000L;
    static final long ADMIN = 1_400_000_000_000_000_001L;

    static final int COORDINATORS = 40;
    static final int MEMBERS = 120;

    private static final long FIRST_COORDINATOR = 1_400_000_000_000_001_000L;
    private static final long FIRST_MEMBER = 1_400_000_000_000_002_000L;
    private static final AtomicInteger coordinators = new AtomicInteger();
    private static final AtomicInteger members = new AtomicInteger();

    /** Someone in the world: their Discord id and the name the server shows. */
    record Person(long id, String name) {
        String userId() {
            return Long.toString(id);
        }

        /** As the core sees them in the server. */
        ChatUser inServer(long guild) {
            return ChatUser.of(Platform.DISCORD, Long.toString(guild), userId(), name);
        }
    }

    /** A coordinator (holds the coordinator role) no other test has used. */
    static Person coordinator() {
        int n = coordinators.incrementAndGet();
        if (n > COORDINATORS) {
            throw new IllegalStateException("the world has only " + COORDINATORS + " coordinators; add more");
        }
        return new Person(FIRST_COORDINATOR + n, "Cora " + n);
    }

    /** A member without any role no other test has used. */
    static Person member() {
        int n = members.incrementAndGet();
        if (n > MEMBERS) {
            throw new IllegalStateException("the world has only " + MEMBERS + " members; add more");
        }
        return new Person(FIRST_MEMBER + n, "Member " + n);
    }

    static LocalDiscord.Builder residency() {
        return LocalDiscord.builder().guild(GUILD, "Residency", g -> {
            g.textChannel(GENERAL, "general")
                    .role(COORDINATOR_ROLE, COORDINATOR_ROLE_NAME, 0)
                    .role(ADMIN_ROLE, "Admins", Permissions.MANAGE_GUILD)
                    .member(OWNER, "owner", "Owner")
                    .owner(OWNER)
                    .member(ADMIN, "admin", "Admin", ADMIN_ROLE);
            for (int n = 1; n <= COORDINATORS; n++) {
                g.member(FIRST_COORDINATOR + n, "cora" + n, "Cora " + n, COORDINATOR_ROLE);
            }
            for (int n = 1; n <= MEMBERS; n++) {
                g.member(FIRST_MEMBER + n, "member" + n, "Member " + n);
            }
        });
    }

    /** The local Discord to start; subclasses describe other worlds. */
    protected LocalDiscord start() {
        return residency().start();
    }

    /** Adapter settings beyond the token and the URL. */
    protected Map<String, Object> settings() {
        return Map.of();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        LocalDiscord discord = start();
        List<Object> closing = new ArrayList<>();
        closing.add(discord);
        Map<String, Object> properties = new java.util.HashMap<>();
        // Programmes set up without naming a role are bound to the world's coordinator role, by id.
        properties.put("rapport.discord.coordinator-role", Long.toString(COORDINATOR_ROLE));
        properties.putAll(settings());
        properties.put("rapport.discord.token", discord.botToken());
        properties.put("rapport.discord.api-url", discord.restUrl());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("local-discord", properties));
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("localDiscord", discord);
        // Registered first, destroyed last: after the lifecycle has stopped JDA and every other bean is gone.
        beans.registerDisposableBean("localDiscord", discord::close);
    }
}
