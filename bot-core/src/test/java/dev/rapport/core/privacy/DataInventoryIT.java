package dev.rapport.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.test.CoreTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's data inventory names every table of the schema: a new table cannot slip in unaccounted for. */
class DataInventoryIT extends CoreTestSupport {

    @Test
    void every_table_of_the_schema_is_in_the_readme_data_inventory() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("### Data inventory");
        assertThat(start).as("the README has a data inventory").isNotNegative();
        String inventory = readme.substring(start, readme.indexOf("\n## ", start));

        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE' order by table_name",
                String.class);
        assertThat(tables).contains("participant", "outbox", "qrtz_triggers");
        for (String table : tables) {
            assertThat(named(inventory, table))
                    .as("the README's data inventory names table " + table)
                    .isTrue();
        }
    }

    /** Whether a row of the inventory names the table, as `table` or through a `prefix_*` wildcard. */
    private static boolean named(String inventory, String table) {
        Matcher names = Pattern.compile("`([a-z_]+)(\\*?)`").matcher(inventory);
        while (names.find()) {
            String name = names.group(1);
            if (names.group(2).isEmpty() ? name.equals(table) : table.startsWith(name)) {
                return true;
            }
        }
        return false;
    }
}
