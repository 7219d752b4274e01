package dev.rapport.core.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's one {@link DataSource}, resolved by {@link PostgresLocator}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties) {
        PostgresLocator.Target target = PostgresLocator.resolve(properties);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setPoolName("rapport");
        // Batched inserts are rewritten into multi-row inserts: the sweep and the outbox depend on it.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // PostgreSQL's JIT compiles any query it estimates as costly, which Rapport's programme-wide reads are (their
        // hundreds of thousands of answers); compiling took ~130 ms of a 290 ms read and saved nothing (measured in
        // benchmark/README.md, "Coordinators' reports"). Rapport runs no query long enough to repay it.
        config.setConnectionInitSql("set jit = off");
        return new HikariDataSource(config);
    }
}
