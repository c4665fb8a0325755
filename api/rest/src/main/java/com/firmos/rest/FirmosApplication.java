package com.firmos.rest;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.firmos.command.CommandSideConfiguration;
import com.firmos.migrations.upcasting.UpcasterConfiguration;
import com.firmos.platform.PlatformConfiguration;
import com.firmos.query.QuerySideConfiguration;
import com.firmos.rest.cli.AuditCommand;
import com.firmos.rest.cli.DeadLettersCommand;
import com.firmos.rest.cli.MigrateCommand;
import com.firmos.rest.cli.ProjectionsCommand;
import com.firmos.rest.cli.TokenCommand;

/**
 * The assembled backend: both sides, the HTTP API and the database. The first argument may name an operator
 * sub-command ({@code token}, {@code projections}) that runs instead of the server.
 */
@SpringBootApplication
@EnableScheduling
@Import({PlatformConfiguration.class, CommandSideConfiguration.class, QuerySideConfiguration.class,
        UpcasterConfiguration.class})
public class FirmosApplication {

    /** Axon's update checker calls a public host at start; a production backend opts in, not out. */
    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    /** Axon prints a boxed advertisement for its console at every start unless this is set. */
    static final String CONSOLE_MESSAGE_DISABLED = "disable-axoniq-console-message";

    /** The jar's operator sub-commands: {@code java -jar firmos.jar NAME ...} runs one instead of the server. */
    private static final Map<String, Function<String[], Integer>> SUB_COMMANDS = Map.of(
            TokenCommand.NAME, TokenCommand::run,
            ProjectionsCommand.NAME, rest -> ProjectionsCommand.run(rest, System.out, System.err),
            DeadLettersCommand.NAME, rest -> DeadLettersCommand.run(rest, System.out, System.err),
            AuditCommand.NAME, rest -> AuditCommand.run(rest, System.out, System.err),
            MigrateCommand.NAME, rest -> MigrateCommand.run(rest, System.out, System.err));

    public static void main(String[] args) {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
        if (System.getProperty(CONSOLE_MESSAGE_DISABLED) == null) {
            System.setProperty(CONSOLE_MESSAGE_DISABLED, "true");
        }
        if (args.length > 0 && SUB_COMMANDS.containsKey(args[0])) {
            System.exit(SUB_COMMANDS.get(args[0]).apply(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(FirmosApplication.class, args);
    }
}
