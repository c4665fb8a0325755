package com.firmos.rest.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Only the platform reads or writes Axon's tables: the other modules' main code goes through Axon or the platform's
 * named reads, so the shape of Axon's schema is known in one module. ArchUnit sees classes, not the SQL inside their
 * strings, so this reads the sources of every module the root pom lists.
 */
class AxonTablesStayInThePlatformTest {

    private static final Pattern AXON_TABLE = Pattern.compile("(?i)(?<![a-z0-9_])(domain_event_entry|"
            + "snapshot_event_entry|token_entry|dead_letter_entry|saga_entry|association_value_entry)");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /**
     * Sources that may name them: the platform's own; the upcasters, which rewrite stored events as the migrations'
     * SQL does; the benchmarks, load harnesses that seed the store of a server they run as a process.
     */
    private static final Set<String> ALLOWED = Set.of("platform/",
            "migrations/src/main/java/com/firmos/migrations/upcasting/", "benchmarks/");

    @Test
    void noMainSourceOutsideThePlatformNamesAnAxonTable() throws IOException {
        List<String> namings = new ArrayList<>();
        for (String module : modules()) {
            namings.addAll(namings(module).stream().filter(naming -> ALLOWED.stream().noneMatch(naming::startsWith))
                    .toList());
        }
        assertThat(namings).as("main sources outside the platform that name an Axon table").isEmpty();
    }

    /** The scan sees what it looks for: the platform's own reads name the tables. */
    @Test
    void theScanFindsThePlatformsReadsOfTheTables() throws IOException {
        assertThat(modules()).contains("platform", "api/rest", "query-side", "command-side");
        assertThat(namings("platform")).anyMatch(naming -> naming.contains("domain_event_entry"))
                .anyMatch(naming -> naming.contains("token_entry"));
    }

    /** Every module of the root pom, those of its profiles included. */
    private static List<String> modules() throws IOException {
        Matcher modules = MODULE.matcher(Files.readString(root().resolve("pom.xml")));
        List<String> names = new ArrayList<>();
        while (modules.find()) {
            names.add(modules.group(1).trim());
        }
        return names;
    }

    /** Each line of the module's main Java sources that names an Axon table, as path (from the root), line and name. */
    private static List<String> namings(String module) throws IOException {
        Path sources = root().resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        List<String> namings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher table = AXON_TABLE.matcher(lines.get(i));
                    while (table.find()) {
                        namings.add(root().relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ": "
                                + table.group(1));
                    }
                }
            }
        }
        return namings;
    }

    /** The repository root: the tests run in api/rest, and the root is where the Maven wrapper is. */
    private static Path root() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve("mvnw"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no Maven wrapper above " + Path.of("").toAbsolutePath());
    }
}
